// The room's call state as an explicit state machine (CONVENTIONS 8): one call at a time, driven by
// room intents (call, answer, hang up), by what the call signalling reports (RFC 3261 dialogs arrive
// with issue 5), and by timeouts on an injected clock. The transition table is the whole behaviour.
import type { CallState } from '../../../shared/ipc/contract';
import type { Clock, TimerHandle } from '../clock';

export type CallEvent =
  | 'dial' // the room asked to call the far end
  | 'incoming' // the far end is calling us
  | 'answer' // the room answered a ringing call
  | 'remoteAnswered' // the far end answered our call
  | 'hangup' // the room hung up, cancelled or declined
  | 'remoteEnded' // the far end ended, cancelled, declined or the call failed
  | 'timeout'; // the current state's timer ran out

export const CALL_TRANSITIONS: Readonly<Record<CallState, Partial<Record<CallEvent, CallState>>>> = {
  idle: { dial: 'calling', incoming: 'ringing' },
  calling: { remoteAnswered: 'connected', hangup: 'ending', remoteEnded: 'idle', timeout: 'ending' },
  ringing: { answer: 'connected', hangup: 'ending', remoteEnded: 'idle', timeout: 'idle' },
  connected: { hangup: 'ending', remoteEnded: 'idle' },
  // Waiting for the far end to confirm the end (a BYE's 200 OK); the timer ends it anyway.
  ending: { remoteEnded: 'idle', timeout: 'idle' },
};

/** How long each state may last before its `timeout` event fires (ms); absent = no timer. */
export const CALL_TIMEOUTS: Readonly<Partial<Record<CallState, number>>> = {
  calling: 45_000,
  ringing: 60_000,
  ending: 3_000,
};

/** Why a timeout ended a state, shown on the screens. */
const TIMEOUT_REASONS: Readonly<Partial<Record<CallState, string>>> = {
  calling: 'No answer',
  ringing: 'Missed call',
  ending: 'Call ended',
};

export class InvalidTransitionError extends Error {
  override readonly name = 'InvalidTransitionError';
  constructor(
    readonly from: CallState,
    readonly event: CallEvent,
  ) {
    super(`call event "${event}" is not allowed in state "${from}"`);
  }
}

export interface CallStatus {
  state: CallState;
  remote: string | null;
  since: number | null;
  endReason: string | null;
}

export class CallMachine {
  private status: CallStatus = { state: 'idle', remote: null, since: null, endReason: null };
  private timer: TimerHandle | undefined;

  constructor(
    private readonly clock: Clock,
    /** Called after every change of status (never for refused events). */
    private readonly onChange: (status: CallStatus) => void,
  ) {}

  get current(): Readonly<CallStatus> {
    return this.status;
  }

  can(event: CallEvent): boolean {
    return CALL_TRANSITIONS[this.status.state][event] !== undefined;
  }

  /**
   * Applies `event`; throws InvalidTransitionError when the table does not allow it.
   * `remote` names the far end when the event brings one; `reason` says why a call ended.
   */
  fire(event: CallEvent, detail: { remote?: string; reason?: string } = {}): CallStatus {
    const from = this.status.state;
    const to = CALL_TRANSITIONS[from][event];
    if (to === undefined) throw new InvalidTransitionError(from, event);
    this.timer?.cancel();
    this.timer = undefined;
    // A new call clears the last end reason; otherwise the first reason given for the end stands
    // (a call that timed out with "No answer" still says so once its ending times out).
    const timeoutReason = event === 'timeout' ? TIMEOUT_REASONS[from] : undefined;
    const endReason = event === 'dial' || event === 'incoming' ? null : (detail.reason ?? this.status.endReason ?? timeoutReason ?? null);
    this.status = {
      state: to,
      remote: to === 'idle' ? null : (detail.remote ?? this.status.remote),
      since: this.clock.now(),
      endReason,
    };
    const limit = CALL_TIMEOUTS[to];
    if (limit !== undefined) this.timer = this.clock.after(limit, () => this.fireTimeout(to));
    this.onChange(this.status);
    return this.status;
  }

  /** Records (or with null, clears) a notice such as "no far end configured", without a transition. */
  note(endReason: string | null): void {
    this.status = { ...this.status, endReason };
    this.onChange(this.status);
  }

  close(): void {
    this.timer?.cancel();
    this.timer = undefined;
  }

  private fireTimeout(state: CallState): void {
    // A timer from a state we already left is stale (cancel() raced the callback).
    if (this.status.state === state) this.fire('timeout');
  }
}

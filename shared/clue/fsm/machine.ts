// The pieces every CLUE state machine shares: the injected clock, the channel the messages travel
// on (the CLUE core does not know it is an SCTP data channel, RFC 8850), explicit transition tables
// and the error an illegal transition raises.

import type { Clock, TimerHandle } from '../../clock';

export type { Clock, TimerHandle } from '../../clock';

/** Where CLUE messages go: one XML document per call, reliable and in order (RFC 8847 §4). */
export interface ClueChannel {
  send(xml: string): void;
  close(reason: string): void;
}

/** Response timeout and retransmission policy (RFC 8847 §6: timers are left to implementations). */
export interface Timeouts {
  /** How long to wait for OPTIONS RESPONSE, ACK or CONFIGURE RESPONSE before sending again. */
  responseMs: number;
  /** Sends after the first before the participant gives up and closes the channel. */
  maxRetries: number;
}
export const DEFAULT_TIMEOUTS: Readonly<Timeouts> = { responseMs: 5000, maxRetries: 2 };

export type TransitionTable<S extends string, E extends string> = Readonly<Record<S, Readonly<Partial<Record<E, S>>>>>;

export class InvalidTransitionError extends Error {
  override readonly name = 'InvalidTransitionError';
  constructor(
    readonly machine: string,
    readonly state: string,
    readonly event: string,
  ) {
    super(`${machine}: event "${event}" is not allowed in state "${state}"`);
  }
}

export type TransitionListener<S extends string, E extends string> = (from: S, event: E, to: S) => void;

/** A state held against a transition table: `fire` moves or throws InvalidTransitionError. */
export class StateMachine<S extends string, E extends string> {
  private current: S;
  constructor(
    readonly name: string,
    private readonly table: TransitionTable<S, E>,
    initial: S,
    private readonly listener?: TransitionListener<S, E>,
  ) {
    this.current = initial;
  }

  get state(): S {
    return this.current;
  }

  can(event: E): boolean {
    return this.table[this.current][event] !== undefined;
  }

  fire(event: E): S {
    const from = this.current;
    const to = this.table[from][event];
    if (to === undefined) throw new InvalidTransitionError(this.name, from, event);
    this.current = to;
    this.listener?.(from, event, to);
    return to;
  }
}

/** One pending timer at a time, cleared on every transition that answers it. */
export class Timer {
  private handle: TimerHandle | undefined;
  constructor(private readonly clock: Clock) {}
  start(ms: number, fn: () => void): void {
    this.stop();
    this.handle = this.clock.after(ms, () => {
      this.handle = undefined;
      fn();
    });
  }
  stop(): void {
    this.handle?.cancel();
    this.handle = undefined;
  }
  get running(): boolean {
    return this.handle !== undefined;
  }
}

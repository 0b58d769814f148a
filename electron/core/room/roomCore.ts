// The room core: the one object that holds the room's state (call, microphones, cameras, self-view,
// layout, volume, key help, configuration problems), turns intents and key presses into new
// snapshots, and tells every screen. The Electron shell and the browser host both drive this same
// object; neither keeps room state of its own (ARCHITECTURE: "the same core").
import type { RoomConfig } from '../../../shared/config';
import type { Snapshot } from '../../../shared/ipc/contract';
import type { Intent } from '../../../shared/keys/intents';
import { dispatchKey, type KeyPress } from '../../../shared/keys/keymap';
import { createLogger } from '../log';
import { CallMachine, InvalidTransitionError, type CallEvent } from './callMachine';
import type { CallSignal, CallSignalling } from './callSignalling';
import { systemClock, type Clock } from '../clock';
import { applyControlIntent, INITIAL_CONTROLS, keyHelpRows, type RoomControls } from './roomControls';

const log = createLogger('room');

export interface RoomCoreOptions {
  config: RoomConfig;
  /** Problems with the configuration file as it is now ([] when it is good). */
  problems?: readonly string[];
  clock?: Clock;
  /** How calls travel; without one the room still runs and says why it cannot call. */
  signalling?: CallSignalling;
}

export type SnapshotListener = (snapshot: Snapshot) => void;

export class RoomCore {
  private config: RoomConfig;
  private problems: readonly string[];
  private controls: RoomControls = INITIAL_CONTROLS;
  private readonly call: CallMachine;
  private readonly signalling: CallSignalling | undefined;
  private readonly listeners = new Set<SnapshotListener>();
  private readonly unsubscribeSignalling: (() => void) | undefined;
  private current: Snapshot;
  private closed = false;
  /** Refused or ignored inputs by reason, for diagnostics and tests. */
  readonly refusals = new Map<string, number>();

  constructor(options: RoomCoreOptions) {
    this.config = options.config;
    this.problems = options.problems ?? [];
    this.signalling = options.signalling;
    this.call = new CallMachine(options.clock ?? systemClock, () => this.publish());
    this.unsubscribeSignalling = this.signalling?.onSignal((signal) => this.onSignal(signal));
    this.current = this.build();
  }

  snapshot(): Snapshot {
    return this.current;
  }

  onSnapshot(listener: SnapshotListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** A key press from any screen (or keypad, or remote) through the room keymap. */
  key(press: KeyPress): { intent: Intent | null } {
    if (this.closed) return { intent: null };
    const intent = dispatchKey(this.config.keymap, press);
    if (!intent) {
      this.refuse('unmapped key');
      return { intent: null };
    }
    this.intent(intent);
    return { intent };
  }

  intent(intent: Intent): { accepted: boolean } {
    if (this.closed) return { accepted: false };
    switch (intent) {
      case 'call':
        return { accepted: this.dial() };
      case 'answer':
        return { accepted: this.fireLocal('answer', () => this.signalling?.answer()) };
      case 'hangup':
        return { accepted: this.hangup() };
      default: {
        const next = applyControlIntent(this.controls, intent);
        if (next === this.controls) return this.refuse(`${intent} has no effect now`);
        this.controls = next;
        this.publish();
        return { accepted: true };
      }
    }
  }

  /** A new configuration (or new problems with the file): the room keeps its call and controls. */
  setConfig(config: RoomConfig, problems: readonly string[]): void {
    if (this.closed) return;
    this.config = config;
    this.problems = [...problems];
    this.publish();
  }

  close(): void {
    if (this.closed) return;
    if (this.call.current.state !== 'idle') this.signalling?.hangup();
    this.closed = true;
    this.call.close();
    this.unsubscribeSignalling?.();
    this.listeners.clear();
  }

  private dial(): boolean {
    if (this.call.current.state !== 'idle') return this.refuse(`call while ${this.call.current.state}`).accepted;
    const farEnd = this.config.sip.farEnd;
    if (!farEnd) return this.cannotCall('Cannot call: no far end is set in the room configuration (sip.farEnd)');
    if (!this.signalling) return this.cannotCall('Cannot call: this version has no call signalling yet');
    this.call.fire('dial', { remote: farEnd });
    this.signalling.dial(farEnd);
    return true;
  }

  private hangup(): boolean {
    // In idle, "hang up" dismisses the last end reason from the screens.
    if (this.call.current.state === 'idle') {
      if (this.call.current.endReason === null) return this.refuse('hangup while idle').accepted;
      this.call.note(null);
      return true;
    }
    return this.fireLocal('hangup', () => this.signalling?.hangup());
  }

  private cannotCall(reason: string): boolean {
    log.info('call refused', { reason });
    this.call.note(reason);
    this.count(reason);
    return false;
  }

  private fireLocal(event: CallEvent, tell: () => void): boolean {
    if (!this.call.can(event)) return this.refuse(`${event} while ${this.call.current.state}`).accepted;
    this.call.fire(event);
    tell();
    return true;
  }

  private onSignal(signal: CallSignal): void {
    try {
      if (signal.type === 'incoming') this.call.fire('incoming', { remote: signal.from });
      else if (signal.type === 'answered') this.call.fire('remoteAnswered', { remote: signal.remote });
      else this.call.fire('remoteEnded', { reason: signal.reason });
    } catch (err) {
      if (!(err instanceof InvalidTransitionError)) throw err;
      log.info('call signal ignored', { signal: signal.type, state: err.from });
      this.count(`signal ${signal.type} while ${err.from}`);
    }
  }

  private refuse(reason: string): { accepted: false } {
    log.debug('room input refused', { reason });
    this.count(reason);
    return { accepted: false };
  }

  private count(reason: string): void {
    this.refusals.set(reason, (this.refusals.get(reason) ?? 0) + 1);
  }

  private publish(): void {
    if (this.closed) return;
    this.current = this.build();
    for (const listener of this.listeners) {
      try {
        listener(this.current);
      } catch (err) {
        // One broken window must not stop the others from hearing about the change.
        log.warn('snapshot listener failed', { error: err instanceof Error ? err.message : String(err) });
      }
    }
  }

  private build(): Snapshot {
    const { config, controls } = this;
    const call = this.call.current;
    return {
      room: { name: config.room.name },
      screens: config.screens.map((s) => ({ id: s.id, label: s.label, role: s.role })),
      call: { state: call.state, remote: call.remote, since: call.since, endReason: call.endReason },
      muted: controls.muted,
      cameraOff: controls.cameraOff,
      selfView: controls.selfView,
      layout: controls.layout,
      volume: controls.volume,
      helpVisible: controls.helpVisible,
      keyHelp: keyHelpRows(config.keymap),
      configProblems: [...this.problems],
    };
  }
}

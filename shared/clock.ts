// The only view of time the room core, the transport and the CLUE state machines have: injected, so
// that timeouts, retransmissions and consent checks are tested without waiting (CONVENTIONS 8).
// The system clock lives in electron/core/clock.ts; ManualClock here is moved by hand.

export interface TimerHandle {
  /** Idempotent. */
  cancel(): void;
}

export interface Clock {
  /** Milliseconds since the epoch, from a monotonic source (intervals stay right when the wall clock is set). */
  now(): number;
  /** Runs `fn` once after `ms`. */
  after(ms: number, fn: () => void): TimerHandle;
}

/** A clock moved by hand (tests, simulations): advance() fires due timers in time order. */
export class ManualClock implements Clock {
  private time: number;
  private seq = 0;
  private readonly timers = new Map<number, { at: number; fn: () => void }>();

  constructor(start = 0) {
    this.time = start;
  }

  now(): number {
    return this.time;
  }

  after(ms: number, fn: () => void): TimerHandle {
    const id = ++this.seq;
    this.timers.set(id, { at: this.time + Math.max(0, ms), fn });
    return { cancel: () => void this.timers.delete(id) };
  }

  /** Moves time forward by `ms`, running every timer that falls due (including ones they set), in order. */
  advance(ms: number): void {
    const end = this.time + ms;
    for (;;) {
      let next: [number, { at: number; fn: () => void }] | undefined;
      for (const entry of this.timers) if (entry[1].at <= end && (!next || entry[1].at < next[1].at)) next = entry;
      if (!next) break;
      this.timers.delete(next[0]);
      this.time = next[1].at;
      next[1].fn();
    }
    this.time = end;
  }

  /** Timers set and not yet fired or cancelled. */
  get pending(): number {
    return this.timers.size;
  }
}

// The transport's only view of time, injected so that retransmission, consent and timeout timers are
// tested without waiting (CONVENTIONS 8). systemClock is the one used in the app.
export interface TimerHandle {
  cancel(): void;
}

export interface Clock {
  /** Milliseconds, monotonic enough for intervals. */
  now(): number;
  /** Runs `fn` once after `ms`; cancel() is idempotent. */
  after(ms: number, fn: () => void): TimerHandle;
}

export const systemClock: Clock = {
  now: () => performance.now(),
  after(ms, fn) {
    const timer = setTimeout(fn, ms);
    // A transport timer alone must not keep a headless process alive.
    timer.unref?.();
    return { cancel: () => clearTimeout(timer) };
  },
};

/** A clock moved by hand (tests): advance() fires due timers in time order. */
export class ManualClock implements Clock {
  private time = 0;
  private seq = 0;
  private readonly timers = new Map<number, { at: number; fn: () => void }>();

  now(): number {
    return this.time;
  }

  after(ms: number, fn: () => void): TimerHandle {
    const id = ++this.seq;
    this.timers.set(id, { at: this.time + Math.max(0, ms), fn });
    return { cancel: () => void this.timers.delete(id) };
  }

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

  get pending(): number {
    return this.timers.size;
  }
}

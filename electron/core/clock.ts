// The system clock behind shared/clock.ts's Clock: epoch milliseconds from the monotonic timer, and
// timers that never keep a headless process alive on their own.
import type { Clock } from '../../shared/clock';

export type { Clock, TimerHandle } from '../../shared/clock';

export const systemClock: Clock = {
  now: () => performance.timeOrigin + performance.now(),
  after(ms, fn) {
    const timer = setTimeout(fn, ms);
    timer.unref();
    return { cancel: () => clearTimeout(timer) };
  },
};

import { describe, expect, it } from 'vitest';
import { CALL_TIMEOUTS, CALL_TRANSITIONS, CallMachine, InvalidTransitionError, type CallEvent } from '../../electron/core/room/callMachine';
import { ManualClock } from '../../shared/clock';
import { callStateSchema } from '../../shared/ipc/contract';

const EVENTS: CallEvent[] = ['dial', 'incoming', 'answer', 'remoteAnswered', 'hangup', 'remoteEnded', 'timeout'];

/** Drives a fresh machine into `state` along table transitions. */
function machineIn(state: string, clock = new ManualClock()): CallMachine {
  const m = new CallMachine(clock, () => undefined);
  const paths: Record<string, CallEvent[]> = {
    idle: [],
    calling: ['dial'],
    ringing: ['incoming'],
    connected: ['dial', 'remoteAnswered'],
    ending: ['dial', 'hangup'],
  };
  for (const e of paths[state] ?? []) m.fire(e, { remote: 'sip:far@example.invalid' });
  expect(m.current.state).toBe(state);
  return m;
}

describe('call state machine: the transition table is the behaviour', () => {
  for (const state of callStateSchema.options) {
    for (const event of EVENTS) {
      const to = CALL_TRANSITIONS[state][event];
      it(`${state} --${event}--> ${to ?? 'InvalidTransitionError'}`, () => {
        const m = machineIn(state);
        if (to === undefined) {
          expect(m.can(event)).toBe(false);
          expect(() => m.fire(event)).toThrow(InvalidTransitionError);
          expect(m.current.state).toBe(state);
        } else {
          expect(m.can(event)).toBe(true);
          expect(m.fire(event).state).toBe(to);
        }
      });
    }
  }
});

describe('call timeouts on the injected clock', () => {
  it('an unanswered call ends with "No answer" after 45 s, then idles', () => {
    const clock = new ManualClock();
    const seen: string[] = [];
    const m = new CallMachine(clock, (s) => seen.push(s.state));
    m.fire('dial', { remote: 'sip:far@example.invalid' });
    clock.advance((CALL_TIMEOUTS.calling ?? 0) - 1);
    expect(m.current.state).toBe('calling');
    clock.advance(1);
    expect(m.current).toMatchObject({ state: 'ending', endReason: 'No answer' });
    clock.advance(CALL_TIMEOUTS.ending ?? 0);
    expect(m.current).toMatchObject({ state: 'idle', remote: null, endReason: 'No answer' });
    expect(seen).toEqual(['calling', 'ending', 'idle']);
  });

  it('a ringing call nobody answers becomes a missed call', () => {
    const clock = new ManualClock();
    const m = new CallMachine(clock, () => undefined);
    m.fire('incoming', { remote: 'sip:far@example.invalid' });
    clock.advance(CALL_TIMEOUTS.ringing ?? 0);
    expect(m.current).toMatchObject({ state: 'idle', endReason: 'Missed call' });
  });

  it('leaving a state cancels its timer; a connected call has none', () => {
    const clock = new ManualClock();
    const m = new CallMachine(clock, () => undefined);
    m.fire('dial', { remote: 'sip:a@example.invalid' });
    const since = m.current.since;
    clock.advance(1000);
    m.fire('remoteAnswered');
    expect(clock.pending).toBe(0);
    clock.advance(10 * 60_000);
    expect(m.current.state).toBe('connected');
    expect(m.current.since).toBe((since ?? 0) + 1000);
  });

  it('a new call clears the last end reason; close() stops the timers', () => {
    const clock = new ManualClock();
    const m = new CallMachine(clock, () => undefined);
    m.fire('incoming', { remote: 'sip:a@example.invalid' });
    m.fire('remoteEnded', { reason: 'Call cancelled' });
    expect(m.current.endReason).toBe('Call cancelled');
    m.fire('dial', { remote: 'sip:b@example.invalid' });
    expect(m.current.endReason).toBeNull();
    m.close();
    expect(clock.pending).toBe(0);
  });
});

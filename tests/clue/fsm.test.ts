// The three transition tables (RFC 8847 §6, §6.1, §6.2; Figures 9-11): every allowed transition leads where the
// table says, every other (state, event) pair raises InvalidTransitionError.
import { describe, expect, it } from 'vitest';
import { CONSUMER_TRANSITIONS, InvalidTransitionError, PARTICIPANT_TRANSITIONS, PROVIDER_TRANSITIONS, StateMachine, type TransitionTable } from '../../shared/clue';

const EVENTS = {
  participant: ['channelOpening', 'sendOptions', 'awaitOptions', 'optionsTimeout', 'optionsResponseOk', 'optionsResponseError', 'optionsAccepted', 'optionsRefused', 'close', 'reset'],
  provider: ['advReady', 'advSent', 'ackOk', 'ackError', 'ackTimeout', 'confWithAck', 'confReceived', 'confAccepted', 'confRejected', 'channelClosed'],
  consumer: ['advReceived', 'ackSent', 'nackSent', 'confAckSent', 'confSent', 'confResponseOk', 'confResponseError', 'confTimeout', 'channelClosed'],
} as const;

function cases(table: TransitionTable<string, string>, events: readonly string[]): [string, string, string | undefined][] {
  return Object.keys(table).flatMap((s) => events.map((e): [string, string, string | undefined] => [s, e, table[s]?.[e]]));
}

describe.each([
  ['participant', PARTICIPANT_TRANSITIONS, EVENTS.participant],
  ['provider', PROVIDER_TRANSITIONS, EVENTS.provider],
  ['consumer', CONSUMER_TRANSITIONS, EVENTS.consumer],
] as const)('%s transition table', (name, table, events) => {
  const t = table as TransitionTable<string, string>;
  it('names only known events', () => {
    for (const row of Object.values(t)) for (const e of Object.keys(row)) expect(events as readonly string[]).toContain(e);
  });
  it('every state but TERMINATED can reach TERMINATED', () => {
    for (const s of Object.keys(t)) if (s !== 'terminated') expect(Object.values(t[s] ?? {}), s).toContain('terminated');
  });
  it.each(cases(t, events))(`${name}: %s --%s--> %s`, (state, event, to) => {
    const m = new StateMachine(name, t, state);
    if (to === undefined) {
      expect(() => m.fire(event)).toThrow(InvalidTransitionError);
      expect(m.state).toBe(state);
      expect(m.can(event)).toBe(false);
    } else {
      expect(m.can(event)).toBe(true);
      expect(m.fire(event)).toBe(to);
      expect(m.state).toBe(to);
    }
  });
});

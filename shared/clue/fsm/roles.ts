// What the participant gives its media provider and media consumer machines (RFC 8847 §6): a way
// to send a message (the participant numbers it), the clock, the retransmission policy, a way to
// give up, and a sink for problems found in what the peer sent.
import type { Problem } from '../errors';
import type { ClueMessage } from '../messages/types';
import type { Clock, Timeouts } from './machine';

type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;
/** A message before the participant stamps version, clueId and sequence number on it. */
export type Outgoing = DistributiveOmit<ClueMessage, 'version' | 'sequenceNr' | 'clueId'>;

/** What was done about a bad or unexpected message. */
export type ProblemAction = 'answered' | 'dropped';

export interface RoleDeps {
  /** Sends the message and returns the sequence number it carried. */
  send(m: Outgoing): number;
  clock: Clock;
  timeouts: Timeouts;
  /** Ends the CLUE session (the participant closes the channel). */
  fail(reason: string): void;
  report(problem: Problem, action: ProblemAction): void;
}

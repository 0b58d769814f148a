// Builds participants for the state-machine tests and records every transition they make.
import { advertisementFromRoom, ClueParticipant, roomRoles, type ClueInfo, type ParticipantOptions, type Problem, type ProblemAction } from '../../shared/clue';
import type { RoomConfig } from '../../shared/config';
import { ManualClock, MemoryChannel } from './helpers';

/** Every transition seen by any test, as "machine:from:event". */
export const seenTransitions = new Set<string>();

export interface Side {
  p: ClueParticipant;
  ch: MemoryChannel;
  problems: { problem: Problem; action: ProblemAction }[];
  transitions: string[];
  closed: string[];
}

export function roomInfo(room: RoomConfig): ClueInfo {
  const r = advertisementFromRoom(room);
  if (!r.ok) throw new Error(r.problem);
  return r.info;
}

export function side(clock: ManualClock, o: Omit<ParticipantOptions, 'channel' | 'clock' | 'events'>): Side {
  const ch = new MemoryChannel();
  const s: Side = { p: undefined as unknown as ClueParticipant, ch, problems: [], transitions: [], closed: [] };
  s.p = new ClueParticipant({
    ...o,
    channel: ch,
    clock,
    events: {
      onTransition: (m, f, e, t) => {
        seenTransitions.add(`${m}:${f}:${e}`);
        s.transitions.push(`${m}:${f}-${e}->${t}`);
      },
      onProblem: (problem, action) => s.problems.push({ problem, action }),
      onClosed: (reason) => s.closed.push(reason),
    },
  });
  return s;
}

/** A full participant for a room: provider of the room's advertisement, consumer for its screens. */
export function roomSide(clock: ManualClock, room: RoomConfig, initiator: boolean, extra: Partial<ParticipantOptions> = {}): Side {
  const made = roomRoles(room);
  if (!made.ok) throw new Error(made.problem);
  const { provider, consumer, clueId } = made.roles;
  return side(clock, { initiator, clueId, initialSequenceNr: initiator ? 100 : 500, provider, consumer, ...extra });
}

/** Links two sides: closing one channel closes the other participant. */
export function link(a: Side, b: Side): void {
  a.ch.peerClosed = (r) => b.p.channelClosed(`peer closed: ${r}`);
  b.ch.peerClosed = (r) => a.p.channelClosed(`peer closed: ${r}`);
}

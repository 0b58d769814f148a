// CLUE over the call's data channel (RFC 8850): binds a ClueParticipant (shared/clue) to the
// reliable, ordered DataChannel the transport opened or accepted for CLUE. CLUE messages are text
// (RFC 8850 §3.2: PPID 51, WebRTC String); a binary message is dropped and logged. Closing either
// side ends the other: the participant's close resets the stream (RFC 8831 §6.7), the channel's close
// takes every CLUE machine to TERMINATED (RFC 8847 §6).
import type { RoomConfig } from '../../../shared/config';
import { ClueParticipant, roomRoles, type ConsumerEvents, type ParticipantEvents, type ParticipantOptions, type ProviderEvents } from '../../../shared/clue';
import { systemClock, type Clock } from '../clock';
import { createLogger } from '../log';
import { clueChannelProblem, type DataChannel } from '../transport';

const log = createLogger('clue');

export interface ClueChannelOptions {
  /**
   * The CLUE Channel Initiator sends OPTIONS (RFC 8847 §4, §6); RFC 8848 §8 makes it the DTLS client
   * (a=setup:active), which is also the side that opens the CLUE data channel.
   */
  initiator: boolean;
  clock?: Clock;
  events?: ParticipantEvents;
  /** What the far end configured us to send (the media sender's cue), RFC 8847 §6.1. */
  providerEvents?: ProviderEvents;
  /** Advertisements received and what we configured (the layout's cue), RFC 8847 §6.2. */
  consumerEvents?: ConsumerEvents;
  /** Participant options beyond the room's roles (timeouts, versions, limits). */
  participant?: Partial<Omit<ParticipantOptions, 'channel' | 'clock' | 'initiator' | 'events'>>;
}

/**
 * Runs the room's CLUE participant on `channel`. Throws RangeError, after closing the channel, when the
 * channel is not fully reliable and ordered (RFC 8850 §3.2.3-3.2.4), and when the room has nothing to advertise.
 */
export function startClue(channel: DataChannel, room: RoomConfig, opts: ClueChannelOptions): ClueParticipant {
  const unfit = clueChannelProblem(channel);
  if (unfit) {
    log.warn('refused the CLUE channel; closing it', { id: channel.id, reason: unfit });
    channel.close();
    throw new RangeError(`refused the CLUE channel: ${unfit}`);
  }
  const made = roomRoles(room);
  if (!made.ok) throw new RangeError(`cannot take part in CLUE: ${made.problem}`);
  const { provider, consumer, clueId } = made.roles;
  const events = opts.events ?? {};
  const participant = new ClueParticipant({
    provider: { ...provider, events: opts.providerEvents },
    consumer: { ...consumer, events: opts.consumerEvents },
    clueId,
    ...opts.participant,
    initiator: opts.initiator,
    clock: opts.clock ?? systemClock,
    channel: {
      send: (xml) => channel.send(xml),
      close: (reason) => {
        log.info('closing the CLUE channel', { id: channel.id, reason });
        channel.close();
      },
    },
    events: {
      ...events,
      onProblem: (problem, action) => {
        log.warn('CLUE message refused', { code: problem.code, reason: problem.reason, path: problem.path, action });
        events.onProblem?.(problem, action);
      },
      onActive: (session) => {
        log.info('CLUE session active', { version: session.version, extensions: session.extensions.map((e) => e.name).join(',') });
        events.onActive?.(session);
      },
      onClosed: (reason) => {
        log.info('CLUE session ended', { reason });
        events.onClosed?.(reason);
      },
    },
  });
  channel.events.on('message', (m) => {
    if (typeof m === 'string') return participant.receive(m);
    log.warn('dropped a binary message on the CLUE channel (CLUE is text, RFC 8850 §3.2)', { id: channel.id, bytes: m.length });
  });
  channel.events.on('close', () => participant.channelClosed('the CLUE data channel closed'));
  if (channel.state === 'open') participant.channelOpen();
  else {
    participant.channelOpening();
    channel.events.once('open', () => participant.channelOpen());
  }
  return participant;
}

// What every received message is checked for before the state machines see it (RFC 8847 §5):
// its sequence number follows the previous one of the same stream (402), its clueId does not change
// (403), its version is the session's (401); and the error response that answers a refused request
// (RFC 8847 §5.7).
import { RESPONSE_CODES, type ErrorCode } from '../errors';
import { versionAccepted } from '../messages/version';
import type { ClueMessage, MessageType } from '../messages/types';
import type { Outgoing } from './roles';

export interface Refusal {
  code: ErrorCode;
  reason: string;
}

/**
 * RFC 8847 §5: each participant numbers up to three independent streams of the messages it sends:
 * the initiation phase (OPTIONS, OPTIONS RESPONSE), those it sends as a media provider
 * (ADVERTISEMENT, CONFIGURE RESPONSE) and those it sends as a media consumer (ACK, CONFIGURE).
 * A message's type tells its stream, whichever side sent it.
 */
export type SeqStream = 'initiation' | 'provider' | 'consumer';
export function streamOf(type: MessageType): SeqStream {
  switch (type) {
    case 'options':
    case 'optionsResponse':
      return 'initiation';
    case 'advertisement':
    case 'configureResponse':
      return 'provider';
    case 'ack':
    case 'configure':
      return 'consumer';
  }
}

export class PeerIntake {
  /** The most recent sequence number received on each of the peer's streams (RFC 8847 §5). */
  private lastSeq: Partial<Record<SeqStream, number>> = {};
  private clueId: string | undefined;

  /** Accepts or refuses `msg`; a gap moves the expectation on so that one loss is not fatal. */
  check(msg: ClueMessage, sessionVersion: string | undefined): Refusal | undefined {
    const stream = streamOf(msg.type);
    const last = this.lastSeq[stream];
    if (last !== undefined && msg.sequenceNr !== last + 1) {
      if (msg.sequenceNr > last) this.lastSeq[stream] = msg.sequenceNr;
      return { code: 402, reason: `sequence number ${msg.sequenceNr}, expected ${last + 1} (${stream} messages)` };
    }
    this.lastSeq[stream] = msg.sequenceNr;
    if (msg.clueId !== undefined) {
      this.clueId ??= msg.clueId;
      if (msg.clueId !== this.clueId) return { code: 403, reason: `clueId "${msg.clueId}" differs from "${this.clueId}"` };
    }
    if (sessionVersion !== undefined && msg.type !== 'options' && !versionAccepted(msg.version, sessionVersion)) {
      return { code: 401, reason: `version ${msg.version} in a ${sessionVersion} session` };
    }
    return undefined;
  }

  /** An undecodable message whose type and number could still be read takes its place in its stream. */
  consumed(type: MessageType, seq: number | undefined): void {
    const last = this.lastSeq[streamOf(type)];
    if (seq !== undefined && last !== undefined && seq === last + 1) this.lastSeq[streamOf(type)] = seq;
  }

  reset(): void {
    this.lastSeq = {};
    this.clueId = undefined;
  }
}

/** The response that refuses request `type` number `seq`; undefined for a response (never answered). */
export function errorResponse(type: MessageType, seq: number, code: ErrorCode, reason: string): Outgoing | undefined {
  const reasonString = `${RESPONSE_CODES[code]}: ${reason}`.slice(0, 500);
  switch (type) {
    case 'options':
      return { type: 'optionsResponse', responseCode: code, reasonString };
    case 'advertisement':
      return { type: 'ack', responseCode: code, reasonString, advSequenceNr: seq };
    case 'configure':
      return { type: 'configureResponse', responseCode: code, reasonString, confSequenceNr: seq };
    default:
      return undefined;
  }
}

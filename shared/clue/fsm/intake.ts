// What every received message is checked for before the state machines see it (RFC 8847 §5):
// its sequence number follows the previous one (402), its clueId does not change (403), its version
// is the session's (401); and the error response that answers a refused request (RFC 8847 §5.7).
import { RESPONSE_CODES, type ErrorCode } from '../errors';
import { versionAccepted } from '../messages/version';
import type { ClueMessage, MessageType } from '../messages/types';
import type { Outgoing } from './roles';

export interface Refusal {
  code: ErrorCode;
  reason: string;
}

export class PeerIntake {
  private lastSeq: number | undefined;
  private clueId: string | undefined;

  /** Accepts or refuses `msg`; a gap moves the expectation on so that one loss is not fatal. */
  check(msg: ClueMessage, sessionVersion: string | undefined): Refusal | undefined {
    if (this.lastSeq !== undefined && msg.sequenceNr !== this.lastSeq + 1) {
      const expected = this.lastSeq + 1;
      if (msg.sequenceNr > this.lastSeq) this.lastSeq = msg.sequenceNr;
      return { code: 402, reason: `sequence number ${msg.sequenceNr}, expected ${expected}` };
    }
    this.lastSeq = msg.sequenceNr;
    if (msg.clueId !== undefined) {
      this.clueId ??= msg.clueId;
      if (msg.clueId !== this.clueId) return { code: 403, reason: `clueId "${msg.clueId}" differs from "${this.clueId}"` };
    }
    if (sessionVersion !== undefined && msg.type !== 'options' && !versionAccepted(msg.version, sessionVersion)) {
      return { code: 401, reason: `version ${msg.version} in a ${sessionVersion} session` };
    }
    return undefined;
  }

  /** An undecodable message whose number could still be read takes its place in the sequence. */
  consumed(seq: number | undefined): void {
    if (seq !== undefined && this.lastSeq !== undefined && seq === this.lastSeq + 1) this.lastSeq = seq;
  }

  reset(): void {
    this.lastSeq = undefined;
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

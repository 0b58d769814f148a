// The one error type of the SRTP layer. unprotect*() never throws (it returns a drop reason); protect*()
// throws SrtpError when the caller hands it something it must not send: a malformed or oversized
// packet, a reused packet index, or a key past its lifetime (RFC 3711 §9.2).
import type { SrtpDropReason } from './types';

export class SrtpError extends Error {
  override readonly name = 'SrtpError';
  constructor(
    readonly reason: SrtpDropReason,
    message: string,
  ) {
    super(message);
  }
}

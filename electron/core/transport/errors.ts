// The errors the transport layers (demux, STUN/ICE, DTLS, SCTP/DCEP, SDP, RTP) throw. Parsers throw
// only ParseError; lifecycle misuse throws InvalidStateError; a state machine asked for a transition
// its table does not allow throws InvalidTransitionError (CONVENTIONS 4, 8, 10).

/** Malformed bytes or text: the only error a transport codec throws. */
export class ParseError extends Error {
  override readonly name = 'ParseError';
  constructor(
    readonly codec: string,
    message: string,
  ) {
    super(`${codec}: ${message}`);
  }
}

/** A call on an object that is closed, or not ready for it. */
export class InvalidStateError extends Error {
  override readonly name = 'InvalidStateError';
}

/** A state machine was asked for a transition its table does not list. */
export class InvalidTransitionError extends Error {
  override readonly name = 'InvalidTransitionError';
  constructor(
    readonly machine: string,
    readonly from: string,
    readonly to: string,
  ) {
    super(`${machine}: no transition ${from} -> ${to}`);
  }
}

/** Throws ParseError unless `length` bytes are available from `offset` (checked before every read). */
export function need(codec: string, buf: Uint8Array, offset: number, length: number, what: string): void {
  if (offset < 0 || length < 0 || offset + length > buf.length) {
    throw new ParseError(codec, `truncated ${what}: need ${length} bytes at ${offset}, have ${buf.length - offset}`);
  }
}

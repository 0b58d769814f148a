// Where an RTP packet's header ends (RFC 3550 §5.1, §5.3.1): 12 fixed octets, 4 per CSRC, then, with
// X set, a 4-octet extension header and `length` 32-bit words (RFC 8285 §4.2/§4.3 formats inside).
// SRTP encrypts from there to the end (RFC 3711 §3.1). SRTCP keeps the first 8 octets in the clear
// (RFC 3711 §3.4). These run on every packet, so they return a negative code instead of throwing.

export const RTP_FIXED_HEADER = 12;
export const RTCP_FIXED_HEADER = 8;

export const LAYOUT_TRUNCATED = -1;
export const LAYOUT_MALFORMED = -2;

/**
 * Header length (incl. CSRCs and extension) of the RTP packet in packet[0..end), or LAYOUT_TRUNCATED /
 * LAYOUT_MALFORMED. `end` excludes any SRTP trailer.
 */
export function rtpHeaderLength(packet: Uint8Array, end: number): number {
  if (end < RTP_FIXED_HEADER) return LAYOUT_TRUNCATED;
  const b0 = packet[0]!;
  if (b0 >>> 6 !== 2) return LAYOUT_MALFORMED;
  let len = RTP_FIXED_HEADER + 4 * (b0 & 0x0f);
  if (b0 & 0x10) {
    if (len + 4 > end) return LAYOUT_TRUNCATED;
    len += 4 + 4 * ((packet[len + 2]! << 8) | packet[len + 3]!);
  }
  return len > end ? LAYOUT_TRUNCATED : len;
}

/** Offset of the extension header, or -1 when X is clear. Call only after rtpHeaderLength succeeded. */
export function rtpExtensionOffset(packet: Uint8Array): number {
  const b0 = packet[0]!;
  return b0 & 0x10 ? RTP_FIXED_HEADER + 4 * (b0 & 0x0f) : -1;
}

/** Checks the first RTCP header (RFC 3550 §6.4.1) of a compound packet of `end` octets. */
export function rtcpHeaderCheck(packet: Uint8Array, end: number): number {
  if (end < RTCP_FIXED_HEADER) return LAYOUT_TRUNCATED;
  if (packet[0]! >>> 6 !== 2) return LAYOUT_MALFORMED;
  return RTCP_FIXED_HEADER;
}

export function readU32(b: Uint8Array, off: number): number {
  return ((b[off]! << 24) | (b[off + 1]! << 16) | (b[off + 2]! << 8) | b[off + 3]!) >>> 0;
}

export function writeU32(b: Uint8Array, off: number, v: number): void {
  b[off] = (v >>> 24) & 0xff;
  b[off + 1] = (v >>> 16) & 0xff;
  b[off + 2] = (v >>> 8) & 0xff;
  b[off + 3] = v & 0xff;
}

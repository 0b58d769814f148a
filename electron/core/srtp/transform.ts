// The per-packet cryptographic transform of one SRTP crypto context (RFC 3711 §3.3 / §3.4 steps 4-6,
// RFC 7714 §8-§9), separated from the session's bookkeeping (streams, ROC, replay, key limits) so that
// a second, inner transform (PERC double encryption, RFC 8723) can be stacked beside it later.
import { markAsUntransferable } from 'node:worker_threads';

export interface SrtpTransform {
  readonly rtpTagLength: number;
  /** Octets SRTCP adds after the packet: E||index word plus tag. */
  readonly rtcpTrailerLength: number;
  /** Offset of the E||SRTCP index word from the end of an SRTCP packet (RFC 3711 §3.4 puts it before the tag, RFC 7714 §9.1 after). */
  readonly rtcpIndexFromEnd: number;
  /**
   * Encrypts out[hl..len) in place and writes the tag at out[len..len+rtpTagLength). `out` holds the
   * plain RTP packet (header extensions already processed) and has room for the tag.
   */
  protectRtp(out: Uint8Array, hl: number, len: number, ssrc: number, index: number): void;
  /** Verifies and decrypts packet[0..len) (tag included); null when authentication fails. */
  unprotectRtp(packet: Uint8Array, hl: number, len: number, ssrc: number, index: number): Uint8Array | null;
  /** Encrypts out[8..len), appends E=1||index and the tag. `out` has room for rtcpTrailerLength more. */
  protectRtcp(out: Uint8Array, len: number, ssrc: number, srtcpIndex: number): void;
  /**
   * Verifies and (if `encrypted`, the E flag) decrypts packet[0..len) (trailer included); returns the
   * plain compound RTCP packet or null when authentication fails.
   */
  unprotectRtcp(packet: Uint8Array, len: number, ssrc: number, srtcpIndex: number, encrypted: boolean): Uint8Array | null;
}

// Output packets are carved from 16 KiB slabs (as Buffer's own pool does with 8 KiB): a plain
// Uint8Array view is cheaper to make, and to subarray, than a Buffer. Each view is 8-byte aligned for
// word-wise XOR, is owned by the caller, and never overlaps another; a slab is freed with its last view.
// Like Buffer's pool, slabs are marked untransferable: copy a packet before transferring its buffer.
const SLAB = 16 * 1024;
let slab = newSlab();
let slabOffset = 0;

function newSlab(): ArrayBuffer {
  const b = new ArrayBuffer(SLAB);
  markAsUntransferable(b);
  return b;
}

/** A new, caller-owned packet buffer of `len` octets (contents unspecified until written). */
export function allocPacket(len: number): Uint8Array {
  if (len > SLAB / 4) return new Uint8Array(len);
  if (slabOffset + len > SLAB) {
    slab = newSlab();
    slabOffset = 0;
  }
  const view = new Uint8Array(slab, slabOffset, len);
  slabOffset = (slabOffset + len + 7) & ~7;
  return view;
}

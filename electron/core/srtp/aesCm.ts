// AES in counter mode as SRTP uses it (RFC 3711 §4.1.1; RFC 6188 §4 for AES-256): the keystream is
// AES_k(IV), AES_k(IV + 1), ... where only the low 16 bits of the block count, and the IV's low 16 bits
// are zero. One long-lived AES-ECB cipher encrypts a buffer of counter blocks: no cipher object, and
// no key schedule, per packet (Node's per-call overhead dominates at these sizes).
import { createCipheriv, type Cipher } from 'node:crypto';

export class AesCtrKeystream {
  private readonly ecb: Cipher;
  private counters: Uint8Array;

  constructor(key: Uint8Array, initialBytes = 2048) {
    if (key.length !== 16 && key.length !== 32) throw new RangeError(`AES key of ${key.length} bytes`);
    this.ecb = createCipheriv(key.length === 16 ? 'aes-128-ecb' : 'aes-256-ecb', key, null);
    this.ecb.setAutoPadding(false);
    this.counters = new Uint8Array(roundUp16(initialBytes));
  }

  /**
   * Keystream of `length` octets (rounded up to whole blocks) for the 16-octet `iv`. The result is a
   * fresh buffer owned by the caller; it is valid until the next call only if the caller keeps it.
   */
  keystream(iv: Uint8Array, length: number): Uint8Array {
    const bytes = roundUp16(length);
    if (bytes === 0) return new Uint8Array(0);
    if (bytes > 16 * 65536) throw new RangeError('SRTP keystream is limited to 2^16 blocks (RFC 3711 §4.1.1)');
    if (this.counters.length < bytes) this.counters = new Uint8Array(bytes);
    const c = this.counters;
    c.set(iv, 0); // iv is 16 octets
    // Fill every block with the IV by doubling, then write each block's 16-bit counter.
    let filled = 16;
    while (filled < bytes) {
      const n = Math.min(filled, bytes - filled);
      c.copyWithin(filled, 0, n);
      filled += n;
    }
    const hi = iv[14] ?? 0;
    const lo = iv[15] ?? 0;
    const start = (hi << 8) | lo;
    for (let off = 0, j = start; off < bytes; off += 16, j++) {
      c[off + 14] = (j >>> 8) & 0xff;
      c[off + 15] = j & 0xff;
    }
    return this.ecb.update(c.subarray(0, bytes));
  }
}

function roundUp16(n: number): number {
  return (n + 15) & ~15;
}

/** target[tOff .. tOff+len) ^= ks[0 .. len); word-wise when both are 4-byte aligned. */
export function xorInto(target: Uint8Array, tOff: number, ks: Uint8Array, len: number): void {
  let i = 0;
  const ta = target.byteOffset + tOff;
  if ((ta & 3) === 0 && (ks.byteOffset & 3) === 0 && len >= 16) {
    const words = len >>> 2;
    const t32 = new Int32Array(target.buffer, ta, words);
    const k32 = new Int32Array(ks.buffer, ks.byteOffset, words);
    for (let w = 0; w < words; w++) t32[w]! ^= k32[w]!;
    i = words << 2;
  }
  for (; i < len; i++) target[tOff + i]! ^= ks[i]!;
}

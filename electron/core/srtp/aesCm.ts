// AES in counter mode as SRTP uses it (RFC 3711 §4.1.1; RFC 6188 §4 for AES-256): the keystream is
// AES_k(IV), AES_k(IV + 1), ... where only the low 16 bits of the block count, and the IV's low 16 bits
// are zero. One long-lived AES-ECB cipher encrypts a buffer of counter blocks: no cipher object, and
// no key schedule, per packet (Node's per-call overhead dominates at these sizes).
import { createCipheriv, type Cipher } from 'node:crypto';

const LITTLE_ENDIAN = new Uint8Array(new Uint32Array([1]).buffer)[0] === 1;

export class AesCtrKeystream {
  private readonly ecb: Cipher;
  private counters: Uint8Array;
  private words: Int32Array;

  constructor(key: Uint8Array, initialBytes = 2048) {
    if (key.length !== 16 && key.length !== 32) throw new RangeError(`AES key of ${key.length} bytes`);
    this.ecb = createCipheriv(key.length === 16 ? 'aes-128-ecb' : 'aes-256-ecb', key, null);
    this.ecb.setAutoPadding(false);
    this.counters = new Uint8Array(roundUp16(initialBytes));
    this.words = new Int32Array(this.counters.buffer);
  }

  /**
   * Keystream of `length` octets (rounded up to whole blocks) for the 16-octet `iv`: a fresh buffer
   * owned by the caller.
   */
  keystream(iv: Uint8Array, length: number): Uint8Array {
    const bytes = roundUp16(length);
    if (bytes === 0) return new Uint8Array(0);
    if (bytes > 16 * 65536) throw new RangeError('SRTP keystream is limited to 2^16 blocks (RFC 3711 §4.1.1)');
    if (this.counters.length < bytes) {
      this.counters = new Uint8Array(bytes);
      this.words = new Int32Array(this.counters.buffer);
    }
    const start = (iv[14]! << 8) | iv[15]!;
    if (LITTLE_ENDIAN) {
      // Four 32-bit stores per block: the IV's first 14 octets, then the 16-bit block counter.
      const w = this.words;
      const w0 = iv[0]! | (iv[1]! << 8) | (iv[2]! << 16) | (iv[3]! << 24);
      const w1 = iv[4]! | (iv[5]! << 8) | (iv[6]! << 16) | (iv[7]! << 24);
      const w2 = iv[8]! | (iv[9]! << 8) | (iv[10]! << 16) | (iv[11]! << 24);
      const w3 = iv[12]! | (iv[13]! << 8);
      for (let b = 0, j = start, n = bytes >>> 2; b < n; b += 4, j++) {
        w[b] = w0;
        w[b + 1] = w1;
        w[b + 2] = w2;
        w[b + 3] = w3 | ((j >>> 8) & 0xff) << 16 | (j & 0xff) << 24;
      }
    } else {
      const c = this.counters;
      for (let off = 0, j = start; off < bytes; off += 16, j++) {
        c.set(iv, off);
        c[off + 14] = (j >>> 8) & 0xff;
        c[off + 15] = j & 0xff;
      }
    }
    return this.ecb.update(this.counters.subarray(0, bytes));
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

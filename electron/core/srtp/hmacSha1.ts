// HMAC-SHA1 (RFC 2104) as the SRTP authentication transform (RFC 3711 §4.2.1). The key's inner and
// outer pads are computed once; each tag is two one-shot SHA-1 calls over a scratch buffer that the
// caller fills after the 64-octet inner pad, so no Hmac object is created per packet.
import { hash } from 'node:crypto';

export const HMAC_PAD = 64;

export class HmacSha1 {
  private readonly outer = new Uint8Array(HMAC_PAD + 20);
  private readonly ipad = new Uint8Array(HMAC_PAD);

  constructor(key: Uint8Array) {
    if (key.length > HMAC_PAD) throw new RangeError('HMAC key longer than one SHA-1 block');
    for (let i = 0; i < HMAC_PAD; i++) {
      const k = key[i] ?? 0;
      this.ipad[i] = k ^ 0x36;
      this.outer[i] = k ^ 0x5c;
    }
  }

  /** Writes the inner pad at scratch[0..64); the message goes at scratch[64..). */
  preparePad(scratch: Uint8Array): void {
    scratch.set(this.ipad, 0);
  }

  /** Full 20-octet MAC of scratch[64 .. 64 + messageLength), whose first 64 octets hold the inner pad. */
  mac(scratch: Uint8Array, messageLength: number): Uint8Array {
    const inner = hash('sha1', scratch.subarray(0, HMAC_PAD + messageLength), 'buffer');
    this.outer.set(inner, HMAC_PAD);
    return hash('sha1', this.outer, 'buffer');
  }
}

/** Constant-time comparison of `len` octets. */
export function tagsEqual(a: Uint8Array, aOff: number, b: Uint8Array, bOff: number, len: number): boolean {
  let diff = 0;
  for (let i = 0; i < len; i++) diff |= (a[aOff + i] ?? 0) ^ (b[bOff + i] ?? 0);
  return diff === 0;
}

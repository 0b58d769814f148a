// AES-GCM as SRTP's AEAD (RFC 7714 §5, §8, §9): 12-octet IV, 16-octet tag. Node's GCM cipher needs one
// object per message (the IV changes), so this wrapper keeps the key as a KeyObject and writes
// ciphertext and tag straight into the caller's output buffer.
import { createCipheriv, createDecipheriv, createSecretKey, type KeyObject } from 'node:crypto';

export const GCM_TAG_LENGTH = 16;
const OPTIONS = { authTagLength: GCM_TAG_LENGTH } as const;

export class AesGcm {
  private readonly key: KeyObject;
  private readonly algorithm: 'aes-128-gcm' | 'aes-256-gcm';

  constructor(key: Uint8Array) {
    if (key.length !== 16 && key.length !== 32) throw new RangeError(`AES-GCM key of ${key.length} bytes`);
    this.algorithm = key.length === 16 ? 'aes-128-gcm' : 'aes-256-gcm';
    this.key = createSecretKey(key);
  }

  /** Encrypts plaintext into out[outOff..), then appends the tag; returns the octets written. */
  seal(iv: Uint8Array, aad: Uint8Array, plaintext: Uint8Array, out: Uint8Array, outOff: number): number {
    const c = createCipheriv(this.algorithm, this.key, iv, OPTIONS);
    c.setAAD(aad);
    let n = 0;
    if (plaintext.length) {
      const ct = c.update(plaintext);
      out.set(ct, outOff);
      n = ct.length;
    }
    c.final();
    out.set(c.getAuthTag(), outOff + n);
    return n + GCM_TAG_LENGTH;
  }

  /** Decrypts ciphertext (tag excluded) into out[outOff..); false when the tag does not verify. */
  open(iv: Uint8Array, aad: Uint8Array, ciphertext: Uint8Array, tag: Uint8Array, out: Uint8Array, outOff: number): boolean {
    const d = createDecipheriv(this.algorithm, this.key, iv, OPTIONS);
    d.setAAD(aad);
    d.setAuthTag(tag);
    if (ciphertext.length) out.set(d.update(ciphertext), outOff);
    try {
      d.final();
      return true;
    } catch {
      return false;
    }
  }
}

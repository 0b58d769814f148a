// Encrypted RTP header extensions (RFC 6904 §4): the data octets of the extension elements whose ids
// were negotiated as encrypted are XORed with a keystream made like the payload's (RFC 3711 §4.1.1 IV:
// SSRC and packet index) but under the header key and salt (labels 0x06/0x07, RFC 6904 §4). With
// AEAD profiles the same AES-CM keystream is used (RFC 7714 §8.3). Ids, lengths and padding stay in
// the clear; the header stays authenticated as sent (encrypted).
//
// Keystream positioning follows libsrtp (Chromium, Janus, baresip and mediasoup all use it): each
// element consumes its id/length octet(s) plus its data from the keystream, and padding octets between
// elements consume none. RFC 6904's mask model places the keystream by offset instead; the two agree
// whenever padding only trails the last element, which is how RFC 8285 senders (this one included) pad.
import { AesCtrKeystream, xorInto } from './aesCm';

export class HeaderExtensionCipher {
  private readonly cipher: AesCtrKeystream;
  private readonly salt: Uint8Array;
  private readonly encrypted = new Uint8Array(256);
  private readonly iv = new Uint8Array(16);

  constructor(key: Uint8Array, salt14: Uint8Array, ids: readonly number[]) {
    this.cipher = new AesCtrKeystream(key, 256);
    this.salt = salt14;
    for (const id of ids) {
      if (!Number.isInteger(id) || id < 1 || id > 255) throw new RangeError(`header extension id ${id} out of range`);
      this.encrypted[id] = 1;
    }
  }

  /**
   * Applies (encrypts or decrypts: XOR) the keystream to the encrypted elements of the extension block
   * at packet[extOffset ..). Returns false when the block does not parse (RFC 8285 §4.2/§4.3).
   */
  apply(packet: Uint8Array, extOffset: number, ssrc: number, index: number): boolean {
    const profile = (packet[extOffset]! << 8) | packet[extOffset + 1]!;
    const start = extOffset + 4;
    const end = start + 4 * ((packet[extOffset + 2]! << 8) | packet[extOffset + 3]!);
    let oneByte: boolean;
    if (profile === 0xbede) oneByte = true;
    else if ((profile & 0xfff0) === 0x1000) oneByte = false;
    else return false;
    if (end === start) return true;
    const ks = this.cipher.keystream(this.counterIv(ssrc, index), end - start);
    const hdr = oneByte ? 1 : 2;
    let p = start;
    let k = 0;
    while (oneByte ? p < end : p + 1 < end) {
      let id: number;
      let len: number;
      if (oneByte) {
        id = packet[p]! >>> 4;
        len = (packet[p]! & 0x0f) + 1;
      } else {
        id = packet[p]!;
        len = packet[p + 1]!;
      }
      p += hdr;
      if (p + len > end) return false;
      if (oneByte && id === 15) break; // RFC 8285 §4.2: id 15 ends processing
      if (len > 0 && this.encrypted[id]) xorInto(packet, p, ks.subarray(k + hdr), len);
      k += hdr + len;
      p += len;
      while (p < end && packet[p] === 0) p++;
    }
    return true;
  }

  private counterIv(ssrc: number, index: number): Uint8Array {
    const iv = this.iv;
    iv.set(this.salt, 0);
    iv[14] = 0;
    iv[15] = 0;
    xorIndexIv(iv, ssrc, index);
    return iv;
  }
}

/** IV ^= (SSRC * 2^64) XOR (index * 2^16), RFC 3711 §4.1.1 (index up to 48 bits). */
export function xorIndexIv(iv: Uint8Array, ssrc: number, index: number): void {
  const hi = Math.floor(index / 0x10000); // ROC (or the upper 32 bits of an SRTCP index, which are 0..0x7fff)
  const lo = index - hi * 0x10000;
  iv[4]! ^= (ssrc >>> 24) & 0xff;
  iv[5]! ^= (ssrc >>> 16) & 0xff;
  iv[6]! ^= (ssrc >>> 8) & 0xff;
  iv[7]! ^= ssrc & 0xff;
  iv[8]! ^= (hi >>> 24) & 0xff;
  iv[9]! ^= (hi >>> 16) & 0xff;
  iv[10]! ^= (hi >>> 8) & 0xff;
  iv[11]! ^= hi & 0xff;
  iv[12]! ^= (lo >>> 8) & 0xff;
  iv[13]! ^= lo & 0xff;
}


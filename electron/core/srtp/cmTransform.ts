// AES_CM_128_HMAC_SHA1_80/_32 (RFC 3711 §4.1.1 AES-CM, §4.2.1 HMAC-SHA1, §3.3 SRTP, §3.4 SRTCP).
// SRTP tag = HMAC(k_a, header || encrypted payload || ROC) truncated; SRTCP tag covers the packet and
// the E||SRTCP-index word and is always 80 bits (RFC 5764 §4.1.2). Work happens in one scratch buffer
// that already holds the HMAC inner pad, so the only per-packet allocations are the output packet
// and what node:crypto returns.
import { AesCtrKeystream, xorInto } from './aesCm';
import { xorIndexIv } from './headerExtension';
import { HMAC_PAD, HmacSha1, tagsEqual } from './hmacSha1';
import type { DirectionKeys } from './kdf';
import { RTCP_FIXED_HEADER, writeU32 } from './rtpLayout';
import { allocPacket, type SrtpTransform } from './transform';

const SRTCP_TAG = 10;

class CmContext {
  readonly cipher: AesCtrKeystream;
  readonly hmac: HmacSha1;
  readonly salt: Uint8Array;
  readonly iv = new Uint8Array(16);
  scratch: Uint8Array;

  constructor(keys: DirectionKeys, maxPacket: number) {
    this.cipher = new AesCtrKeystream(keys.encryptionKey, maxPacket);
    this.hmac = new HmacSha1(keys.authKey);
    this.salt = keys.salt;
    this.scratch = new Uint8Array(HMAC_PAD + maxPacket + 4);
    this.hmac.preparePad(this.scratch);
  }

  ivFor(ssrc: number, index: number): Uint8Array {
    this.iv.set(this.salt, 0);
    this.iv[14] = 0;
    this.iv[15] = 0;
    xorIndexIv(this.iv, ssrc, index);
    return this.iv;
  }

  /** Scratch big enough for a message of n octets after the pad (grows for oversize callers). */
  room(n: number): Uint8Array {
    if (this.scratch.length < HMAC_PAD + n) {
      this.scratch = new Uint8Array(HMAC_PAD + n);
      this.hmac.preparePad(this.scratch);
    }
    return this.scratch;
  }
}

export class CmHmacTransform implements SrtpTransform {
  readonly rtcpTrailerLength = 4 + SRTCP_TAG;
  readonly rtcpIndexFromEnd = 4 + SRTCP_TAG;
  private readonly rtp: CmContext;
  private readonly rtcp: CmContext;

  constructor(
    rtp: DirectionKeys,
    rtcp: DirectionKeys,
    readonly rtpTagLength: number,
    maxPacket: number,
  ) {
    this.rtp = new CmContext(rtp, maxPacket);
    this.rtcp = new CmContext(rtcp, maxPacket);
  }

  protectRtp(out: Uint8Array, hl: number, len: number, ssrc: number, index: number): void {
    const c = this.rtp;
    if (len > hl) xorInto(out, hl, c.cipher.keystream(c.ivFor(ssrc, index), len - hl), len - hl);
    const s = c.room(len + 16);
    s.set(out, HMAC_PAD); // the tag room copied along is overwritten by the ROC or ignored
    writeU32(s, HMAC_PAD + len, Math.floor(index / 0x10000));
    copyTag(c.hmac.mac(s, len + 4), out, len, this.rtpTagLength);
  }

  unprotectRtp(packet: Uint8Array, hl: number, len: number, ssrc: number, index: number): Uint8Array | null {
    const c = this.rtp;
    const body = len - this.rtpTagLength;
    const s = c.room(len + 4);
    s.set(packet, HMAC_PAD); // the tag copied along is overwritten by the ROC or ignored
    writeU32(s, HMAC_PAD + body, Math.floor(index / 0x10000));
    if (!tagsEqual(c.hmac.mac(s, body + 4), 0, packet, body, this.rtpTagLength)) return null;
    const out = allocPacket(body);
    out.set(packet.subarray(0, body), 0);
    if (body > hl) xorInto(out, hl, c.cipher.keystream(c.ivFor(ssrc, index), body - hl), body - hl);
    return out;
  }

  protectRtcp(out: Uint8Array, len: number, ssrc: number, srtcpIndex: number): void {
    const c = this.rtcp;
    const n = len - RTCP_FIXED_HEADER;
    if (n > 0) xorInto(out, RTCP_FIXED_HEADER, c.cipher.keystream(c.ivFor(ssrc, srtcpIndex), n), n);
    writeU32(out, len, (0x80000000 | srtcpIndex) >>> 0);
    const s = c.room(len + 4 + SRTCP_TAG);
    s.set(out, HMAC_PAD);
    copyTag(c.hmac.mac(s, len + 4), out, len + 4, SRTCP_TAG);
  }

  unprotectRtcp(packet: Uint8Array, len: number, ssrc: number, srtcpIndex: number, encrypted: boolean): Uint8Array | null {
    const c = this.rtcp;
    const authed = len - SRTCP_TAG;
    const s = c.room(len);
    s.set(packet, HMAC_PAD);
    if (!tagsEqual(c.hmac.mac(s, authed), 0, packet, authed, SRTCP_TAG)) return null;
    const plainLen = authed - 4;
    const out = allocPacket(plainLen);
    out.set(packet.subarray(0, plainLen), 0);
    const n = plainLen - RTCP_FIXED_HEADER;
    if (encrypted && n > 0) xorInto(out, RTCP_FIXED_HEADER, c.cipher.keystream(c.ivFor(ssrc, srtcpIndex), n), n);
    return out;
  }
}

function copyTag(mac: Uint8Array, out: Uint8Array, at: number, n: number): void {
  for (let i = 0; i < n; i++) out[at + i] = mac[i]!;
}

// AEAD_AES_128_GCM / AEAD_AES_256_GCM (RFC 7714). SRTP (§8): IV = (00 00 || SSRC || ROC || SEQ) XOR
// salt, AAD = the RTP header incl. CSRCs and extension, 16-octet tag after the ciphertext. SRTCP (§9):
// IV = (00 00 || SSRC || 00 00 || 0 || SRTCP index) XOR salt, AAD = first 8 octets || E||index word
// when encrypted (§9.2), or the whole packet || E||index when not (§9.3, E = 0: tag only).
import { AesGcm, GCM_TAG_LENGTH } from './aesGcm';
import type { DirectionKeys } from './kdf';
import { RTCP_FIXED_HEADER, writeU32 } from './rtpLayout';
import { allocPacket, type SrtpTransform } from './transform';

class GcmContext {
  readonly aead: AesGcm;
  readonly salt: Uint8Array;
  readonly iv = new Uint8Array(12);
  aad = new Uint8Array(256);

  constructor(keys: DirectionKeys) {
    this.aead = new AesGcm(keys.encryptionKey);
    this.salt = keys.salt;
  }

  rtpIv(ssrc: number, index: number): Uint8Array {
    const roc = Math.floor(index / 0x10000);
    const seq = index - roc * 0x10000;
    return this.fill(ssrc, (roc >>> 16) & 0xffff, roc & 0xffff, seq);
  }

  rtcpIv(ssrc: number, srtcpIndex: number): Uint8Array {
    return this.fill(ssrc, 0, (srtcpIndex >>> 16) & 0x7fff, srtcpIndex & 0xffff);
  }

  private fill(ssrc: number, w4: number, w5: number, w6: number): Uint8Array {
    const iv = this.iv;
    const s = this.salt;
    iv[0] = s[0]!;
    iv[1] = s[1]!;
    iv[2] = s[2]! ^ ((ssrc >>> 24) & 0xff);
    iv[3] = s[3]! ^ ((ssrc >>> 16) & 0xff);
    iv[4] = s[4]! ^ ((ssrc >>> 8) & 0xff);
    iv[5] = s[5]! ^ (ssrc & 0xff);
    iv[6] = s[6]! ^ (w4 >>> 8);
    iv[7] = s[7]! ^ (w4 & 0xff);
    iv[8] = s[8]! ^ (w5 >>> 8);
    iv[9] = s[9]! ^ (w5 & 0xff);
    iv[10] = s[10]! ^ (w6 >>> 8);
    iv[11] = s[11]! ^ (w6 & 0xff);
    return iv;
  }

  aadRoom(n: number): Uint8Array {
    if (this.aad.length < n) this.aad = new Uint8Array(n);
    return this.aad;
  }
}

export class GcmTransform implements SrtpTransform {
  readonly rtpTagLength = GCM_TAG_LENGTH;
  readonly rtcpTrailerLength = 4 + GCM_TAG_LENGTH;
  readonly rtcpIndexFromEnd = 4;
  private readonly rtp: GcmContext;
  private readonly rtcp: GcmContext;

  constructor(rtp: DirectionKeys, rtcp: DirectionKeys) {
    this.rtp = new GcmContext(rtp);
    this.rtcp = new GcmContext(rtcp);
  }

  protectRtp(out: Uint8Array, hl: number, len: number, ssrc: number, index: number): void {
    const c = this.rtp;
    c.aead.seal(c.rtpIv(ssrc, index), out.subarray(0, hl), out.subarray(hl, len), out, hl);
  }

  unprotectRtp(packet: Uint8Array, hl: number, len: number, ssrc: number, index: number): Uint8Array | null {
    const c = this.rtp;
    const body = len - GCM_TAG_LENGTH;
    const out = allocPacket(body);
    out.set(packet.subarray(0, hl), 0);
    const ok = c.aead.open(c.rtpIv(ssrc, index), packet.subarray(0, hl), packet.subarray(hl, body), packet.subarray(body, len), out, hl);
    return ok ? out : null;
  }

  protectRtcp(out: Uint8Array, len: number, ssrc: number, srtcpIndex: number): void {
    const c = this.rtcp;
    const word = (0x80000000 | srtcpIndex) >>> 0;
    const aad = c.aadRoom(RTCP_FIXED_HEADER + 4);
    aad.set(out.subarray(0, RTCP_FIXED_HEADER), 0);
    writeU32(aad, RTCP_FIXED_HEADER, word);
    const iv = c.rtcpIv(ssrc, srtcpIndex);
    const n = c.aead.seal(iv, aad.subarray(0, RTCP_FIXED_HEADER + 4), out.subarray(RTCP_FIXED_HEADER, len), out, RTCP_FIXED_HEADER);
    writeU32(out, RTCP_FIXED_HEADER + n, word);
  }

  unprotectRtcp(packet: Uint8Array, len: number, ssrc: number, srtcpIndex: number, encrypted: boolean): Uint8Array | null {
    const c = this.rtcp;
    const tagAt = len - 4 - GCM_TAG_LENGTH;
    const tag = packet.subarray(tagAt, len - 4);
    const iv = c.rtcpIv(ssrc, srtcpIndex);
    const out = allocPacket(tagAt);
    out.set(packet.subarray(0, RTCP_FIXED_HEADER), 0);
    if (encrypted) {
      const aad = c.aadRoom(RTCP_FIXED_HEADER + 4);
      aad.set(packet.subarray(0, RTCP_FIXED_HEADER), 0);
      aad.set(packet.subarray(len - 4, len), RTCP_FIXED_HEADER);
      const ok = c.aead.open(iv, aad.subarray(0, RTCP_FIXED_HEADER + 4), packet.subarray(RTCP_FIXED_HEADER, tagAt), tag, out, RTCP_FIXED_HEADER);
      return ok ? out : null;
    }
    const aad = c.aadRoom(tagAt + 4);
    aad.set(packet.subarray(0, tagAt), 0);
    aad.set(packet.subarray(len - 4, len), tagAt);
    const ok = c.aead.open(iv, aad.subarray(0, tagAt + 4), new Uint8Array(0), tag, out, 0);
    if (!ok) return null;
    out.set(packet.subarray(0, tagAt), 0);
    return out;
  }
}

// Builders for plain RTP/RTCP packets used across the SRTP tests.
import type { SrtpKeys, SrtpProfile } from '../../electron/core/srtp';
import { PROFILE_PARAMS } from '../../electron/core/srtp';

export interface RtpSpec {
  seq: number;
  ssrc?: number;
  timestamp?: number;
  pt?: number;
  csrcs?: number[];
  /** Raw extension block: profile (0xBEDE / 0x100X) and the data octets (padded to 32 bits here). */
  ext?: { profile: number; data: Uint8Array };
  payload?: Uint8Array;
}

export function rtp(spec: RtpSpec): Uint8Array {
  const csrcs = spec.csrcs ?? [];
  const extData = spec.ext ? padTo4(spec.ext.data) : null;
  const payload = spec.payload ?? Uint8Array.from({ length: 40 }, (_, i) => (i * 7 + spec.seq) & 0xff);
  const hl = 12 + 4 * csrcs.length + (extData ? 4 + extData.length : 0);
  const b = new Uint8Array(hl + payload.length);
  const v = new DataView(b.buffer);
  b[0] = 0x80 | (extData ? 0x10 : 0) | csrcs.length;
  b[1] = spec.pt ?? 96;
  v.setUint16(2, spec.seq & 0xffff);
  v.setUint32(4, spec.timestamp ?? spec.seq * 3000);
  v.setUint32(8, spec.ssrc ?? 0x11223344);
  csrcs.forEach((c, i) => v.setUint32(12 + 4 * i, c));
  if (extData && spec.ext) {
    const off = 12 + 4 * csrcs.length;
    v.setUint16(off, spec.ext.profile);
    v.setUint16(off + 2, extData.length / 4);
    b.set(extData, off + 4);
  }
  b.set(payload, hl);
  return b;
}

function padTo4(d: Uint8Array): Uint8Array {
  const out = new Uint8Array(Math.ceil(d.length / 4) * 4);
  out.set(d);
  return out;
}

/** A receiver report (RFC 3550 §6.4.2) with one report block, plus an SDES CNAME chunk. */
export function rtcp(ssrc = 0x11223344, filler = 0): Uint8Array {
  const rr = new Uint8Array(32);
  const v = new DataView(rr.buffer);
  rr[0] = 0x81;
  rr[1] = 201;
  v.setUint16(2, 7);
  v.setUint32(4, ssrc);
  for (let i = 8; i < 32; i++) rr[i] = (i + filler) & 0xff;
  const sdes = Uint8Array.from([0x81, 202, 0, 3, 0x11, 0x22, 0x33, 0x44, 1, 4, 0x61, 0x62, 0x63, 0x64, 0, 0]);
  const out = new Uint8Array(rr.length + sdes.length);
  out.set(rr);
  out.set(sdes, rr.length);
  return out;
}

export function keysFor(profile: SrtpProfile, seed = 1): SrtpKeys {
  const p = PROFILE_PARAMS[profile];
  return {
    profile,
    masterKey: Uint8Array.from({ length: p.masterKeyLength }, (_, i) => (i * 13 + seed) & 0xff),
    masterSalt: Uint8Array.from({ length: p.masterSaltLength }, (_, i) => (i * 29 + seed * 3) & 0xff),
  };
}

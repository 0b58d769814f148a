// RTP fixed header, CSRCs, header extension and padding (RFC 3550 §5.1, §5.3.1). parseRtp checks
// every length before reading and throws only ParseError; serializeRtp(parseRtp(x)) === x.
import { need, ParseError } from '../transport/errors';

export interface RtpHeader {
  padding: boolean;
  marker: boolean;
  payloadType: number;
  sequenceNumber: number;
  timestamp: number;
  ssrc: number;
  csrcs: number[];
  /** RFC 3550 §5.3.1 header extension: 16-bit profile and its data (a multiple of 4 bytes). */
  extension?: { profile: number; data: Uint8Array };
}

export interface RtpPacket {
  header: RtpHeader;
  payload: Uint8Array;
  /** Padding bytes at the end (the last one holds the count). */
  paddingLength: number;
}

const CODEC = 'rtp';

export function parseRtp(b: Uint8Array): RtpPacket {
  need(CODEC, b, 0, 12, 'fixed header');
  const v = new DataView(b.buffer, b.byteOffset, b.byteLength);
  const first = v.getUint8(0);
  if (first >> 6 !== 2) throw new ParseError(CODEC, `version ${first >> 6}`);
  const padding = (first & 0x20) !== 0;
  const hasExtension = (first & 0x10) !== 0;
  const cc = first & 0x0f;
  const second = v.getUint8(1);
  let o = 12;
  need(CODEC, b, o, cc * 4, 'CSRC list');
  const csrcs: number[] = [];
  for (let i = 0; i < cc; i++, o += 4) csrcs.push(v.getUint32(o));
  let extension: RtpHeader['extension'];
  if (hasExtension) {
    need(CODEC, b, o, 4, 'extension header');
    const profile = v.getUint16(o);
    const words = v.getUint16(o + 2);
    need(CODEC, b, o + 4, words * 4, 'extension data');
    extension = { profile, data: b.subarray(o + 4, o + 4 + words * 4) };
    o += 4 + words * 4;
  }
  let end = b.length;
  let paddingLength = 0;
  if (padding) {
    paddingLength = b[b.length - 1] as number;
    if (paddingLength === 0 || o + paddingLength > b.length) throw new ParseError(CODEC, `bad padding length ${paddingLength}`);
    end -= paddingLength;
  }
  return {
    header: { padding, marker: (second & 0x80) !== 0, payloadType: second & 0x7f, sequenceNumber: v.getUint16(2), timestamp: v.getUint32(4), ssrc: v.getUint32(8), csrcs, extension },
    payload: b.subarray(o, end),
    paddingLength,
  };
}

export function serializeRtp(p: RtpPacket): Uint8Array {
  const h = p.header;
  if (h.csrcs.length > 15) throw new RangeError('at most 15 CSRCs');
  if (h.extension && h.extension.data.length % 4 !== 0) throw new RangeError('extension data must be a multiple of 4 bytes');
  const extLen = h.extension ? 4 + h.extension.data.length : 0;
  const out = new Uint8Array(12 + h.csrcs.length * 4 + extLen + p.payload.length + p.paddingLength);
  const v = new DataView(out.buffer);
  v.setUint8(0, 0x80 | (p.paddingLength > 0 ? 0x20 : 0) | (h.extension ? 0x10 : 0) | h.csrcs.length);
  v.setUint8(1, (h.marker ? 0x80 : 0) | (h.payloadType & 0x7f));
  v.setUint16(2, h.sequenceNumber & 0xffff);
  v.setUint32(4, h.timestamp >>> 0);
  v.setUint32(8, h.ssrc >>> 0);
  let o = 12;
  for (const c of h.csrcs) {
    v.setUint32(o, c >>> 0);
    o += 4;
  }
  if (h.extension) {
    v.setUint16(o, h.extension.profile);
    v.setUint16(o + 2, h.extension.data.length / 4);
    out.set(h.extension.data, o + 4);
    o += extLen;
  }
  out.set(p.payload, o);
  if (p.paddingLength > 0) out[out.length - 1] = p.paddingLength;
  return out;
}

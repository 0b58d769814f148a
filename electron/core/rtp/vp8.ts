// The VP8 RTP payload format (RFC 7741): the payload descriptor (§4.2) with a 15-bit PictureID,
// a packetizer that splits an encoded frame into MTU-sized packets (S bit on the first, RTP marker
// on the last, §4.1), and a descriptor parser for the receive side (§4.3: key frame detection).
import { need, ParseError } from '../transport/errors';
import { serializeRtp } from './rtpPacket';

export interface Vp8Descriptor {
  /** S: start of a VP8 partition. */
  start: boolean;
  partitionIndex: number;
  nonReference: boolean;
  pictureId?: number;
  /** Offset of the VP8 payload after the descriptor. */
  headerLength: number;
}

const CODEC = 'vp8';

export function parseVp8Descriptor(p: Uint8Array): Vp8Descriptor {
  need(CODEC, p, 0, 1, 'descriptor');
  const b0 = p[0] as number;
  let o = 1;
  let pictureId: number | undefined;
  if (b0 & 0x80) {
    need(CODEC, p, o, 1, 'extension byte');
    const x = p[o++] as number;
    if (x & 0x80) {
      need(CODEC, p, o, 1, 'PictureID');
      const m = p[o] as number;
      if (m & 0x80) {
        need(CODEC, p, o, 2, 'PictureID');
        pictureId = ((m & 0x7f) << 8) | (p[o + 1] as number);
        o += 2;
      } else {
        pictureId = m;
        o += 1;
      }
    }
    if (x & 0x40) o += 1; // TL0PICIDX
    if (x & 0x30) o += 1; // TID/Y/KEYIDX
  }
  if (o > p.length) throw new ParseError(CODEC, 'descriptor overruns the payload');
  return { start: (b0 & 0x10) !== 0, partitionIndex: b0 & 0x07, nonReference: (b0 & 0x20) !== 0, pictureId, headerLength: o };
}

/** RFC 7741 §4.3 / RFC 6386 §9.1: the P bit of the first payload byte is 0 on a key frame. */
export function isVp8KeyFrame(payload: Uint8Array): boolean {
  const d = parseVp8Descriptor(payload);
  const first = payload[d.headerLength];
  return d.start && d.partitionIndex === 0 && first !== undefined && (first & 0x01) === 0;
}

export interface Vp8PacketizerOptions {
  ssrc: number;
  payloadType: number;
  /** Largest RTP payload (descriptor included); 1200 keeps SRTP packets under a 1280-byte path MTU. */
  maxPayload?: number;
  initialSequence?: number;
  initialPictureId?: number;
}

/** Turns encoded VP8 frames into RTP packets with running sequence numbers and PictureIDs. */
export class Vp8Packetizer {
  private seq: number;
  private pictureId: number;
  private readonly maxPayload: number;

  constructor(private readonly opts: Vp8PacketizerOptions) {
    this.seq = opts.initialSequence ?? Math.floor(Math.random() * 0x10000);
    this.pictureId = opts.initialPictureId ?? Math.floor(Math.random() * 0x8000);
    this.maxPayload = opts.maxPayload ?? 1200;
    if (this.maxPayload < 8) throw new RangeError('maxPayload too small');
  }

  /** `timestamp` is in the 90 kHz RTP clock (RFC 7741 §4.1). */
  packetize(frame: Uint8Array, timestamp: number): Uint8Array[] {
    if (frame.length === 0) return [];
    const chunk = this.maxPayload - 4;
    const out: Uint8Array[] = [];
    const pid = this.pictureId;
    this.pictureId = (this.pictureId + 1) & 0x7fff;
    for (let off = 0; off < frame.length; off += chunk) {
      const part = frame.subarray(off, Math.min(frame.length, off + chunk));
      const payload = new Uint8Array(4 + part.length);
      payload[0] = 0x80 | (off === 0 ? 0x10 : 0); // X, S, PID 0
      payload[1] = 0x80; // I: PictureID present
      payload[2] = 0x80 | (pid >> 8); // M: 15-bit PictureID
      payload[3] = pid & 0xff;
      payload.set(part, 4);
      const last = off + chunk >= frame.length;
      out.push(serializeRtp({ header: { padding: false, marker: last, payloadType: this.opts.payloadType, sequenceNumber: this.seq, timestamp, ssrc: this.opts.ssrc, csrcs: [] }, payload, paddingLength: 0 }));
      this.seq = (this.seq + 1) & 0xffff;
    }
    return out;
  }
}

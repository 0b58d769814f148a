// The IVF container (the libvpx test format: 32-byte file header "DKIF", 12-byte frame headers),
// enough to read the VP8 frames that tests make with PyAV/libvpx. Length-checked; ParseError only.
import { need, ParseError } from '../transport/errors';

export interface IvfFrame {
  timestamp: bigint;
  data: Uint8Array;
}

export function parseIvf(b: Uint8Array): { fourcc: string; width: number; height: number; frames: IvfFrame[] } {
  need('ivf', b, 0, 32, 'file header');
  const v = new DataView(b.buffer, b.byteOffset, b.byteLength);
  if (String.fromCharCode(...b.subarray(0, 4)) !== 'DKIF') throw new ParseError('ivf', 'missing DKIF signature');
  const headerLength = v.getUint16(6, true);
  if (headerLength < 32) throw new ParseError('ivf', 'header length');
  const fourcc = String.fromCharCode(...b.subarray(8, 12));
  const frames: IvfFrame[] = [];
  let o = headerLength;
  while (o < b.length) {
    need('ivf', b, o, 12, 'frame header');
    const size = v.getUint32(o, true);
    need('ivf', b, o + 12, size, 'frame');
    frames.push({ timestamp: v.getBigUint64(o + 4, true), data: b.subarray(o + 12, o + 12 + size) });
    o += 12 + size;
  }
  return { fourcc, width: v.getUint16(12, true), height: v.getUint16(14, true), frames };
}

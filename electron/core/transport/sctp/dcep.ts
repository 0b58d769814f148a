// The Data Channel Establishment Protocol (RFC 8832 §5): DATA_CHANNEL_OPEN and DATA_CHANNEL_ACK, and
// the SCTP payload protocol identifiers of WebRTC data channels (RFC 8831 §8, RFC 8832 §8.1).
import { need, ParseError } from '../errors';

export const PPID = { DCEP: 50, STRING: 51, BINARY: 53, STRING_EMPTY: 56, BINARY_EMPTY: 57 } as const;
export const DCEP_OPEN = 0x03;
export const DCEP_ACK = 0x02;

/** RFC 8832 §5.1 channel types. */
export const ChannelType = {
  RELIABLE: 0x00,
  RELIABLE_UNORDERED: 0x80,
  PARTIAL_RELIABLE_REXMIT: 0x01,
  PARTIAL_RELIABLE_REXMIT_UNORDERED: 0x81,
  PARTIAL_RELIABLE_TIMED: 0x02,
  PARTIAL_RELIABLE_TIMED_UNORDERED: 0x82,
} as const;

export interface DcepOpen {
  type: 'open';
  channelType: number;
  priority: number;
  reliability: number;
  label: string;
  protocol: string;
}
export interface DcepAck {
  type: 'ack';
}
export type DcepMessage = DcepOpen | DcepAck;

const CODEC = 'dcep';
const KNOWN_TYPES = new Set<number>(Object.values(ChannelType));
const utf8 = new TextDecoder('utf-8', { fatal: true });

export function parseDcep(b: Uint8Array): DcepMessage {
  need(CODEC, b, 0, 1, 'message type');
  if (b[0] === DCEP_ACK) {
    if (b.length !== 1) throw new ParseError(CODEC, 'DATA_CHANNEL_ACK carries no body');
    return { type: 'ack' };
  }
  if (b[0] !== DCEP_OPEN) throw new ParseError(CODEC, `unknown message type ${b[0]}`);
  need(CODEC, b, 0, 12, 'DATA_CHANNEL_OPEN header');
  const v = new DataView(b.buffer, b.byteOffset, b.byteLength);
  const channelType = v.getUint8(1);
  if (!KNOWN_TYPES.has(channelType)) throw new ParseError(CODEC, `channel type 0x${channelType.toString(16)}`);
  const labelLength = v.getUint16(8);
  const protocolLength = v.getUint16(10);
  need(CODEC, b, 12, labelLength + protocolLength, 'label and protocol');
  if (b.length !== 12 + labelLength + protocolLength) throw new ParseError(CODEC, 'trailing bytes');
  try {
    return {
      type: 'open',
      channelType,
      priority: v.getUint16(2),
      reliability: v.getUint32(4),
      label: utf8.decode(b.subarray(12, 12 + labelLength)),
      protocol: utf8.decode(b.subarray(12 + labelLength, 12 + labelLength + protocolLength)),
    };
  } catch {
    throw new ParseError(CODEC, 'label or protocol is not UTF-8');
  }
}

export function serializeDcep(m: DcepMessage): Uint8Array {
  if (m.type === 'ack') return Uint8Array.of(DCEP_ACK);
  const label = new TextEncoder().encode(m.label);
  const protocol = new TextEncoder().encode(m.protocol);
  if (label.length > 0xffff || protocol.length > 0xffff) throw new RangeError('label or protocol too long');
  const out = new Uint8Array(12 + label.length + protocol.length);
  const v = new DataView(out.buffer);
  v.setUint8(0, DCEP_OPEN);
  v.setUint8(1, m.channelType);
  v.setUint16(2, m.priority);
  v.setUint32(4, m.reliability);
  v.setUint16(8, label.length);
  v.setUint16(10, protocol.length);
  out.set(label, 12);
  out.set(protocol, 12 + label.length);
  return out;
}

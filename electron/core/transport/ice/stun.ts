// STUN messages (RFC 8489 §5-§14, as used by ICE, RFC 8445 §7.1): header, attributes, XOR-MAPPED-
// ADDRESS, MESSAGE-INTEGRITY (HMAC-SHA1, §14.5) and FINGERPRINT (CRC-32 xor 0x5354554e, §14.7).
// parseStun checks every length before reading and throws only ParseError.
import { createHmac, timingSafeEqual } from 'node:crypto';
import { need, ParseError } from '../errors';

export const MAGIC_COOKIE = 0x2112a442;
export const HEADER_LENGTH = 20;

export const StunClass = { request: 0b00, indication: 0b01, success: 0b10, error: 0b11 } as const;
export type StunClass = (typeof StunClass)[keyof typeof StunClass];
export const METHOD_BINDING = 0x001;

export const Attr = {
  MAPPED_ADDRESS: 0x0001,
  USERNAME: 0x0006,
  MESSAGE_INTEGRITY: 0x0008,
  ERROR_CODE: 0x0009,
  UNKNOWN_ATTRIBUTES: 0x000a,
  XOR_MAPPED_ADDRESS: 0x0020,
  PRIORITY: 0x0024,
  USE_CANDIDATE: 0x0025,
  SOFTWARE: 0x8022,
  FINGERPRINT: 0x8028,
  ICE_CONTROLLED: 0x8029,
  ICE_CONTROLLING: 0x802a,
} as const;

export interface StunAttribute {
  type: number;
  value: Uint8Array;
}

export interface StunMessage {
  method: number;
  cls: StunClass;
  transactionId: Uint8Array;
  attributes: StunAttribute[];
}

export interface ParsedStun extends StunMessage {
  /** Offset of MESSAGE-INTEGRITY's attribute header in the raw bytes, if present. */
  integrityOffset?: number;
  /** Whether a FINGERPRINT attribute was present (it is always checked when present). */
  hasFingerprint: boolean;
  raw: Uint8Array;
}

const CODEC = 'stun';
const FINGERPRINT_XOR = 0x5354554e;

const CRC_TABLE = (() => {
  const t = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    t[n] = c >>> 0;
  }
  return t;
})();

export function crc32(data: Uint8Array, end = data.length): number {
  let c = 0xffffffff;
  for (let i = 0; i < end; i++) c = (CRC_TABLE[(c ^ (data[i] as number)) & 0xff] as number) ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

/** RFC 8489 §5: message type bits M11..M0 interleaved with C1 C0. */
function encodeType(method: number, cls: number): number {
  return ((method & 0xf80) << 2) | ((method & 0x070) << 1) | (method & 0x00f) | ((cls & 0b10) << 7) | ((cls & 0b01) << 4);
}

export function isStunPacket(data: Uint8Array): boolean {
  return data.length >= HEADER_LENGTH && (data[0] as number) < 4 && readU32(data, 4) === MAGIC_COOKIE;
}

function readU16(b: Uint8Array, o: number): number {
  return ((b[o] as number) << 8) | (b[o + 1] as number);
}
function readU32(b: Uint8Array, o: number): number {
  return (((b[o] as number) << 24) | ((b[o + 1] as number) << 16) | ((b[o + 2] as number) << 8) | (b[o + 3] as number)) >>> 0;
}

export function parseStun(raw: Uint8Array): ParsedStun {
  need(CODEC, raw, 0, HEADER_LENGTH, 'header');
  const type = readU16(raw, 0);
  if (type & 0xc000) throw new ParseError(CODEC, 'first two bits must be zero');
  const length = readU16(raw, 2);
  if (length % 4 !== 0) throw new ParseError(CODEC, `length ${length} not a multiple of 4`);
  if (readU32(raw, 4) !== MAGIC_COOKIE) throw new ParseError(CODEC, 'bad magic cookie');
  if (HEADER_LENGTH + length !== raw.length) throw new ParseError(CODEC, `length ${length} does not match datagram ${raw.length}`);
  const method = ((type >> 2) & 0xf80) | ((type >> 1) & 0x070) | (type & 0x00f);
  const cls = (((type >> 7) & 0b10) | ((type >> 4) & 0b01)) as StunClass;
  const attributes: StunAttribute[] = [];
  let integrityOffset: number | undefined;
  let hasFingerprint = false;
  let o = HEADER_LENGTH;
  while (o < raw.length) {
    need(CODEC, raw, o, 4, 'attribute header');
    const at = readU16(raw, o);
    const len = readU16(raw, o + 2);
    need(CODEC, raw, o + 4, len, `attribute 0x${at.toString(16)}`);
    const padded = (len + 3) & ~3;
    need(CODEC, raw, o + 4, padded, 'attribute padding');
    if (hasFingerprint) throw new ParseError(CODEC, 'attribute after FINGERPRINT');
    if (at === Attr.FINGERPRINT) {
      if (len !== 4) throw new ParseError(CODEC, 'FINGERPRINT length');
      // CRC over everything before this attribute, with the header length as sent (it covers FINGERPRINT).
      if (((crc32(raw, o) ^ FINGERPRINT_XOR) >>> 0) !== readU32(raw, o + 4)) throw new ParseError(CODEC, 'FINGERPRINT mismatch');
      hasFingerprint = true;
    } else if (integrityOffset === undefined) {
      // RFC 8489 §14.5: attributes after MESSAGE-INTEGRITY (other than FINGERPRINT) are ignored.
      if (at === Attr.MESSAGE_INTEGRITY) {
        if (len !== 20) throw new ParseError(CODEC, 'MESSAGE-INTEGRITY length');
        integrityOffset = o;
      }
      attributes.push({ type: at, value: raw.subarray(o + 4, o + 4 + len) });
    }
    o += 4 + padded;
  }
  return { method, cls, transactionId: raw.subarray(8, 20), attributes, integrityOffset, hasFingerprint, raw };
}

/** RFC 8489 §14.5: HMAC-SHA1 over the message up to MESSAGE-INTEGRITY, length field covering it. */
export function verifyIntegrity(msg: ParsedStun, key: Uint8Array): boolean {
  const at = msg.integrityOffset;
  if (at === undefined) return false;
  const copy = Uint8Array.from(msg.raw.subarray(0, at));
  const len = at + 24 - HEADER_LENGTH;
  copy[2] = len >> 8;
  copy[3] = len & 0xff;
  const mac = createHmac('sha1', key).update(copy).digest();
  return timingSafeEqual(mac, msg.raw.subarray(at + 4, at + 24));
}

export function getAttr(msg: StunMessage, type: number): Uint8Array | undefined {
  return msg.attributes.find((a) => a.type === type)?.value;
}

export interface SerializeOptions {
  integrityKey?: Uint8Array;
  fingerprint?: boolean;
}

export function serializeStun(msg: StunMessage, opts: SerializeOptions = {}): Uint8Array {
  let body = 0;
  for (const a of msg.attributes) body += 4 + ((a.value.length + 3) & ~3);
  const total = HEADER_LENGTH + body + (opts.integrityKey ? 24 : 0) + (opts.fingerprint ? 8 : 0);
  const out = new Uint8Array(total);
  const view = new DataView(out.buffer);
  view.setUint16(0, encodeType(msg.method, msg.cls));
  view.setUint32(4, MAGIC_COOKIE);
  out.set(msg.transactionId, 8);
  let o = HEADER_LENGTH;
  for (const a of msg.attributes) {
    view.setUint16(o, a.type);
    view.setUint16(o + 2, a.value.length);
    out.set(a.value, o + 4);
    o += 4 + ((a.value.length + 3) & ~3);
  }
  if (opts.integrityKey) {
    view.setUint16(2, o + 24 - HEADER_LENGTH);
    const mac = createHmac('sha1', opts.integrityKey).update(out.subarray(0, o)).digest();
    view.setUint16(o, Attr.MESSAGE_INTEGRITY);
    view.setUint16(o + 2, 20);
    out.set(mac, o + 4);
    o += 24;
  }
  view.setUint16(2, total - HEADER_LENGTH);
  if (opts.fingerprint) {
    view.setUint16(o, Attr.FINGERPRINT);
    view.setUint16(o + 2, 4);
    view.setUint32(o + 4, (crc32(out, o) ^ FINGERPRINT_XOR) >>> 0);
  }
  return out;
}

/** XOR-MAPPED-ADDRESS (RFC 8489 §14.2), IPv4 and IPv6. */
export function encodeXorAddress(address: string, port: number, transactionId: Uint8Array): Uint8Array {
  const v6 = address.includes(':');
  const out = new Uint8Array(v6 ? 20 : 8);
  out[1] = v6 ? 0x02 : 0x01;
  const xport = port ^ (MAGIC_COOKIE >>> 16);
  out[2] = xport >> 8;
  out[3] = xport & 0xff;
  const mask = new Uint8Array(16);
  new DataView(mask.buffer).setUint32(0, MAGIC_COOKIE);
  mask.set(transactionId, 4);
  const bytes = v6 ? ipv6Bytes(address) : Uint8Array.from(address.split('.').map(Number));
  for (let i = 0; i < bytes.length; i++) out[4 + i] = (bytes[i] as number) ^ (mask[i] as number);
  return out;
}

export function decodeXorAddress(value: Uint8Array, transactionId: Uint8Array): { address: string; port: number } {
  need(CODEC, value, 0, 4, 'XOR-MAPPED-ADDRESS');
  const family = value[1];
  const port = readU16(value, 2) ^ (MAGIC_COOKIE >>> 16);
  const mask = new Uint8Array(16);
  new DataView(mask.buffer).setUint32(0, MAGIC_COOKIE);
  mask.set(transactionId, 4);
  const n = family === 0x01 ? 4 : family === 0x02 ? 16 : -1;
  if (n < 0) throw new ParseError(CODEC, `address family ${family}`);
  need(CODEC, value, 4, n, 'address');
  const b = new Uint8Array(n);
  for (let i = 0; i < n; i++) b[i] = (value[4 + i] as number) ^ (mask[i] as number);
  if (n === 4) return { address: [...b].join('.'), port };
  const groups: string[] = [];
  for (let i = 0; i < 16; i += 2) groups.push((((b[i] as number) << 8) | (b[i + 1] as number)).toString(16));
  return { address: groups.join(':'), port };
}

function ipv6Bytes(address: string): Uint8Array {
  const [head = '', tail = ''] = address.split('::');
  const h = head ? head.split(':') : [];
  const t = tail ? tail.split(':') : [];
  const groups = address.includes('::') ? [...h, ...Array<string>(8 - h.length - t.length).fill('0'), ...t] : h;
  const out = new Uint8Array(16);
  groups.forEach((g, i) => {
    const v = parseInt(g, 16);
    out[i * 2] = v >> 8;
    out[i * 2 + 1] = v & 0xff;
  });
  return out;
}

export function u32(value: number): Uint8Array {
  const b = new Uint8Array(4);
  new DataView(b.buffer).setUint32(0, value >>> 0);
  return b;
}

export function u64(value: bigint): Uint8Array {
  const b = new Uint8Array(8);
  new DataView(b.buffer).setBigUint64(0, value);
  return b;
}

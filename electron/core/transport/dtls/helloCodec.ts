// The pieces of DTLS 1.2 handshake bodies the transport reads itself (RFC 6347 §4.2 / RFC 5246 §7.4):
// ClientHello/ServerHello randoms and extensions, use_srtp (RFC 5764 §4.1.1), ServerKeyExchange
// params and signature (RFC 8422 §5.4), CertificateVerify (RFC 5246 §7.4.8), Certificate (§7.4.2).
// Every read is length-checked; only ParseError escapes.
import { need, ParseError } from '../errors';

const CODEC = 'dtls-handshake';

export interface HelloExtension {
  type: number;
  data: Uint8Array;
}

export const EXT_USE_SRTP = 14;

function u16(b: Uint8Array, o: number): number {
  return ((b[o] as number) << 8) | (b[o + 1] as number);
}
function u24(b: Uint8Array, o: number): number {
  return ((b[o] as number) << 16) | ((b[o + 1] as number) << 8) | (b[o + 2] as number);
}

function parseExtensions(body: Uint8Array, o: number): HelloExtension[] {
  if (o === body.length) return [];
  need(CODEC, body, o, 2, 'extensions length');
  const end = o + 2 + u16(body, o);
  need(CODEC, body, o + 2, end - o - 2, 'extensions');
  const out: HelloExtension[] = [];
  let p = o + 2;
  while (p < end) {
    need(CODEC, body, p, 4, 'extension header');
    const len = u16(body, p + 2);
    if (p + 4 + len > end) throw new ParseError(CODEC, 'extension overruns the list');
    out.push({ type: u16(body, p), data: body.subarray(p + 4, p + 4 + len) });
    p += 4 + len;
  }
  return out;
}

export interface ClientHelloInfo {
  random: Uint8Array;
  cookie: Uint8Array;
  cipherSuites: number[];
  extensions: HelloExtension[];
}

export function parseClientHello(body: Uint8Array): ClientHelloInfo {
  need(CODEC, body, 0, 35, 'ClientHello');
  const random = body.subarray(2, 34);
  let o = 34;
  const sid = body[o] as number;
  need(CODEC, body, o + 1, sid + 1, 'session id');
  o += 1 + sid;
  const cookieLen = body[o] as number;
  need(CODEC, body, o + 1, cookieLen + 2, 'cookie');
  const cookie = body.subarray(o + 1, o + 1 + cookieLen);
  o += 1 + cookieLen;
  const suitesLen = u16(body, o);
  if (suitesLen % 2) throw new ParseError(CODEC, 'odd cipher suites length');
  need(CODEC, body, o + 2, suitesLen + 1, 'cipher suites');
  const cipherSuites: number[] = [];
  for (let i = 0; i < suitesLen; i += 2) cipherSuites.push(u16(body, o + 2 + i));
  o += 2 + suitesLen;
  const comp = body[o] as number;
  need(CODEC, body, o + 1, comp, 'compression methods');
  o += 1 + comp;
  return { random, cookie, cipherSuites, extensions: parseExtensions(body, o) };
}

export interface ServerHelloInfo {
  random: Uint8Array;
  cipherSuite: number;
  extensions: HelloExtension[];
}

export function parseServerHello(body: Uint8Array): ServerHelloInfo {
  need(CODEC, body, 0, 35, 'ServerHello');
  const random = body.subarray(2, 34);
  const sid = body[34] as number;
  let o = 35 + sid;
  need(CODEC, body, o, 3, 'cipher suite');
  const cipherSuite = u16(body, o);
  o += 3;
  return { random, cipherSuite, extensions: parseExtensions(body, o) };
}

/** use_srtp extension data: the profile ids (RFC 5764 §4.1.1). */
export function parseUseSrtp(data: Uint8Array): number[] {
  need(CODEC, data, 0, 2, 'use_srtp');
  const len = u16(data, 0);
  if (len % 2 || len === 0) throw new ParseError(CODEC, 'use_srtp profile list length');
  need(CODEC, data, 2, len + 1, 'use_srtp profiles');
  const ids: number[] = [];
  for (let i = 0; i < len; i += 2) ids.push(u16(data, 2 + i));
  return ids;
}

export interface ServerKeyExchangeInfo {
  /** ServerECDHParams bytes (curve_type, named_curve, public point), the signed part. */
  params: Uint8Array;
  namedCurve: number;
  hash: number;
  signatureAlgorithm: number;
  signature: Uint8Array;
}

export function parseServerKeyExchange(body: Uint8Array): ServerKeyExchangeInfo {
  need(CODEC, body, 0, 4, 'ServerKeyExchange');
  if (body[0] !== 3) throw new ParseError(CODEC, 'ServerKeyExchange: only named_curve');
  const namedCurve = u16(body, 1);
  const pointLen = body[3] as number;
  need(CODEC, body, 4, pointLen + 4, 'ServerKeyExchange point');
  const end = 4 + pointLen;
  const sigLen = u16(body, end + 2);
  need(CODEC, body, end + 4, sigLen, 'ServerKeyExchange signature');
  return { params: body.subarray(0, end), namedCurve, hash: body[end] as number, signatureAlgorithm: body[end + 1] as number, signature: body.subarray(end + 4, end + 4 + sigLen) };
}

export interface CertificateVerifyInfo {
  hash: number;
  signatureAlgorithm: number;
  signature: Uint8Array;
}

export function parseCertificateVerify(body: Uint8Array): CertificateVerifyInfo {
  need(CODEC, body, 0, 4, 'CertificateVerify');
  const len = u16(body, 2);
  need(CODEC, body, 4, len, 'CertificateVerify signature');
  return { hash: body[0] as number, signatureAlgorithm: body[1] as number, signature: body.subarray(4, 4 + len) };
}

/** The first (end-entity) certificate of a Certificate message. */
export function parseFirstCertificate(body: Uint8Array): Uint8Array {
  need(CODEC, body, 0, 6, 'Certificate');
  const total = u24(body, 0);
  need(CODEC, body, 3, total, 'certificate list');
  const len = u24(body, 3);
  if (len === 0 || 6 + len > 3 + total) throw new ParseError(CODEC, 'certificate entry length');
  return body.subarray(6, 6 + len);
}

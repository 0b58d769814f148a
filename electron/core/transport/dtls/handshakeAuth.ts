// Peer authentication the DTLS handshake must give and werift's DTLS code does not check: the
// ServerKeyExchange signature (RFC 8422 §5.4, client side), the CertificateVerify signature (RFC 5246
// §7.4.8, server side) and the peer's Finished verify_data (RFC 5246 §7.4.9). Without them the SDP
// fingerprint (RFC 5763 §5) would prove nothing: anyone could present the right certificate.
import { timingSafeEqual, verify as cryptoVerify, X509Certificate } from 'node:crypto';
import { ParseError } from '../errors';
import { parseCertificateVerify, parseServerKeyExchange } from './helloCodec';
import { NAMED_CURVE_P256 } from './policy';
import { finishedVerifyData } from './prf';

export const HS = { clientHello: 1, serverHello: 2, certificate: 11, serverKeyExchange: 12, certificateRequest: 13, serverHelloDone: 14, certificateVerify: 15, clientKeyExchange: 16, finished: 20 } as const;

export interface TranscriptMessage {
  msgType: number;
  /** The whole handshake message as hashed (12-byte DTLS header + body, RFC 6347 §4.2.6). */
  bytes: Uint8Array;
  body: Uint8Array;
}

export interface HandshakeView {
  role: 'client' | 'server';
  /** Every handshake message in transcript order, without the peer's Finished when we are the client. */
  transcript: readonly TranscriptMessage[];
  clientRandom: Uint8Array;
  serverRandom: Uint8Array;
  masterSecret: Uint8Array;
  peerCertificate: Uint8Array;
  /** The peer's Finished verify_data. */
  peerFinished: Uint8Array;
}

export type AuthResult = { ok: true } | { ok: false; reason: string };

const HASHES: Record<number, string> = { 4: 'sha256', 5: 'sha384', 6: 'sha512' };

function verifySignature(cert: Uint8Array, hash: number, data: Uint8Array, signature: Uint8Array): boolean {
  const name = HASHES[hash];
  if (!name) return false;
  const key = new X509Certificate(cert).publicKey;
  return cryptoVerify(name, data, key, signature);
}

function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  return a.length === b.length && timingSafeEqual(a, b);
}

export function verifyPeerHandshake(v: HandshakeView): AuthResult {
  try {
    if (v.role === 'client') {
      const ske = v.transcript.find((m) => m.msgType === HS.serverKeyExchange);
      if (!ske) return { ok: false, reason: 'no ServerKeyExchange' };
      const p = parseServerKeyExchange(ske.body);
      if (p.namedCurve !== NAMED_CURVE_P256) return { ok: false, reason: `server chose curve ${p.namedCurve}, not P-256` };
      const signed = Buffer.concat([v.clientRandom, v.serverRandom, p.params]);
      if (!verifySignature(v.peerCertificate, p.hash, signed, p.signature)) return { ok: false, reason: 'ServerKeyExchange signature does not verify with the peer certificate' };
      const expected = finishedVerifyData(v.masterSecret, 'server', Buffer.concat(v.transcript.map((m) => m.bytes)));
      if (!sameBytes(expected, v.peerFinished)) return { ok: false, reason: 'server Finished verify_data mismatch' };
      return { ok: true };
    }
    const cvIndex = v.transcript.findIndex((m) => m.msgType === HS.certificateVerify);
    const cv = v.transcript[cvIndex];
    if (!cv) return { ok: false, reason: 'client sent no CertificateVerify' };
    const c = parseCertificateVerify(cv.body);
    const before = Buffer.concat(v.transcript.slice(0, cvIndex).map((m) => m.bytes));
    if (!verifySignature(v.peerCertificate, c.hash, before, c.signature)) return { ok: false, reason: 'CertificateVerify signature does not verify with the peer certificate' };
    const finIndex = v.transcript.findIndex((m) => m.msgType === HS.finished && m.body === v.peerFinished);
    const beforeFinished = Buffer.concat(v.transcript.slice(0, finIndex < 0 ? v.transcript.length : finIndex).map((m) => m.bytes));
    if (!sameBytes(finishedVerifyData(v.masterSecret, 'client', beforeFinished), v.peerFinished)) return { ok: false, reason: 'client Finished verify_data mismatch' };
    return { ok: true };
  } catch (e) {
    return { ok: false, reason: e instanceof ParseError ? e.message : `handshake check failed: ${e instanceof Error ? e.message : String(e)}` };
  }
}

// Certificate fingerprints as SDP carries them (RFC 8122 §5: `a=fingerprint:sha-256 AB:CD:...`, hex
// upper case, colon separated) and the explicit comparison the DTLS layer makes against the peer's
// certificate (RFC 5763 §5: a mismatch ends the session).
import { createHash, timingSafeEqual } from 'node:crypto';
import { ParseError } from '../errors';

export type FingerprintAlgorithm = 'sha-256' | 'sha-384' | 'sha-512';

export interface Fingerprint {
  algorithm: FingerprintAlgorithm;
  /** Upper-case hex pairs joined by ':'. */
  value: string;
}

const NODE_HASH: Record<FingerprintAlgorithm, string> = { 'sha-256': 'sha256', 'sha-384': 'sha384', 'sha-512': 'sha512' };
const LENGTH: Record<FingerprintAlgorithm, number> = { 'sha-256': 32, 'sha-384': 48, 'sha-512': 64 };

export function fingerprintOf(der: Uint8Array, algorithm: FingerprintAlgorithm = 'sha-256'): Fingerprint {
  const digest = createHash(NODE_HASH[algorithm]).update(der).digest();
  return { algorithm, value: [...digest].map((b) => b.toString(16).padStart(2, '0').toUpperCase()).join(':') };
}

/** Parses the value of `a=fingerprint` ("sha-256 AB:CD:..."). sha-1 and unknown hashes are refused. */
export function parseFingerprint(text: string): Fingerprint {
  const m = /^\s*(\S+)\s+([0-9A-Fa-f:]+)\s*$/.exec(text);
  if (!m) throw new ParseError('fingerprint', `malformed "${text.slice(0, 40)}"`);
  const algorithm = (m[1] ?? '').toLowerCase();
  if (algorithm !== 'sha-256' && algorithm !== 'sha-384' && algorithm !== 'sha-512') throw new ParseError('fingerprint', `hash ${algorithm} not accepted`);
  const value = (m[2] ?? '').toUpperCase();
  if (!/^[0-9A-F]{2}(:[0-9A-F]{2})*$/.test(value) || value.split(':').length !== LENGTH[algorithm]) throw new ParseError('fingerprint', `bad ${algorithm} value`);
  return { algorithm, value };
}

export function formatFingerprint(f: Fingerprint): string {
  return `${f.algorithm} ${f.value}`;
}

/** True if the certificate `der` hashes to `expected` (constant-time compare of the digests). */
export function certificateMatches(der: Uint8Array, expected: Fingerprint): boolean {
  const actual = Buffer.from(fingerprintOf(der, expected.algorithm).value.replace(/:/g, ''), 'hex');
  const want = Buffer.from(expected.value.replace(/:/g, ''), 'hex');
  return actual.length === want.length && timingSafeEqual(actual, want);
}

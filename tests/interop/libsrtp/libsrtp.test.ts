// Byte-exact interop with libsrtp 2 (Debian libsrtp2-dev) for every profile, through the API and the
// `telescene srtp` CLI: we protect → libsrtp unprotects; libsrtp protects → we unprotect; and both
// protect the same plaintext to the same bytes. Covers the ROC wrap at SEQ 65535 (RFC 3711 §3.3.1),
// CSRCs, RFC 6904 encrypted header extensions (one- and two-byte forms, padding between elements),
// SRTCP (index from 1, E flag), and agreement on what is dropped (replays, tampering).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DTLS_SRTP_PROFILE_IDS, SRTP_PROFILES, SrtpSession, type SrtpProfile } from '../../../electron/core/srtp';
import { toHex } from '../../srtp/hex';
import { keysFor, rtcp, rtp } from '../../srtp/packets';
import { buildOracle, libsrtpMissing, runCli, type Oracle } from './oracle';

const missing = libsrtpMissing();
if (missing) console.warn(`libsrtp interop tests skipped: ${missing}`);

type Kind = 'rtp' | 'ext' | 'rtcp';
const EXT_IDS = [1, 3];
const SEQS = [65530, 65531, 65532, 65533, 65534, 65535, 0, 1, 2, 3];
const SIZES = [1, 17, 160, 1200, 33, 7, 0, 500, 2, 64];

function plains(kind: Kind): Uint8Array[] {
  return SEQS.map((seq, i) => {
    const payload = Uint8Array.from({ length: Math.max(1, SIZES[i]!) }, (_, j) => (j * 31 + i) & 0xff);
    if (kind === 'rtcp') return rtcp(0x0badcafe, i);
    if (kind === 'rtp') return rtp({ seq, payload, ssrc: 0xcafe0001, csrcs: i % 3 === 0 ? [0x101, 0x202] : [] });
    // Alternate the RFC 8285 one-byte form (ids 1, 2, 3, with padding between 2 and 3) and the
    // two-byte form (ids 1, 3 encrypted, 2 clear, one empty element).
    const data =
      i % 2 === 0
        ? Uint8Array.from([0x13, 0x5e, 0x43, 0x52, 0x31, 0x21, 0x70, 0x6c, 0, 0, 0x30, 0x41])
        : Uint8Array.from([1, 3, 0xaa, 0xbb, 0xcc, 2, 2, 0x11, 0x22, 3, 0, 3, 1, 0x99]);
    return rtp({ seq, payload, ssrc: 0xcafe0002, ext: { profile: i % 2 === 0 ? 0xbede : 0x1000, data } });
  });
}

function keyArgs(profile: SrtpProfile): { oracle: (mode: string, kind: Kind) => string[]; cli: (mode: string, kind: Kind) => string[] } {
  const k = keysFor(profile, 7);
  const flags = (kind: Kind, rtcpFlag: string, extFlag: string[]): string[] => [
    ...(kind === 'rtcp' ? [rtcpFlag] : []),
    ...(kind === 'ext' ? extFlag : []),
  ];
  return {
    oracle: (mode, kind) => [mode, String(DTLS_SRTP_PROFILE_IDS[profile]), toHex(k.masterKey) + toHex(k.masterSalt), ...flags(kind, 'rtcp', [`ext=${EXT_IDS.join(',')}`])],
    cli: (mode, kind) => [mode, '--profile', profile, '--key', toHex(k.masterKey), '--salt', toHex(k.masterSalt), ...flags(kind, '--rtcp', ['--encrypt-ext', EXT_IDS.join(',')])],
  };
}

function session(profile: SrtpProfile, kind: Kind): SrtpSession {
  return new SrtpSession({ keys: keysFor(profile, 7), encryptedHeaderExtensionIds: kind === 'ext' ? EXT_IDS : [] });
}

function protectAll(s: SrtpSession, kind: Kind, ps: Uint8Array[]): string[] {
  return ps.map((p) => toHex(kind === 'rtcp' ? s.protectRtcp(p) : s.protectRtp(p)));
}

function unprotectAll(s: SrtpSession, kind: Kind, lines: string[]): string[] {
  return lines.map((l) => {
    const p = Uint8Array.from(Buffer.from(l, 'hex'));
    const r = kind === 'rtcp' ? s.unprotectRtcp(p) : s.unprotectRtp(p);
    return r.ok ? toHex(r.packet) : `error: ${r.reason}`;
  });
}

describe.skipIf(missing !== null)('libsrtp interop', () => {
  let oracle: Oracle;
  beforeAll(() => {
    oracle = buildOracle();
  });
  afterAll(() => oracle?.dispose());

  describe.each(SRTP_PROFILES)('%s', (profile) => {
    const args = keyArgs(profile);

    it.each(['rtp', 'ext', 'rtcp'] as const)('API %s: identical bytes, and each side unprotects the other', (kind) => {
      const ps = plains(kind);
      const ours = protectAll(session(profile, kind), kind, ps);
      const theirs = oracle.run(args.oracle('protect', kind), ps.map(toHex));
      expect(ours).toEqual(theirs);
      expect(oracle.run(args.oracle('unprotect', kind), ours)).toEqual(ps.map(toHex));
      expect(unprotectAll(session(profile, kind), kind, theirs)).toEqual(ps.map(toHex));
    });

    it.each(['ext', 'rtcp'] as const)('CLI %s: identical bytes, and each side unprotects the other', (kind) => {
      const ps = plains(kind);
      const theirs = oracle.run(args.oracle('protect', kind), ps.map(toHex));
      expect(runCli(args.cli('protect', kind), ps.map(toHex))).toEqual(theirs);
      expect(runCli(args.cli('unprotect', kind), theirs)).toEqual(ps.map(toHex));
    });

    it('SRTCP with E = 0 (authenticated, not encrypted): we unprotect it through API and CLI', () => {
      const ps = plains('rtcp');
      const theirs = oracle.run([...args.oracle('protect', 'rtcp'), 'rtcp-auth-only'], ps.map(toHex));
      const tagLen = profile.startsWith('AEAD') ? 16 : 10;
      for (const [i, l] of theirs.entries()) {
        expect(l.startsWith(toHex(ps[i]!)), 'body stays clear').toBe(true);
        const word = profile.startsWith('AEAD') ? l.slice(-8) : l.slice(-2 * (tagLen + 4), -2 * tagLen);
        expect(parseInt(word, 16)).toBe(i + 1); // E = 0, index from 1
      }
      expect(unprotectAll(session(profile, 'rtcp'), 'rtcp', theirs)).toEqual(ps.map(toHex));
      expect(runCli(args.cli('unprotect', 'rtcp'), theirs)).toEqual(ps.map(toHex));
    });

    it('RFC 6904: encrypts ids 1 and 3 only; ids, lengths and padding stay clear', () => {
      const p = plains('ext')[0]!; // one-byte form: 13 5e435231 | 21 706c | 00 00 | 30 41
      const s = Uint8Array.from(Buffer.from(oracle.run(args.oracle('protect', 'ext'), [toHex(p)])[0]!, 'hex'));
      const ext = 16 + 4 * 0;
      expect(toHex(s.subarray(ext, ext + 1))).toBe('13');
      expect(toHex(s.subarray(ext + 1, ext + 5))).not.toBe('5e435231');
      expect(toHex(s.subarray(ext + 5, ext + 10))).toBe('21706c0000');
      expect(s[ext + 10]).toBe(0x30);
      expect(s[ext + 11]).not.toBe(0x41);
    });

    it('both drop the same replays and tampered packets', () => {
      const ps = plains('rtp');
      const prot = protectAll(session(profile, 'rtp'), 'rtp', ps);
      const flip = (h: string, at: number): string => {
        const b = Buffer.from(h, 'hex');
        b[at]! ^= 0x40;
        return b.toString('hex');
      };
      const feed = [prot[0]!, prot[1]!, prot[1]!, flip(prot[2]!, 20), prot[2]!, flip(prot[3]!, 3), prot[3]!, prot[0]!];
      const ours = unprotectAll(session(profile, 'rtp'), 'rtp', feed);
      const theirs = oracle.run(args.oracle('unprotect', 'rtp'), feed);
      expect(ours.map((l) => l.startsWith('error'))).toEqual(theirs.map((l) => l.startsWith('error')));
      expect(ours.filter((l) => l.startsWith('error'))).toEqual(['error: replay', 'error: auth', 'error: auth', 'error: replay']);
    });
  });
});

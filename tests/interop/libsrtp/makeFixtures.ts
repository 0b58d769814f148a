// Regenerates tests/fixtures/srtp/libsrtp-vectors.json from libsrtp (the oracle beside this file):
// `npx tsx tests/interop/libsrtp/makeFixtures.ts`. The fixtures let tests/srtp check byte-exactness
// against libsrtp on machines without libsrtp2-dev, and carry bad variants (truncated, tampered,
// replayed, malformed) with the reason we drop them for; libsrtp is checked to refuse each one too.
import { writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DTLS_SRTP_PROFILE_IDS, SRTP_PROFILES, type SrtpDropReason } from '../../../electron/core/srtp';
import { toHex } from '../../srtp/hex';
import { keysFor, rtcp, rtp } from '../../srtp/packets';
import { buildOracle } from './oracle';

export type FixtureKind = 'rtp' | 'ext' | 'rtcp' | 'rtcp-auth-only';
export interface BadPacket {
  name: string;
  kind: 'rtp' | 'rtcp';
  hex: string;
  reason: SrtpDropReason;
}
export interface ProfileFixture {
  profile: string;
  key: string;
  salt: string;
  encryptExt: number[];
  cases: { kind: FixtureKind; plain: string[]; protected: string[] }[];
  /** Fed, in order, to a receiver that already took every `rtp` case packet. */
  bad: BadPacket[];
}

const EXT_IDS = [1, 3];
const SEQS = [65533, 65534, 65535, 0, 1];

function plainsFor(kind: FixtureKind): Uint8Array[] {
  return SEQS.map((seq, i) => {
    const payload = Uint8Array.from({ length: 20 + 37 * i }, (_, j) => (j ^ (i * 11)) & 0xff);
    if (kind === 'rtcp' || kind === 'rtcp-auth-only') return rtcp(0x5eed0001, i);
    if (kind === 'rtp') return rtp({ seq, payload, ssrc: 0x5eed0002, csrcs: i === 2 ? [0xc5c5] : [] });
    const data = Uint8Array.from([0x13, 0x5e, 0x43, 0x52, 0x31, 0x21, 0x70, 0x6c, 0, 0, 0x30, 0x41]);
    return rtp({ seq, payload, ssrc: 0x5eed0003, ext: { profile: 0xbede, data } });
  });
}

function badVariants(good: string[]): BadPacket[] {
  const b = (h: string) => Buffer.from(h, 'hex');
  const flip = (h: string, byte: number, mask: number): string => {
    const x = b(h);
    x[byte < 0 ? x.length + byte : byte]! ^= mask;
    return x.toString('hex');
  };
  const last = good[good.length - 1]!;
  const noExtLen = b(last);
  noExtLen[0] = noExtLen[0]! | 0x10; // claim an extension the packet does not have room for
  noExtLen[12] = 0xbe;
  noExtLen[13] = 0xde;
  noExtLen[14] = 0xff;
  return [
    { name: 'replay of the last packet', kind: 'rtp', hex: last, reason: 'replay' },
    { name: 'seen packet with a flipped payload octet (replay is checked first)', kind: 'rtp', hex: flip(good[3]!, -1, 0x01), reason: 'replay' },
    { name: 'fixed header only', kind: 'rtp', hex: last.slice(0, 24), reason: 'truncated' },
    { name: 'eleven octets', kind: 'rtp', hex: last.slice(0, 22), reason: 'truncated' },
    { name: 'version 1', kind: 'rtp', hex: flip(last, 0, 0xc0), reason: 'malformed' },
    { name: 'extension longer than the packet', kind: 'rtp', hex: noExtLen.toString('hex'), reason: 'truncated' },
    { name: 'future packet with a flipped tag bit', kind: 'rtp', hex: flip(flip(last, 3, 0x08), -1, 0x80), reason: 'auth' },
    { name: 'future packet (SEQ changed)', kind: 'rtp', hex: flip(last, 3, 0x08), reason: 'auth' },
    { name: 'SSRC changed', kind: 'rtp', hex: flip(last, 11, 0x01), reason: 'auth' },
    { name: 'SRTCP of garbage', kind: 'rtcp', hex: '80c8000700000001' + '00'.repeat(40), reason: 'auth' },
    { name: 'SRTCP shorter than its trailer', kind: 'rtcp', hex: '80c80001000000010000', reason: 'truncated' },
  ];
}

function main(): void {
  const oracle = buildOracle();
  try {
    const fixtures: ProfileFixture[] = SRTP_PROFILES.map((profile) => {
      const k = keysFor(profile, 5);
      const base = [String(DTLS_SRTP_PROFILE_IDS[profile]), toHex(k.masterKey) + toHex(k.masterSalt)];
      const flags = (kind: FixtureKind): string[] =>
        kind === 'rtcp' ? ['rtcp'] : kind === 'rtcp-auth-only' ? ['rtcp', 'rtcp-auth-only'] : kind === 'ext' ? [`ext=${EXT_IDS.join(',')}`] : [];
      const cases = (['rtp', 'ext', 'rtcp', 'rtcp-auth-only'] as const).map((kind) => {
        const plain = plainsFor(kind).map(toHex);
        const prot = oracle.run(['protect', ...base, ...flags(kind)], plain);
        if (prot.some((l) => l.startsWith('error'))) throw new Error(`libsrtp refused ${profile} ${kind}: ${prot.join(' ')}`);
        return { kind, plain, protected: prot };
      });
      const rtpCase = cases[0]!;
      const bad = badVariants(rtpCase.protected);
      // libsrtp must refuse every bad packet too, after taking the good ones.
      for (const kind of ['rtp', 'rtcp'] as const) {
        const feed = kind === 'rtp' ? rtpCase.protected : [];
        const bads = bad.filter((x) => x.kind === kind);
        const out = oracle.run(['unprotect', ...base, ...(kind === 'rtcp' ? ['rtcp'] : [])], [...feed, ...bads.map((x) => x.hex)]);
        out.slice(feed.length).forEach((l, i) => {
          if (!l.startsWith('error')) throw new Error(`libsrtp accepted bad packet "${bads[i]!.name}" (${profile})`);
        });
      }
      return { profile, key: toHex(k.masterKey), salt: toHex(k.masterSalt), encryptExt: EXT_IDS, cases, bad };
    });
    const file = join(dirname(fileURLToPath(import.meta.url)), '../../fixtures/srtp/libsrtp-vectors.json');
    writeFileSync(file, `${JSON.stringify({ generator: 'tests/interop/libsrtp/makeFixtures.ts (libsrtp 2.5, Debian libsrtp2-dev)', fixtures }, null, 1)}\n`);
    console.log(`wrote ${file}`);
  } finally {
    oracle.dispose();
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) main();

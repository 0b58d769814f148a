// SRTP speed (`npm run bench srtp`): protect and unprotect packets/s at 1,200-octet payloads for
// AES_CM_128_HMAC_SHA1_80 and AEAD_AES_128_GCM, ours beside werift-rtp 0.8.9's SrtpSession measured in
// the same run, median of 5 rounds. Within a round both sides take the same packets in 40 interleaved
// chunks (who goes first alternates), so load from elsewhere on the machine falls on both alike. Each
// profile runs in its own Node process, so one profile's JIT state does not slow the other's (a call
// negotiates one profile). Targets (issue): >= 1.3x werift on protect and >= 1.8x on unprotect.
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { SrtpSession, type SrtpProfile } from '../../electron/core/srtp';
import { keysFor, rtp } from '../srtp/packets';
import type { BenchResult } from './run';

interface WeriftHeader {
  sequenceNumber: number;
}
interface WeriftSession {
  encrypt(payload: Buffer, header: WeriftHeader): Buffer;
  decrypt(packet: Buffer): Buffer;
}
interface WeriftRtp {
  SrtpSession: new (config: { keys: Record<string, Buffer>; profile: number }) => WeriftSession;
  RtpHeader: new (init: Record<string, unknown>) => WeriftHeader;
}

const require = createRequire(import.meta.url);
const werift = require('werift-rtp') as WeriftRtp;
const PAYLOAD = 1200;
const N = 40_000;
const ROUNDS = 5;
const CHUNKS = 40;
const SSRC = 0x1234abcd;

/** A full collection (child process only), so each timed phase starts from a clean heap. */
function collector(): () => void {
  setFlagsFromString('--expose-gc');
  return runInNewContext('gc') as () => void;
}

/** Nanoseconds that `run` takes. */
function time(run: () => void): number {
  const t0 = process.hrtime.bigint();
  run();
  return Number(process.hrtime.bigint() - t0);
}

const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const k = (x: number): string => `${Math.round(x / 1000)}k/s`;

function benchProfile(profile: SrtpProfile, weriftId: number) {
  const gc = collector();
  const keys = keysFor(profile, 11);
  const payload = Buffer.alloc(PAYLOAD, 0xa5);
  const plains = Array.from({ length: N }, (_, i) => rtp({ seq: i, ssrc: SSRC, payload }));
  const wkeys = {
    localMasterKey: Buffer.from(keys.masterKey),
    localMasterSalt: Buffer.from(keys.masterSalt),
    remoteMasterKey: Buffer.from(keys.masterKey),
    remoteMasterSalt: Buffer.from(keys.masterSalt),
  };
  const header = new werift.RtpHeader({ payloadType: 96, sequenceNumber: 0, timestamp: 0, ssrc: SSRC });
  const rates = { ours: { protect: [] as number[], unprotect: [] as number[] }, werift: { protect: [] as number[], unprotect: [] as number[] } };
  let sink = 0;
  for (let round = -1; round < ROUNDS; round++) {
    // Fresh sessions per round (our protect refuses to reuse an index).
    const tx = new SrtpSession({ keys });
    const rx = new SrtpSession({ keys });
    const wtx = new werift.SrtpSession({ keys: wkeys, profile: weriftId });
    const wrx = new werift.SrtpSession({ keys: wkeys, profile: weriftId });
    // Inputs for the unprotect runs, made untimed by separate sessions. The timed protect runs keep no
    // output (a sender hands each packet to the socket and drops it), so GC cost stays realistic.
    const prep = new SrtpSession({ keys });
    const wprep = new werift.SrtpSession({ keys: wkeys, profile: weriftId });
    const prot = plains.map((p) => prep.protectRtp(p));
    const wprot = plains.map((_, i) => {
      header.sequenceNumber = i;
      return wprep.encrypt(payload, header);
    });
    const ns = { op: 0, ou: 0, wp: 0, wu: 0 };
    const chunks = (ours: (from: number, to: number) => void, theirs: (from: number, to: number) => void): [number, number] => {
      let a = 0;
      let b = 0;
      gc();
      for (let c = 0; c < CHUNKS; c++) {
        const from = (c * N) / CHUNKS;
        const to = ((c + 1) * N) / CHUNKS;
        if ((c + round) % 2 === 0) {
          a += time(() => ours(from, to));
          b += time(() => theirs(from, to));
        } else {
          b += time(() => theirs(from, to));
          a += time(() => ours(from, to));
        }
      }
      return [a, b];
    };
    [ns.op, ns.wp] = chunks(
      (from, to) => {
        for (let i = from; i < to; i++) sink += tx.protectRtp(plains[i]!).length;
      },
      (from, to) => {
        for (let i = from; i < to; i++) {
          header.sequenceNumber = i;
          sink += wtx.encrypt(payload, header).length;
        }
      },
    );
    [ns.ou, ns.wu] = chunks(
      (from, to) => {
        for (let i = from; i < to; i++) {
          const r = rx.unprotectRtp(prot[i]!);
          if (r.ok) sink += r.packet.length;
        }
      },
      (from, to) => {
        for (let i = from; i < to; i++) sink += wrx.decrypt(wprot[i]!).length;
      },
    );
    if (round < 0) continue; // warm-up round
    rates.ours.protect.push((N * 1e9) / ns.op);
    rates.ours.unprotect.push((N * 1e9) / ns.ou);
    rates.werift.protect.push((N * 1e9) / ns.wp);
    rates.werift.unprotect.push((N * 1e9) / ns.wu);
  }
  const tag = profile.startsWith('AEAD') ? 16 : 10;
  if (sink !== 2 * (ROUNDS + 1) * N * (2 * (12 + PAYLOAD) + tag)) throw new Error('a packet failed to protect or unprotect');
  return {
    protect: { ours: median(rates.ours.protect), werift: median(rates.werift.protect) },
    unprotect: { ours: median(rates.ours.unprotect), werift: median(rates.werift.unprotect) },
  };
}

type Figures = ReturnType<typeof benchProfile>;
const PROFILES = [
  ['AES_CM_128_HMAC_SHA1_80', 1],
  ['AEAD_AES_128_GCM', 7],
] as const;
const self = fileURLToPath(import.meta.url);

/** Runs one profile's measurement in a child Node process (this file, run as a script). */
function measureInChild(profile: SrtpProfile): Figures {
  const r = spawnSync(process.execPath, ['--import', 'tsx', self, profile], { encoding: 'utf8', timeout: 300_000 });
  if (r.status !== 0) throw new Error(`srtp bench child for ${profile} failed: ${r.stderr}`);
  return JSON.parse(r.stdout.trim().split('\n').pop() ?? '') as Figures;
}

export default async function srtpBench(): Promise<BenchResult> {
  const lines = [
    `node ${process.version}, ${PAYLOAD}-octet payloads, ${N} packets x ${ROUNDS} rounds (median), one core`,
    'ours: bytes in, bytes out; werift-rtp: encrypt(payload, one reused RtpHeader) (its cheapest use), decrypt(bytes)',
  ];
  const targets: BenchResult['targets'] = [];
  for (const [profile] of PROFILES) {
    const r = measureInChild(profile);
    for (const [op, goal] of [
      ['protect', 1.3],
      ['unprotect', 1.8],
    ] as const) {
      const ratio = r[op].ours / r[op].werift;
      lines.push(`${profile} ${op.padEnd(9)} ours ${k(r[op].ours).padStart(7)}  werift-rtp ${k(r[op].werift).padStart(7)}  ratio ${ratio.toFixed(2)}x`);
      targets.push({ label: `${profile} ${op} >= ${goal}x werift-rtp (${ratio.toFixed(2)}x)`, met: ratio >= goal });
    }
  }
  return { name: 'SRTP protect/unprotect vs werift-rtp', lines, targets };
}

if (process.argv[1] && resolve(process.argv[1]) === self) {
  const entry = PROFILES.find(([name]) => name === process.argv[2]);
  if (!entry) throw new Error(`usage: srtp.bench.ts ${PROFILES.map(([n]) => n).join('|')}`);
  process.stdout.write(`${JSON.stringify(benchProfile(entry[0], entry[1]))}\n`);
}

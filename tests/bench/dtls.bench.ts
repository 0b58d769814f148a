// `npm run bench`: median time from the answer to DTLS connected (keys exported, SRTP keyed) against
// aiortc (both DTLS roles) and Chromium, each in a private network namespace on loopback, at least
// 5 calls each. Reference in the same run: two of our own call transports on loopback. Target
// (transport issue): under 200 ms against each real peer.
import { fileURLToPath } from 'node:url';
import { createCallTransport, createDtlsCertificate, type CallTransport } from '../../electron/core/transport';
import { canUnshare, hasAiortc, hasChromium, runInNetns } from '../transport/support/netns';
import type { BenchResult } from './run';

const CALLS = 7;
const TARGET_MS = 200;

const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? (s[m] as number) : ((s[m - 1] as number) + (s[m] as number)) / 2;
};
const fmt = (xs: number[]): string => xs.map((x) => x.toFixed(0)).join(', ');

async function selfReference(): Promise<number[]> {
  const out: number[] = [];
  const certA = await createDtlsCertificate();
  const certB = await createDtlsCertificate();
  for (let i = 0; i < CALLS; i++) {
    const a = await createCallTransport({ certificate: certA, hostAddresses: ['127.0.0.1'] });
    const b = await createCallTransport({ certificate: certB, hostAddresses: ['127.0.0.1'] });
    const up = (t: CallTransport) => new Promise<void>((r) => t.events.on('statechange', (s) => s === 'connected' && r()));
    const answer = b.createAnswer(a.createOffer());
    const both = Promise.all([up(a), up(b)]);
    const t0 = performance.now();
    a.setRemoteAnswer(answer);
    await both;
    out.push(performance.now() - t0);
    a.close();
    b.close();
  }
  return out;
}

async function peer(script: string, args: string[]): Promise<number[] | string> {
  const { results, log } = await runInNetns(fileURLToPath(new URL(script, import.meta.url)), [...args, '--no-media', '--repeat', String(CALLS)], 180_000);
  const times = results.filter((r) => r.state === 'connected').map((r) => Number(r.answerToDtlsMs));
  if (times.length < 5) return `only ${times.length} of ${CALLS} calls connected: ${log.slice(-400).replace(/\s+/g, ' ')}`;
  return times;
}

export default async function dtlsBench(): Promise<BenchResult> {
  const lines: string[] = [];
  const targets: BenchResult['targets'] = [];
  const ref = median(await selfReference());
  lines.push(`reference  Telescene <-> Telescene, loopback: median ${ref.toFixed(1)} ms answer -> DTLS connected (${CALLS} calls)`);
  const peers: [string, string, string[], boolean][] = [
    ['aiortc (we offer; we are DTLS server)', '../interop/aiortc/runAiortc.ts', ['answer'], hasAiortc()],
    ['aiortc (aiortc offers; we are DTLS client)', '../interop/aiortc/runAiortc.ts', ['offer'], hasAiortc()],
    ['Chromium (we offer; we are DTLS server)', '../interop/chromium/runChromium.ts', ['--offerer', 'telescene'], hasChromium()],
  ];
  for (const [name, script, args, available] of peers) {
    if (!available || !canUnshare()) {
      lines.push(`${name}: skipped (peer not installed or no network namespaces)`);
      continue;
    }
    const r = await peer(script, args);
    if (typeof r === 'string') {
      lines.push(`${name}: FAILED ${r}`);
      targets.push({ label: `${name}: median answer -> DTLS connected < ${TARGET_MS} ms`, met: false });
      continue;
    }
    const m = median(r);
    lines.push(`${name}: median ${m.toFixed(1)} ms answer -> DTLS connected over ${r.length} calls [${fmt(r)}]; ${(m / ref).toFixed(1)}x the reference`);
    targets.push({ label: `${name}: median answer -> DTLS connected ${m.toFixed(1)} ms < ${TARGET_MS} ms`, met: m < TARGET_MS });
  }
  return { name: 'DTLS connect time (answer -> DTLS connected)', lines, targets };
}

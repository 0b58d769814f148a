// The Node side of the aiortc interop scenario, run inside a private netns by aiortc.test.ts and by
// the DTLS bench. usage: runAiortc.ts offer|answer [--repeat N] [--no-media]
// Prints one `RESULT {json}` line per call: timings, what aiortc decoded and saw, what we received.
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseIvf } from '../../../electron/core/rtp';
import { CertificateManager, createCallTransport, type DataChannel } from '../../../electron/core/transport';
import { JsonLines } from './jsonLines';
import { PYTHON } from '../../transport/support/netns';
import { setLogSink } from '../../../electron/core/log';

// DIAG=1: every log line with a millisecond stamp (for timing investigations).
const T0 = performance.now();
if (process.env.DIAG) setLogSink((_l, scope, m, f) => console.error(Math.round(performance.now() - T0), scope, m, JSON.stringify(f)));

const here = dirname(fileURLToPath(import.meta.url));
const role = process.argv[2] === 'offer' ? 'offer' : 'answer';
const repeat = Number(process.argv[process.argv.indexOf('--repeat') + 1]) || 1;
const media = !process.argv.includes('--no-media');
const certs = new CertificateManager();

function vp8Frames(): Uint8Array[] {
  const dir = mkdtempSync(join(tmpdir(), 'telescene-vp8-'));
  const file = join(dir, 'clip.ivf');
  if (spawnSync(PYTHON, [join(here, 'gen_vp8.py'), file, '60'], { stdio: 'inherit' }).status !== 0) throw new Error('PyAV could not make VP8 frames');
  const frames = parseIvf(readFileSync(file)).frames.map((f) => Uint8Array.from(f.data));
  rmSync(dir, { recursive: true, force: true });
  return frames;
}

async function oneCall(frames: Uint8Array[]): Promise<Record<string, unknown>> {
  const t = await createCallTransport({ certificate: await certs.current(), hostAddresses: ['127.0.0.1'] });
  const py = spawn(PYTHON, [join(here, 'peer.py'), role, '--run-s', media ? '3' : '0.3', ...(media ? [] : ['--no-media'])], { stdio: ['pipe', 'pipe', 'inherit'] });
  const sig = new JsonLines(py.stdout, py.stdin);
  const result: Record<string, unknown> = { role };
  const received = { rtp: 0, rtcp: 0, dc: [] as string[] };
  t.events.on('rtp', () => received.rtp++);
  t.events.on('rtcp', () => received.rtcp++);
  const connected = new Promise<string>((resolve) => t.events.on('statechange', (s, reason) => (s === 'connected' || s === 'failed') && resolve(reason ? `${s}: ${reason}` : s)));
  const wire = (ch: DataChannel): void => {
    result.dcLabel = ch.label;
    result.dcProtocol = ch.protocol;
    ch.events.on('message', (m) => received.dc.push(typeof m === 'string' ? m.slice(0, 80) : `<${m.length} bytes>`));
    const greet = (): void => {
      ch.send('<clue hello from telescene/>');
      ch.send(`<advertisement>${'c'.repeat(60_000)}</advertisement>`);
    };
    if (ch.state === 'open') greet();
    else ch.events.once('open', greet);
  };
  t.events.on('datachannel', wire);
  let tAnswer: number;
  if (role === 'answer') {
    sig.send({ type: 'offer', sdp: t.createOffer() });
    const answer = await sig.expect('answer');
    tAnswer = performance.now();
    t.setRemoteAnswer(String(answer.sdp));
  } else {
    const offer = await sig.expect('offer');
    if (process.env.CAPTURE_SDP) writeFileSync(process.env.CAPTURE_SDP, String(offer.sdp));
    const answer = t.createAnswer(String(offer.sdp));
    tAnswer = performance.now();
    sig.send({ type: 'answer', sdp: answer });
  }
  result.state = await connected;
  result.answerToDtlsMs = Math.round((performance.now() - tAnswer) * 10) / 10;
  result.srtpProfile = t.srtpProfile;
  result.ourDtlsRole = t.dtls.dtlsRole;
  if (role === 'answer') {
    await waitFor(() => t.dataChannels?.isConnected === true, 5000);
    wire(t.openClueChannel());
  }
  let sent = 0;
  if (media && result.state === 'connected') {
    for (let i = 0; i < frames.length; i++) {
      sent += t.sendVideoFrame(frames[i] as Uint8Array, i * 3000);
      await new Promise((r) => setTimeout(r, 33));
    }
  }
  result.rtpSent = sent;
  const far = await sig.expect('result', 30_000).catch((e: unknown) => ({ error: String(e) }));
  result.aiortc = far;
  result.received = received;
  result.dropped = (t.stats() as { demux: { dropped: unknown } }).demux.dropped;
  t.close();
  py.kill();
  return result;
}

async function waitFor(cond: () => boolean, ms: number): Promise<void> {
  const end = performance.now() + ms;
  while (!cond()) {
    if (performance.now() > end) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 5));
  }
}

async function main(): Promise<void> {
  const frames = media ? vp8Frames() : [];
  for (let i = 0; i < repeat; i++) console.log(`RESULT ${JSON.stringify(await oneCall(frames))}`);
}

main().then(
  () => process.exit(0),
  (e: unknown) => {
    console.error('runner failed', e);
    process.exit(1);
  },
);

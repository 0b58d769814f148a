// The Node side of the Chromium interop scenario, run in a private netns by chromium.test.ts and the
// DTLS bench. usage: runChromium.ts [--repeat N] [--offerer telescene|chromium] [--no-media]
// Serves page.html on http://127.0.0.1:PORT, drives Debian's Chromium with playwright-core, and
// prints one `RESULT {json}` line per call.
import { readFileSync, writeFileSync } from 'node:fs';
import { createServer, type IncomingMessage } from 'node:http';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { CertificateManager, createCallTransport, type CallTransport, type DataChannel } from '../../../electron/core/transport';
import { CHROMIUM } from '../../transport/support/netns';
import { setLogSink } from '../../../electron/core/log';

// DIAG=1: every log line with a millisecond stamp (for timing investigations).
const T0 = performance.now();
if (process.env.DIAG) setLogSink((_l, scope, m, f) => console.error(Math.round(performance.now() - T0), scope, m, JSON.stringify(f)));

const here = dirname(fileURLToPath(import.meta.url));
const arg = (name: string, def: string): string => (process.argv.includes(name) ? (process.argv[process.argv.indexOf(name) + 1] ?? def) : def);
const repeat = Number(arg('--repeat', '1'));
const offerer = arg('--offerer', 'telescene');
const media = !process.argv.includes('--no-media');
const FLAGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--use-fake-device-for-media-stream', '--use-fake-ui-for-media-stream', '--allow-loopback-in-peer-connection'];

const body = (req: IncomingMessage): Promise<string> =>
  new Promise((resolve) => {
    let s = '';
    req.on('data', (c: Buffer) => (s += c.toString()));
    req.on('end', () => resolve(s));
  });

let frames: Uint8Array[] = [];
let current: { t: CallTransport; onAnswer: (sdp: string) => void; onChromiumOffer: (sdp: string) => string } | undefined;

const server = createServer((req, res) => {
  void (async () => {
    if (req.method === 'GET' && req.url === '/') {
      res.writeHead(200, { 'content-type': 'text/html' });
      return res.end(readFileSync(join(here, 'page.html')));
    }
    if (req.method === 'GET' && req.url === '/offer' && current) {
      res.writeHead(200, { 'content-type': 'application/json' });
      return res.end(JSON.stringify({ type: 'offer', sdp: current.t.createOffer() }));
    }
    const text = await body(req);
    if (req.url === '/frames') frames = (JSON.parse(text) as string[]).map((b) => new Uint8Array(Buffer.from(b, 'base64')));
    if (req.url === '/answer' && current) {
      if (process.env.CAPTURE_SDP) writeFileSync(process.env.CAPTURE_SDP, (JSON.parse(text) as { sdp: string }).sdp);
      current.onAnswer((JSON.parse(text) as { sdp: string }).sdp);
    }
    if (req.url === '/offer-from-chromium' && current) {
      res.writeHead(200, { 'content-type': 'application/json' });
      return res.end(JSON.stringify({ type: 'answer', sdp: current.onChromiumOffer((JSON.parse(text) as { sdp: string }).sdp) }));
    }
    res.writeHead(200);
    res.end('ok');
  })();
});

async function main(): Promise<void> {
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const port = (server.address() as { port: number }).port;
  const browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: FLAGS });
  const page = await (await browser.newContext()).newPage();
  page.on('console', (m) => (m.type() === 'error' || process.env.PAGE_LOG) && console.error('[page]', m.text()));
  await page.goto(`http://127.0.0.1:${port}/`);
  if (media) await page.evaluate(() => (globalThis as unknown as { encodeVp8: () => Promise<number> }).encodeVp8());
  const certs = new CertificateManager();
  for (let i = 0; i < repeat; i++) {
    const t = await createCallTransport({ certificate: await certs.current(), hostAddresses: ['127.0.0.1'] });
    const result: Record<string, unknown> = { offerer };
    const received = { rtp: 0, rtcp: 0, dc: [] as string[] };
    t.events.on('rtp', () => received.rtp++);
    t.events.on('rtcp', () => received.rtcp++);
    let tAnswer = 0;
    const marks: Record<string, number> = {};
    const mark = (k: string) => (marks[k] ??= Math.round(performance.now() - tAnswer));
    t.ice.events.on('statechange', (s) => mark(`ice-${s}`));
    t.dtls.events.on('statechange', (s) => mark(`dtls-${s}`));
    result.marks = marks;
    const connected = new Promise<string>((resolve) => t.events.on('statechange', (s, reason) => (s === 'connected' || s === 'failed') && resolve(reason ? `${s}: ${reason}` : s)));
    const wire = (ch: DataChannel): void => {
      ch.events.on('message', (m) => received.dc.push(typeof m === 'string' ? m.slice(0, 80) : `<${m.length} bytes>`));
      const greet = (): void => {
        ch.send('<clue hello from telescene/>');
        ch.send(`<advertisement>${'c'.repeat(200_000)}</advertisement>`);
      };
      if (ch.state === 'open') greet();
      else ch.events.once('open', greet);
    };
    t.events.on('datachannel', wire);
    current = {
      t,
      onAnswer: (sdp) => {
        tAnswer = performance.now();
        t.setRemoteAnswer(sdp);
      },
      onChromiumOffer: (sdp) => {
        const answer = t.createAnswer(sdp);
        tAnswer = performance.now();
        return answer;
      },
    };
    const pageResult = page.evaluate((o) => (globalThis as unknown as { callTest: (x: object) => Promise<unknown> }).callTest(o), { runMs: media ? 3500 : 1000, offerer });
    pageResult.catch((e: unknown) => console.error('page failed:', e instanceof Error ? e.message : String(e)));
    result.state = await Promise.race([connected, pageResult.then(() => 'page finished before connecting', (e: unknown) => `page failed: ${e instanceof Error ? e.message : String(e)}`)]);
    result.answerToDtlsMs = Math.round((performance.now() - tAnswer) * 10) / 10;
    result.srtpProfile = t.srtpProfile;
    result.ourDtlsRole = t.dtls.dtlsRole;
    if (offerer === 'telescene' && result.state === 'connected') {
      const end = performance.now() + 5000;
      while (!t.dataChannels?.isConnected && performance.now() < end) await new Promise((r) => setTimeout(r, 5));
      wire(t.openClueChannel());
    }
    let sent = 0;
    if (media && result.state === 'connected') {
      for (let f = 0; f < frames.length; f++) {
        sent += t.sendVideoFrame(frames[f] as Uint8Array, f * 3000);
        await new Promise((r) => setTimeout(r, 33));
      }
    }
    result.rtpSent = sent;
    result.framesMade = frames.length;
    result.chromium = await pageResult;
    result.received = received;
    result.dropped = (t.stats() as { demux: { dropped: unknown } }).demux.dropped;
    t.close();
    console.log(`RESULT ${JSON.stringify(result)}`);
  }
  await browser.close();
  server.close();
}

main().then(
  () => process.exit(0),
  (e: unknown) => {
    console.error('runner failed', e);
    process.exit(1);
  },
);

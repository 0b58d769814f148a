// The browser host's bridge on a real loopback socket: only our page, with this launch's secret,
// from our origin and under our Host name, gets anything; everyone else gets a bare status.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { setLogSink } from '../../electron/core/log';
import { RoomCore } from '../../electron/core/room/roomCore';
import { BridgeServer } from '../../electron/host/bridgeServer';
import { SseParser, type ServerSentEvent } from '../../renderer/bridge/sseParser';
import { DEFAULT_ROOM, roomConfigSchema } from '../../shared/config';
import { snapshotSchema } from '../../shared/ipc/contract';
import { rawRequest } from './bridgeClient';

const SECRET = 'test-secret-0123456789abcdefghijklmnop';
let dir: string;
let core: RoomCore;
let bridge: BridgeServer;
let port: number;
let good: Record<string, string>;
let logLines: string[];
let restoreLog: () => void;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'telescene-bridge-'));
  writeFileSync(join(dir, 'index.html'), '<!doctype html><title>room</title>');
  writeFileSync(join(dir, 'app.js'), 'console.log(1)');
  writeFileSync(join(dir, '.secret.json'), '{}');
  mkdirSync(join(dir, 'sub'));
  core = new RoomCore({ config: roomConfigSchema.parse(DEFAULT_ROOM) });
  bridge = await BridgeServer.start({ core, rendererDir: dir, secret: SECRET });
  port = Number(new URL(bridge.origin).port);
  good = { Host: `127.0.0.1:${port}`, Origin: `http://127.0.0.1:${port}`, Authorization: `Bearer ${SECRET}`, 'Content-Type': 'application/json', 'Sec-Fetch-Site': 'same-origin' };
});
afterAll(async () => {
  await bridge.close();
  await bridge.close();
  core.close();
  rmSync(dir, { recursive: true, force: true });
});
beforeEach(() => {
  logLines = [];
  restoreLog = setLogSink((level, scope, message, fields) => logLines.push(`${level} ${scope}: ${message} ${JSON.stringify(fields)}`));
});
afterEach(() => restoreLog());

const without = (name: string) => Object.fromEntries(Object.entries(good).filter(([k]) => k !== name));

describe('bridge authentication', () => {
  it('our page with the secret gets the snapshot', async () => {
    const res = await rawRequest(port, { path: '/api/req/snapshot', headers: good, body: '{}' });
    expect(res.status).toBe(200);
    expect(snapshotSchema.parse(JSON.parse(res.body)).room.name).toBe(DEFAULT_ROOM.room.name);
    expect(res.headers['content-security-policy']).toContain("connect-src 'self'");
  });

  type Change = (h: Record<string, string>) => Record<string, string>;
  const drop = (name: string): Change => (h) => Object.fromEntries(Object.entries(h).filter(([k]) => k !== name));
  const set = (name: string, value: (p: number) => string): Change => (h) => ({ ...h, [name]: value(port) });
  it.each<[string, Change, string]>([
    ['no secret', drop('Authorization'), 'no secret'],
    ['a wrong secret', set('Authorization', () => 'Bearer wrong-secret-0123456789abcdef'), 'wrong secret'],
    ['a malformed Authorization', set('Authorization', () => `Basic ${SECRET}`), 'no secret'],
    ['another origin, even with the secret', set('Origin', () => 'http://evil.example'), 'foreign Origin'],
    ['another loopback port as origin', set('Origin', () => 'http://127.0.0.1:1'), 'foreign Origin'],
    ['the null origin', set('Origin', () => 'null'), 'foreign Origin'],
    ['no Origin (not a browser page of ours)', drop('Origin'), 'no Origin'],
    ['a rebinding Host name', set('Host', (p) => `evil.example:${p}`), 'wrong Host header'],
    ['localhost as Host', set('Host', (p) => `localhost:${p}`), 'wrong Host header'],
    ['a cross-site fetch', set('Sec-Fetch-Site', () => 'cross-site'), 'Sec-Fetch-Site cross-site'],
  ])('a request with %s gets nothing (403, empty body)', async (_what, change, reason) => {
    const before = core.snapshot();
    const res = await rawRequest(port, { path: '/api/req/intent', headers: change(good), body: '{"intent":"toggleMute"}' });
    expect(res.status).toBe(403);
    expect(res.body).toBe('');
    expect(res.headers['access-control-allow-origin']).toBeUndefined();
    expect(core.snapshot()).toBe(before);
    expect(logLines.some((l) => l.startsWith('warn host.bridge: request refused') && l.includes(`"reason":"${reason}"`))).toBe(true);
    expect(logLines.join('\n')).not.toContain(SECRET);
  });

  it('a CORS preflight is never granted', async () => {
    const res = await rawRequest(port, { method: 'OPTIONS', path: '/api/req/snapshot', headers: { Host: good.Host ?? '', Origin: 'http://evil.example', 'Access-Control-Request-Method': 'POST' } });
    expect(res.status).toBe(405);
    expect(res.headers['access-control-allow-origin']).toBeUndefined();
  });

  it('the event stream is refused without the secret too', async () => {
    const res = await rawRequest(port, { path: '/api/events', headers: without('Authorization'), body: '{}' });
    expect([res.status, res.body]).toEqual([403, '']);
  });

  it('refusals are counted by reason', () => {
    expect(bridge.refusals.get('foreign Origin')).toBeGreaterThanOrEqual(3);
    expect(bridge.refusals.get('wrong Host header')).toBeGreaterThanOrEqual(2);
  });
});

describe('bridge requests', () => {
  it('runs intents and keys from the contract', async () => {
    const intent = await rawRequest(port, { path: '/api/req/intent', headers: good, body: '{"intent":"toggleHelp"}' });
    expect(JSON.parse(intent.body)).toEqual({ accepted: true });
    const key = await rawRequest(port, { path: '/api/req/key', headers: good, body: JSON.stringify({ key: 'F1', ctrlKey: false, altKey: false, shiftKey: false, metaKey: false }) });
    expect(JSON.parse(key.body)).toEqual({ intent: 'toggleHelp' });
    expect(core.snapshot().helpVisible).toBe(false);
  });

  it.each([
    ['/api/req/intent', '{"intent":"format-disk"}', 400],
    ['/api/req/intent', 'not json', 400],
    ['/api/req/exec', '{}', 404],
    ['/api/req/__proto__', '{}', 404],
    ['/api/other', '{}', 404],
  ])('%s with %s → %i', async (path, body, status) => {
    const res = await rawRequest(port, { path, headers: good, body });
    expect(res.status).toBe(status);
  });

  it('refuses non-JSON bodies and bodies over 16 KiB', async () => {
    expect((await rawRequest(port, { path: '/api/req/snapshot', headers: { ...good, 'Content-Type': 'text/plain' }, body: '{}' })).status).toBe(415);
    const big = JSON.stringify({ intent: 'call', pad: 'x'.repeat(20_000) });
    expect((await rawRequest(port, { path: '/api/req/intent', headers: good, body: big })).status).toBe(413);
  });

  it('refuses a chunked body that grows past the limit', async () => {
    const status = await new Promise<number>((resolve, reject) => {
      const req = request({ host: '127.0.0.1', port, method: 'POST', path: '/api/req/intent', headers: { ...good, 'Transfer-Encoding': 'chunked' } }, (res) => {
        res.resume();
        resolve(res.statusCode ?? 0);
      });
      req.on('error', reject);
      for (let i = 0; i < 20; i++) req.write('x'.repeat(1024));
      req.end();
    });
    expect(status).toBe(413);
  });
});

describe('bridge events', () => {
  it('streams the snapshot at once and after every change', async () => {
    const received: ServerSentEvent[] = [];
    const parser = new SseParser();
    const stream = request({ host: '127.0.0.1', port, method: 'POST', path: '/api/events', headers: good });
    const ready = new Promise<void>((resolve, reject) => {
      stream.on('response', (res) => {
        expect(res.headers['content-type']).toContain('text/event-stream');
        res.setEncoding('utf8');
        res.on('data', (text: string) => {
          received.push(...parser.push(text));
          resolve();
        });
      });
      stream.on('error', reject);
    });
    stream.end('{}');
    await ready;
    expect(received[0]?.event).toBe('snapshot');
    const muted = core.snapshot().muted;
    await rawRequest(port, { path: '/api/req/intent', headers: good, body: '{"intent":"toggleMute"}' });
    await expect.poll(() => received.length).toBeGreaterThanOrEqual(2);
    const last = snapshotSchema.parse(JSON.parse(received.at(-1)?.data ?? ''));
    expect(last.muted).toBe(!muted);
    stream.destroy();
  });
});

describe('static files', () => {
  it('serves the room view with the CSP, to our own Host only', async () => {
    const res = await rawRequest(port, { method: 'GET', path: '/?screen=main', headers: { Host: good.Host ?? '', 'Sec-Fetch-Site': 'none' } });
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(res.headers['content-security-policy']).toContain("script-src 'self'");
    expect(res.headers['referrer-policy']).toBe('no-referrer');
    const rebound = await rawRequest(port, { method: 'GET', path: '/', headers: { Host: `attacker.example:${port}` } });
    expect([rebound.status, rebound.body]).toEqual([403, '']);
  });

  it('another site cannot pull in our script', async () => {
    const res = await rawRequest(port, { method: 'GET', path: '/app.js', headers: { Host: good.Host ?? '', 'Sec-Fetch-Site': 'cross-site' } });
    expect(res.status).toBe(403);
  });

  it.each(['/../package.json', '/%2e%2e/%2e%2e/etc/passwd', '/.secret.json', '/sub', '/sub/', '/nothing.js', '/app.exe', '/%E0%A4%A', '/a%00.js'])('%s → 404', async (path) => {
    const res = await rawRequest(port, { method: 'GET', path, headers: { Host: good.Host ?? '' } });
    expect(res.status).toBe(404);
  });

  it('HEAD answers without a body; other methods are refused', async () => {
    const head = await rawRequest(port, { method: 'HEAD', path: '/app.js', headers: { Host: good.Host ?? '' } });
    expect([head.status, head.body]).toEqual([200, '']);
    const put = await rawRequest(port, { method: 'PUT', path: '/app.js', headers: { Host: good.Host ?? '' }, body: 'x' });
    expect(put.status).toBe(405);
  });
});

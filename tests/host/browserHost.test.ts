// The browser host opening real Chromium app windows, one per screen (headless here: no display),
// which load the room view and connect to the bridge; closing the host stops exactly those windows.
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startBrowserHost, type BrowserHost } from '../../electron/host/browserHost';
import { DEFAULT_ROOM } from '../../shared/config';

const root = join(import.meta.dirname, '..', '..');
let dir: string;
let outDir: string;
let host: BrowserHost | undefined;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'telescene-host-'));
  mkdirSync(join(root, 'out'), { recursive: true });
  outDir = mkdtempSync(join(root, 'out', 'host-'));
  execFileSync(process.execPath, [join(root, 'build', 'bundle.mjs'), '--out', outDir], { cwd: root, stdio: 'pipe' });
}, 60_000);
afterAll(async () => {
  await host?.close();
  rmSync(dir, { recursive: true, force: true });
  rmSync(outDir, { recursive: true, force: true });
});

const gone = (pid: number) => {
  try {
    process.kill(pid, 0);
    return false;
  } catch {
    return true;
  }
};

describe('browser host with Chromium windows', () => {
  it('opens one window per screen, each shows the room and listens to the core', async () => {
    const configPath = join(dir, 'room.json');
    const second = { ...DEFAULT_ROOM.screens[0], id: 'side', label: 'Side screen', display: 1 };
    writeFileSync(configPath, JSON.stringify({ ...DEFAULT_ROOM, screens: [...DEFAULT_ROOM.screens, second], window: { mode: 'windowed' } }));
    const lines: string[] = [];
    host = await startBrowserHost({
      configPath,
      port: 0,
      openBrowser: true,
      rendererDir: join(outDir, 'renderer'),
      print: (line) => lines.push(line),
      env: { PATH: process.env.PATH, TELESCENE_CHROMIUM: '/usr/bin/chromium', TELESCENE_CHROMIUM_FLAGS: '--headless --no-sandbox --disable-gpu --disable-quic' },
    });
    expect(lines.some((l) => l.includes('opened 2 window(s) with /usr/bin/chromium'))).toBe(true);
    expect(lines.filter((l) => /^ {2}screen (main|side): http:\/\/127\.0\.0\.1:\d+\/\?screen=\w+#k=/.test(l))).toHaveLength(2);
    // Each window loaded the page, read its key and opened the event stream.
    await expect.poll(() => host?.bridge.eventClients, { timeout: 20_000 }).toBe(2);
    const pids = host.windows?.pids() ?? [];
    expect(pids).toHaveLength(2);
    await host.close();
    expect(pids.every(gone)).toBe(true);
    expect(host.bridge.eventClients).toBe(0);
  }, 60_000);
});

// End to end: the real browser host (`node out/launch.mjs`, Electron's binary being absent here)
// with Debian's Chromium driven by playwright-core. Two screen windows of a three-screen room:
// a key pressed in either changes what both show; a broken configuration edit is shown on the
// screens while the room keeps working on the last good one; a page from another origin gets
// nothing from the bridge. Saves out/screenshots/room-view.png.
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_KEYMAP } from '../../shared/config';
import { startHost, type HostProcess } from './hostProcess';

const root = join(import.meta.dirname, '..', '..');
const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--use-fake-device-for-media-stream',
  '--use-fake-ui-for-media-stream',
];

let dir: string;
let outDir: string;
let configPath: string;
let room: Record<string, unknown>;
let host: HostProcess;
let browser: Browser;
let left: Page;
let center: Page;

const both = () => [left, center];
const testId = (page: Page, id: string) => page.locator(`[data-testid="${id}"]`);
const writeConfig = (value: unknown) => writeFileSync(configPath, `${JSON.stringify(value, null, 2)}\n`);

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'telescene-e2e-'));
  // Bundled inside the checkout (as out/ is), so the launcher looks for Electron where npm start does.
  mkdirSync(join(root, 'out'), { recursive: true });
  outDir = mkdtempSync(join(root, 'out', 'e2e-'));
  execFileSync(process.execPath, [join(root, 'build', 'bundle.mjs'), '--out', outDir], { cwd: root, stdio: 'pipe' });
  configPath = join(dir, 'room.json');
  room = JSON.parse(readFileSync(join(root, 'assets', 'rooms', 'three-screen-room.json'), 'utf8')) as Record<string, unknown>;
  room.keymap = { ...DEFAULT_KEYMAP };
  room.window = { mode: 'windowed' };
  writeConfig(room);
  host = await startHost(outDir, configPath, 3);
  browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS });
  const context = await browser.newContext({ viewport: { width: 1600, height: 900 } });
  left = await context.newPage();
  center = await context.newPage();
  await left.goto(host.urls.get('left') ?? '');
  await center.goto(host.urls.get('center') ?? '');
}, 60_000);

afterAll(async () => {
  await browser?.close();
  const code = await host?.stop();
  expect(code).toBe(0);
  rmSync(dir, { recursive: true, force: true });
  rmSync(outDir, { recursive: true, force: true });
});

describe('browser host end to end', () => {
  it('started the browser host, saying why in one line, and each window shows its screen', async () => {
    expect(host.stdout[0]).toMatch(/^Electron's runtime binary .*: starting the browser host instead\.$/);
    for (const page of both()) await expect.poll(() => testId(page, 'room-name').textContent()).toBe('Boardroom three');
    expect(await testId(left, 'screen-label').textContent()).toContain('Left screen');
    expect(await testId(left, 'screen-label').textContent()).toContain('Screen 1 of 3');
    expect(await testId(center, 'screen-label').textContent()).toContain('Centre screen');
    // The secret was read from the fragment and removed from the address.
    for (const page of both()) expect(page.url()).not.toContain('#k=');
  });

  it('a key pressed in one window changes what both show', async () => {
    await left.keyboard.press('m');
    for (const page of both()) await expect.poll(() => testId(page, 'mic').getAttribute('data-on')).toBe('false');
    expect(await testId(center, 'mic').textContent()).toBe('Microphones muted');

    await center.keyboard.press('v');
    for (const page of both()) await expect.poll(() => testId(page, 'camera').getAttribute('data-on')).toBe('false');

    await left.keyboard.press('l');
    for (const page of both()) await expect.poll(() => testId(page, 'layout').getAttribute('data-layout')).toBe('speaker');

    await center.keyboard.press('ArrowUp');
    await center.keyboard.press('ArrowUp');
    for (const page of both()) await expect.poll(() => testId(page, 'volume').getAttribute('data-volume')).toBe('70');

    // No far end is configured: the room says so on every screen instead of pretending to call.
    await left.keyboard.press('c');
    for (const page of both()) await expect.poll(() => testId(page, 'call-notice').textContent()).toContain('no far end');
    await center.keyboard.press('Escape');
    for (const page of both()) await expect.poll(() => testId(page, 'call-notice').count()).toBe(0);
  });

  it('the help key shows the configured keys on every screen', async () => {
    await center.keyboard.press('F1');
    for (const page of both()) await expect.poll(() => testId(page, 'key-help').isVisible()).toBe(true);
    const mute = left.locator('[data-testid="key-help"] [data-intent="toggleMute"]');
    expect(await mute.textContent()).toContain('Mute / unmute microphones');
    expect(await mute.locator('kbd').allTextContents()).toEqual(['M', 'Mic key']);
    await left.keyboard.press('F1');
    for (const page of both()) await expect.poll(() => testId(page, 'key-help').count()).toBe(0);
  });

  it('saves a screenshot of the room view', async () => {
    // Self-view opens the camera (Chromium's fake one here) on the first screen only, and frames flow.
    await left.keyboard.press('v');
    await left.keyboard.press('s');
    await expect.poll(() => testId(left, 'self-view-tile').getAttribute('data-camera')).toBe('live');
    await expect.poll(() => left.locator('video').evaluate((v: HTMLVideoElement) => v.currentTime), { timeout: 10_000 }).toBeGreaterThan(0.5);
    expect(await testId(center, 'self-view-tile').count()).toBe(0);
    // The picture for the README: a room at rest with its microphones muted (the fake camera's
    // test pattern is not what a room looks like, so self-view goes off again).
    await center.keyboard.press('s');
    await expect.poll(() => testId(left, 'self-view-tile').count()).toBe(0);
    mkdirSync(join(root, 'out', 'screenshots'), { recursive: true });
    const path = join(root, 'out', 'screenshots', 'room-view.png');
    await left.screenshot({ path });
    expect(readFileSync(path).subarray(1, 4).toString()).toBe('PNG');
    if (process.env.TELESCENE_UPDATE_SCREENSHOT) copyFileSync(path, join(root, 'assets', 'screenshots', 'room-view.png'));
  });

  it('shows a broken configuration edit and keeps working on the last good one', async () => {
    const broken = structuredClone(room) as { screens: { widthMm: number }[] };
    const second = broken.screens[1];
    if (second) second.widthMm = -5;
    writeConfig(broken);
    for (const page of both()) await expect.poll(() => testId(page, 'config-problems').textContent(), { timeout: 10_000 }).toContain('screens[1].widthMm');
    for (const page of both()) expect(await testId(page, 'room-name').textContent()).toBe('Boardroom three');
    // Keys still work, on the last good keymap.
    await center.keyboard.press('m');
    for (const page of both()) await expect.poll(() => testId(page, 'mic').getAttribute('data-on')).toBe('true');

    writeConfig({ ...room, room: { name: 'Boardroom three (renamed)', language: 'en' } });
    for (const page of both()) await expect.poll(() => testId(page, 'room-name').textContent(), { timeout: 10_000 }).toBe('Boardroom three (renamed)');
    for (const page of both()) expect(await testId(page, 'config-problems').count()).toBe(0);
    // The room's state survived both edits.
    expect(await testId(left, 'layout').getAttribute('data-layout')).toBe('speaker');
  });

  it('gives a page from another origin nothing, even with the secret', async () => {
    const secret = new URL(host.urls.get('left') ?? '').hash.replace('#k=', '');
    const foreign: Server = createServer((_req, res) => res.end('<!doctype html><title>elsewhere</title>'));
    await new Promise<void>((resolve) => foreign.listen(0, '127.0.0.1', resolve));
    try {
      const page = await browser.newPage();
      await page.goto(`http://127.0.0.1:${(foreign.address() as AddressInfo).port}/`);
      const outcome = await page.evaluate(
        async ({ origin, secret }) => {
          const results: string[] = [];
          // A JSON request needs a CORS preflight, which the bridge never grants.
          try {
            const res = await fetch(`${origin}/api/req/snapshot`, { method: 'POST', headers: { Authorization: `Bearer ${secret}`, 'Content-Type': 'application/json' }, body: '{}' });
            results.push(`json ${res.status}`);
          } catch {
            results.push('json blocked');
          }
          // A "simple" request goes out without a preflight; the bridge refuses it by Origin.
          const simple = await fetch(`${origin}/api/events`, { method: 'POST', mode: 'no-cors', body: '{}' });
          results.push(`simple ${simple.type}`);
          return results;
        },
        { origin: host.origin, secret },
      );
      expect(outcome).toEqual(['json blocked', 'simple opaque']);
      await expect.poll(() => host.stderr.some((l) => l.includes('request refused') && l.includes('reason="foreign Origin"'))).toBe(true);
      await page.close();
    } finally {
      foreign.close();
    }
  });
});

// The room view in Chromium, fed by a real bridge from an in-process core that the test drives
// directly: every call state (through the loopback signalling with a second in-process room),
// configuration problems, unknown and content screens, a dropped bridge, and a page without its key.
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLoopbackSignallingPair } from '../../electron/core/room/callSignalling';
import { RoomCore } from '../../electron/core/room/roomCore';
import { BridgeServer } from '../../electron/host/bridgeServer';
import { DEFAULT_ROOM, roomConfigSchema, type RoomConfig } from '../../shared/config';

const root = join(import.meta.dirname, '..', '..');
let outDir: string;
let here: RoomCore;
let far: RoomCore;
let config: RoomConfig;
let bridge: BridgeServer;
let browser: Browser;
let page: Page;

const testId = (p: Page, id: string) => p.locator(`[data-testid="${id}"]`);

beforeAll(async () => {
  mkdirSync(join(root, 'out'), { recursive: true });
  outDir = mkdtempSync(join(root, 'out', 'view-'));
  execFileSync(process.execPath, [join(root, 'build', 'bundle.mjs'), '--out', outDir], { cwd: root, stdio: 'pipe' });
  const base = roomConfigSchema.parse(DEFAULT_ROOM);
  config = {
    ...base,
    room: { name: 'Huddle four', language: 'en' },
    screens: [...base.screens, { id: 'slides', label: 'Slides', display: 1, widthMm: 1000, heightMm: 560, center: { x: 1200, y: 0, z: 1200 }, role: 'content' }],
    sip: { uri: 'sip:huddle4@telescene.invalid', displayName: 'Huddle four', farEnd: 'sip:far@telescene.invalid' },
  };
  const [sigHere, sigFar] = createLoopbackSignallingPair('sip:huddle4@telescene.invalid', 'sip:far@telescene.invalid');
  here = new RoomCore({ config, signalling: sigHere });
  far = new RoomCore({ config: { ...base, sip: { uri: 'sip:far@telescene.invalid', displayName: 'Far', farEnd: 'sip:huddle4@telescene.invalid' } }, signalling: sigFar });
  bridge = await BridgeServer.start({ core: here, rendererDir: join(outDir, 'renderer') });
  browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'] });
  page = await browser.newPage({ viewport: { width: 1280, height: 720 } });
  await page.goto(bridge.screenUrl('main'));
  await testId(page, 'room-name').waitFor();
}, 60_000);

afterAll(async () => {
  await browser?.close();
  await bridge?.close();
  here?.close();
  far?.close();
  rmSync(outDir, { recursive: true, force: true });
});

describe('room view in Chromium', () => {
  it('shows the room it was opened for', async () => {
    expect(await testId(page, 'room-name').textContent()).toBe('Huddle four');
  });

  it('shows an outgoing call, its answer with a running duration, and why it ended', async () => {
    await page.keyboard.press('c');
    await expect.poll(() => testId(page, 'call-status').getAttribute('data-state')).toBe('calling');
    expect(await testId(page, 'call-status').textContent()).toContain('sip:far@telescene.invalid');
    far.intent('answer');
    await expect.poll(() => testId(page, 'call-status').getAttribute('data-state')).toBe('connected');
    await expect.poll(() => testId(page, 'call-status').textContent(), { timeout: 4_000 }).toMatch(/In call.*0:0[1-9]/);
    expect(await testId(page, 'call-status').textContent()).toContain('H to hang up');
    far.intent('hangup');
    await expect.poll(() => testId(page, 'call-notice').textContent()).toBe('Far end hung up');
    expect(await testId(page, 'call-status').textContent()).toContain('H to dismiss');
    await page.keyboard.press('h');
    await expect.poll(() => testId(page, 'call-notice').count()).toBe(0);
  });

  it('shows an incoming call and answers it with the answer key', async () => {
    far.intent('call');
    await expect.poll(() => testId(page, 'call-status').getAttribute('data-state')).toBe('ringing');
    const text = await testId(page, 'call-status').textContent();
    expect(text).toContain('Incoming call');
    expect(text).toContain('A to answer');
    expect(text).toContain('H to decline');
    await page.keyboard.press('a');
    await expect.poll(() => far.snapshot().call.state).toBe('connected');
    await page.keyboard.press('Escape');
    await expect.poll(() => testId(page, 'call-status').getAttribute('data-state')).toBe('idle');
  });

  it('lists configuration problems, and drops the banner when the file is good again', async () => {
    here.setConfig(config, ['cameras[0].maxFps: Too big: expected number to be <=120', 'keymap.x: Invalid option']);
    await expect.poll(() => testId(page, 'config-problems').textContent()).toContain('has 2 problems');
    expect(await testId(page, 'config-problems').textContent()).toContain('cameras[0].maxFps');
    here.setConfig(config, []);
    await expect.poll(() => testId(page, 'config-problems').count()).toBe(0);
  });

  it('names a content screen, and a screen the configuration does not have', async () => {
    const other = await browser.newPage({ viewport: { width: 1280, height: 720 } });
    await other.goto(bridge.screenUrl('slides'));
    await expect.poll(() => testId(other, 'screen-label').textContent()).toContain('Screen 2 of 2 · content');
    await other.goto(bridge.screenUrl('nope'));
    await expect.poll(() => testId(other, 'screen-label').textContent()).toContain('Screen “nope” is not in the room configuration');
    await other.close();
  });

  it('says so when the bridge drops, and recovers when it is back', async () => {
    const port = Number(new URL(bridge.origin).port);
    const secret = bridge.identity.secret;
    await bridge.close();
    await expect.poll(() => testId(page, 'connection-banner').textContent(), { timeout: 6_000 }).toContain('Lost contact with the room core');
    bridge = await BridgeServer.start({ core: here, rendererDir: join(outDir, 'renderer'), port, secret });
    await expect.poll(() => testId(page, 'connection-banner').count(), { timeout: 10_000 }).toBe(0);
    await page.keyboard.press('m');
    await expect.poll(() => testId(page, 'mic').getAttribute('data-on')).toBe('false');
  });

  it('a page opened without its access key says what to do, and reaches nothing', async () => {
    const context = await browser.newContext();
    const stranger = await context.newPage();
    await stranger.goto(`${bridge.origin}/?screen=main`);
    await expect.poll(() => testId(stranger, 'fatal').textContent()).toContain('opened without its access key');
    await context.close();
  });
});

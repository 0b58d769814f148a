import fc from 'fast-check';
import { chmodSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { checkApiRequest, checkAssetRequest, newBridgeSecret, type RequestFacts } from '../../electron/host/bridgeAuth';
import { chromiumArgs, findChromium } from '../../electron/host/chromiumLauncher';
import { parseXrandrMonitors } from '../../electron/host/displays';
import { findRendererDir, parseHostArgs } from '../../electron/host/main';
import { resolveAsset } from '../../electron/host/staticFiles';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'telescene-host-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const id = { host: '127.0.0.1:4000', origin: 'http://127.0.0.1:4000', secret: 'A'.repeat(43) };
const ok: RequestFacts = { method: 'POST', host: id.host, origin: id.origin, authorization: `Bearer ${id.secret}`, contentType: 'application/json; charset=utf-8', secFetchSite: 'same-origin' };

describe('bridge request checks (pure)', () => {
  it('accepts exactly our page', () => {
    expect(checkApiRequest(ok, id)).toEqual({ ok: true });
    expect(checkApiRequest({ ...ok, secFetchSite: undefined }, id)).toEqual({ ok: true });
  });

  it('property: changing any one fact to something else is refused', () => {
    const field = fc.constantFrom<keyof RequestFacts>('method', 'host', 'origin', 'authorization', 'contentType', 'secFetchSite');
    fc.assert(
      fc.property(field, fc.option(fc.string({ maxLength: 80 }), { nil: undefined }), (name, value) => {
        const facts = { ...ok, [name]: value };
        const stillOk =
          value === ok[name] ||
          (name === 'secFetchSite' && (value === undefined || value === 'same-origin')) ||
          (name === 'contentType' && value !== undefined && value.split(';')[0]?.trim().toLowerCase() === 'application/json');
        expect(checkApiRequest(facts, id).ok).toBe(stillOk);
      }),
    );
  });

  it('a secret differing in one character is refused', () => {
    expect(checkApiRequest({ ...ok, authorization: `Bearer ${'A'.repeat(42)}B` }, id)).toMatchObject({ ok: false, reason: 'wrong secret' });
  });

  it('assets: GET/HEAD under our Host, not from another site', () => {
    const get = { ...ok, method: 'GET', origin: undefined, authorization: undefined, secFetchSite: 'none' };
    expect(checkAssetRequest(get, id)).toEqual({ ok: true });
    expect(checkAssetRequest({ ...get, secFetchSite: 'same-site' }, id).ok).toBe(false);
    expect(checkAssetRequest({ ...get, host: 'evil:4000' }, id).ok).toBe(false);
    expect(checkAssetRequest({ ...get, method: 'POST' }, id).ok).toBe(false);
  });

  it('secrets are 32 random bytes, URL-safe, different every launch', () => {
    const a = newBridgeSecret();
    expect(a).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(newBridgeSecret()).not.toBe(a);
  });
});

describe('static file resolution', () => {
  it('stays inside the renderer folder', () => {
    expect(resolveAsset('/srv/r', '/')).toBe('/srv/r/index.html');
    expect(resolveAsset('/srv/r', '/app.js')).toBe('/srv/r/app.js');
    for (const bad of ['/../x.js', '/a/../../x.js', '/%2e%2e/x.js', '/.env', '/x\\..\\y.js', '/x.exe', '/%', '/a%00.js']) expect(resolveAsset('/srv/r', bad)).toBeUndefined();
  });
});

describe('displays from xrandr', () => {
  it('parses monitors, the primary one, and offsets', () => {
    const text = ['Monitors: 3', ' 0: +*DP-1 1920/527x1080/296+0+0  DP-1', ' 1: +HDMI-1 2560/597x1440/336+1920+0  HDMI-1', ' 2: +DP-2 1920/527x1080/296-1920+200  DP-2', 'garbage'].join('\n');
    expect(parseXrandrMonitors(text)).toEqual([
      { id: 0, bounds: { x: 0, y: 0, width: 1920, height: 1080 }, workArea: { x: 0, y: 0, width: 1920, height: 1080 }, primary: true },
      { id: 1, bounds: { x: 1920, y: 0, width: 2560, height: 1440 }, workArea: { x: 1920, y: 0, width: 2560, height: 1440 }, primary: false },
      { id: 2, bounds: { x: -1920, y: 200, width: 1920, height: 1080 }, workArea: { x: -1920, y: 200, width: 1920, height: 1080 }, primary: false },
    ]);
    expect(parseXrandrMonitors('')).toEqual([]);
  });
});

describe('Chromium launcher', () => {
  it('finds a Chromium on PATH, or the one TELESCENE_CHROMIUM names', () => {
    const bin = join(dir, 'bin');
    mkdirSync(bin);
    writeFileSync(join(bin, 'chromium-browser'), '#!/bin/sh\n');
    chmodSync(join(bin, 'chromium-browser'), 0o755);
    expect(findChromium({ PATH: bin }, 'linux')).toBe(join(bin, 'chromium-browser'));
    expect(findChromium({ PATH: join(dir, 'empty') }, 'linux')).toBeUndefined();
    expect(findChromium({ TELESCENE_CHROMIUM: join(bin, 'chromium-browser'), PATH: '' }, 'linux')).toBe(join(bin, 'chromium-browser'));
    expect(findChromium({ TELESCENE_CHROMIUM: join(dir, 'missing') }, 'linux')).toBeUndefined();
  });

  it('opens an app window where the planner put it, kiosk when fullscreen', () => {
    const w = { screenId: 'left', displayId: 1, bounds: { x: 1920, y: 0, width: 1920, height: 1080 }, fullscreen: true };
    const args = chromiumArgs('http://127.0.0.1:1/?screen=left#k=s', w, '/tmp/p');
    expect(args).toEqual(expect.arrayContaining(['--app=http://127.0.0.1:1/?screen=left#k=s', '--user-data-dir=/tmp/p', '--window-position=1920,0', '--window-size=1920,1080', '--kiosk', '--no-first-run']));
    expect(chromiumArgs('u', { ...w, fullscreen: false }, '/tmp/p')).not.toContain('--kiosk');
  });
});

describe('host command line', () => {
  it('flags win over environment variables', () => {
    expect(parseHostArgs([], { TELESCENE_CONFIG: '/r.json', TELESCENE_PORT: '8123', TELESCENE_NO_BROWSER: '1' })).toEqual({ configPath: '/r.json', port: 8123, openBrowser: false });
    expect(parseHostArgs(['--port', '0', '--no-browser', '--config', '/x.json'], {})).toEqual({ port: 0, openBrowser: false, configPath: '/x.json' });
    expect(parseHostArgs([], {})).toEqual({ openBrowser: true });
  });

  it('bad flags fail with one line', () => {
    expect(() => parseHostArgs(['--port', '70000'], {})).toThrow('"70000" is not a port number');
    expect(() => parseHostArgs(['--bogus'], {})).toThrow(/unknown option --bogus/);
    expect(() => parseHostArgs(['--config'], {})).toThrow('--config needs a value');
  });

  it('finds the built room view beside the bundle', () => {
    mkdirSync(join(dir, 'out', 'renderer'), { recursive: true });
    writeFileSync(join(dir, 'out', 'renderer', 'index.html'), '');
    expect(findRendererDir(pathToFileURL(join(dir, 'out', 'host.mjs')).href, {})).toBe(join(dir, 'out', 'renderer'));
    expect(findRendererDir(pathToFileURL(join(dir, 'a', 'b', 'c', 'y.mjs')).href, {})).toBeUndefined();
    expect(findRendererDir(pathToFileURL(join(dir, 'elsewhere', 'y.mjs')).href, { TELESCENE_RENDERER_DIR: join(dir, 'out', 'renderer') })).toBe(join(dir, 'out', 'renderer'));
  });
});

import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { findElectronBinary } from '../../electron/launch';
import { applyLinuxAutostart, autostartEntry, autostartPath } from '../../electron/main/loginItem';
import { configPathFromArgs } from '../../electron/main/shellOptions';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'telescene-shell-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('start at login on Linux (XDG autostart)', () => {
  it('writes the entry when enabled and removes it when disabled', () => {
    const env = { XDG_CONFIG_HOME: dir, HOME: '/nonexistent' };
    expect(autostartPath(env)).toBe(join(dir, 'autostart', 'telescene.desktop'));
    expect(applyLinuxAutostart(true, '/opt/Telescene/telescene', env)).toBe('written');
    const text = readFileSync(autostartPath(env), 'utf8');
    expect(text).toContain('[Desktop Entry]\nType=Application\n');
    expect(text).toContain('Exec=/opt/Telescene/telescene\n');
    expect(applyLinuxAutostart(false, '/opt/Telescene/telescene', env)).toBe('removed');
    expect(existsSync(autostartPath(env))).toBe(false);
    expect(applyLinuxAutostart(false, '/opt/Telescene/telescene', env)).toBe('unchanged');
  });

  it('quotes an AppImage path with spaces as the Desktop Entry spec requires', () => {
    expect(autostartEntry('/home/r/My Apps/Telescene.AppImage')).toContain('Exec="/home/r/My Apps/Telescene.AppImage"\n');
    expect(autostartEntry('/a/$b"c')).toContain('Exec="/a/\\$b\\"c"\n');
  });

  it('falls back to ~/.config when XDG_CONFIG_HOME is unset or relative', () => {
    expect(autostartPath({ HOME: '/home/r' })).toBe('/home/r/.config/autostart/telescene.desktop');
    expect(autostartPath({ HOME: '/home/r', XDG_CONFIG_HOME: 'rel' })).toBe('/home/r/.config/autostart/telescene.desktop');
  });
});

describe('shell command line', () => {
  it('--config FILE or --config=FILE win over TELESCENE_CONFIG; Chromium switches are ignored', () => {
    expect(configPathFromArgs(['electron', '.', '--no-sandbox', '--config', '/srv/r.json'], { TELESCENE_CONFIG: '/x.json' })).toBe('/srv/r.json');
    expect(configPathFromArgs(['electron', '--config=/srv/q.json'], {})).toBe('/srv/q.json');
    expect(configPathFromArgs(['electron', '.'], { TELESCENE_CONFIG: '/x.json' })).toBe('/x.json');
    expect(configPathFromArgs(['electron', '.'], {})).toBeUndefined();
  });
});

describe('npm start: Electron when its binary is installed, else the browser host', () => {
  const fakeProject = (withPathTxt: boolean, withBinary: boolean) => {
    const pkg = join(dir, 'node_modules', 'electron');
    mkdirSync(join(pkg, 'dist'), { recursive: true });
    writeFileSync(join(pkg, 'package.json'), JSON.stringify({ name: 'electron', version: '45.4.1', main: 'index.js' }));
    if (withPathTxt) writeFileSync(join(pkg, 'path.txt'), 'electron');
    if (withBinary) writeFileSync(join(pkg, 'dist', 'electron'), '');
    return pathToFileURL(join(dir, 'out', 'launch.mjs')).href;
  };

  it('finds the binary the electron package names in path.txt', () => {
    expect(findElectronBinary(fakeProject(true, true), {})).toEqual({ found: true, binary: join(dir, 'node_modules', 'electron', 'dist', 'electron') });
  });

  it('says why when path.txt or the binary is missing, or electron is not installed at all', () => {
    expect(findElectronBinary(fakeProject(false, false), {})).toMatchObject({ found: false, reason: expect.stringContaining('path.txt is missing') });
    rmSync(join(dir, 'node_modules'), { recursive: true });
    expect(findElectronBinary(fakeProject(true, false), {})).toMatchObject({ found: false, reason: expect.stringContaining('binary is missing') });
    expect(findElectronBinary(pathToFileURL(join(tmpdir(), 'nowhere', 'x.mjs')).href, {})).toEqual({ found: false, reason: 'the electron package is not installed' });
  });

  it('honours ELECTRON_OVERRIDE_DIST_PATH as the electron package does', () => {
    const from = fakeProject(true, false);
    mkdirSync(join(dir, 'custom'));
    writeFileSync(join(dir, 'custom', 'electron'), '');
    expect(findElectronBinary(from, { ELECTRON_OVERRIDE_DIST_PATH: join(dir, 'custom') })).toEqual({ found: true, binary: join(dir, 'custom', 'electron') });
  });

  it('in this checkout, Electron has no binary (it cannot be downloaded here)', () => {
    const here = pathToFileURL(join(import.meta.dirname, '..', '..', 'electron', 'launch.ts')).href;
    expect(findElectronBinary(here, {}).found).toBe(false);
  });
});

// The installers' configuration and the afterPack hook, checked without internet: electron-builder
// runs for real with its "dir" target on an unpacked "Electron" made of the fuse wire only (the
// sentinel and fuse bytes @electron/fuses looks for), so its config, the app folder (out/) and the
// hook that flips the fuses all run; the platform installers themselves need downloads.
import { execFileSync } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '..', '..');
const require = createRequire(import.meta.url);
const { FuseV1Options, getCurrentFuseWire } = require('@electron/fuses') as typeof import('@electron/fuses');
const afterPack = require('../../build/afterPack.cjs') as ((context: unknown) => Promise<void>) & { electronBinary: (context: unknown) => string };

const SENTINEL = 'dL7pKGdnNz796PbbjQWNKmHXBZaB9tsX';
const ENABLE = 49;
const DISABLE = 48;

/** A file holding an Electron fuse wire (version 1, eight fuses, all enabled) between other bytes. */
function fakeElectron(path: string): void {
  const wire = Buffer.from([1, 8, ...Array<number>(8).fill(ENABLE)]);
  writeFileSync(path, Buffer.concat([Buffer.from('#!/bin/sh\nexit 0\n'), Buffer.from(SENTINEL), wire, Buffer.alloc(64)]));
  chmodSync(path, 0o755);
}

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'telescene-pack-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('afterPack hook', () => {
  it('names the packaged binary per platform as electron-builder does', () => {
    const packager = { executableName: 'telescene', appInfo: { productFilename: 'Telescene' } };
    expect(afterPack.electronBinary({ appOutDir: '/o', electronPlatformName: 'linux', packager })).toBe('/o/telescene');
    expect(afterPack.electronBinary({ appOutDir: '/o', electronPlatformName: 'win32', packager })).toBe('/o/Telescene.exe');
    expect(afterPack.electronBinary({ appOutDir: '/o', electronPlatformName: 'darwin', packager })).toBe('/o/Telescene.app');
  });

  it('turns RunAsNode, NODE_OPTIONS and --inspect off, asar integrity and asar-only on', async () => {
    const appOutDir = join(dir, 'hook');
    mkdirSync(appOutDir);
    fakeElectron(join(appOutDir, 'telescene'));
    await afterPack({ appOutDir, electronPlatformName: 'linux', arch: 1, packager: { executableName: 'telescene', appInfo: { productFilename: 'Telescene' } } });
    const wire = await getCurrentFuseWire(join(appOutDir, 'telescene'));
    expect(wire[FuseV1Options.RunAsNode]).toBe(DISABLE);
    expect(wire[FuseV1Options.EnableNodeOptionsEnvironmentVariable]).toBe(DISABLE);
    expect(wire[FuseV1Options.EnableNodeCliInspectArguments]).toBe(DISABLE);
    expect(wire[FuseV1Options.EnableEmbeddedAsarIntegrityValidation]).toBe(ENABLE);
    expect(wire[FuseV1Options.OnlyLoadAppFromAsar]).toBe(ENABLE);
    expect(wire[FuseV1Options.GrantFileProtocolExtraPrivileges]).toBe(DISABLE);
  });
});

describe('electron-builder configuration', () => {
  it('packs out/ (bundles only, no node_modules) into app.asar and runs the fuse hook', () => {
    const app = join(dir, 'app');
    execFileSync(process.execPath, [join(root, 'build', 'bundle.mjs'), '--out', app], { cwd: root, stdio: 'pipe' });
    const dist = join(dir, 'electron-dist');
    mkdirSync(dist);
    fakeElectron(join(dist, 'electron'));
    const output = join(dir, 'dist');
    const log = execFileSync(
      process.execPath,
      [join(root, 'node_modules', 'electron-builder', 'cli.js'), '--config', 'build/electron-builder.yml', '--linux', 'dir', '--publish', 'never', `-c.electronDist=${dist}`, `-c.directories.app=${app}`, `-c.directories.output=${output}`],
      { cwd: root, encoding: 'utf8', timeout: 90_000, env: { ...process.env, CI: '1' } },
    );
    expect(log).toContain('fuses flipped');
    const unpacked = join(output, 'linux-unpacked');
    const asar = require('@electron/asar') as { listPackage(path: string, options: object): string[] };
    const files = asar.listPackage(join(unpacked, 'resources', 'app.asar'), {}).map((f) => f.replaceAll('\\', '/'));
    expect(files).toEqual(expect.arrayContaining(['/main.cjs', '/preload.cjs', '/package.json', '/renderer/index.html', '/renderer/app.js', '/renderer/app.css', '/renderer/icon.png']));
    expect(files.some((f) => f.startsWith('/node_modules'))).toBe(false);
    expect(files.some((f) => f.includes('launch.mjs') || f.includes('screenshots'))).toBe(false);
    const wire = readFileSync(join(unpacked, 'telescene'));
    expect(wire[wire.indexOf(SENTINEL) + SENTINEL.length + 2 + FuseV1Options.RunAsNode]).toBe(DISABLE);
  }, 120_000);
});

import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DEFAULT_ROOM } from '../../shared/config';
import { defaultConfigPath, RoomConfigStore } from '../../electron/core/config/roomConfigStore';
import { setLogSink } from '../../electron/core/log';

let dir: string;
let lines: string[];
let restoreLog: () => void;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'telescene-config-'));
  lines = [];
  restoreLog = setLogSink((level, scope, message, fields) => lines.push(`${level} ${scope}: ${message} ${JSON.stringify(fields)}`));
});
afterEach(() => {
  restoreLog();
  rmSync(dir, { recursive: true, force: true });
});

describe('defaultConfigPath', () => {
  it('follows XDG on Linux, APPDATA on Windows, Application Support on macOS', () => {
    expect(defaultConfigPath({ HOME: '/home/r' }, 'linux')).toBe('/home/r/.config/telescene/room.json');
    expect(defaultConfigPath({ HOME: '/home/r', XDG_CONFIG_HOME: '/etc/xdg-r' }, 'linux')).toBe('/etc/xdg-r/telescene/room.json');
    // XDG says a relative XDG_CONFIG_HOME is invalid and must be ignored.
    expect(defaultConfigPath({ HOME: '/home/r', XDG_CONFIG_HOME: 'rel' }, 'linux')).toBe('/home/r/.config/telescene/room.json');
    expect(defaultConfigPath({ HOME: '/Users/r' }, 'darwin')).toBe('/Users/r/Library/Application Support/Telescene/room.json');
    expect(defaultConfigPath({ HOME: 'C:\\Users\\r', APPDATA: 'C:\\Users\\r\\AppData\\Roaming' }, 'win32')).toContain('Telescene');
    expect(defaultConfigPath({ TELESCENE_CONFIG: '/srv/room.json' }, 'linux')).toBe('/srv/room.json');
  });
});

describe('RoomConfigStore', () => {
  it('creates the file with defaults on first run', async () => {
    const path = join(dir, 'sub', 'room.json');
    const store = await RoomConfigStore.open({ path });
    expect(JSON.parse(readFileSync(path, 'utf8'))).toEqual(DEFAULT_ROOM);
    expect(store.problems).toEqual([]);
    expect(store.config.room.name).toBe(DEFAULT_ROOM.room.name);
    expect(lines.some((l) => l.includes('created the room configuration'))).toBe(true);
    store.close();
  });

  it('keeps running on the defaults when the first file is broken, naming the problem', async () => {
    const path = join(dir, 'room.json');
    writeFileSync(path, '{ "version": 1, ');
    const store = await RoomConfigStore.open({ path });
    expect(store.config.room.name).toBe(DEFAULT_ROOM.room.name);
    expect(store.problems[0]).toMatch(/not valid JSON/);
    expect(lines.some((l) => l.startsWith('warn config:') && l.includes('not valid JSON'))).toBe(true);
    store.close();
  });

  it('keeps the last good configuration when an edit breaks the file, and recovers', async () => {
    const path = join(dir, 'room.json');
    const store = await RoomConfigStore.open({ path });
    const seen: string[][] = [];
    store.onChange((_c, problems) => seen.push([...problems]));

    writeFileSync(path, JSON.stringify({ ...DEFAULT_ROOM, room: { name: 'Boardroom' } }));
    store.reload();
    expect(store.config.room.name).toBe('Boardroom');

    writeFileSync(path, JSON.stringify({ ...DEFAULT_ROOM, screens: [{ ...DEFAULT_ROOM.screens[0], heightMm: 'tall' }] }));
    store.reload();
    expect(store.config.room.name).toBe('Boardroom');
    expect(store.problems).toEqual(['screens[0].heightMm: Invalid input: expected number, received string']);

    writeFileSync(path, JSON.stringify({ ...DEFAULT_ROOM, room: { name: 'Fixed' } }));
    store.reload();
    expect(store.config.room.name).toBe('Fixed');
    expect(seen.map((p) => p.length)).toEqual([0, 1, 0]);
    store.close();
  });

  it('notices edits on disk while watching', async () => {
    const path = join(dir, 'room.json');
    const store = await RoomConfigStore.open({ path });
    store.watch();
    const changed = new Promise<string>((resolve) => store.onChange((c) => resolve(c.room.name)));
    writeFileSync(path, JSON.stringify({ ...DEFAULT_ROOM, room: { name: 'Watched' } }));
    await expect(changed).resolves.toBe('Watched');
    store.close();
    store.close(); // idempotent
  });

  it('reports a file that disappears without losing the configuration', async () => {
    const path = join(dir, 'room.json');
    const store = await RoomConfigStore.open({ path });
    rmSync(path);
    store.reload();
    expect(store.problems[0]).toMatch(/cannot be read \(ENOENT\)/);
    expect(store.config.room.name).toBe(DEFAULT_ROOM.room.name);
    store.close();
  });
});

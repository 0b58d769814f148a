import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { checkRoomConfig, DEFAULT_ROOM } from '../../shared/config';

const clone = <T>(v: T): T => structuredClone(v);
/** A copy of `value` with the dotted `path` set (or deleted, for undefined): wrong types on purpose. */
function withField(value: object, path: string, field: unknown): unknown {
  const copy = structuredClone(value) as Record<string, unknown>;
  const keys = path.split('.');
  const last = keys.pop()!;
  const parent = keys.reduce<Record<string, unknown>>((node, key) => node[key] as Record<string, unknown>, copy);
  if (field === undefined) delete parent[last];
  else parent[last] = field;
  return copy;
}
const problemsOf = (value: unknown): string[] => {
  const r = checkRoomConfig(value);
  return r.ok ? [] : r.problems;
};

describe('room configuration validation', () => {
  it('accepts the defaults and the three-screen sample room', () => {
    expect(checkRoomConfig(DEFAULT_ROOM).ok).toBe(true);
    const sample: unknown = JSON.parse(readFileSync('assets/rooms/three-screen-room.json', 'utf8'));
    const r = checkRoomConfig(sample);
    expect(r.ok && r.config.screens.map((s) => s.id)).toEqual(['left', 'center', 'right']);
  });

  it('fills in optional sections with their defaults', () => {
    const minimal = clone(DEFAULT_ROOM) as Record<string, unknown>;
    delete minimal.window;
    delete minimal.encoding;
    delete minimal.network;
    const r = checkRoomConfig(minimal);
    expect(r.ok).toBe(true);
    if (r.ok) {
      expect(r.config.window.mode).toBe('kiosk');
      expect(r.config.network.stunServers).toEqual([]);
    }
  });

  it.each([
    ['a negative screen width', 'screens.0.widthMm', -5, 'screens[0].widthMm'],
    ['a missing room name', 'room.name', undefined, 'room.name'],
    ['an unknown intent in the keymap', 'keymap.x', 'selfDestruct', 'keymap.x'],
    ['a misspelt field', 'screens.0.widht', 3, 'screens[0]'],
    ['a bad SIP URI', 'sip.uri', 'room at example', 'sip.uri'],
    ['a camera without a capture area', 'cameras.0.area', undefined, 'cameras[0].area'],
    ['a wrong version', 'version', 2, 'version'],
    ['no screens at all', 'screens', [], 'screens'],
  ])('names the field for %s', (_what, path, value, field) => {
    const config = withField(DEFAULT_ROOM, path, value);
    const problems = problemsOf(config);
    expect(problems.length).toBeGreaterThan(0);
    expect(problems.some((p) => p.startsWith(`${field}:`) || p.startsWith(`${field}.`))).toBe(true);
  });

  it('refuses duplicate ids and two screens on one display', () => {
    const config = clone(DEFAULT_ROOM);
    config.screens.push({ ...config.screens[0]!, label: 'Copy' });
    config.microphones[0]!.id = 'cam';
    const problems = problemsOf(config);
    expect(problems).toContain('screens[1].id: "main" is already used by screens[0].id');
    expect(problems).toContain('screens[1].display: display 0 is already screens[0]');
    expect(problems).toContain('microphones[0].id: "cam" is already used by cameras[0].id');
  });

  it('normalises keymap chords written by hand', () => {
    const config = clone(DEFAULT_ROOM);
    config.keymap = { 'ctrl+H': 'hangup', Space: 'answer', M: 'toggleMute' };
    const r = checkRoomConfig(config);
    expect(r.ok && r.config.keymap).toEqual({ 'Ctrl+h': 'hangup', ' ': 'answer', m: 'toggleMute' });
  });

  it('rejects non-objects without throwing', () => {
    for (const bad of [null, 42, 'room', [], { version: 1 }]) expect(problemsOf(bad).length).toBeGreaterThan(0);
  });
});

import { describe, expect, it } from 'vitest';
import { takeLaunchSecret } from '../../renderer/bridge/launchSecret';
import { formatDuration } from '../../renderer/features/call/CallStatus';
import { firstKeyFor, keyCapLabel } from '../../renderer/features/help/keyCaps';
import { keyAction } from '../../renderer/features/keys/roomKeys';
import { screenIdFrom } from '../../renderer/screen/screenId';
import type { Snapshot } from '../../shared/ipc/contract';

const SECRET = 'AjomNE_kDUjK5sOrfhv6iJ42ggP3MgbFy2HOMv6Vw_M';

function sources(hash: string, stored: string | null = null) {
  const store = new Map<string, string>(stored === null ? [] : [['telescene.bridgeSecret', stored]]);
  const replaced: string[] = [];
  return {
    replaced,
    store,
    src: {
      location: { hash, pathname: '/', search: '?screen=left' },
      history: { replaceState: (_d: unknown, _t: string, url?: string | URL | null) => replaced.push(String(url)) },
      storage: { getItem: (k: string) => store.get(k) ?? null, setItem: (k: string, v: string) => void store.set(k, v) },
    },
  };
}

describe('launch secret', () => {
  it('is read from the fragment once, removed from the address, kept for reloads', () => {
    const s = sources(`#k=${SECRET}`);
    expect(takeLaunchSecret(s.src)).toBe(SECRET);
    expect(s.replaced).toEqual(['/?screen=left']);
    expect(s.store.get('telescene.bridgeSecret')).toBe(SECRET);
    const reload = sources('', SECRET);
    expect(takeLaunchSecret(reload.src)).toBe(SECRET);
    expect(reload.replaced).toEqual([]);
  });

  it('a malformed secret is removed from the address but not used', () => {
    const s = sources('#k=<script>');
    expect(takeLaunchSecret(s.src)).toBeUndefined();
    expect(s.replaced).toHaveLength(1);
    expect(takeLaunchSecret(sources('').src)).toBeUndefined();
  });
});

describe('key caps', () => {
  it.each([
    ['c', 'C'],
    ['F1', 'F1'],
    ['Ctrl+h', 'Ctrl + H'],
    ['Ctrl+Shift+F5', 'Ctrl + Shift + F5'],
    ['ArrowUp', '↑'],
    ['AudioVolumeDown', 'Vol −'],
    ['Space', 'Space'],
    ['+', '+'],
    ['Ctrl++', 'Ctrl + +'],
    ['?', '?'],
  ])('%s → %s', (chord, label) => {
    expect(keyCapLabel(chord)).toBe(label);
  });

  it('the first key of an intent, or none', () => {
    const rows = [{ intent: 'call', keys: ['c', 'F5'] }, { intent: 'answer', keys: [] }];
    expect(firstKeyFor(rows, 'call')).toBe('C');
    expect(firstKeyFor(rows, 'answer')).toBeUndefined();
  });
});

describe('room keys in the page', () => {
  const help: Snapshot['keyHelp'] = [
    { intent: 'toggleMute', label: 'Mute', keys: ['m'] },
    { intent: 'volumeUp', label: 'Volume up', keys: ['ArrowUp'] },
    { intent: 'toggleHelp', label: 'Help', keys: ['F1', 'Space'] },
  ];
  const key = (k: string, more: Partial<KeyboardEvent> = {}) => ({ key: k, ctrlKey: false, altKey: false, shiftKey: false, metaKey: false, repeat: false, ...more });

  it('mapped keys go to the core and are kept from the browser', () => {
    expect(keyAction(key('F1'), help)).toEqual({ send: true, preventDefault: true });
    expect(keyAction(key(' '), help)).toEqual({ send: true, preventDefault: true });
    expect(keyAction(key('M', { shiftKey: true }), help)).toEqual({ send: true, preventDefault: true });
  });

  it('a held key repeats only for the volume', () => {
    expect(keyAction(key('m', { repeat: true }), help)).toEqual({ send: false, preventDefault: true });
    expect(keyAction(key('ArrowUp', { repeat: true }), help)).toEqual({ send: true, preventDefault: true });
  });

  it('unmapped keys still go to the core (it owns the keymap) but keep their browser meaning; modifiers alone do not', () => {
    expect(keyAction(key('q'), help)).toEqual({ send: true, preventDefault: false });
    expect(keyAction(key('Shift', { shiftKey: true }), help)).toEqual({ send: false, preventDefault: false });
    expect(keyAction(key('x'.repeat(40)), help)).toEqual({ send: false, preventDefault: false });
  });
});

describe('small helpers', () => {
  it('screen id from the window URL', () => {
    expect(screenIdFrom('?screen=left')).toBe('left');
    expect(screenIdFrom('?screen=<x>')).toBeUndefined();
    expect(screenIdFrom('')).toBeUndefined();
  });

  it('call duration', () => {
    expect(formatDuration(0)).toBe('0:00');
    expect(formatDuration(65_000)).toBe('1:05');
    expect(formatDuration(3_725_000)).toBe('1:02:05');
    expect(formatDuration(-5)).toBe('0:00');
  });
});

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DEFAULT_KEYMAP } from '../../shared/config';
import { chordName, dispatchKey, keysByIntent, normaliseChord } from '../../shared/keys/keymap';
import { INTENTS } from '../../shared/keys/intents';

const keymap = Object.fromEntries(Object.entries(DEFAULT_KEYMAP).map(([k, v]) => [normaliseChord(k), v]));

describe('keymap dispatch', () => {
  it.each([
    [{ key: 'm' }, 'toggleMute'],
    [{ key: 'M', shiftKey: true }, 'toggleMute'],
    [{ key: 'AudioVolumeUp' }, 'volumeUp'],
    [{ key: 'ArrowDown' }, 'volumeDown'],
    [{ key: 'F1' }, 'toggleHelp'],
    [{ key: '?', shiftKey: true }, 'toggleHelp'],
    [{ key: 'Escape' }, 'hangup'],
    [{ key: 'm', ctrlKey: true }, undefined],
    [{ key: 'Shift', shiftKey: true }, undefined],
    [{ key: 'q' }, undefined],
    [{ key: '+' }, undefined],
  ])('%j → %s', (press, intent) => {
    expect(dispatchKey(keymap, press)).toBe(intent);
  });

  it('maps chords with modifiers written in any case and order', () => {
    const map = { [normaliseChord('shift+ctrl+F5')]: 'call' as const, [normaliseChord('ALT+x')]: 'hangup' as const };
    expect(dispatchKey(map, { key: 'F5', ctrlKey: true, shiftKey: true })).toBe('call');
    expect(dispatchKey(map, { key: 'x', altKey: true })).toBe('hangup');
    expect(dispatchKey(map, { key: 'F5', ctrlKey: true })).toBeUndefined();
    expect(normaliseChord('Ctrl++')).toBe('Ctrl++');
    expect(normaliseChord('+')).toBe('+');
    expect(normaliseChord(' ')).toBe(' ');
    expect(normaliseChord('control+space')).toBe('Ctrl+ ');
  });

  it('every intent has at least one default key', () => {
    const byIntent = keysByIntent(keymap);
    for (const intent of INTENTS) expect(byIntent.get(intent)?.length ?? 0).toBeGreaterThan(0);
  });

  it('a chord written the way chordName names it normalises to itself', () => {
    const press = fc.record({
      key: fc.oneof(fc.constantFrom('F1', 'Enter', 'ArrowUp', 'AudioVolumeUp'), fc.string({ minLength: 1, maxLength: 1 })),
      ctrlKey: fc.boolean(),
      altKey: fc.boolean(),
      shiftKey: fc.boolean(),
      metaKey: fc.boolean(),
    });
    fc.assert(fc.property(press, (p) => normaliseChord(chordName(p)) === chordName(p)));
  });
});

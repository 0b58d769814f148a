// Keymap dispatch: a key event (as a KeyboardEvent reports it) becomes a room intent.
// Keys are named as KeyboardEvent.key with modifiers, e.g. "F1", "m", "Ctrl+h", "AudioVolumeUp",
// so that USB keypads and IR remotes that send media keys or plain keys map the same way.
import type { Intent } from './intents';

export type Keymap = Readonly<Record<string, Intent>>;

export interface KeyPress {
  key: string;
  ctrlKey?: boolean;
  altKey?: boolean;
  shiftKey?: boolean;
  metaKey?: boolean;
}

const MODIFIER_ORDER = ['Ctrl', 'Alt', 'Shift', 'Meta'] as const;
const MODIFIER_KEYS = new Set(['Control', 'Alt', 'Shift', 'Meta', 'AltGraph', 'CapsLock']);

/** The canonical name of a key chord: modifiers in a fixed order, single letters lower-cased. */
export function chordName(press: KeyPress): string {
  const parts: string[] = [];
  if (press.ctrlKey) parts.push('Ctrl');
  if (press.altKey) parts.push('Alt');
  // Shift is part of the key itself for printable characters ("?" is Shift+/); keep it only for named keys.
  if (press.shiftKey && press.key.length > 1) parts.push('Shift');
  if (press.metaKey) parts.push('Meta');
  parts.push(press.key.length === 1 ? press.key.toLowerCase() : press.key);
  return parts.join('+');
}

/** Normalises a key name written by a person in the config ("ctrl+H", "Space") to chordName form. */
export function normaliseChord(text: string): string {
  const tokens = text.split('+').map((t) => t.trim());
  const key = tokens.pop() ?? '';
  const mods = new Set(tokens.map((m) => m.toLowerCase()));
  const named = key === 'Space' || key === 'space' ? ' ' : key;
  const parts: string[] = MODIFIER_ORDER.filter((m) => mods.has(m.toLowerCase()) || (m === 'Ctrl' && mods.has('control')));
  if (named.length === 1 && parts.includes('Shift')) parts.splice(parts.indexOf('Shift'), 1);
  parts.push(named.length === 1 ? named.toLowerCase() : named);
  return parts.join('+');
}

/** The intent a key press asks for, or undefined for keys the map does not name (and bare modifiers). */
export function dispatchKey(keymap: Keymap, press: KeyPress): Intent | undefined {
  if (MODIFIER_KEYS.has(press.key)) return undefined;
  return keymap[chordName(press)];
}

/** Keys per intent, for the key-help overlay. */
export function keysByIntent(keymap: Keymap): Map<Intent, string[]> {
  const out = new Map<Intent, string[]>();
  for (const [chord, intent] of Object.entries(keymap)) {
    const list = out.get(intent) ?? [];
    list.push(chord === ' ' ? 'Space' : chord);
    out.set(intent, list);
  }
  return out;
}

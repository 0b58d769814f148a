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
  // The key is whatever follows the last "+" ("Ctrl++" is Ctrl and the plus key); " " is the space bar.
  const plusKey = text.endsWith('+');
  const cut = plusKey ? text.length - 1 : text.lastIndexOf('+');
  const rawKey = plusKey ? '+' : text.slice(cut + 1);
  const trimmed = rawKey.trim();
  const key = trimmed === '' || trimmed.toLowerCase() === 'space' ? ' ' : trimmed;
  const mods = new Set(
    text
      .slice(0, Math.max(cut, 0))
      .split('+')
      .map((m) => m.trim().toLowerCase())
      .map((m) => (m === 'control' ? 'ctrl' : m)),
  );
  const parts: string[] = MODIFIER_ORDER.filter((m) => mods.has(m.toLowerCase()));
  // Shift is part of a printable key itself (see chordName).
  if (key.length === 1 && parts.includes('Shift')) parts.splice(parts.indexOf('Shift'), 1);
  parts.push(key.length === 1 ? key.toLowerCase() : key);
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

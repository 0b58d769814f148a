// Room keys: every key press on any screen window goes to the core, which maps it through the one
// room keymap (so a USB keypad or remote that types keys works on whichever window has focus).
// Keys the keymap names are kept from the browser (F1 help, arrow scrolling); a held key repeats
// only for the volume, so holding "mute" does not flicker it.
import type { Snapshot, TelesceneApi } from '../../../shared/ipc/contract';
import { chordName } from '../../../shared/keys/keymap';

const REPEATING = new Set(['volumeUp', 'volumeDown']);
const MODIFIERS = new Set(['Control', 'Alt', 'Shift', 'Meta', 'AltGraph', 'CapsLock', 'Unidentified', 'Dead']);

/** What to do with a keydown, given the key-help rows (the configured keys per intent). */
export function keyAction(
  event: Pick<KeyboardEvent, 'key' | 'ctrlKey' | 'altKey' | 'shiftKey' | 'metaKey' | 'repeat'>,
  keyHelp: Snapshot['keyHelp'],
): { send: boolean; preventDefault: boolean } {
  if (MODIFIERS.has(event.key) || event.key.length > 32) return { send: false, preventDefault: false };
  const chord = chordName(event);
  const display = chord === ' ' ? 'Space' : chord;
  const row = keyHelp.find((r) => r.keys.includes(display));
  if (!row) return { send: !event.repeat, preventDefault: false };
  return { send: !event.repeat || REPEATING.has(row.intent), preventDefault: true };
}

export function listenForRoomKeys(target: Window, api: TelesceneApi, keyHelp: () => Snapshot['keyHelp']): () => void {
  const onKey = (event: KeyboardEvent) => {
    const action = keyAction(event, keyHelp());
    if (action.preventDefault) event.preventDefault();
    if (!action.send) return;
    const { key, ctrlKey, altKey, shiftKey, metaKey } = event;
    api.key({ key, ctrlKey, altKey, shiftKey, metaKey }).catch(() => undefined);
  };
  target.addEventListener('keydown', onKey);
  return () => target.removeEventListener('keydown', onKey);
}

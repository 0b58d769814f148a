// The room's local controls besides the call: microphones, cameras, self-view, the layout of the
// far end on the screens, loudspeaker volume and the key-help overlay. Pure updates, so each intent
// is one line in RoomCore and one row in its tests.
import type { Snapshot } from '../../../shared/ipc/contract';
import { INTENT_LABELS, INTENTS } from '../../../shared/keys/intents';
import { keysByIntent, type Keymap } from '../../../shared/keys/keymap';

/**
 * Layouts the room cycles through with "next layout". "spatial" places far-end captures where CLUE
 * spatial information says (RFC 8845 §6, issue 6); "speaker" gives the active speaker a screen;
 * "grid" tiles every capture.
 */
export const LAYOUTS = ['spatial', 'speaker', 'grid'] as const;
export type Layout = (typeof LAYOUTS)[number];

export const VOLUME_STEP = 5;
export const INITIAL_VOLUME = 60;

export interface RoomControls {
  muted: boolean;
  cameraOff: boolean;
  selfView: boolean;
  layout: Layout;
  volume: number;
  helpVisible: boolean;
}

export const INITIAL_CONTROLS: RoomControls = {
  muted: false,
  cameraOff: false,
  selfView: false,
  layout: 'spatial',
  volume: INITIAL_VOLUME,
  helpVisible: false,
};

export type ControlIntent = 'toggleMute' | 'toggleCamera' | 'toggleSelfView' | 'nextLayout' | 'volumeUp' | 'volumeDown' | 'toggleHelp';

/** The controls after `intent`; the same object when nothing changes (volume at its limit). */
export function applyControlIntent(c: RoomControls, intent: ControlIntent): RoomControls {
  switch (intent) {
    case 'toggleMute':
      return { ...c, muted: !c.muted };
    case 'toggleCamera':
      return { ...c, cameraOff: !c.cameraOff };
    case 'toggleSelfView':
      return { ...c, selfView: !c.selfView };
    case 'nextLayout':
      return { ...c, layout: LAYOUTS[(LAYOUTS.indexOf(c.layout) + 1) % LAYOUTS.length] ?? 'spatial' };
    case 'volumeUp':
      return c.volume >= 100 ? c : { ...c, volume: Math.min(100, c.volume + VOLUME_STEP) };
    case 'volumeDown':
      return c.volume <= 0 ? c : { ...c, volume: Math.max(0, c.volume - VOLUME_STEP) };
    case 'toggleHelp':
      return { ...c, helpVisible: !c.helpVisible };
  }
}

/** The key-help overlay rows: every intent in a fixed order with its keys (none if unmapped). */
export function keyHelpRows(keymap: Keymap): Snapshot['keyHelp'] {
  const byIntent = keysByIntent(keymap);
  return INTENTS.map((intent) => ({ intent, label: INTENT_LABELS[intent], keys: byIntent.get(intent) ?? [] }));
}

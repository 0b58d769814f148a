// Room intents: what a key on the room keyboard, keypad or remote asks the endpoint to do.
// The keymap (room configuration) maps key names to these; the core acts on them.
export const INTENTS = [
  'call',
  'answer',
  'hangup',
  'toggleMute',
  'toggleCamera',
  'toggleSelfView',
  'nextLayout',
  'volumeUp',
  'volumeDown',
  'toggleHelp',
] as const;

export type Intent = (typeof INTENTS)[number];

export const INTENT_LABELS: Record<Intent, string> = {
  call: 'Call the configured far end',
  answer: 'Answer an incoming call',
  hangup: 'Hang up',
  toggleMute: 'Mute / unmute microphones',
  toggleCamera: 'Cameras off / on',
  toggleSelfView: 'Show / hide self-view',
  nextLayout: 'Next layout',
  volumeUp: 'Volume up',
  volumeDown: 'Volume down',
  toggleHelp: 'Show / hide this key help',
};

export function isIntent(value: string): value is Intent {
  return (INTENTS as readonly string[]).includes(value);
}

// How a configured key is written on a key cap in the overlay and in hints: "c" → "C",
// "Ctrl+h" → "Ctrl+H", "ArrowUp" → "↑", "AudioVolumeUp" → "Vol +".
const NAMED: Readonly<Record<string, string>> = {
  ' ': 'Space',
  Space: 'Space',
  Escape: 'Esc',
  ArrowUp: '↑',
  ArrowDown: '↓',
  ArrowLeft: '←',
  ArrowRight: '→',
  Enter: 'Enter',
  Backspace: '⌫',
  AudioVolumeUp: 'Vol +',
  AudioVolumeDown: 'Vol −',
  AudioVolumeMute: 'Vol mute',
  MicrophoneToggle: 'Mic key',
  MediaPlayPause: 'Play/Pause',
  PageUp: 'Page ↑',
  PageDown: 'Page ↓',
};

export function keyCapLabel(chord: string): string {
  // "Ctrl++" is Ctrl and the plus key; a lone "+" is the plus key.
  const plusKey = chord === '+' || chord.endsWith('++');
  const parts = plusKey ? [...(chord.length > 1 ? chord.slice(0, -2).split('+') : []), '+'] : chord.split('+');
  const key = parts.pop() ?? chord;
  const name = NAMED[key] ?? (key.length === 1 ? key.toUpperCase() : key);
  return [...parts, name].join(' + ');
}

/** The first configured key for an intent, as a cap label, or undefined when none is set. */
export function firstKeyFor(rows: readonly { intent: string; keys: readonly string[] }[], intent: string): string | undefined {
  const key = rows.find((r) => r.intent === intent)?.keys[0];
  return key === undefined ? undefined : keyCapLabel(key);
}

// The room configuration written on first run: one screen, one camera above it, one microphone on
// the table. A facilities person edits the file for the real room (README: "Room configuration").
import type { RoomConfigInput } from './roomConfig';

export const DEFAULT_KEYMAP: Record<string, RoomConfigInput['keymap'][string]> = {
  c: 'call',
  a: 'answer',
  h: 'hangup',
  Escape: 'hangup',
  m: 'toggleMute',
  MicrophoneToggle: 'toggleMute',
  v: 'toggleCamera',
  s: 'toggleSelfView',
  l: 'nextLayout',
  ArrowUp: 'volumeUp',
  AudioVolumeUp: 'volumeUp',
  ArrowDown: 'volumeDown',
  AudioVolumeDown: 'volumeDown',
  F1: 'toggleHelp',
  '?': 'toggleHelp',
};

export const DEFAULT_ROOM: RoomConfigInput = {
  version: 1,
  room: { name: 'Telescene room', language: 'en' },
  screens: [
    {
      id: 'main',
      label: 'Main screen',
      display: 0,
      widthMm: 1210,
      heightMm: 680,
      center: { x: 0, y: 0, z: 1300 },
      role: 'people',
    },
  ],
  cameras: [
    {
      id: 'cam',
      label: 'Room camera',
      device: '',
      point: { x: 0, y: 0, z: 1700 },
      area: {
        bottomLeft: { x: -2000, y: 3000, z: 0 },
        bottomRight: { x: 2000, y: 3000, z: 0 },
        topLeft: { x: -2000, y: 3000, z: 2000 },
        topRight: { x: 2000, y: 3000, z: 2000 },
      },
      maxWidth: 1920,
      maxHeight: 1080,
      maxFps: 30,
    },
  ],
  microphones: [{ id: 'mic', label: 'Table microphone', device: '', point: { x: 0, y: 1500, z: 750 } }],
  presentation: null,
  encoding: { maxVideoEncodings: 4, maxBandwidthKbps: 8000, videoCodecs: ['VP8', 'H264'] },
  sip: { uri: 'sip:room@telescene.invalid', displayName: 'Telescene room', farEnd: null },
  network: { stunServers: [] },
  keymap: DEFAULT_KEYMAP,
  window: { mode: 'kiosk' },
  startAtLogin: false,
};

// The room configuration: one JSON file a facilities person edits (documented in README.md).
// Spatial values are millimetres in the room coordinate system CLUE uses (RFC 8845 §6, RFC 8846 §11):
// x runs left to right and y front to back as seen from the cameras looking into the room, z bottom
// to top; the origin is any fixed point the installer picks (we suggest the floor under the middle
// screen). Everything is validated at load; see roomConfigIssues() for the messages.
import { z } from 'zod';
import { INTENTS } from '../keys/intents';
import { normaliseChord } from '../keys/keymap';

const id = z.string().regex(/^[A-Za-z][A-Za-z0-9_-]{0,31}$/, 'must be a letter then up to 31 letters, digits, - or _');
const mm = z.number().finite();
const point = z.strictObject({ x: mm, y: mm, z: mm });
/** RFC 8846 §11.3: the capture area as four corner points. */
const area = z.strictObject({ bottomLeft: point, bottomRight: point, topLeft: point, topRight: point });

const screen = z.strictObject({
  id,
  label: z.string().min(1).max(64),
  /** Index of the OS display, counted left to right (then top to bottom) from 0. */
  display: z.number().int().min(0).max(15),
  widthMm: z.number().positive().max(20_000),
  heightMm: z.number().positive().max(20_000),
  /** Centre of the screen's visible area. */
  center: point,
  /** "people" screens show far-end cameras; a "content" screen shows presentations first. */
  role: z.enum(['people', 'content']).default('people'),
});

const camera = z.strictObject({
  id,
  label: z.string().min(1).max(64),
  /** The capture device: its label or deviceId as the OS lists it; "" for the first camera found. */
  device: z.string().max(256),
  /** RFC 8846 §11.1 captureOrigin: capturePoint and, optionally, lineOfCapturePoint. */
  point,
  lineOfCapturePoint: point.optional(),
  /** RFC 8846 §11.3 captureArea: the part of the room this camera sees. */
  area,
  maxWidth: z.number().int().min(160).max(7680).default(1920),
  maxHeight: z.number().int().min(90).max(4320).default(1080),
  maxFps: z.number().int().min(1).max(120).default(30),
});

const microphone = z.strictObject({
  id,
  label: z.string().min(1).max(64),
  device: z.string().max(256),
  point,
  lineOfCapturePoint: point.optional(),
  /** The part of the room the microphone covers (optional for a room-wide microphone). */
  area: area.optional(),
});

const keymap = z
  .record(z.string().min(1).max(32), z.enum(INTENTS))
  .transform((map) => Object.fromEntries(Object.entries(map).map(([k, v]) => [normaliseChord(k), v])));

const sipUri = z.string().regex(/^sips?:[^\s@]+@[^\s@]+$/, 'must be a SIP URI such as sip:room@example.net');

export const roomConfigSchema = z.strictObject({
  version: z.literal(1),
  room: z.strictObject({
    name: z.string().min(1).max(64),
    /** BCP 47 language of the room's people, used for the CLUE <lang> of captures. */
    language: z.string().regex(/^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*$/).default('en'),
  }),
  screens: z.array(screen).min(1).max(8),
  cameras: z.array(camera).max(8),
  microphones: z.array(microphone).max(8),
  /** A presentation source (HDMI capture, a shared window) becomes a CLUE content capture. */
  presentation: z
    .strictObject({ label: z.string().min(1).max(64), device: z.string().max(256) })
    .nullable()
    .default(null),
  /** What this machine can encode: becomes the CLUE encoding groups. */
  encoding: z
    .strictObject({
      maxVideoEncodings: z.number().int().min(1).max(16),
      maxBandwidthKbps: z.number().int().min(64).max(100_000),
      videoCodecs: z.array(z.enum(['VP8', 'H264'])).min(1),
    })
    .default({ maxVideoEncodings: 4, maxBandwidthKbps: 8000, videoCodecs: ['VP8', 'H264'] }),
  sip: z.strictObject({
    uri: sipUri,
    displayName: z.string().max(64),
    /** The far end the "call" key dials; null when calls only come in. */
    farEnd: sipUri.nullable().default(null),
  }),
  network: z
    .strictObject({
      /** "stun:host:port" entries; empty means host candidates only. */
      stunServers: z.array(z.string().regex(/^stun:[^\s]+$/)).max(4),
    })
    .default({ stunServers: [] }),
  keymap,
  window: z.strictObject({ mode: z.enum(['kiosk', 'windowed']) }).default({ mode: 'kiosk' }),
  startAtLogin: z.boolean().default(false),
});

export type RoomConfigInput = z.input<typeof roomConfigSchema>;
export type RoomConfig = z.output<typeof roomConfigSchema>;
export type ScreenConfig = RoomConfig['screens'][number];
export type CameraConfig = RoomConfig['cameras'][number];
export type MicrophoneConfig = RoomConfig['microphones'][number];
export type Point = z.infer<typeof point>;
export type Area = z.infer<typeof area>;

export type ConfigCheck = { ok: true; config: RoomConfig } | { ok: false; problems: string[] };

/** Validates parsed JSON; problems name the field ("screens[1].widthMm: ...") and the problem. */
export function checkRoomConfig(value: unknown): ConfigCheck {
  const parsed = roomConfigSchema.safeParse(value);
  if (!parsed.success) {
    return { ok: false, problems: parsed.error.issues.map((i) => `${fieldPath(i.path)}: ${i.message}`) };
  }
  const problems = crossChecks(parsed.data);
  return problems.length ? { ok: false, problems } : { ok: true, config: parsed.data };
}

/** Rules that span fields: unique ids, one screen per display. */
function crossChecks(config: RoomConfig): string[] {
  const problems: string[] = [];
  const ids = new Map<string, string>();
  const lists = [['screens', config.screens], ['cameras', config.cameras], ['microphones', config.microphones]] as const;
  for (const [list, items] of lists) {
    items.forEach((item, i) => {
      const where = `${list}[${i}].id`;
      const first = ids.get(item.id);
      if (first) problems.push(`${where}: "${item.id}" is already used by ${first}`);
      else ids.set(item.id, where);
    });
  }
  const displays = new Map<number, number>();
  config.screens.forEach((s, i) => {
    const first = displays.get(s.display);
    if (first !== undefined) problems.push(`screens[${i}].display: display ${s.display} is already screens[${first}]`);
    else displays.set(s.display, i);
  });
  return problems;
}

function fieldPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const part of path) out += typeof part === 'number' ? `[${part}]` : out ? `.${String(part)}` : String(part);
  return out || '(file)';
}

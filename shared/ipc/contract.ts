// The one typed contract between the core and the room UI (CONVENTIONS 9). The Electron preload
// and the browser host's loopback bridge are both generated from it; the core validates every
// payload against these schemas (and the sender) before acting on it.
import { z } from 'zod';
import { INTENTS } from '../keys/intents';
import type { EventName, RequestName } from './channels';

export { CHANNEL_PREFIX, EVENT_NAMES, REQUEST_NAMES, eventChannel, requestChannel, type EventName, type RequestName } from './channels';

export const callStateSchema = z.enum(['idle', 'calling', 'ringing', 'connected', 'ending']);
export type CallState = z.infer<typeof callStateSchema>;

export const snapshotSchema = z.strictObject({
  room: z.strictObject({ name: z.string() }),
  screens: z.array(z.strictObject({ id: z.string(), label: z.string(), role: z.enum(['people', 'content']) })),
  call: z.strictObject({
    state: callStateSchema,
    remote: z.string().nullable(),
    /** Milliseconds since the epoch when the call reached this state. */
    since: z.number().nullable(),
    /** Why the last call ended, shown on the screens ("far end hung up", "fingerprint mismatch"). */
    endReason: z.string().nullable(),
  }),
  muted: z.boolean(),
  cameraOff: z.boolean(),
  selfView: z.boolean(),
  layout: z.string(),
  volume: z.number().int().min(0).max(100),
  helpVisible: z.boolean(),
  keyHelp: z.array(z.strictObject({ intent: z.enum(INTENTS), label: z.string(), keys: z.array(z.string()) })),
  /** Problems with the room configuration file; the app runs on the last good one meanwhile. */
  configProblems: z.array(z.string()),
});
export type Snapshot = z.infer<typeof snapshotSchema>;

/** Renderer → core calls, each with its request and response schema. */
export const requests = {
  intent: {
    request: z.strictObject({ intent: z.enum(INTENTS) }),
    response: z.strictObject({ accepted: z.boolean() }),
  },
  key: {
    /** A raw key press; the core maps it through the room keymap (so one keymap serves every window). */
    request: z.strictObject({
      key: z.string().min(1).max(32),
      ctrlKey: z.boolean(),
      altKey: z.boolean(),
      shiftKey: z.boolean(),
      metaKey: z.boolean(),
    }),
    response: z.strictObject({ intent: z.enum(INTENTS).nullable() }),
  },
  snapshot: {
    request: z.strictObject({}),
    response: snapshotSchema,
  },
} as const satisfies Record<RequestName, { request: z.ZodType; response: z.ZodType }>;

/** Core → renderer events. */
export const events = {
  snapshot: snapshotSchema,
} as const satisfies Record<EventName, z.ZodType>;

export type RequestOf<N extends RequestName> = z.infer<(typeof requests)[N]['request']>;
export type ResponseOf<N extends RequestName> = z.infer<(typeof requests)[N]['response']>;
export type EventOf<N extends EventName> = z.infer<(typeof events)[N]>;


/** The API the renderer sees (window.telescene), the same under Electron and the browser host. */
export type TelesceneApi = {
  [N in RequestName]: (request: RequestOf<N>) => Promise<ResponseOf<N>>;
} & {
  on<N extends EventName>(event: N, listener: (payload: EventOf<N>) => void): () => void;
};

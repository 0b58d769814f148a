// Turns one request from a screen (Electron IPC or the browser host's bridge) into a core call.
// Both hosts check who is asking first (sender frame, or secret + Origin + Host); this checks what
// is asked: the request name must be in the contract and the payload must match its zod schema.
import { REQUEST_NAMES, requests, type RequestName, type RequestOf, type ResponseOf } from '../../../shared/ipc/contract';
import type { RoomCore } from './roomCore';

export type DispatchResult =
  | { ok: true; name: RequestName; response: ResponseOf<RequestName> }
  | { ok: false; refusal: 'unknown request' | 'invalid payload'; detail: string };

const HANDLERS: { [N in RequestName]: (core: RoomCore, request: RequestOf<N>) => ResponseOf<N> } = {
  intent: (core, request) => core.intent(request.intent),
  key: (core, request) => core.key(request),
  snapshot: (core) => core.snapshot(),
};

export function isRequestName(name: string): name is RequestName {
  return (REQUEST_NAMES as readonly string[]).includes(name);
}

/** Validates `payload` against the contract's schema for `name`, then runs it on the core. */
export function dispatchRequest(core: RoomCore, name: string, payload: unknown): DispatchResult {
  if (!isRequestName(name)) return { ok: false, refusal: 'unknown request', detail: name.slice(0, 64) };
  return run(core, name, payload);
}

function run<N extends RequestName>(core: RoomCore, name: N, payload: unknown): DispatchResult {
  const parsed = requests[name].request.safeParse(payload);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return { ok: false, refusal: 'invalid payload', detail: `${name}: ${issue ? `${issue.path.join('.') || '(payload)'} ${issue.message}` : 'invalid'}` };
  }
  const handler = HANDLERS[name];
  return { ok: true, name, response: handler(core, parsed.data as RequestOf<N>) };
}

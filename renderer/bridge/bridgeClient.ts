// The browser host's side of window.telescene: the same TelesceneApi the Electron preload exposes,
// over the loopback bridge. Requests are fetch() POSTs with the secret in a header; events arrive on
// one streamed POST response (text/event-stream), reopened with backoff when it drops. Whatever the
// bridge sends is checked against the contract's schemas before the page sees it.
import { events, EVENT_NAMES, requests, type EventName, type EventOf, type RequestName, type RequestOf, type ResponseOf, type TelesceneApi } from '../../shared/ipc/contract';
import { SseParser } from './sseParser';

export type ConnectionState = 'connecting' | 'connected' | 'lost' | 'refused';

export interface BridgeClientOptions {
  /** "http://127.0.0.1:PORT": the host serving this page. */
  origin: string;
  secret: string;
  fetch?: typeof fetch;
  onConnection?: (state: ConnectionState) => void;
  /** First and longest wait before reopening the event stream (ms). */
  retryMs?: { first: number; max: number };
}

export interface BridgeClient extends TelesceneApi {
  close(): void;
}

type Listener = (payload: EventOf<EventName>) => void;

export function createBridgeClient(options: BridgeClientOptions): BridgeClient {
  const doFetch = options.fetch ?? globalThis.fetch.bind(globalThis);
  const headers = { Authorization: `Bearer ${options.secret}`, 'Content-Type': 'application/json' };
  const listeners = new Map<EventName, Set<Listener>>(EVENT_NAMES.map((name) => [name, new Set<Listener>()]));
  const retry = options.retryMs ?? { first: 500, max: 5_000 };
  const abort = new AbortController();
  let streaming = false;

  const call = async <N extends RequestName>(name: N, request: RequestOf<N>): Promise<ResponseOf<N>> => {
    const res = await doFetch(`${options.origin}/api/req/${name}`, { method: 'POST', headers, body: JSON.stringify(request), signal: abort.signal });
    if (!res.ok) throw new Error(`the room core refused ${name} (HTTP ${res.status})`);
    return requests[name].response.parse(await res.json()) as ResponseOf<N>;
  };

  const deliver = (name: string, data: string): void => {
    if (!(EVENT_NAMES as readonly string[]).includes(name)) return;
    const event = name as EventName;
    let payload: EventOf<EventName>;
    try {
      payload = events[event].parse(JSON.parse(data));
    } catch {
      return; // A malformed event is dropped; the next snapshot replaces it anyway.
    }
    for (const listener of listeners.get(event) ?? []) listener(payload);
  };

  const stream = async (): Promise<void> => {
    let wait = retry.first;
    while (!abort.signal.aborted) {
      options.onConnection?.('connecting');
      let refused = false;
      try {
        const res = await doFetch(`${options.origin}/api/events`, { method: 'POST', headers, body: '{}', signal: abort.signal });
        refused = res.status === 403;
        if (res.ok && res.body) {
          options.onConnection?.('connected');
          wait = retry.first;
          const parser = new SseParser();
          const reader = res.body.pipeThrough(new TextDecoderStream()).getReader();
          for (;;) {
            const { done, value } = await reader.read();
            if (done) break;
            for (const e of parser.push(value)) deliver(e.event, e.data);
          }
        }
      } catch {
        // Network error or abort: handled below.
      }
      if (abort.signal.aborted) return;
      // "refused": the host no longer knows this secret (it was restarted); keep trying, slowly.
      options.onConnection?.(refused ? 'refused' : 'lost');
      await new Promise((resolve) => setTimeout(resolve, refused ? retry.max : wait));
      wait = Math.min(retry.max, wait * 2);
    }
  };

  const on: TelesceneApi['on'] = (event, listener) => {
    const set = listeners.get(event);
    if (!set) throw new Error(`unknown event ${String(event)}`);
    set.add(listener as Listener);
    if (!streaming) {
      streaming = true;
      void stream();
    }
    return () => {
      set.delete(listener as Listener);
    };
  };

  return {
    intent: (request) => call('intent', request),
    key: (request) => call('key', request),
    snapshot: (request) => call('snapshot', request),
    on,
    close: () => abort.abort(),
  };
}

// Core → page events over one long HTTP response in the Server-Sent Events format (HTML Living
// Standard §9.2): "event: NAME", "data: JSON", blank line. The page reads it with fetch() so that
// the request carries the secret in a header, which EventSource cannot send.
import type { ServerResponse } from 'node:http';
import type { EventName, EventOf } from '../../shared/ipc/contract';

const KEEPALIVE_MS = 15_000;

export function formatEvent<N extends EventName>(name: N, payload: EventOf<N>): string {
  // JSON.stringify never emits a raw newline, so one data line is enough.
  return `event: ${name}\ndata: ${JSON.stringify(payload)}\n\n`;
}

export class EventStreamHub {
  private readonly clients = new Set<ServerResponse>();
  private readonly keepalive: NodeJS.Timeout;

  constructor(readonly maxClients: number) {
    // A comment line every few seconds keeps proxies and idle timers from closing a quiet stream.
    this.keepalive = setInterval(() => this.writeAll(': keepalive\n\n'), KEEPALIVE_MS);
    this.keepalive.unref();
  }

  get size(): number {
    return this.clients.size;
  }

  get full(): boolean {
    return this.clients.size >= this.maxClients;
  }

  /** Starts an event stream on `res` and sends `first` at once (the current snapshot). */
  add(res: ServerResponse, headers: Record<string, string>, first: string): void {
    res.writeHead(200, { ...headers, 'Content-Type': 'text/event-stream; charset=utf-8', 'X-Accel-Buffering': 'no' });
    res.flushHeaders();
    this.clients.add(res);
    res.on('close', () => this.clients.delete(res));
    res.write(first);
  }

  broadcast(text: string): void {
    this.writeAll(text);
  }

  close(): void {
    clearInterval(this.keepalive);
    for (const res of this.clients) res.end();
    this.clients.clear();
  }

  private writeAll(text: string): void {
    for (const res of this.clients) {
      if (!res.writableEnded) res.write(text);
    }
  }
}

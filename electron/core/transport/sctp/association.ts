// SCTP over DTLS (RFC 8261) for the data channel: werift's SCTP association (RFC 9260 with the
// RFC 6525 stream reset and RFC 3758 extensions), which werift does not export by name, loaded from
// its package and used only through the typed facade below. It runs over any DatagramTransport
// (our DtlsTransport), so SCTP never sees werift's own DTLS.
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { DatagramTransport } from '../dtls';

/** The calls this layer makes on werift's SCTP class. */
export interface SctpAssociation {
  readonly isServer: boolean;
  readonly state: string;
  reconfigQueue: number[];
  readonly onReceive: WeriftEvent<[number, number, Buffer]>;
  readonly onReconfigStreams: WeriftEvent<[number[]]>;
  readonly stateChanged: Record<'new' | 'closed' | 'connected' | 'connecting', WeriftEvent<[]>>;
  send(streamId: number, ppId: number, data: Buffer, opts?: { ordered?: boolean }): Promise<void>;
  start(remotePort?: number): Promise<void>;
  stop(): Promise<void>;
  transmitReconfigRequest(): Promise<void>;
}

interface WeriftEvent<T extends unknown[]> {
  subscribe(fn: (...args: T) => void): { unSubscribe(): void };
}

interface WeriftSctpTransport {
  onData?: (buf: Buffer) => void;
  send(buf: Buffer): Promise<void>;
  close(): void;
}

interface WeriftSctpClass {
  client(transport: WeriftSctpTransport, port?: number): SctpAssociation;
  server(transport: WeriftSctpTransport, port?: number): SctpAssociation;
}

let cached: WeriftSctpClass | undefined;
/** Loads werift's SCTP module ahead of time (it is CommonJS and costs tens of ms on first load). */
export function preloadSctp(): void {
  loadSctp();
}

function loadSctp(): WeriftSctpClass {
  if (cached) return cached;
  const require = createRequire(import.meta.url);
  // werift's "exports" map hides lib/sctp; its public entry sits at lib/webrtc/src/index.js.
  const entry = require.resolve('werift');
  const mod = require(join(dirname(entry), '..', '..', 'sctp', 'src', 'index.js')) as { SCTP?: WeriftSctpClass };
  if (!mod.SCTP || typeof mod.SCTP.client !== 'function' || typeof mod.SCTP.server !== 'function') throw new Error('werift SCTP association not found');
  cached = mod.SCTP;
  return cached;
}

/**
 * Creates the association over `dtls`; both sides use `port` (a=sctp-port, RFC 8841 §5). Only the
 * `client` sends INIT. RFC 8841 lets either end send it, but aiortc and werift accept an INIT only
 * as the server, and aiortc is the server when it is ICE-controlled: so the ICE-controlling agent is
 * the SCTP client (browsers' usrsctp takes either).
 */
export function createSctpAssociation(
  dtls: DatagramTransport,
  role: 'client' | 'server',
  port = 5000,
  onMalformed: (reason: string) => void = () => {},
): { sctp: SctpAssociation; detach: () => void } {
  const SCTP = loadSctp();
  const transport: WeriftSctpTransport = {
    send: async (buf) => dtls.send(buf),
    close: () => {},
  };
  const off = dtls.onData((data) => {
    // werift's handler is async and throws on malformed packets: refuse them here, never unhandled.
    const pending = transport.onData?.(Buffer.from(data.buffer, data.byteOffset, data.byteLength)) as unknown;
    if (pending instanceof Promise) pending.catch((e: unknown) => onMalformed(e instanceof Error ? e.message || e.name : String(e)));
  });
  const sctp = role === 'client' ? SCTP.client(transport, port) : SCTP.server(transport, port);
  return { sctp, detach: off };
}

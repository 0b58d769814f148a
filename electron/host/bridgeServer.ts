// The browser host's loopback bridge: serves the room view (out/renderer) and speaks the typed IPC
// contract (shared/ipc/contract.ts) over HTTP on 127.0.0.1, the same requests and events the
// Electron preload exposes. POST /api/req/NAME runs a request; POST /api/events streams events.
// A refused request gets a bare status and an empty body, and is counted and logged with a reason.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createLogger } from '../core/log';
import { dispatchRequest } from '../core/room/requestDispatch';
import { pageHeaders } from '../core/room/pagePolicy';
import type { RoomCore } from '../core/room/roomCore';
import { checkApiRequest, checkAssetRequest, newBridgeSecret, type BridgeIdentity, type RequestFacts } from './bridgeAuth';
import { EventStreamHub, formatEvent } from './eventStream';
import { contentTypeOf, readAsset, resolveAsset } from './staticFiles';

const log = createLogger('host.bridge');
const MAX_BODY_BYTES = 16 * 1024;
const MAX_EVENT_CLIENTS = 32;
const REQUEST_PREFIX = '/api/req/';

export interface BridgeServerOptions {
  core: RoomCore;
  /** The built renderer (out/renderer). */
  rendererDir: string;
  /** 0 picks a free port. */
  port?: number;
  /** Tests pin the secret to check refusals; the app always draws a new one. */
  secret?: string;
}

export class BridgeServer {
  /** Refused requests by reason. */
  readonly refusals = new Map<string, number>();
  private readonly headers = pageHeaders({ connectToSelf: true });
  private readonly hub = new EventStreamHub(MAX_EVENT_CLIENTS);
  private readonly unsubscribe: () => void;
  private closed = false;

  private constructor(
    private readonly server: Server,
    private readonly core: RoomCore,
    private readonly rendererDir: string,
    readonly identity: BridgeIdentity,
  ) {
    this.unsubscribe = core.onSnapshot((snapshot) => this.hub.broadcast(formatEvent('snapshot', snapshot)));
  }

  static async start(options: BridgeServerOptions): Promise<BridgeServer> {
    const server = createServer();
    // A slow or stuck client cannot hold sockets open for long before sending its request.
    server.headersTimeout = 10_000;
    server.requestTimeout = 15_000;
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
    });
    const { port } = server.address() as AddressInfo;
    const identity = { host: `127.0.0.1:${port}`, origin: `http://127.0.0.1:${port}`, secret: options.secret ?? newBridgeSecret() };
    const bridge = new BridgeServer(server, options.core, options.rendererDir, identity);
    server.on('request', (req, res) => bridge.handle(req, res));
    log.info('listening', { origin: identity.origin });
    return bridge;
  }

  get origin(): string {
    return this.identity.origin;
  }

  /** Pages listening for events right now (one per open screen window). */
  get eventClients(): number {
    return this.hub.size;
  }

  /** The URL a screen window opens: the screen id in the query, the secret in the fragment (never sent). */
  screenUrl(screenId: string): string {
    return `${this.identity.origin}/?screen=${encodeURIComponent(screenId)}#k=${this.identity.secret}`;
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    this.unsubscribe();
    this.hub.close();
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private handle(req: IncomingMessage, res: ServerResponse): void {
    this.route(req, res).catch((err: unknown) => {
      log.error('request failed', { error: err instanceof Error ? err.message : String(err) });
      if (!res.headersSent) this.refuse(req, res, 500, 'internal error');
      else res.destroy();
    });
  }

  private async route(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const pathname = (req.url ?? '/').split('?')[0] ?? '/';
    const facts = requestFacts(req);
    if (pathname.startsWith('/api/')) {
      const auth = checkApiRequest(facts, this.identity);
      if (!auth.ok) return this.refuse(req, res, auth.status, auth.reason);
      const body = await readBody(req);
      if (body === 'too large') return this.refuse(req, res, 413, 'body too large');
      let payload: unknown;
      try {
        payload = body.length ? JSON.parse(body) : {};
      } catch {
        return this.refuse(req, res, 400, 'body is not JSON');
      }
      if (pathname === '/api/events') return this.openEvents(req, res);
      if (!pathname.startsWith(REQUEST_PREFIX)) return this.refuse(req, res, 404, 'unknown API path');
      const result = dispatchRequest(this.core, pathname.slice(REQUEST_PREFIX.length), payload);
      if (!result.ok) return this.refuse(req, res, result.refusal === 'unknown request' ? 404 : 400, result.refusal, result.detail);
      return this.send(res, 200, 'application/json', JSON.stringify(result.response));
    }
    const auth = checkAssetRequest(facts, this.identity);
    if (!auth.ok) return this.refuse(req, res, auth.status, auth.reason);
    const file = resolveAsset(this.rendererDir, pathname);
    const data = file === undefined ? undefined : await readAsset(file);
    if (file === undefined || data === undefined) return this.refuse(req, res, 404, 'no such asset');
    this.send(res, 200, contentTypeOf(file), req.method === 'HEAD' ? '' : data);
  }

  private openEvents(req: IncomingMessage, res: ServerResponse): void {
    if (this.hub.full) return this.refuse(req, res, 503, 'too many event streams');
    this.hub.add(res, this.headers, formatEvent('snapshot', this.core.snapshot()));
  }

  private send(res: ServerResponse, status: number, type: string, body: string | Buffer): void {
    res.writeHead(status, { ...this.headers, 'Content-Type': type, 'Content-Length': Buffer.byteLength(body) });
    res.end(body);
  }

  /** Refusals carry no body: a caller that is not ours learns nothing but the status. */
  private refuse(req: IncomingMessage, res: ServerResponse, status: number, reason: string, detail?: string): void {
    this.refusals.set(reason, (this.refusals.get(reason) ?? 0) + 1);
    log.warn('request refused', { reason, detail, status, method: req.method, path: (req.url ?? '').split(/[?#]/)[0]?.slice(0, 80) });
    res.writeHead(status, { 'Content-Length': 0, 'Cache-Control': 'no-store', Connection: 'close' });
    res.end();
    // Drop whatever body the refused caller is still sending.
    req.resume();
  }
}

function requestFacts(req: IncomingMessage): RequestFacts {
  const one = (name: string): string | undefined => {
    const value = req.headers[name];
    return Array.isArray(value) ? value[0] : value;
  };
  return {
    method: req.method,
    host: one('host'),
    origin: one('origin'),
    authorization: one('authorization'),
    contentType: one('content-type'),
    secFetchSite: one('sec-fetch-site'),
  };
}

function readBody(req: IncomingMessage): Promise<string | 'too large'> {
  const declared = Number(req.headers['content-length'] ?? 0);
  if (declared > MAX_BODY_BYTES) return Promise.resolve('too large');
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size <= MAX_BODY_BYTES) return void chunks.push(chunk);
      // Stop collecting; refuse() drains the rest so the 413 still reaches the caller.
      req.off('data', onData);
      req.off('end', onEnd);
      resolve('too large');
    };
    const onEnd = () => resolve(Buffer.concat(chunks).toString('utf8'));
    req.on('data', onData);
    req.once('end', onEnd);
    req.once('error', reject);
  });
}

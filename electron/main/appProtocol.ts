// Serves the built room view (out/renderer) on app://telescene/ with our headers (CSP and friends,
// core/room/pagePolicy.ts), so Electron never loads file:// pages (Electron security checklist 18).
import { protocol } from 'electron';
import { createLogger } from '../core/log';
import { pageHeaders } from '../core/room/pagePolicy';
import { contentTypeOf, readAsset, resolveAsset } from '../host/staticFiles';
import { APP_HOST, APP_SCHEME } from './security/appOrigin';

const log = createLogger('shell.protocol');

/** Must run before app 'ready': a standard, secure scheme gets an origin and a secure context. */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([
    { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true, stream: true } },
  ]);
}

/** Must run after 'ready'. */
export function serveRenderer(rendererDir: string): void {
  const headers = pageHeaders({ connectToSelf: false });
  protocol.handle(APP_SCHEME, async (request) => {
    const url = new URL(request.url);
    const file = url.host === APP_HOST && request.method === 'GET' ? resolveAsset(rendererDir, url.pathname) : undefined;
    const data = file === undefined ? undefined : await readAsset(file);
    if (file === undefined || data === undefined) {
      log.warn('refused app request', { reason: 'no such asset', path: url.pathname.slice(0, 80) });
      return new Response(null, { status: 404 });
    }
    return new Response(new Uint8Array(data), { status: 200, headers: { ...headers, 'Content-Type': contentTypeOf(file) } });
  });
}

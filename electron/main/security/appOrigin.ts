// The room pages' home under Electron: a privileged custom scheme (standard, secure), so that pages
// are a secure context with a real origin, served by our own handler with our headers, and never
// file:// (which would give every page the whole disk's origin).
export const APP_SCHEME = 'app';
export const APP_HOST = 'telescene';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;

/** The URL a screen's window loads. */
export function screenPageUrl(screenId: string): string {
  return `${APP_ORIGIN}/index.html?screen=${encodeURIComponent(screenId)}`;
}

/** True for URLs of our own pages. (Node gives custom schemes an opaque "null" origin, so compare parts.) */
export function isAppUrl(text: string | undefined | null): boolean {
  if (!text) return false;
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return false;
  }
  return url.protocol === `${APP_SCHEME}:` && url.host === APP_HOST && url.username === '' && url.password === '' && url.port === '';
}

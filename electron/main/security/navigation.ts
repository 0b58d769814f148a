// Navigation policy for every web contents (Electron security checklist items 13 and 14): a room
// window shows the room view and nothing else. No link, redirect, drag-and-drop or script may take
// it to another page, and no page may open a new window.
import { APP_ORIGIN, isAppUrl } from './appOrigin';

/** Only our own index page (any screen query) may be loaded into a room window. */
export function isNavigationAllowed(target: string): boolean {
  if (!isAppUrl(target)) return false;
  const url = new URL(target);
  return url.pathname === '/index.html' || url.pathname === '/';
}

/** window.open and target=_blank: always denied; the reason is logged. */
export function windowOpenDecision(target: string): { action: 'deny'; reason: string } {
  return { action: 'deny', reason: isAppUrl(target) ? 'new windows are never opened from a page' : `foreign URL (not ${APP_ORIGIN})` };
}

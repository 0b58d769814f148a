// Hardening applied to the session and to every web contents the app ever creates: the permission
// allowlist, no navigation away from the room view, no new windows, no <webview>.
import { app, session, type Session } from 'electron';
import { createLogger } from '../core/log';
import { isNavigationAllowed, windowOpenDecision } from './security/navigation';
import { decidePermission } from './security/permissions';

const log = createLogger('shell.security');

export function hardenSession(target: Session = session.defaultSession): void {
  target.setPermissionRequestHandler((_contents, permission, callback, details) => {
    const mediaTypes = 'mediaTypes' in details ? details.mediaTypes : undefined;
    const decision = decidePermission({ permission, requestingUrl: details.requestingUrl, isMainFrame: details.isMainFrame, ...(mediaTypes ? { mediaTypes } : {}) });
    if (!decision.granted) log.warn('permission denied', { permission, reason: decision.reason });
    callback(decision.granted);
  });
  target.setPermissionCheckHandler((_contents, permission, requestingOrigin, details) => {
    const mediaTypes = details.mediaType && details.mediaType !== 'unknown' ? [details.mediaType] : undefined;
    return decidePermission({
      permission,
      requestingUrl: details.requestingUrl ?? requestingOrigin,
      isMainFrame: details.isMainFrame,
      ...(mediaTypes ? { mediaTypes } : {}),
    }).granted;
  });
  // Room pages never download anything.
  target.on('will-download', (event) => {
    event.preventDefault();
    log.warn('download refused');
  });
}

/** Applies the navigation rules to every web contents, including ones created later. */
export function guardAllWebContents(): void {
  app.on('web-contents-created', (_event, contents) => {
    contents.on('will-navigate', (event, url) => {
      if (isNavigationAllowed(url)) return;
      event.preventDefault();
      log.warn('navigation refused', { url: url.slice(0, 120) });
    });
    contents.on('will-redirect', (event, url) => {
      if (isNavigationAllowed(url)) return;
      event.preventDefault();
      log.warn('redirect refused', { url: url.slice(0, 120) });
    });
    contents.setWindowOpenHandler(({ url }) => {
      const decision = windowOpenDecision(url);
      log.warn('new window refused', { reason: decision.reason, url: url.slice(0, 120) });
      return { action: decision.action };
    });
    contents.on('will-attach-webview', (event) => {
      event.preventDefault();
      log.warn('webview refused');
    });
  });
}

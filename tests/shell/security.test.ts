import { describe, expect, it } from 'vitest';
import { contentSecurityPolicy, pageHeaders } from '../../electron/core/room/pagePolicy';
import { isAppUrl, screenPageUrl } from '../../electron/main/security/appOrigin';
import { isNavigationAllowed, windowOpenDecision } from '../../electron/main/security/navigation';
import { decidePermission } from '../../electron/main/security/permissions';
import { roomWindowOptions } from '../../electron/main/windowOptions';

const directives = (csp: string) => new Map(csp.split('; ').map((d) => [d.split(' ')[0], d.split(' ').slice(1).join(' ')]));

describe('content security policy', () => {
  it('Electron pages: same-origin script and style only, no connections, no frames, no eval', () => {
    const csp = directives(contentSecurityPolicy({ connectToSelf: false }));
    expect(csp.get('default-src')).toBe("'none'");
    expect(csp.get('script-src')).toBe("'self'");
    expect(csp.get('style-src')).toBe("'self'");
    expect(csp.get('connect-src')).toBe("'none'");
    expect(csp.get('object-src')).toBe("'none'");
    expect(csp.get('frame-ancestors')).toBe("'none'");
    expect(csp.get('base-uri')).toBe("'none'");
    expect([...csp.values()].join(' ')).not.toMatch(/unsafe-(inline|eval)|\*/);
  });

  it('browser host pages may connect to their own origin only (the bridge)', () => {
    expect(directives(contentSecurityPolicy({ connectToSelf: true })).get('connect-src')).toBe("'self'");
  });

  it('every response also says nosniff, no referrer, no framing', () => {
    const h = pageHeaders({ connectToSelf: true });
    expect(h).toMatchObject({ 'X-Content-Type-Options': 'nosniff', 'Referrer-Policy': 'no-referrer', 'X-Frame-Options': 'DENY', 'Cache-Control': 'no-store' });
  });
});

describe('app origin', () => {
  it.each([
    [screenPageUrl('left'), true],
    ['app://telescene/app.js', true],
    ['app://telescene.evil/index.html', false],
    ['app://evil/telescene', false],
    ['app://user@telescene/index.html', false],
    ['app://telescene:8080/index.html', false],
    ['http://telescene/index.html', false],
    ['file:///app/index.html', false],
    ['not a url', false],
    ['', false],
  ])('%s → %s', (url, expected) => {
    expect(isAppUrl(url)).toBe(expected);
  });
});

describe('navigation and new windows', () => {
  it('only the room view may load', () => {
    expect(isNavigationAllowed(screenPageUrl('center'))).toBe(true);
    expect(isNavigationAllowed('app://telescene/')).toBe(true);
    expect(isNavigationAllowed('app://telescene/app.js')).toBe(false);
    expect(isNavigationAllowed('https://example.com/')).toBe(false);
    expect(isNavigationAllowed('javascript:alert(1)')).toBe(false);
    expect(isNavigationAllowed('data:text/html,hi')).toBe(false);
  });

  it('new windows are always denied', () => {
    expect(windowOpenDecision(screenPageUrl('left')).action).toBe('deny');
    expect(windowOpenDecision('https://example.com/').action).toBe('deny');
  });
});

describe('permission allowlist', () => {
  const page = screenPageUrl('left');
  it.each([
    [{ permission: 'media', requestingUrl: page, mediaTypes: ['video'], isMainFrame: true }, true],
    [{ permission: 'media', requestingUrl: page, mediaTypes: ['audio', 'video'] }, true],
    [{ permission: 'media', requestingUrl: page }, true],
    [{ permission: 'media', requestingUrl: 'https://evil.example/', mediaTypes: ['video'] }, false],
    [{ permission: 'media', requestingUrl: page, mediaTypes: ['video'], isMainFrame: false }, false],
    [{ permission: 'media', requestingUrl: page, mediaTypes: ['screen'] }, false],
    [{ permission: 'display-capture', requestingUrl: page }, false],
    [{ permission: 'geolocation', requestingUrl: page }, false],
    [{ permission: 'notifications', requestingUrl: page }, false],
    [{ permission: 'openExternal', requestingUrl: page }, false],
    [{ permission: 'media', requestingUrl: undefined }, false],
  ])('%j → %s', (ask, granted) => {
    expect(decidePermission(ask).granted).toBe(granted);
  });
});

describe('room window options', () => {
  const plan = { screenId: 'left', displayId: 1, bounds: { x: 1920, y: 0, width: 1920, height: 1080 }, fullscreen: true };

  it('every window is sandboxed and context-isolated, without Node, webviews or insecure content', () => {
    for (const fullscreen of [true, false]) {
      const web = roomWindowOptions({ ...plan, fullscreen }, '/app/preload.cjs', 'Room').webPreferences;
      expect(web).toMatchObject({
        preload: '/app/preload.cjs',
        contextIsolation: true,
        sandbox: true,
        nodeIntegration: false,
        nodeIntegrationInWorker: false,
        nodeIntegrationInSubFrames: false,
        webSecurity: true,
        allowRunningInsecureContent: false,
        webviewTag: false,
        navigateOnDragDrop: false,
      });
    }
  });

  it('kiosk windows cover their display without a frame; desk windows have one and devtools', () => {
    const kiosk = roomWindowOptions(plan, 'p', 'Room');
    expect(kiosk).toMatchObject({ x: 1920, y: 0, width: 1920, height: 1080, kiosk: true, fullscreen: true, frame: false, closable: false });
    expect(kiosk.webPreferences?.devTools).toBe(false);
    const desk = roomWindowOptions({ ...plan, fullscreen: false }, 'p', 'Room');
    expect(desk).toMatchObject({ kiosk: false, frame: true, closable: true });
    expect(desk.webPreferences?.devTools).toBe(true);
  });
});

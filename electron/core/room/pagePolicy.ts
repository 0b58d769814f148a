// What a room page may load, for both hosts: the Content-Security-Policy and the other response
// headers the Electron app protocol and the browser host send with every page and asset.
// Everything is same-origin: no inline script or style, no eval, no frames, no plug-ins.
export interface PagePolicyOptions {
  /**
   * The browser host's bridge is fetch() to the page's own origin; under Electron the preload's IPC
   * is the only channel, so the page may connect nowhere.
   */
  connectToSelf: boolean;
}

export function contentSecurityPolicy(options: PagePolicyOptions): string {
  const directives: [string, string][] = [
    ['default-src', "'none'"],
    ['script-src', "'self'"],
    ['style-src', "'self'"],
    ['img-src', "'self' data: blob:"],
    ['font-src', "'self'"],
    // Self-view and, later, decoded far-end video are local streams and blobs.
    ['media-src', "'self' blob: mediastream:"],
    ['connect-src', options.connectToSelf ? "'self'" : "'none'"],
    ['worker-src', "'self'"],
    ['manifest-src', "'self'"],
    ['object-src', "'none'"],
    ['base-uri', "'none'"],
    ['form-action', "'none'"],
    ['frame-src', "'none'"],
    ['frame-ancestors', "'none'"],
  ];
  return directives.map(([name, value]) => `${name} ${value}`).join('; ');
}

/** Headers for every room page and asset (the CSP matters for the HTML; the rest for all). */
export function pageHeaders(options: PagePolicyOptions): Record<string, string> {
  return {
    'Content-Security-Policy': contentSecurityPolicy(options),
    'X-Content-Type-Options': 'nosniff',
    // The page URL carries the browser host's secret in its fragment; never leak the URL anywhere.
    'Referrer-Policy': 'no-referrer',
    'Cross-Origin-Opener-Policy': 'same-origin',
    'Cross-Origin-Resource-Policy': 'same-origin',
    'X-Frame-Options': 'DENY',
    'Permissions-Policy': 'camera=(self), microphone=(self), geolocation=(), usb=(), serial=(), hid=(), payment=()',
    'Cache-Control': 'no-store',
  };
}

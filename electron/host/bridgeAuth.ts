// Who may talk to the browser host's bridge: only a page of ours, in a browser on this machine,
// holding this launch's secret. Every request is checked for the Host header (a DNS-rebinding page
// arrives with its own host name), the Origin (another site's page, even on loopback, has another
// origin), Sec-Fetch-Site where the browser sends it, and, for the API, the secret.
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

export interface BridgeIdentity {
  /** "127.0.0.1:PORT": the only Host header accepted. */
  host: string;
  /** "http://127.0.0.1:PORT": the only Origin accepted. */
  origin: string;
  secret: string;
}

export interface RequestFacts {
  method: string | undefined;
  host: string | undefined;
  origin: string | undefined;
  authorization: string | undefined;
  contentType: string | undefined;
  secFetchSite: string | undefined;
}

export type AuthDecision = { ok: true } | { ok: false; status: 403 | 405 | 415; reason: string };

/** A per-launch secret: 32 random bytes, base64url (URL-fragment safe). */
export function newBridgeSecret(): string {
  return randomBytes(32).toString('base64url');
}

/** Page and asset loads (GET/HEAD): right Host, and not pulled in by another site. */
export function checkAssetRequest(facts: RequestFacts, id: BridgeIdentity): AuthDecision {
  if (facts.method !== 'GET' && facts.method !== 'HEAD') return { ok: false, status: 405, reason: 'method not allowed' };
  if (facts.host !== id.host) return { ok: false, status: 403, reason: 'wrong Host header' };
  if (facts.origin !== undefined && facts.origin !== id.origin) return { ok: false, status: 403, reason: 'foreign Origin' };
  // "none" is a navigation the user (or our launcher) started; "same-origin" is our page loading its assets.
  if (facts.secFetchSite !== undefined && facts.secFetchSite !== 'none' && facts.secFetchSite !== 'same-origin') {
    return { ok: false, status: 403, reason: `Sec-Fetch-Site ${facts.secFetchSite.slice(0, 16)}` };
  }
  return { ok: true };
}

/** API calls: POST, right Host, our Origin (browsers always send it on POST), JSON, and the secret. */
export function checkApiRequest(facts: RequestFacts, id: BridgeIdentity): AuthDecision {
  if (facts.method !== 'POST') return { ok: false, status: 405, reason: 'method not allowed' };
  if (facts.host !== id.host) return { ok: false, status: 403, reason: 'wrong Host header' };
  if (facts.origin !== id.origin) return { ok: false, status: 403, reason: facts.origin === undefined ? 'no Origin' : 'foreign Origin' };
  if (facts.secFetchSite !== undefined && facts.secFetchSite !== 'same-origin') {
    return { ok: false, status: 403, reason: `Sec-Fetch-Site ${facts.secFetchSite.slice(0, 16)}` };
  }
  const presented = bearer(facts.authorization);
  if (presented === undefined) return { ok: false, status: 403, reason: 'no secret' };
  if (!sameSecret(presented, id.secret)) return { ok: false, status: 403, reason: 'wrong secret' };
  // application/json cannot be sent cross-origin without a CORS preflight, which we never grant.
  if (!facts.contentType || facts.contentType.split(';')[0]?.trim().toLowerCase() !== 'application/json') {
    return { ok: false, status: 415, reason: 'not application/json' };
  }
  return { ok: true };
}

function bearer(header: string | undefined): string | undefined {
  const match = header === undefined ? null : /^Bearer ([A-Za-z0-9_-]{1,128})$/.exec(header);
  return match?.[1];
}

/** Constant-time comparison: hashing first makes the lengths equal. */
function sameSecret(a: string, b: string): boolean {
  const digest = (s: string) => createHash('sha256').update(s).digest();
  return timingSafeEqual(digest(a), digest(b));
}

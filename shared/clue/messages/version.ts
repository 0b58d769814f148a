// RFC 8847 §5.1-5.2 version negotiation. Minor versions are backward compatible, so a party that
// supports major.minor supports every major.k with k <= minor; the session uses the highest
// version both support.
import type { OptionsMessage } from './types';

/** RFC 8847 §5, §9 versionType (major.minor, major not 0 and without a leading 0). */
export const VERSION = /^[1-9]\d{0,3}\.\d{1,4}$/;
export const CLUE_VERSION = '1.0';

export interface Version {
  major: number;
  minor: number;
}

export function parseVersion(v: string): Version | undefined {
  if (!VERSION.test(v)) return undefined;
  const [major, minor] = v.split('.').map(Number);
  return major === undefined || minor === undefined ? undefined : { major, minor };
}

/** What an OPTIONS declares: its <supportedVersions>, or else only the "v" attribute's major. */
export const offeredVersions = (o: Pick<OptionsMessage, 'version' | 'supportedVersions'>): string[] => o.supportedVersions ?? [o.version];

/**
 * The highest version in common between what the initiator offered and what we support (both
 * lists hold the highest minor of each major), or undefined (401 Version not supported).
 */
export function negotiateVersion(offered: readonly string[], supported: readonly string[]): string | undefined {
  let best: Version | undefined;
  for (const o of offered.map(parseVersion)) {
    if (!o) continue;
    for (const s of supported.map(parseVersion)) {
      if (!s || s.major !== o.major) continue;
      const v = { major: o.major, minor: Math.min(o.minor, s.minor) };
      if (!best || v.major > best.major || (v.major === best.major && v.minor > best.minor)) best = v;
    }
  }
  return best && `${best.major}.${best.minor}`;
}

/** Whether a message of version `v` may be processed in a session that negotiated `session`. */
export function versionAccepted(v: string, session: string): boolean {
  const a = parseVersion(v);
  const b = parseVersion(session);
  return !!a && !!b && a.major === b.major && a.minor <= b.minor;
}

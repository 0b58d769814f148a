// The permission allowlist (Electron security checklist item 5): our own pages may use the camera
// and microphones (self-view now, the call's media later); nothing else is granted to anyone, and no
// other origin gets anything at all. Screen capture ("display-capture") is not camera access.
import { isAppUrl } from './appOrigin';

export interface PermissionAsk {
  permission: string;
  /** The URL (request) or origin (check) of the frame asking. */
  requestingUrl: string | undefined;
  /** For "media": the kinds asked for ("audio", "video"); absent in permission checks. */
  mediaTypes?: readonly string[];
  /** Whether the frame asking is the top frame of its window. */
  isMainFrame?: boolean;
}

const MEDIA_TYPES = new Set(['audio', 'video']);

export function decidePermission(ask: PermissionAsk): { granted: boolean; reason: string } {
  if (!isAppUrl(ask.requestingUrl)) return { granted: false, reason: 'not an app page' };
  if (ask.isMainFrame === false) return { granted: false, reason: 'sub-frame' };
  if (ask.permission !== 'media') return { granted: false, reason: `${ask.permission} is not on the allowlist` };
  const types = ask.mediaTypes ?? [];
  if (!types.every((t) => MEDIA_TYPES.has(t))) return { granted: false, reason: `media type ${types.join(',')} is not allowed` };
  return { granted: true, reason: 'camera/microphone for an app page' };
}

// Lookup tables over one advertisement, shared by the semantic checks, the provider's CONFIGURE
// check and the consumer's choice.
import type { CaptureEncoding, CaptureScene, ClueInfo, Encoding, EncodingGroup, MediaCapture, SceneView, SimultaneousSet } from '../model/types';

export interface AdvIndex {
  info: ClueInfo;
  captures: Map<string, MediaCapture>;
  scenes: Map<string, CaptureScene>;
  sceneViews: Map<string, SceneView & { sceneID: string }>;
  groups: Map<string, EncodingGroup>;
  /** encodingID → the group that lists it. */
  groupOfEncoding: Map<string, EncodingGroup>;
  encodings: Map<string, Encoding>;
}

export function indexAdvertisement(info: ClueInfo): AdvIndex {
  const idx: AdvIndex = { info, captures: new Map(), scenes: new Map(), sceneViews: new Map(), groups: new Map(), groupOfEncoding: new Map(), encodings: new Map() };
  for (const c of info.mediaCaptures) if (!idx.captures.has(c.captureID)) idx.captures.set(c.captureID, c);
  for (const s of info.captureScenes) {
    if (!idx.scenes.has(s.sceneID)) idx.scenes.set(s.sceneID, s);
    for (const v of s.sceneViews) if (!idx.sceneViews.has(v.sceneViewID)) idx.sceneViews.set(v.sceneViewID, { ...v, sceneID: s.sceneID });
  }
  for (const g of info.encodingGroups) {
    if (!idx.groups.has(g.encodingGroupID)) idx.groups.set(g.encodingGroupID, g);
    for (const e of g.encodingIDs) if (!idx.groupOfEncoding.has(e)) idx.groupOfEncoding.set(e, g);
  }
  for (const e of info.encodings) if (!idx.encodings.has(e.encodingID)) idx.encodings.set(e.encodingID, e);
  return idx;
}

/**
 * RFC 8845 §7.2: the captures an MCC may show: its listed captures plus the captures of its listed
 * scene views that have the MCC's media type, nested MCCs expanded; `seen` stops reference cycles.
 */
export function constituents(idx: AdvIndex, mcc: MediaCapture, seen = new Set<string>()): string[] {
  const out: string[] = [];
  const content = mcc.multiple?.content;
  if (!content || seen.has(mcc.captureID)) return out;
  seen.add(mcc.captureID);
  const add = (id: string): void => {
    const c = idx.captures.get(id);
    if (!c || c.mediaType !== mcc.mediaType || out.includes(id) || id === mcc.captureID) return;
    out.push(id);
    if (c.multiple) for (const inner of constituents(idx, c, seen)) if (!out.includes(inner)) out.push(inner);
  };
  for (const id of content.mediaCaptureIDs) add(id);
  for (const sv of content.sceneViewIDs) for (const id of idx.sceneViews.get(sv)?.mediaCaptureIDs ?? []) add(id);
  return out;
}

/** RFC 8846 §19: every capture a simultaneous set admits (listed, via scene views, via scenes). */
export function setMembers(idx: AdvIndex, set: SimultaneousSet): Set<string> {
  const out = new Set<string>(set.mediaCaptureIDs);
  for (const sv of set.sceneViewIDs) for (const id of idx.sceneViews.get(sv)?.mediaCaptureIDs ?? []) out.add(id);
  if (set.captureSceneIDs.length) for (const c of idx.info.mediaCaptures) if (set.captureSceneIDs.includes(c.captureSceneID)) out.add(c.captureID);
  return out;
}

/**
 * RFC 8845 §8: captures chosen together must be in one simultaneous set. Sets with a mediaType
 * constrain only that media type; with no set for a media type, its captures are unconstrained.
 * Returns the media types whose chosen captures fit no single set.
 */
export function simultaneousViolations(idx: AdvIndex, chosen: readonly string[]): string[] {
  const byType = new Map<string, string[]>();
  for (const id of chosen) {
    const c = idx.captures.get(id);
    if (c) byType.set(c.mediaType, [...(byType.get(c.mediaType) ?? []), id]);
  }
  const bad: string[] = [];
  for (const [type, ids] of byType) {
    const sets = idx.info.simultaneousSets.filter((s) => s.mediaType === undefined || s.mediaType === type);
    if (!sets.length) continue;
    if (!sets.some((s) => { const m = setMembers(idx, s); return ids.every((id) => m.has(id)); })) bad.push(type);
  }
  return bad;
}

export type { CaptureEncoding };

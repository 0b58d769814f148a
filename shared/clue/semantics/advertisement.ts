// Semantic checks of an ADVERTISEMENT on receipt (RFC 8846 §5-§23; RFC 8845 §7-§9): identifiers
// unique, every reference resolves, MCC constituents exist and fit, sets and views are coherent.
// Codes (RFC 8847 §5.7): 403 Invalid identifier for duplicate or dangling identifiers, 303
// Conflicting values for values that cannot go together.
import type { Problem } from '../errors';
import type { ClueInfo } from '../model/types';
import { constituents, indexAdvertisement, type AdvIndex } from './index';

export function checkAdvertisement(info: ClueInfo, idx: AdvIndex = indexAdvertisement(info)): Problem[] {
  const problems: Problem[] = [];
  const p = (code: 303 | 403, reason: string, path: string): void => void problems.push({ code, reason, path });

  // xs:ID values are unique across the document (XML Schema Part 2 §3.3.8).
  const ids = new Map<string, string>();
  const claim = (id: string, what: string): void => {
    const prev = ids.get(id);
    if (prev) p(403, `identifier "${id}" of ${what} is already used by ${prev}`, what);
    else ids.set(id, what);
  };
  info.mediaCaptures.forEach((c) => claim(c.captureID, `mediaCapture ${c.captureID}`));
  info.captureScenes.forEach((s) => {
    claim(s.sceneID, `captureScene ${s.sceneID}`);
    s.sceneViews.forEach((v) => claim(v.sceneViewID, `sceneView ${v.sceneViewID}`));
  });
  info.encodingGroups.forEach((g) => claim(g.encodingGroupID, `encodingGroup ${g.encodingGroupID}`));
  info.simultaneousSets.forEach((s) => claim(s.setID, `simultaneousSet ${s.setID}`));
  info.globalViews.forEach((g) => g.globalViewID !== undefined && claim(g.globalViewID, `globalView ${g.globalViewID}`));
  info.people.forEach((x) => claim(x.personID, `person ${x.personID}`));

  const encodingOwner = new Map<string, string>();
  for (const g of info.encodingGroups) {
    for (const e of g.encodingIDs) {
      const prev = encodingOwner.get(e);
      if (prev) p(303, `encoding ${e} is listed by ${prev} and ${g.encodingGroupID}`, `encodingGroup ${g.encodingGroupID}`);
      else encodingOwner.set(e, g.encodingGroupID);
    }
  }
  for (const e of info.encodings) {
    if (!encodingOwner.has(e.encodingID)) p(403, `encoding ${e.encodingID} belongs to no encoding group`, `encoding ${e.encodingID}`);
  }
  const people = new Set(info.people.map((x) => x.personID));

  for (const c of info.mediaCaptures) {
    const at = `mediaCapture ${c.captureID}`;
    if (!idx.scenes.has(c.captureSceneID)) p(403, `captureSceneIDREF ${c.captureSceneID} names no capture scene`, at);
    if (c.encGroupID !== undefined) {
      const g = idx.groups.get(c.encGroupID);
      if (!g) p(403, `encGroupIDREF ${c.encGroupID} names no encoding group`, at);
      else for (const e of g.encodingIDs) {
        const enc = idx.encodings.get(e);
        if (enc && enc.mediaType !== c.mediaType) p(303, `${c.mediaType} capture uses encoding group ${g.encodingGroupID} whose encoding ${e} is ${enc.mediaType}`, at);
      }
    }
    for (const person of c.capturedPeople) if (!people.has(person)) p(403, `personIDREF ${person} names no person`, at);
    if (c.relatedTo !== undefined && !idx.captures.has(c.relatedTo)) p(403, `relatedTo ${c.relatedTo} names no capture`, at);
    const m = c.multiple;
    if (!m?.content) continue;
    // RFC 8845 §7.2: an MCC's constituents are captures (or scene views) of the same media type.
    for (const id of m.content.mediaCaptureIDs) {
      const k = idx.captures.get(id);
      if (!k) p(403, `MCC constituent ${id} names no capture`, at);
      else if (id === c.captureID) p(303, 'an MCC cannot contain itself', at);
      else if (k.mediaType !== c.mediaType) p(303, `MCC constituent ${id} is ${k.mediaType}, the MCC is ${c.mediaType}`, at);
    }
    for (const sv of m.content.sceneViewIDs) if (!idx.sceneViews.has(sv)) p(403, `MCC constituent scene view ${sv} does not exist`, at);
    if (m.content.mediaCaptureIDs.length + m.content.sceneViewIDs.length === 0) p(303, 'MCC <content> lists no constituent', at);
    if (m.maxCaptures?.exactNumber && m.maxCaptures.value > constituents(idx, c).length) {
      p(303, `maxCaptures ${m.maxCaptures.value} (exact) exceeds the MCC's ${constituents(idx, c).length} constituents`, at);
    }
    if (inCycle(idx, c.captureID)) p(303, 'MCC constituents form a cycle', at);
  }
  for (const s of info.captureScenes) {
    for (const v of s.sceneViews) {
      for (const id of v.mediaCaptureIDs) {
        const c = idx.captures.get(id);
        if (!c) p(403, `scene view ${v.sceneViewID} lists unknown capture ${id}`, `sceneView ${v.sceneViewID}`);
        else if (c.captureSceneID !== s.sceneID) p(303, `scene view ${v.sceneViewID} of ${s.sceneID} lists ${id} from ${c.captureSceneID}`, `sceneView ${v.sceneViewID}`);
      }
    }
  }
  for (const set of info.simultaneousSets) {
    const at = `simultaneousSet ${set.setID}`;
    for (const id of set.mediaCaptureIDs) {
      const c = idx.captures.get(id);
      if (!c) p(403, `unknown capture ${id}`, at);
      else if (set.mediaType !== undefined && c.mediaType !== set.mediaType) p(303, `${id} is ${c.mediaType} in a ${set.mediaType} set`, at);
    }
    for (const sv of set.sceneViewIDs) if (!idx.sceneViews.has(sv)) p(403, `unknown scene view ${sv}`, at);
    for (const cs of set.captureSceneIDs) if (!idx.scenes.has(cs)) p(403, `unknown capture scene ${cs}`, at);
  }
  info.globalViews.forEach((g, i) => {
    for (const sv of g.sceneViewIDs) if (!idx.sceneViews.has(sv)) p(403, `unknown scene view ${sv}`, `globalView ${g.globalViewID ?? i + 1}`);
  });
  return problems;
}

/** Captures an MCC lists directly (its captures and its scene views' captures). */
function direct(idx: AdvIndex, id: string): string[] {
  const content = idx.captures.get(id)?.multiple?.content;
  if (!content) return [];
  return [...content.mediaCaptureIDs, ...content.sceneViewIDs.flatMap((sv) => idx.sceneViews.get(sv)?.mediaCaptureIDs ?? [])];
}

/** Whether MCC `start` reaches itself through other MCCs (A contains B contains A). */
function inCycle(idx: AdvIndex, start: string): boolean {
  const stack = direct(idx, start).filter((id) => id !== start);
  const seen = new Set<string>();
  for (let id = stack.pop(); id !== undefined; id = stack.pop()) {
    if (id === start) return true;
    if (seen.has(id)) continue;
    seen.add(id);
    stack.push(...direct(idx, id));
  }
  return false;
}

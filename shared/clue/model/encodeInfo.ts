// The data model to XML, in the element order of the RFC 8846 §4 schema. Inside CLUE messages the
// clue-info elements carry the prefix "dm:" (RFC 8847 §9 imports RFC 8846's schema); the wrapper
// elements of an ADVERTISEMENT are local to the protocol schema and so unprefixed.
import { formatDecimal } from '../xml/values';
import type { XmlWriter } from '../xml/writer';
import type { CaptureContent, CaptureEncoding, ClueInfo, Description, Encoding, MediaCapture, Point, VCardInfo } from './types';

/** Prefixes: `c` for the ADV's wrapper elements, `i` for clue-info elements ("" or "dm:"). */
export interface Prefixes {
  c: string;
  i: string;
}

function point(w: XmlWriter, p: Prefixes, name: string, pt: Point): void {
  w.start(p.i + name);
  w.leaf(`${p.i}x`, formatDecimal(pt.x)).leaf(`${p.i}y`, formatDecimal(pt.y)).leaf(`${p.i}z`, formatDecimal(pt.z));
  w.end();
}

function descriptions(w: XmlWriter, p: Prefixes, list: readonly Description[]): void {
  for (const d of list) w.leaf(`${p.i}description`, d.text, [['lang', d.lang]]);
}

export function writeContent(w: XmlWriter, p: Prefixes, name: string, c: CaptureContent): void {
  w.start(p.i + name);
  for (const id of c.mediaCaptureIDs) w.leaf(`${p.i}mediaCaptureIDREF`, id);
  for (const id of c.sceneViewIDs) w.leaf(`${p.i}sceneViewIDREF`, id);
  w.end();
}

function vcard(w: XmlWriter, p: Prefixes, name: string, v: VCardInfo): void {
  w.start(p.i + name);
  if (v.fn !== undefined) w.start('xcard:fn').leaf('xcard:text', v.fn).end();
  w.end();
}

function capture(w: XmlWriter, p: Prefixes, c: MediaCapture): void {
  w.start(`${p.i}mediaCapture`, [
    ['xsi:type', `${p.i}${c.kind}CaptureType`],
    ['captureID', c.captureID],
    ['mediaType', c.mediaType],
  ]);
  const i = p.i;
  w.leaf(`${i}captureSceneIDREF`, c.captureSceneID);
  if (c.spatial === null) w.leaf(`${i}nonSpatiallyDefinable`, 'true');
  else {
    w.start(`${i}spatialInformation`);
    const o = c.spatial.captureOrigin;
    if (o) {
      w.start(`${i}captureOrigin`);
      point(w, p, 'capturePoint', o.capturePoint);
      if (o.lineOfCapturePoint) point(w, p, 'lineOfCapturePoint', o.lineOfCapturePoint);
      w.end();
    }
    const a = c.spatial.captureArea;
    if (a) {
      w.start(`${i}captureArea`);
      point(w, p, 'bottomLeft', a.bottomLeft);
      point(w, p, 'bottomRight', a.bottomRight);
      point(w, p, 'topLeft', a.topLeft);
      point(w, p, 'topRight', a.topRight);
      w.end();
    }
    w.end();
  }
  const m = c.multiple;
  if (m === null) w.leaf(`${i}individual`, 'true');
  else {
    w.leaf(`${i}synchronizationID`, m.synchronizationID);
    if (m.content) writeContent(w, p, 'content', m.content);
    if (m.policy) w.leaf(`${i}policy`, `${m.policy.name}:${m.policy.index}`);
    if (m.maxCaptures) {
      const exact = m.maxCaptures.exactNumber;
      w.leaf(`${i}maxCaptures`, m.maxCaptures.value, [['exactNumber', exact === undefined ? undefined : String(exact)]]);
    }
    w.leaf(`${i}allowSubsetChoice`, m.allowSubsetChoice);
  }
  w.leaf(`${i}encGroupIDREF`, c.encGroupID);
  descriptions(w, p, c.descriptions);
  w.leaf(`${i}priority`, c.priority);
  for (const l of c.languages) w.leaf(`${i}lang`, l);
  w.leaf(`${i}mobility`, c.mobility);
  w.leaf(`${i}presentation`, c.presentation);
  if (c.embeddedText) w.leaf(`${i}embeddedText`, c.embeddedText.value, [['lang', c.embeddedText.lang]]);
  w.leaf(`${i}view`, c.view);
  if (c.capturedPeople.length) {
    w.start(`${i}capturedPeople`);
    for (const id of c.capturedPeople) w.leaf(`${i}personIDREF`, id);
    w.end();
  }
  w.leaf(`${i}relatedTo`, c.relatedTo);
  if (c.kind === 'audio') w.leaf(`${i}sensitivityPattern`, c.sensitivityPattern);
  w.end();
}

function encoding(w: XmlWriter, e: Encoding): void {
  w.start('enc:encoding', [['encodingID', e.encodingID], ['mediaType', e.mediaType]]);
  w.leaf('enc:maxBandwidth', e.maxBandwidth).leaf('enc:maxWidth', e.maxWidth).leaf('enc:maxHeight', e.maxHeight).leaf('enc:maxFrameRate', e.maxFrameRate);
  w.end();
}

/** Writes the <clueInfo> / ADVERTISEMENT body (RFC 8846 §4 clueInfoType order, §23). */
export function writeClueInfoBody(w: XmlWriter, p: Prefixes, info: ClueInfo): void {
  const i = p.i;
  w.start(`${p.c}mediaCaptures`);
  for (const c of info.mediaCaptures) capture(w, p, c);
  w.end();
  w.start(`${p.c}encodingGroups`);
  for (const g of info.encodingGroups) {
    w.start(`${i}encodingGroup`, [['encodingGroupID', g.encodingGroupID]]);
    w.leaf(`${i}maxGroupBandwidth`, g.maxGroupBandwidth);
    w.start(`${i}encodingIDList`);
    for (const id of g.encodingIDs) w.leaf(`${i}encodingID`, id);
    w.end();
    for (const e of info.encodings) if (g.encodingIDs.includes(e.encodingID)) encoding(w, e);
    w.end();
  }
  w.end();
  w.start(`${p.c}captureScenes`);
  for (const s of info.captureScenes) {
    w.start(`${i}captureScene`, [['sceneID', s.sceneID], ['scale', s.scale]]);
    descriptions(w, p, s.descriptions);
    if (s.sceneInformation) vcard(w, p, 'sceneInformation', s.sceneInformation);
    if (s.sceneViews.length) {
      w.start(`${i}sceneViews`);
      for (const v of s.sceneViews) {
        w.start(`${i}sceneView`, [['sceneViewID', v.sceneViewID]]);
        descriptions(w, p, v.descriptions);
        w.start(`${i}mediaCaptureIDs`);
        for (const id of v.mediaCaptureIDs) w.leaf(`${i}mediaCaptureIDREF`, id);
        w.end().end();
      }
      w.end();
    }
    w.end();
  }
  w.end();
  if (info.simultaneousSets.length) {
    w.start(`${p.c}simultaneousSets`);
    for (const s of info.simultaneousSets) {
      w.start(`${i}simultaneousSet`, [['setID', s.setID], ['mediaType', s.mediaType]]);
      for (const id of s.mediaCaptureIDs) w.leaf(`${i}mediaCaptureIDREF`, id);
      for (const id of s.sceneViewIDs) w.leaf(`${i}sceneViewIDREF`, id);
      for (const id of s.captureSceneIDs) w.leaf(`${i}captureSceneIDREF`, id);
      w.end();
    }
    w.end();
  }
  if (info.globalViews.length) {
    w.start(`${p.c}globalViews`);
    for (const g of info.globalViews) {
      w.start(`${i}globalView`, [['globalViewID', g.globalViewID]]);
      for (const id of g.sceneViewIDs) w.leaf(`${i}sceneViewIDREF`, id);
      w.end();
    }
    w.end();
  }
  if (info.people.length) {
    w.start(`${p.c}people`);
    for (const person of info.people) {
      w.start(`${i}person`, [['personID', person.personID]]);
      if (person.personInfo) vcard(w, p, 'personInfo', person.personInfo);
      for (const t of person.personTypes) w.leaf(`${i}personType`, t);
      w.end();
    }
    w.end();
  }
}

export function writeCaptureEncoding(w: XmlWriter, p: Prefixes, ce: CaptureEncoding): void {
  w.start(`${p.i}captureEncoding`, [['ID', ce.id]]);
  w.leaf(`${p.i}captureID`, ce.captureID).leaf(`${p.i}encodingID`, ce.encodingID);
  if (ce.configuredContent) writeContent(w, p, 'configuredContent', ce.configuredContent);
  w.end();
}

// RFC 8846 §5-§10, §16-§23: the data model's lists from XML (the body of <clueInfo> and of an
// ADVERTISEMENT, RFC 8847 §5.3) and <captureEncodings> (the body of a CONFIGURE, RFC 8847 §5.5).
import { ParseError } from '../errors';
import { NS_ENCODINGS, NS_INFO, NS_VCARD } from '../namespaces';
import { ChildReader, checkAttrs, requiredAttr, textOf } from '../xml/reader';
import { attr, type XmlElement } from '../xml/tree';
import { readId, readInteger, readString, readToken } from '../xml/values';
import { readContent, readDescriptions, readMediaCapture } from './decodeCapture';
import type { CaptureEncoding, CaptureScene, ClueInfo, Encoding, EncodingGroup, GlobalView, Person, SceneScale, SimultaneousSet, VCardInfo } from './types';

const NS = NS_INFO;
const SCALES: readonly string[] = ['mm', 'unknown', 'noscale'];
const MAX_BPS = Number.MAX_SAFE_INTEGER;

const ids = (r: ChildReader, name: string, min = 0): string[] => r.many(NS, name, min).map(([c, p]) => readId(textOf(c, p), p));

/** The formatted name of an xCard (RFC 6351 §3.3 <fn><text>); other properties are skipped (lax). */
function readVCard(el: XmlElement, path: string): VCardInfo {
  const out: VCardInfo = {};
  for (const prop of el.children) {
    if (prop.ns !== NS_VCARD || prop.name !== 'fn') continue;
    const text = prop.children.find((c) => c.ns === NS_VCARD && c.name === 'text');
    if (text) out.fn = readString(textOf(text, `${path}/fn/text`), `${path}/fn/text`, 256);
  }
  return out;
}

/** Telescene encodings extension: <enc:encoding encodingID mediaType> with limits as children. */
function readEncoding(el: XmlElement, path: string): Encoding {
  checkAttrs(el, path, ['encodingID', 'mediaType'], false);
  const encodingID = readId(requiredAttr(el, 'encodingID', path), `${path}/@encodingID`);
  const mediaType = requiredAttr(el, 'mediaType', path);
  if (mediaType !== 'audio' && mediaType !== 'video') throw new ParseError(302, 'encoding mediaType must be audio or video', path);
  const r = new ChildReader(el, path);
  const num = (name: string, min: number, max: number): number | undefined => {
    const got = r.optional(NS_ENCODINGS, name);
    return got ? readInteger(textOf(...got), got[1], min, max) : undefined;
  };
  const maxBandwidth = num('maxBandwidth', 1, MAX_BPS);
  if (maxBandwidth === undefined) throw new ParseError(301, 'missing <maxBandwidth>', path);
  const enc: Encoding = { encodingID, mediaType, maxBandwidth };
  const w = num('maxWidth', 1, 65535);
  const h = num('maxHeight', 1, 65535);
  const f = num('maxFrameRate', 1, 1000);
  if (w !== undefined) enc.maxWidth = w;
  if (h !== undefined) enc.maxHeight = h;
  if (f !== undefined) enc.maxFrameRate = f;
  r.done();
  return enc;
}

function readEncodingGroup(el: XmlElement, path: string, encodings: Encoding[]): EncodingGroup {
  checkAttrs(el, path, ['encodingGroupID'], true);
  const encodingGroupID = readId(requiredAttr(el, 'encodingGroupID', path), `${path}/@encodingGroupID`);
  const r = new ChildReader(el, path);
  const bw = r.required(NS, 'maxGroupBandwidth');
  const maxGroupBandwidth = readInteger(textOf(...bw), bw[1], 0, MAX_BPS, 'unsignedLong');
  const [list, lp] = r.required(NS, 'encodingIDList');
  const lr = new ChildReader(list, lp);
  const encodingIDs = lr.many(NS, 'encodingID', 1).map(([c, p]) => readId(textOf(c, p), p));
  lr.done();
  for (const ext of r.foreign()) if (ext.ns === NS_ENCODINGS && ext.name === 'encoding') encodings.push(readEncoding(ext, `${path}/encoding`));
  r.done();
  return { encodingGroupID, maxGroupBandwidth, encodingIDs };
}

function readCaptureScene(el: XmlElement, path: string): CaptureScene {
  checkAttrs(el, path, ['sceneID', 'scale'], true);
  const sceneID = readId(requiredAttr(el, 'sceneID', path), `${path}/@sceneID`);
  const scale = readToken(requiredAttr(el, 'scale', path), `${path}/@scale`);
  if (!SCALES.includes(scale)) throw new ParseError(302, 'scale must be mm, unknown or noscale', path);
  const r = new ChildReader(el, path);
  const scene: CaptureScene = { sceneID, scale: scale as SceneScale, descriptions: readDescriptions(r), sceneViews: [] };
  const info = r.optional(NS, 'sceneInformation');
  if (info) scene.sceneInformation = readVCard(...info);
  const views = r.optional(NS, 'sceneViews');
  if (views) {
    const vr = new ChildReader(...views);
    scene.sceneViews = vr.many(NS, 'sceneView', 1).map(([v, p]) => {
      checkAttrs(v, p, ['sceneViewID'], false);
      const sceneViewID = readId(requiredAttr(v, 'sceneViewID', p), `${p}/@sceneViewID`);
      const sr = new ChildReader(v, p);
      const descriptions = readDescriptions(sr);
      const [list, lp] = sr.required(NS, 'mediaCaptureIDs');
      const lr = new ChildReader(list, lp);
      const mediaCaptureIDs = ids(lr, 'mediaCaptureIDREF', 1);
      lr.done();
      sr.done();
      return { sceneViewID, descriptions, mediaCaptureIDs };
    });
    vr.done();
  }
  r.foreign();
  r.done();
  return scene;
}

function readSimultaneousSet(el: XmlElement, path: string): SimultaneousSet {
  checkAttrs(el, path, ['setID', 'mediaType'], true);
  const set: SimultaneousSet = {
    setID: readId(requiredAttr(el, 'setID', path), `${path}/@setID`),
    mediaCaptureIDs: [],
    sceneViewIDs: [],
    captureSceneIDs: [],
  };
  const mt = attr(el, 'mediaType');
  if (mt !== undefined) set.mediaType = readToken(mt, `${path}/@mediaType`, 64);
  const r = new ChildReader(el, path);
  set.mediaCaptureIDs = ids(r, 'mediaCaptureIDREF');
  set.sceneViewIDs = ids(r, 'sceneViewIDREF');
  set.captureSceneIDs = ids(r, 'captureSceneIDREF');
  r.foreign();
  r.done();
  return set;
}

function readPerson(el: XmlElement, path: string): Person {
  checkAttrs(el, path, ['personID'], true);
  const person: Person = { personID: readId(requiredAttr(el, 'personID', path), `${path}/@personID`), personTypes: [] };
  const r = new ChildReader(el, path);
  const info = r.optional(NS, 'personInfo');
  if (info) person.personInfo = readVCard(...info);
  person.personTypes = r.many(NS, 'personType', 0, 16).map(([c, p]) => readToken(textOf(c, p), p));
  r.foreign();
  r.done();
  return person;
}

/** A wrapper element (<mediaCaptures>, <people>...) holding one or more `item` elements. */
function list<T>(r: ChildReader, containerNs: string, container: string, item: string, read: (el: XmlElement, path: string) => T, required: boolean): T[] {
  const got = required ? r.required(containerNs, container) : r.optional(containerNs, container);
  if (!got) return [];
  checkAttrs(got[0], got[1], [], false);
  const lr = new ChildReader(...got);
  const items = lr.many(NS, item, 1).map(([el, p]) => read(el, p));
  lr.done();
  return items;
}

/**
 * The <clueInfo> / ADVERTISEMENT body in schema order. `containerNs` is clue-info inside <clueInfo>
 * (global elements) and clue-protocol inside <advertisement> (local elements of RFC 8847's schema).
 */
export function readClueInfoBody(r: ChildReader, containerNs: string): ClueInfo {
  const encodings: Encoding[] = [];
  const info: ClueInfo = {
    mediaCaptures: list(r, containerNs, 'mediaCaptures', 'mediaCapture', readMediaCapture, true),
    encodingGroups: list(r, containerNs, 'encodingGroups', 'encodingGroup', (el, p) => readEncodingGroup(el, p, encodings), true),
    captureScenes: list(r, containerNs, 'captureScenes', 'captureScene', readCaptureScene, true),
    simultaneousSets: list(r, containerNs, 'simultaneousSets', 'simultaneousSet', readSimultaneousSet, false),
    globalViews: list(r, containerNs, 'globalViews', 'globalView', readGlobalView, false),
    people: list(r, containerNs, 'people', 'person', readPerson, false),
    encodings,
  };
  r.foreign();
  return info;
}

function readGlobalView(el: XmlElement, path: string): GlobalView {
  checkAttrs(el, path, ['globalViewID'], true);
  const r = new ChildReader(el, path);
  const view: GlobalView = { sceneViewIDs: ids(r, 'sceneViewIDREF', 1) };
  const id = attr(el, 'globalViewID');
  if (id !== undefined) view.globalViewID = readId(id, `${path}/@globalViewID`);
  r.foreign();
  r.done();
  return view;
}

/** RFC 8846 §22 <captureEncoding>. */
export function readCaptureEncoding(el: XmlElement, path: string): CaptureEncoding {
  checkAttrs(el, path, ['ID'], true);
  const id = readId(requiredAttr(el, 'ID', path), `${path}/@ID`);
  const r = new ChildReader(el, path);
  const c = r.required(NS, 'captureID');
  const e = r.required(NS, 'encodingID');
  const ce: CaptureEncoding = { id, captureID: readId(textOf(...c), c[1]), encodingID: readId(textOf(...e), e[1]) };
  const cc = r.optional(NS, 'configuredContent');
  if (cc) ce.configuredContent = readContent(...cc);
  r.foreign();
  r.done();
  return ce;
}

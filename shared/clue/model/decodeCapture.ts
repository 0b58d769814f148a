// RFC 8846 §11 <mediaCapture> (§11.5 spatial information, §11.7-11.11 MCC fields; §12-15 subtypes) from XML.
import { ParseError } from '../errors';
import { NS_INFO, NS_XSI } from '../namespaces';
import { ChildReader, checkAttrs, requiredAttr, textOf } from '../xml/reader';
import { attr, type XmlElement } from '../xml/tree';
import { readBoolean, readDecimal, readId, readInteger, readLanguage, readString, readToken } from '../xml/values';
import type { CaptureArea, CaptureContent, CaptureKind, Description, MediaCapture, Mobility, MultipleContent, Point, SpatialInformation } from './types';

const NS = NS_INFO;
const KINDS: Record<string, CaptureKind> = {
  audioCaptureType: 'audio',
  videoCaptureType: 'video',
  textCaptureType: 'text',
  otherCaptureType: 'other',
};
const MOBILITY: readonly string[] = ['static', 'dynamic', 'highly-dynamic'];
const POLICY = /^([A-Za-z0-9]+):(\d+)$/;

export function readPoint([el, path]: [XmlElement, string]): Point {
  checkAttrs(el, path, [], false);
  const r = new ChildReader(el, path);
  const coord = (n: 'x' | 'y' | 'z'): number => {
    const [c, p] = r.required(NS, n);
    return readDecimal(textOf(c, p), p);
  };
  const point = { x: coord('x'), y: coord('y'), z: coord('z') };
  r.done();
  return point;
}

function readSpatial(el: XmlElement, path: string): SpatialInformation {
  checkAttrs(el, path, [], true);
  const r = new ChildReader(el, path);
  const out: SpatialInformation = {};
  const origin = r.optional(NS, 'captureOrigin');
  if (origin) {
    checkAttrs(origin[0], origin[1], [], true);
    const o = new ChildReader(origin[0], origin[1]);
    const capturePoint = readPoint(o.required(NS, 'capturePoint'));
    const line = o.optional(NS, 'lineOfCapturePoint');
    o.done();
    out.captureOrigin = line ? { capturePoint, lineOfCapturePoint: readPoint(line) } : { capturePoint };
  }
  const area = r.optional(NS, 'captureArea');
  if (area) {
    checkAttrs(area[0], area[1], [], false);
    const a = new ChildReader(area[0], area[1]);
    const corners: CaptureArea = {
      bottomLeft: readPoint(a.required(NS, 'bottomLeft')),
      bottomRight: readPoint(a.required(NS, 'bottomRight')),
      topLeft: readPoint(a.required(NS, 'topLeft')),
      topRight: readPoint(a.required(NS, 'topRight')),
    };
    a.done();
    out.captureArea = corners;
  }
  r.foreign();
  r.done();
  return out;
}

/** RFC 8846 §11.13: <description lang="..">text</description>. */
export function readDescriptions(r: ChildReader): Description[] {
  return r.many(NS, 'description', 0, 64).map(([el, path]) => {
    checkAttrs(el, path, ['lang'], false);
    const lang = attr(el, 'lang');
    const text = readString(textOf(el, path), path);
    return lang === undefined ? { text } : { text, lang: readLanguage(lang, `${path}/@lang`) };
  });
}

/** RFC 8846 §11.7 contentType (also <configuredContent>, §22.3). */
export function readContent(el: XmlElement, path: string): CaptureContent {
  checkAttrs(el, path, [], true);
  const r = new ChildReader(el, path);
  const mediaCaptureIDs = r.many(NS, 'mediaCaptureIDREF').map(([c, p]) => readId(textOf(c, p), p));
  const sceneViewIDs = r.many(NS, 'sceneViewIDREF').map(([c, p]) => readId(textOf(c, p), p));
  r.foreign();
  r.done();
  return { mediaCaptureIDs, sceneViewIDs };
}

function readMultiple(r: ChildReader): MultipleContent {
  const m: MultipleContent = {};
  const sync = r.optional(NS, 'synchronizationID');
  if (sync) m.synchronizationID = readId(textOf(...sync), sync[1]);
  const content = r.optional(NS, 'content');
  if (content) m.content = readContent(...content);
  const policy = r.optional(NS, 'policy');
  if (policy) {
    const match = POLICY.exec(readToken(textOf(...policy), policy[1]));
    if (!match) throw new ParseError(302, 'policy must be Name:index (e.g. SoundLevel:0)', policy[1]);
    m.policy = { name: match[1] ?? '', index: readInteger(match[2] ?? '', policy[1], 0, 2 ** 31) };
  }
  const max = r.optional(NS, 'maxCaptures');
  if (max) {
    checkAttrs(max[0], max[1], ['exactNumber'], false);
    const value = readInteger(textOf(...max), max[1], 1, 65535, 'positive short');
    const exact = attr(max[0], 'exactNumber');
    m.maxCaptures = exact === undefined ? { value } : { value, exactNumber: readBoolean(exact, `${max[1]}/@exactNumber`) };
  }
  const subset = r.optional(NS, 'allowSubsetChoice');
  if (subset) m.allowSubsetChoice = readBoolean(textOf(...subset), subset[1]);
  return m;
}

function mustBeTrue(el: XmlElement, path: string): void {
  if (!readBoolean(textOf(el, path), path)) throw new ParseError(302, `<${el.name}> is fixed to true`, path);
}

function kindOf(el: XmlElement, path: string): CaptureKind {
  const type = attr(el, 'type', NS_XSI);
  if (type === undefined) throw new ParseError(301, 'mediaCapture needs xsi:type (audio/video/text/otherCaptureType)', path);
  const t = type.trim();
  const colon = t.indexOf(':');
  const ns = el.scope.resolve(colon === -1 ? '' : t.slice(0, colon));
  const kind = KINDS[colon === -1 ? t : t.slice(colon + 1)];
  if (ns !== NS || !kind) throw new ParseError(301, `unknown capture type "${t.slice(0, 64)}"`, path);
  return kind;
}

/** One <mediaCapture>: RFC 8846 §11 mediaCaptureType and its four subtypes (§12-15). */
export function readMediaCapture(el: XmlElement, path: string): MediaCapture {
  checkAttrs(el, path, ['captureID', 'mediaType'], true);
  const kind = kindOf(el, path);
  const captureID = readId(requiredAttr(el, 'captureID', path), `${path}/@captureID`);
  const mediaType = readToken(requiredAttr(el, 'mediaType', path), `${path}/@mediaType`, 64);
  if (kind === 'other' ? !mediaType : mediaType !== kind) {
    throw new ParseError(303, `mediaType "${mediaType}" conflicts with ${kind}CaptureType`, path);
  }
  const r = new ChildReader(el, path);
  const scene = r.required(NS, 'captureSceneIDREF');
  const captureSceneID = readId(textOf(...scene), scene[1]);
  let spatial: SpatialInformation | null;
  const si = r.optional(NS, 'spatialInformation');
  if (si) spatial = readSpatial(...si);
  else {
    const [nsd, p] = r.required(NS, 'nonSpatiallyDefinable');
    mustBeTrue(nsd, p);
    spatial = null;
  }
  const individual = r.optional(NS, 'individual');
  if (individual) mustBeTrue(...individual);
  const capture: MediaCapture = {
    captureID,
    kind,
    mediaType,
    captureSceneID,
    spatial,
    multiple: individual ? null : readMultiple(r),
    descriptions: [],
    languages: [],
    capturedPeople: [],
  };
  const eg = r.optional(NS, 'encGroupIDREF');
  if (eg) capture.encGroupID = readId(textOf(...eg), eg[1]);
  capture.descriptions = readDescriptions(r);
  const prio = r.optional(NS, 'priority');
  if (prio) capture.priority = readInteger(textOf(...prio), prio[1], 0, 4294967295, 'unsignedInt');
  capture.languages = r.many(NS, 'lang', 0, 32).map(([c, p]) => readLanguage(textOf(c, p), p));
  const mob = r.optional(NS, 'mobility');
  if (mob) {
    const v = readToken(textOf(...mob), mob[1]);
    if (!MOBILITY.includes(v)) throw new ParseError(302, `mobility must be static, dynamic or highly-dynamic`, mob[1]);
    capture.mobility = v as Mobility;
  }
  const pres = r.optional(NS, 'presentation');
  if (pres) capture.presentation = readToken(textOf(...pres), pres[1]);
  const et = r.optional(NS, 'embeddedText');
  if (et) {
    checkAttrs(et[0], et[1], ['lang'], false);
    const lang = attr(et[0], 'lang');
    const value = readBoolean(textOf(...et), et[1]);
    capture.embeddedText = lang === undefined ? { value } : { value, lang: readLanguage(lang, `${et[1]}/@lang`) };
  }
  const view = r.optional(NS, 'view');
  if (view) capture.view = readToken(textOf(...view), view[1]);
  const people = r.optional(NS, 'capturedPeople');
  if (people) {
    checkAttrs(people[0], people[1], [], false);
    const pr = new ChildReader(...people);
    capture.capturedPeople = pr.many(NS, 'personIDREF', 1).map(([c, p]) => readId(textOf(c, p), p));
    pr.done();
  }
  const rel = r.optional(NS, 'relatedTo');
  if (rel) capture.relatedTo = readId(textOf(...rel), rel[1]);
  r.foreign();
  if (kind === 'audio') {
    const sp = r.optional(NS, 'sensitivityPattern');
    if (sp) capture.sensitivityPattern = readToken(textOf(...sp), sp[1]);
    r.foreign();
  }
  r.done();
  return capture;
}

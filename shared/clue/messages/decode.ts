// CLUE message XML → ClueMessage (RFC 8847 §5, schema §9). Strict: the root must be one of the six
// messages in urn:ietf:params:xml:ns:clue-protocol, children in schema order, values of the right
// form. Throws only ParseError, whose code is the response the RFC asks for (301, 302, 303, 401).
import { isSuccess, ParseError, responseClass } from '../errors';
import { readCaptureEncoding, readClueInfoBody } from '../model/decodeInfo';
import type { ClueInfo } from '../model/types';
import { NS_INFO, NS_PROTOCOL } from '../namespaces';
import { ChildReader, checkAttrs, requiredAttr, textOf } from '../xml/reader';
import { parseXml, type XmlElement } from '../xml/tree';
import { readBoolean, readInteger, readString } from '../xml/values';
import type { XmlLimits } from '../xml/guard';
import { VERSION } from './version';
import type { ClueMessage, Extension, MessageBase, MessageType, ResponseBase } from './types';

const NS = NS_PROTOCOL;
const MAX_SEQ = Number.MAX_SAFE_INTEGER;
const ROOTS: Record<string, MessageType> = {
  options: 'options',
  optionsResponse: 'optionsResponse',
  advertisement: 'advertisement',
  ack: 'ack',
  configure: 'configure',
  configureResponse: 'configureResponse',
};

const seq = (r: ChildReader, name: string): number => {
  const [el, p] = r.required(NS, name);
  return readInteger(textOf(el, p), p, 1, MAX_SEQ, 'positive integer');
};

function readVersion(raw: string, path: string): string {
  const v = raw.trim();
  if (!VERSION.test(v)) throw new ParseError(302, `"${v.slice(0, 20)}" is not a version (major.minor)`, path);
  return v;
}

function readBase(root: XmlElement, r: ChildReader, path: string): MessageBase {
  const protocol = requiredAttr(root, 'protocol', path);
  if (protocol !== 'CLUE') throw new ParseError(302, 'the protocol attribute must be "CLUE"', `${path}/@protocol`);
  const version = readVersion(requiredAttr(root, 'v', path), `${path}/@v`);
  const base: MessageBase = { version, sequenceNr: 0 };
  const id = r.optional(NS, 'clueId');
  if (id) base.clueId = readString(textOf(...id), id[1], 256);
  base.sequenceNr = seq(r, 'sequenceNr');
  return base;
}

/** RFC 8847 §9 responseCodeType: three digits, the first not 0. */
const CODE = /^[1-9]\d\d$/;

/** A response code: any 2xx, 3xx or 4xx (RFC 8847 §5.7 classes); 1xx and 5xx-9xx are 302 in major version 1. */
function readCode(raw: string, path: string, what: string): number {
  const t = raw.trim();
  if (!CODE.test(t)) throw new ParseError(302, `${what} "${t.slice(0, 20)}" is not a three-digit code`, path);
  const n = Number(t);
  if (responseClass(n) === undefined) throw new ParseError(302, `${what} ${n} is not allowed in CLUE major version 1 (RFC 8847 §5.7)`, path);
  return n;
}

function readResponse(base: MessageBase, r: ChildReader): ResponseBase {
  const [code, cp] = r.required(NS, 'responseCode');
  const res: ResponseBase = { ...base, responseCode: readCode(textOf(code, cp), cp, 'response code') };
  // RFC 8847 §5 Figure 2: <reasonString> is optional.
  const reason = r.optional(NS, 'reasonString');
  if (reason) res.reasonString = readString(textOf(...reason), reason[1], 512);
  return res;
}

function readExtensions(el: XmlElement, path: string): Extension[] {
  checkAttrs(el, path, [], true);
  const r = new ChildReader(el, path);
  const list = r.many(NS, 'extension', 1, 64).map(([x, p]) => {
    checkAttrs(x, p, [], true);
    const xr = new ChildReader(x, p);
    const text = (name: string): string => {
      const [c, cp] = xr.required(NS, name);
      return readString(textOf(c, cp).trim(), cp, 512);
    };
    const ext = { name: text('name'), schemaRef: text('schemaRef'), version: '' };
    const [v, vp] = xr.required(NS, 'version');
    ext.version = readVersion(textOf(v, vp), vp);
    xr.foreign();
    xr.done();
    return ext;
  });
  r.foreign();
  r.done();
  return list;
}

function optionalBoolean(r: ChildReader, name: string, required: true): boolean;
function optionalBoolean(r: ChildReader, name: string, required: false): boolean | undefined;
function optionalBoolean(r: ChildReader, name: string, required: boolean): boolean | undefined {
  const got = required ? r.required(NS, name) : r.optional(NS, name);
  return got ? readBoolean(textOf(...got), got[1]) : undefined;
}

function readBody(type: MessageType, root: XmlElement, path: string): ClueMessage {
  checkAttrs(root, path, ['protocol', 'v'], true);
  const r = new ChildReader(root, path);
  const base = readBase(root, r, path);
  let msg: ClueMessage;
  switch (type) {
    case 'options': {
      msg = { ...base, type, mediaProvider: optionalBoolean(r, 'mediaProvider', true), mediaConsumer: optionalBoolean(r, 'mediaConsumer', true) };
      const sv = r.optional(NS, 'supportedVersions');
      if (sv) {
        checkAttrs(sv[0], sv[1], [], true);
        const vr = new ChildReader(...sv);
        msg.supportedVersions = vr.many(NS, 'version', 1, 64).map(([v, p]) => readVersion(textOf(v, p), p));
        vr.foreign();
        vr.done();
      }
      const se = r.optional(NS, 'supportedExtensions');
      if (se) msg.supportedExtensions = readExtensions(...se);
      break;
    }
    case 'optionsResponse': {
      msg = { ...readResponse(base, r), type };
      const mp = optionalBoolean(r, 'mediaProvider', false);
      const mc = optionalBoolean(r, 'mediaConsumer', false);
      if (mp !== undefined) msg.mediaProvider = mp;
      if (mc !== undefined) msg.mediaConsumer = mc;
      const v = r.optional(NS, 'version');
      if (v) msg.selectedVersion = readVersion(textOf(...v), v[1]);
      const ce = r.optional(NS, 'commonExtensions');
      if (ce) msg.commonExtensions = readExtensions(...ce);
      break;
    }
    case 'advertisement':
      msg = { ...base, type, info: readClueInfoBody(r, NS) };
      break;
    case 'ack':
      msg = { ...readResponse(base, r), type, advSequenceNr: seq(r, 'advSequenceNr') };
      break;
    case 'configure': {
      msg = { ...base, type, advSequenceNr: seq(r, 'advSequenceNr'), captureEncodings: [] };
      // RFC 8847 §5.5, §9 successResponseCodeType: the piggybacked <ack> is a 2xx code.
      const ack = r.optional(NS, 'ack');
      if (ack) {
        const n = readCode(textOf(...ack), ack[1], 'the <ack> of a CONFIGURE');
        if (!isSuccess(n)) throw new ParseError(302, `the <ack> of a CONFIGURE must be a success (2xx) code, not ${n}`, ack[1]);
        msg.ack = n;
      }
      const ce = r.optional(NS, 'captureEncodings');
      if (ce) {
        checkAttrs(ce[0], ce[1], [], false);
        const cr = new ChildReader(...ce);
        msg.captureEncodings = cr.many(NS_INFO, 'captureEncoding', 1, 256).map(([el, p]) => readCaptureEncoding(el, p));
        cr.done();
      }
      break;
    }
    case 'configureResponse':
      msg = { ...readResponse(base, r), type, confSequenceNr: seq(r, 'confSequenceNr') };
      break;
  }
  r.foreign();
  r.done();
  return msg;
}

/** Decodes one CLUE message. Throws ParseError (301 syntax, 302 value, 303 conflict) and nothing else. */
export function decodeMessage(xml: string, limits?: Readonly<XmlLimits>): ClueMessage {
  try {
    const root = parseXml(xml, limits);
    const type = root.ns === NS ? ROOTS[root.name] : undefined;
    if (!type) {
      throw new ParseError(301, root.ns === NS ? `<${root.name}> is not a CLUE message` : `root element <${root.name}> is not in the CLUE protocol namespace (${NS})${root.ns ? `, found ${root.ns}` : ''}`);
    }
    return readBody(type, root, root.name);
  } catch (err) {
    if (err instanceof ParseError) throw err;
    // A parser defect or resource exhaustion (e.g. RangeError) must still surface as ParseError.
    throw new ParseError(301, `unreadable message: ${err instanceof Error ? err.message.slice(0, 120) : 'unknown error'}`);
  }
}

/** Decodes an RFC 8846 <clueInfo> document (the data model on its own, e.g. a saved room description). */
export function decodeClueInfo(xml: string, limits?: Readonly<XmlLimits>): { clueInfoID: string; info: ClueInfo } {
  try {
    const root = parseXml(xml, limits);
    if (root.ns !== NS_INFO || root.name !== 'clueInfo') throw new ParseError(301, `expected <clueInfo> in ${NS_INFO}`);
    checkAttrs(root, 'clueInfo', ['clueInfoID'], true);
    const clueInfoID = requiredAttr(root, 'clueInfoID', 'clueInfo').trim();
    const r = new ChildReader(root, 'clueInfo');
    const info = readClueInfoBody(r, NS_INFO);
    r.done();
    return { clueInfoID, info };
  } catch (err) {
    if (err instanceof ParseError) throw err;
    throw new ParseError(301, `unreadable document: ${err instanceof Error ? err.message.slice(0, 120) : 'unknown error'}`);
  }
}

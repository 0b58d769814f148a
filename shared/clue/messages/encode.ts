// ClueMessage → XML (RFC 8847 §5, element order of the §9 schema). The protocol namespace is the
// default one; clue-info elements use "dm:", xCard "xcard:", the encodings extension "enc:".
import { RESPONSE_CODES } from '../errors';
import { writeCaptureEncoding, writeClueInfoBody, type Prefixes } from '../model/encodeInfo';
import type { ClueInfo } from '../model/types';
import { NS_ENCODINGS, NS_INFO, NS_PROTOCOL, NS_VCARD, NS_XSI } from '../namespaces';
import { XmlWriter, type Attrs } from '../xml/writer';
import type { ClueMessage, Extension } from './types';

const MSG: Prefixes = { c: '', i: 'dm:' };

function extensions(w: XmlWriter, name: string, list: readonly Extension[]): void {
  w.start(name);
  for (const e of list) w.start('extension').leaf('name', e.name).leaf('schemaRef', e.schemaRef).leaf('version', e.version).end();
  w.end();
}

function rootAttrs(m: ClueMessage): Attrs {
  const attrs: [string, string][] = [['xmlns', NS_PROTOCOL]];
  if (m.type === 'advertisement' || m.type === 'configure') {
    attrs.push(['xmlns:dm', NS_INFO]);
    if (m.type === 'advertisement') {
      attrs.push(['xmlns:xsi', NS_XSI]);
      if (m.info.people.some((p) => p.personInfo) || m.info.captureScenes.some((s) => s.sceneInformation)) attrs.push(['xmlns:xcard', NS_VCARD]);
      if (m.info.encodings.length) attrs.push(['xmlns:enc', NS_ENCODINGS]);
    }
  }
  attrs.push(['protocol', 'CLUE'], ['v', m.version]);
  return attrs;
}

/** The message as XML text, ready for the CLUE data channel. */
export function encodeMessage(m: ClueMessage): string {
  const w = new XmlWriter();
  w.start(m.type, rootAttrs(m));
  w.leaf('clueId', m.clueId).leaf('sequenceNr', m.sequenceNr);
  if (m.type === 'optionsResponse' || m.type === 'ack' || m.type === 'configureResponse') {
    w.leaf('responseCode', m.responseCode).leaf('reasonString', m.reasonString);
  }
  switch (m.type) {
    case 'options':
      w.leaf('mediaProvider', m.mediaProvider).leaf('mediaConsumer', m.mediaConsumer);
      if (m.supportedVersions) {
        w.start('supportedVersions');
        for (const v of m.supportedVersions) w.leaf('version', v);
        w.end();
      }
      if (m.supportedExtensions) extensions(w, 'supportedExtensions', m.supportedExtensions);
      break;
    case 'optionsResponse':
      w.leaf('mediaProvider', m.mediaProvider).leaf('mediaConsumer', m.mediaConsumer).leaf('version', m.selectedVersion);
      if (m.commonExtensions) extensions(w, 'commonExtensions', m.commonExtensions);
      break;
    case 'advertisement':
      writeClueInfoBody(w, MSG, m.info);
      break;
    case 'ack':
      w.leaf('advSequenceNr', m.advSequenceNr);
      break;
    case 'configure':
      w.leaf('advSequenceNr', m.advSequenceNr).leaf('ack', m.ack);
      if (m.captureEncodings.length) {
        w.start('captureEncodings');
        for (const ce of m.captureEncodings) writeCaptureEncoding(w, MSG, ce);
        w.end();
      }
      break;
    case 'configureResponse':
      w.leaf('confSequenceNr', m.confSequenceNr);
      break;
  }
  return w.end().toString();
}

/** An RFC 8846 <clueInfo> document (clue-info as the default namespace). */
export function encodeClueInfo(clueInfoID: string, info: ClueInfo): string {
  const w = new XmlWriter();
  const attrs: [string, string][] = [['xmlns', NS_INFO], ['xmlns:xsi', NS_XSI], ['xmlns:xcard', NS_VCARD]];
  if (info.encodings.length) attrs.push(['xmlns:enc', NS_ENCODINGS]);
  w.start('clueInfo', [...attrs, ['clueInfoID', clueInfoID]]);
  writeClueInfoBody(w, { c: '', i: '' }, info);
  return w.end().toString();
}

/** The default reason string of a response code (RFC 8847 §5.7). */
export const reasonFor = (code: keyof typeof RESPONSE_CODES): string => RESPONSE_CODES[code];

// When a message cannot be decoded, the participant still answers a request with the right
// response type and code (RFC 8847 §5.7: 301 Bad syntax...) if it can tell which request it was and
// which sequence number it carried. This looks at the first bytes only, with bounded patterns.
import type { MessageType } from './types';

export interface Sniffed {
  type: MessageType;
  sequenceNr?: number;
}

const ROOT = /<(?:[A-Za-z_][\w.-]{0,30}:)?(options|optionsResponse|advertisement|ack|configureResponse|configure)[\s>/]/;
const SEQ = /<(?:[A-Za-z_][\w.-]{0,30}:)?sequenceNr>\s*(\d{1,15})\s*</;

export function sniffMessage(xml: string): Sniffed | undefined {
  const head = xml.slice(0, 4096).replace(/<!--[\s\S]*?-->/g, '').replace(/<!DOCTYPE[\s\S]*?\]\s*>/, '');
  const root = ROOT.exec(head)?.[1] as MessageType | undefined;
  if (!root) return undefined;
  const seq = SEQ.exec(head)?.[1];
  const n = seq === undefined ? undefined : Number(seq);
  return n !== undefined && Number.isSafeInteger(n) && n > 0 ? { type: root, sequenceNr: n } : { type: root };
}

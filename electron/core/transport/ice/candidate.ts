// ICE candidates (RFC 8445 §5.1) and their SDP form (RFC 8839 §5.1): priority computation, and the
// `candidate:` attribute parsed with lengths and fields checked (ParseError on anything else).
import { isIP } from 'node:net';
import { ParseError } from '../errors';

export type CandidateType = 'host' | 'srflx' | 'prflx' | 'relay';

export interface IceCandidate {
  foundation: string;
  component: number;
  transport: 'udp';
  priority: number;
  address: string;
  port: number;
  type: CandidateType;
  relatedAddress?: string;
  relatedPort?: number;
}

/** RFC 8445 §5.1.2.2 recommended type preferences. */
const TYPE_PREFERENCE: Record<CandidateType, number> = { host: 126, prflx: 110, srflx: 100, relay: 0 };

/** RFC 8445 §5.1.2.1: priority = 2^24 * type pref + 2^8 * local pref + (256 - component). */
export function candidatePriority(type: CandidateType, localPreference = 65535, component = 1): number {
  return TYPE_PREFERENCE[type] * 2 ** 24 + localPreference * 2 ** 8 + (256 - component);
}

/** RFC 8445 §6.1.2.3: pair priority from the controlling (G) and controlled (D) candidate priorities. */
export function pairPriority(g: number, d: number): bigint {
  const min = BigInt(Math.min(g, d));
  const max = BigInt(Math.max(g, d));
  return (1n << 32n) * min + 2n * max + (g > d ? 1n : 0n);
}

const CODEC = 'ice-candidate';

/** Parses `candidate:...` (with or without the `a=` / `candidate:` prefix). Only UDP is accepted. */
export function parseCandidate(text: string): IceCandidate {
  const body = text.replace(/^a=/, '').replace(/^candidate:/, '').trim();
  const f = body.split(/\s+/);
  if (f.length < 8) throw new ParseError(CODEC, `too few fields in "${text.slice(0, 80)}"`);
  const [foundation = '', componentText = '', transport = '', priorityText = '', address = '', portText = '', typ = '', type = ''] = f;
  if (typ !== 'typ') throw new ParseError(CODEC, 'missing "typ"');
  if (transport.toLowerCase() !== 'udp') throw new ParseError(CODEC, `transport ${transport} not supported`);
  const component = Number(componentText);
  const priority = Number(priorityText);
  const port = Number(portText);
  if (!Number.isInteger(component) || component < 1 || component > 256) throw new ParseError(CODEC, 'bad component');
  if (!Number.isInteger(priority) || priority < 1 || priority > 0xffffffff) throw new ParseError(CODEC, 'bad priority');
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new ParseError(CODEC, 'bad port');
  if (type !== 'host' && type !== 'srflx' && type !== 'prflx' && type !== 'relay') throw new ParseError(CODEC, `bad type ${type}`);
  if (!/^[A-Za-z0-9+/]{1,32}$/.test(foundation)) throw new ParseError(CODEC, 'bad foundation');
  if (!isIP(address) && !/^[A-Za-z0-9-]+\.local$/.test(address)) throw new ParseError(CODEC, `bad address ${address}`);
  const c: IceCandidate = { foundation, component, transport: 'udp', priority, address, port, type };
  for (let i = 8; i + 1 < f.length; i += 2) {
    if (f[i] === 'raddr') c.relatedAddress = f[i + 1];
    if (f[i] === 'rport') c.relatedPort = Number(f[i + 1]);
  }
  return c;
}

/** `candidate:...` without the `a=` prefix (what a=candidate and RTCIceCandidate.candidate carry). */
export function serializeCandidate(c: IceCandidate): string {
  let s = `candidate:${c.foundation} ${c.component} udp ${c.priority} ${c.address} ${c.port} typ ${c.type}`;
  if (c.relatedAddress !== undefined && c.relatedPort !== undefined) s += ` raddr ${c.relatedAddress} rport ${c.relatedPort}`;
  return s;
}

/** mDNS (`.local`) candidates cannot be resolved here: the peer is learned as peer-reflexive instead. */
export function isResolvable(c: IceCandidate): boolean {
  return isIP(c.address) !== 0;
}

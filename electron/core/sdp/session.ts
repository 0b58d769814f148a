// Offer/answer text for one call transport (RFC 3264, RFC 8866 via sdp-transform): one BUNDLE group
// (RFC 8843) over rtcp-mux (RFC 5761) with a VP8 video m-line under UDP/TLS/RTP/SAVPF (RFC 5764 §8,
// RFC 7741) and an application m-line for the SCTP data channel (RFC 8841: UDP/DTLS/SCTP
// webrtc-datachannel, a=sctp-port, a=max-message-size); ICE (RFC 8839) and DTLS (RFC 8122
// a=fingerprint, RFC 5763 a=setup) attributes. parseRemoteDescription throws only ParseError.
import { parse, write, type MediaDescription, type SessionDescription } from 'sdp-transform';
import { formatFingerprint, parseFingerprint, type Fingerprint } from '../transport/certificate';
import { ParseError } from '../transport/errors';
import { parseCandidate, type IceCandidate } from '../transport/ice';

export type DtlsSetup = 'actpass' | 'active' | 'passive';
export type Direction = 'sendrecv' | 'sendonly' | 'recvonly' | 'inactive';

export interface VideoSection {
  mid: string;
  payloadType: number;
  direction: Direction;
  /** Our sending SSRC and CNAME (RFC 7022 short-term persistent CNAME). */
  ssrc?: number;
  cname?: string;
  msid?: string;
}

export interface ApplicationSection {
  mid: string;
  sctpPort: number;
  maxMessageSize: number;
}

export interface LocalDescription {
  type: 'offer' | 'answer';
  sessionId: string;
  sessionVersion: number;
  iceUfrag: string;
  icePwd: string;
  fingerprint: Fingerprint;
  setup: DtlsSetup;
  candidates: readonly IceCandidate[];
  endOfCandidates: boolean;
  /** Sections in m-line order; an answer repeats the offer's order and mids, rejected ones with port 0. */
  sections: readonly (({ kind: 'video' } & VideoSection) | ({ kind: 'application' } & ApplicationSection) | { kind: 'rejected'; mid: string; media: string; protocol: string })[];
}

const VIDEO_PROTOCOL = 'UDP/TLS/RTP/SAVPF';
const DATA_PROTOCOL = 'UDP/DTLS/SCTP';

export function buildDescription(d: LocalDescription): string {
  const def = d.candidates[0];
  const port = def?.port ?? 9;
  const address = def?.address ?? '0.0.0.0';
  const ipVer = address.includes(':') ? 6 : 4;
  const shared = {
    connection: { version: ipVer, ip: address },
    iceUfrag: d.iceUfrag,
    icePwd: d.icePwd,
    fingerprint: { type: d.fingerprint.algorithm, hash: d.fingerprint.value },
    setup: d.setup,
    candidates: d.candidates.map((c) => ({ foundation: c.foundation, component: c.component, transport: 'udp', priority: c.priority, ip: c.address, port: c.port, type: c.type, raddr: c.relatedAddress, rport: c.relatedPort })),
    ...(d.endOfCandidates ? { endOfCandidates: 'end-of-candidates' as const } : {}),
  };
  const bundled = d.sections.filter((s) => s.kind !== 'rejected').map((s) => s.mid);
  const media: MediaDescription[] = d.sections.map((s): MediaDescription => {
    if (s.kind === 'rejected') return { type: s.media, port: 0, protocol: s.protocol, payloads: s.media === 'application' ? 'webrtc-datachannel' : '0', mid: s.mid, rtp: [], fmtp: [], connection: { version: 4, ip: '0.0.0.0' }, direction: 'inactive' };
    if (s.kind === 'application') return { type: 'application', port, protocol: DATA_PROTOCOL, payloads: 'webrtc-datachannel', mid: s.mid, rtp: [], fmtp: [], sctpPort: s.sctpPort, maxMessageSize: s.maxMessageSize, ...shared };
    const pt = s.payloadType;
    return {
      type: 'video',
      port,
      protocol: VIDEO_PROTOCOL,
      payloads: String(pt),
      mid: s.mid,
      direction: s.direction,
      rtcpMux: 'rtcp-mux',
      rtcpRsize: 'rtcp-rsize',
      rtp: [{ payload: pt, codec: 'VP8', rate: 90000 }],
      fmtp: [],
      rtcpFb: [{ payload: pt, type: 'nack' }, { payload: pt, type: 'nack', subtype: 'pli' }, { payload: pt, type: 'ccm', subtype: 'fir' }],
      ...(s.msid ? { msid: [{ id: s.msid, appdata: `${s.msid}-video` }] } : {}),
      ...(s.ssrc !== undefined && s.cname ? { ssrcs: [{ id: s.ssrc, attribute: 'cname', value: s.cname }, ...(s.msid ? [{ id: s.ssrc, attribute: 'msid', value: `${s.msid} ${s.msid}-video` }] : [])] } : {}),
      ...shared,
    } as MediaDescription;
  });
  const session: SessionDescription = {
    version: 0,
    origin: { username: '-', sessionId: d.sessionId, sessionVersion: d.sessionVersion, netType: 'IN', ipVer: 4, address: '127.0.0.1' },
    name: '-',
    timing: { start: 0, stop: 0 },
    groups: [{ type: 'BUNDLE', mids: bundled.join(' ') }],
    msidSemantic: { semantic: 'WMS', token: '*' },
    media,
  };
  return write(session);
}

export interface RemoteVideo {
  mid: string;
  /** The peer's payload type for VP8/90000 (absent: the peer has no VP8). */
  vp8PayloadType?: number;
  direction: Direction;
  ssrcs: number[];
}

export interface RemoteApplication {
  mid: string;
  sctpPort: number;
  /** a=max-message-size, 65536 when absent (RFC 8841 §6.1), 0 = no limit. */
  maxMessageSize: number;
}

export interface RemoteDescription {
  iceUfrag: string;
  icePwd: string;
  iceLite: boolean;
  fingerprints: Fingerprint[];
  setup: DtlsSetup;
  candidates: IceCandidate[];
  endOfCandidates: boolean;
  bundle: string[];
  /** Every m-line in order, for an answer to mirror. */
  sections: { mid: string; media: string; protocol: string; port: number }[];
  video?: RemoteVideo;
  application?: RemoteApplication;
}

const CODEC = 'sdp';

export function parseRemoteDescription(text: string): RemoteDescription {
  if (typeof text !== 'string' || !text.startsWith('v=0')) throw new ParseError(CODEC, 'not an SDP (must start with v=0)');
  if (text.length > 256 * 1024) throw new ParseError(CODEC, 'description too large');
  let s: SessionDescription;
  try {
    s = parse(text);
  } catch (e) {
    throw new ParseError(CODEC, `unparsable: ${e instanceof Error ? e.message : String(e)}`);
  }
  if (!Array.isArray(s.media) || s.media.length === 0) throw new ParseError(CODEC, 'no m-lines');
  const bundle = (s.groups ?? []).find((g) => g.type === 'BUNDLE')?.mids.split(' ').filter(Boolean) ?? [];
  const first = s.media.find((m) => m.port !== 0) ?? s.media[0];
  const pick = <K extends 'iceUfrag' | 'icePwd' | 'setup'>(k: K): string | undefined => (first?.[k] as string | undefined) ?? (s[k] as string | undefined);
  const iceUfrag = pick('iceUfrag');
  const icePwd = pick('icePwd');
  if (!iceUfrag || !icePwd) throw new ParseError(CODEC, 'missing a=ice-ufrag / a=ice-pwd');
  if (!/^[A-Za-z0-9+/]{4,256}$/.test(iceUfrag) || !/^[A-Za-z0-9+/]{22,256}$/.test(icePwd)) throw new ParseError(CODEC, 'bad ICE credentials (RFC 8839 §5.4)');
  const setup = pick('setup');
  if (setup !== 'actpass' && setup !== 'active' && setup !== 'passive') throw new ParseError(CODEC, `a=setup:${String(setup)} not usable`);
  const fpRaw = [first?.fingerprint, s.fingerprint].filter((f): f is { type: string; hash: string } => !!f);
  const fingerprints = fpRaw.map((f) => parseFingerprint(`${f.type} ${f.hash}`));
  if (fingerprints.length === 0) throw new ParseError(CODEC, 'missing a=fingerprint');
  const candidates: IceCandidate[] = [];
  const seen = new Set<string>();
  let endOfCandidates = false;
  for (const m of s.media) {
    if (m.port === 0) continue;
    for (const c of m.candidates ?? []) {
      if (String(c.transport).toLowerCase() !== 'udp') continue;
      // BUNDLE: the same candidates may be repeated in every bundled m-section.
      const key = `${c.ip} ${c.port} ${c.component}`;
      if (seen.has(key)) continue;
      seen.add(key);
      candidates.push(parseCandidate(`candidate:${c.foundation} ${c.component} ${c.transport} ${c.priority} ${c.ip} ${c.port} typ ${c.type}${c.raddr ? ` raddr ${c.raddr} rport ${c.rport}` : ''}`));
    }
    if (m.endOfCandidates) endOfCandidates = true;
  }
  const sections = s.media.map((m, i) => ({ mid: m.mid === undefined ? String(i) : String(m.mid), media: m.type, protocol: m.protocol, port: m.port }));
  const out: RemoteDescription = { iceUfrag, icePwd, iceLite: s.icelite === 'ice-lite', fingerprints, setup, candidates, endOfCandidates, bundle, sections };
  s.media.forEach((m, i) => {
    const mid = sections[i]?.mid ?? String(i);
    if (m.port === 0) return;
    // Only a DTLS-SRTP feedback profile is taken (RFC 5764 §8; RFC 5124 §3.3.1: the four profiles are
    // mutually exclusive per m-line, and one m-line may fail while the others succeed): an offer of RTP/AVP,
    // RTP/AVPF or SAVP video is rejected in the answer, never answered with another profile.
    if (m.type === 'video' && !out.video && m.protocol.toUpperCase() === VIDEO_PROTOCOL) {
      const vp8 = m.rtp.find((r) => r.codec.toUpperCase() === 'VP8' && (r.rate ?? 90000) === 90000);
      out.video = { mid, vp8PayloadType: vp8?.payload, direction: m.direction ?? 'sendrecv', ssrcs: [...new Set((m.ssrcs ?? []).map((x) => Number(x.id)))] };
    }
    if (m.type === 'application' && !out.application && /DTLS\/SCTP/.test(m.protocol)) {
      const legacy = (m as { sctpmap?: { sctpmapNumber: number } }).sctpmap?.sctpmapNumber;
      out.application = { mid, sctpPort: Number(m.sctpPort ?? legacy ?? 5000), maxMessageSize: m.maxMessageSize === undefined ? 65536 : Number(m.maxMessageSize) };
    }
  });
  return out;
}

/** RFC 5763 §5 / RFC 8842: the answerer to actpass is active (DTLS client), the usual choice. */
export function answerSetupFor(offer: DtlsSetup): DtlsSetup {
  return offer === 'active' ? 'passive' : 'active';
}

/** Our DTLS role from the two a=setup values once offer/answer is done. */
export function dtlsRoleFor(local: DtlsSetup, remote: DtlsSetup): 'client' | 'server' {
  if (local === 'active') return 'client';
  if (local === 'passive') return 'server';
  return remote === 'active' ? 'server' : 'client';
}

export { formatFingerprint };

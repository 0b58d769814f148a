// The m-sections of the call transport's SDP (RFC 3264): an offer of one VP8 video section and one
// SCTP data channel section; an answer that keeps the offer's order and mids, accepts what we run
// (VP8 video, the data channel), mirrors the direction (§6.1) and rejects the rest with port 0.
// It also derives the SRTP sessions from the DTLS exporter (RFC 5764 §4.2).
import { SrtpSession, srtpKeyingMaterialLength, srtpKeysFromExporter, DTLS_SRTP_EXPORTER_LABEL, type SrtpSessionOptions } from '../srtp';
import type { Direction, LocalDescription, RemoteDescription } from '../sdp';
import type { DtlsTransport } from './dtls';
import { createLogger } from '../log';

const log = createLogger('transport').child('sdp');

export interface OurStream {
  /** VP8 payload type we offer (the answer takes the offerer's). */
  payloadType: number;
  ssrc: number;
  cname: string;
  video: boolean;
  maxMessageSize: number;
}

type Sections = LocalDescription['sections'];
const MSID = 'telescene';

export function offerSections(s: OurStream): Sections {
  return [
    ...(s.video ? [{ kind: 'video' as const, mid: '0', payloadType: s.payloadType, direction: 'sendrecv' as const, ssrc: s.ssrc, cname: s.cname, msid: MSID }] : []),
    { kind: 'application' as const, mid: s.video ? '1' : '0', sctpPort: 5000, maxMessageSize: s.maxMessageSize },
  ];
}

export function answerSections(remote: RemoteDescription, s: OurStream): Sections {
  return remote.sections.map((m) => {
    const v = remote.video;
    if (m.port !== 0 && v && m.mid === v.mid && v.vp8PayloadType !== undefined && s.video)
      return { kind: 'video' as const, mid: m.mid, payloadType: v.vp8PayloadType, direction: answerDirection(v.direction), ssrc: s.ssrc, cname: s.cname, msid: MSID };
    const app = remote.application;
    if (m.port !== 0 && app && m.mid === app.mid) return { kind: 'application' as const, mid: m.mid, sctpPort: app.sctpPort, maxMessageSize: s.maxMessageSize };
    if (m.port !== 0) log.info('m-line rejected in the answer', { mid: m.mid, media: m.media, protocol: m.protocol, reason: m.media === 'video' ? 'not UDP/TLS/RTP/SAVPF with VP8' : 'not used' });
    return { kind: 'rejected' as const, mid: m.mid, media: m.media, protocol: m.protocol };
  });
}

/** RFC 3264 §6.1: the answer's direction mirrors the offer's (we would send and receive). */
export function answerDirection(offered: Direction): Direction {
  return offered === 'recvonly' ? 'sendonly' : offered === 'sendonly' ? 'recvonly' : offered;
}

/** Our sending and receiving SRTP sessions, keyed from the connected DTLS session. */
export function srtpFromDtls(dtls: DtlsTransport, policy: Pick<SrtpSessionOptions, 'keyLimits' | 'onKeyLimit'> = {}): { tx: SrtpSession; rx: SrtpSession } | string {
  const profile = dtls.srtpProfile;
  const role = dtls.dtlsRole;
  if (!profile || !role) return 'DTLS connected without an SRTP profile';
  const material = dtls.exportKeyingMaterial(DTLS_SRTP_EXPORTER_LABEL, undefined, srtpKeyingMaterialLength(profile));
  const keys = srtpKeysFromExporter(profile, material, role);
  const sessions = { tx: new SrtpSession({ ...policy, keys: keys.local }), rx: new SrtpSession({ ...policy, keys: keys.remote }) };
  material.fill(0); // after the sessions derived their keys (RFC 3711 §4.3); the master key is not kept here
  return sessions;
}

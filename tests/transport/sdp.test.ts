// SDP for the call transport: our offer/answer text, a real Chromium answer and aiortc offer kept as
// fixtures, and refusals of descriptions the transport cannot use.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { answerSetupFor, buildDescription, dtlsRoleFor, parseRemoteDescription } from '../../electron/core/sdp';
import { createDtlsCertificate } from '../../electron/core/transport/certificate';
import { answerSections } from '../../electron/core/transport/callDescription';
import { ParseError } from '../../electron/core/transport/errors';

const fixture = (name: string) => readFileSync(new URL(`../fixtures/transport/${name}`, import.meta.url), 'utf8');

describe('SDP offer/answer for one BUNDLEd, rtcp-mux call', () => {
  it('builds an offer that parses back to the same transport parameters', async () => {
    const cert = await createDtlsCertificate();
    const text = buildDescription({
      type: 'offer',
      sessionId: '42',
      sessionVersion: 1,
      iceUfrag: 'abcd',
      icePwd: 'abcdefghijklmnopqrstuv',
      fingerprint: cert.fingerprint,
      setup: 'actpass',
      candidates: [{ foundation: '1', component: 1, transport: 'udp', priority: 2130706431, address: '127.0.0.1', port: 40000, type: 'host' }],
      endOfCandidates: true,
      sections: [
        { kind: 'video', mid: '0', payloadType: 96, direction: 'sendrecv', ssrc: 1234, cname: 'room', msid: 'telescene' },
        { kind: 'application', mid: '1', sctpPort: 5000, maxMessageSize: 1048576 },
      ],
    });
    expect(text).toContain('a=group:BUNDLE 0 1');
    expect(text).toContain('m=video 40000 UDP/TLS/RTP/SAVPF 96');
    expect(text).toContain('a=rtcp-mux');
    expect(text).toContain('a=rtpmap:96 VP8/90000');
    expect(text).toContain('m=application 40000 UDP/DTLS/SCTP webrtc-datachannel');
    expect(text).toContain('a=sctp-port:5000');
    const back = parseRemoteDescription(text);
    expect(back).toMatchObject({ iceUfrag: 'abcd', icePwd: 'abcdefghijklmnopqrstuv', setup: 'actpass', bundle: ['0', '1'], endOfCandidates: true });
    expect(back.fingerprints).toEqual([cert.fingerprint]);
    expect(back.video).toMatchObject({ mid: '0', vp8PayloadType: 96, ssrcs: [1234] });
    expect(back.application).toEqual({ mid: '1', sctpPort: 5000, maxMessageSize: 1048576 });
    expect(back.candidates).toHaveLength(1);
  });

  it('reads a real Chromium answer and a real aiortc offer', () => {
    const chromium = parseRemoteDescription(fixture('chromium-answer.sdp'));
    expect(chromium.setup).toBe('active');
    expect(chromium.application?.maxMessageSize).toBe(262144);
    expect(chromium.video?.direction).toBe('recvonly');
    const aiortc = parseRemoteDescription(fixture('aiortc-offer.sdp'));
    expect(aiortc.setup).toBe('actpass');
    expect(aiortc.video?.vp8PayloadType).toBeDefined();
    expect(aiortc.application?.maxMessageSize).toBe(65536);
    expect(aiortc.fingerprints[0]?.algorithm).toBe('sha-256');
  });

  it('rejects video offered under an insecure or non-feedback profile instead of answering SAVPF (RFC 5124 §3.3.1)', () => {
    const offer = fixture('aiortc-offer.sdp');
    const ours = { payloadType: 96, ssrc: 7, cname: 'room', video: true, maxMessageSize: 65536 };
    for (const proto of ['RTP/AVP', 'RTP/AVPF', 'RTP/SAVP', 'UDP/TLS/RTP/SAVP']) {
      const remote = parseRemoteDescription(offer.replace(/^m=video (\d+) UDP\/TLS\/RTP\/SAVPF/m, `m=video $1 ${proto}`));
      expect(remote.video).toBeUndefined();
      const sections = answerSections(remote, ours);
      expect(sections.map((s) => s.kind)).toEqual(['rejected', 'application']);
      expect(sections[0]).toMatchObject({ kind: 'rejected', media: 'video', protocol: proto });
    }
    expect(answerSections(parseRemoteDescription(offer), ours).map((s) => s.kind)).toEqual(['video', 'application']);
  });

  it('derives DTLS roles from a=setup (RFC 5763 §5)', () => {
    expect(answerSetupFor('actpass')).toBe('active');
    expect(answerSetupFor('active')).toBe('passive');
    expect(dtlsRoleFor('actpass', 'active')).toBe('server');
    expect(dtlsRoleFor('actpass', 'passive')).toBe('client');
    expect(dtlsRoleFor('active', 'actpass')).toBe('client');
  });

  it('refuses descriptions without what the transport needs', () => {
    const good = fixture('chromium-answer.sdp');
    expect(() => parseRemoteDescription('hello')).toThrow(ParseError);
    expect(() => parseRemoteDescription(good.replace(/a=fingerprint:.*\r?\n/g, ''))).toThrow(/fingerprint/);
    expect(() => parseRemoteDescription(good.replace(/a=ice-pwd:.*\r?\n/g, ''))).toThrow(/ice-pwd/);
    expect(() => parseRemoteDescription(good.replace(/a=setup:\w+/g, 'a=setup:holdconn'))).toThrow(/setup/);
    expect(() => parseRemoteDescription(good.replace(/a=fingerprint:sha-256/g, 'a=fingerprint:sha-1'))).toThrow(ParseError);
  });
});

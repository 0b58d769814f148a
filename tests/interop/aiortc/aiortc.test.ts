// Interop with aiortc 1.4 (Debian python3-aiortc: OpenSSL DTLS, its own SRTP/SCTP, libvpx decode) on
// loopback inside a private network namespace, in both DTLS roles. Skips only when aiortc/PyAV is
// not installed (or namespaces are not available).
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { canUnshare, hasAiortc, runInNetns } from '../../transport/support/netns';

const runner = fileURLToPath(new URL('./runAiortc.ts', import.meta.url));
const ready = hasAiortc() && canUnshare();
if (!ready) console.warn('SKIPPED aiortc interop: needs /usr/bin/python3 with python3-aiortc and python3-av (apt-get install python3-aiortc), and unshare -n (root)');

interface AiortcResult {
  state: string;
  srtpProfile: string;
  ourDtlsRole: string;
  answerToDtlsMs: number;
  rtpSent: number;
  aiortc: { framesDecoded: number; frameSize: string; dcMessages: string[]; dcLabel: string; dcProtocol: string; dcLargest: number; dtlsRole: string; cipher: string; tls: string; srtpProfile: string };
  received: { rtp: number; rtcp: number; dc: string[] };
}

describe.skipIf(!ready)('interop: aiortc (netns, loopback)', () => {
  for (const [role, ours, theirs] of [
    ['answer', 'server', 'client'],
    ['offer', 'client', 'server'],
  ] as const) {
    it(`aiortc ${role}s: we are the DTLS ${ours}; SRTP, CLUE both ways, VP8 decoded`, async () => {
      const { results, log } = await runInNetns(runner, [role], 60_000);
      const r = results[0] as unknown as AiortcResult | undefined;
      if (!r) throw new Error(`no result from the scenario:\n${log.slice(-3000)}`);
      expect(r.state).toBe('connected');
      expect(r.ourDtlsRole).toBe(ours);
      expect(r.aiortc.dtlsRole).toBe(theirs);
      expect(r.aiortc.tls).toBe('DTLSv1.2');
      expect(r.aiortc.cipher).toBe('ECDHE-ECDSA-AES128-GCM-SHA256');
      // aiortc offers only SRTP_AES128_CM_SHA1_80; both ends must agree on it.
      expect(r.srtpProfile).toBe('AES_CM_128_HMAC_SHA1_80');
      expect(r.aiortc.srtpProfile).toBe('SRTP_AES128_CM_SHA1_80');
      expect([r.aiortc.dcLabel, r.aiortc.dcProtocol]).toEqual(['CLUE', 'clue']);
      expect(r.aiortc.dcMessages).toContain('<clue hello from telescene/>');
      expect(r.aiortc.dcLargest).toBeGreaterThan(60_000);
      expect(r.received.dc.some((m) => m.includes("len='60031'"))).toBe(true);
      if (role === 'offer') expect(r.received.dc).toContain('<clue hello from aiortc/>');
      // Real VP8 from PyAV, packetized by us (RFC 7741), SRTP by the project's SrtpSession: aiortc decodes it.
      expect(r.rtpSent).toBeGreaterThanOrEqual(60);
      expect(r.aiortc.framesDecoded).toBeGreaterThanOrEqual(50);
      expect(r.aiortc.frameSize).toBe('320x240');
      // aiortc's own video and RTCP reach us and pass SRTP/SRTCP authentication.
      expect(r.received.rtp).toBeGreaterThan(10);
      expect(r.received.rtcp).toBeGreaterThan(0);
    }, 90_000);
  }
});

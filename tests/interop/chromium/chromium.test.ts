// Interop with Debian's Chromium (BoringSSL DTLS, libsrtp, usrsctp, libvpx) driven by playwright-core,
// on loopback inside a private network namespace. VP8 frames come from Chromium's own WebCodecs
// encoder; Chromium must report them decoded. Skips only when Chromium (or netns) is unavailable.
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { canUnshare, hasChromium, runInNetns } from '../../transport/support/netns';

const runner = fileURLToPath(new URL('./runChromium.ts', import.meta.url));
const ready = hasChromium() && canUnshare();
if (!ready) console.warn('SKIPPED Chromium interop: needs /usr/bin/chromium (apt-get install chromium) and unshare -n (root)');

interface ChromiumResult {
  state: string;
  srtpProfile: string;
  ourDtlsRole: string;
  rtpSent: number;
  framesMade: number;
  chromium: {
    dc: { messages: string[]; label: string; protocol: string; ordered: boolean };
    transport: { dtlsState: string; tlsVersion: string; dtlsCipher: string; srtpCipher: string; dtlsRole: string };
    inbound: { kind: string; packets: number; framesDecoded: number; frameWidth: number; keyFramesDecoded: number }[];
  };
  received: { rtcp: number; dc: string[] };
}

describe.skipIf(!ready)('interop: Chromium (netns, loopback)', () => {
  it('we offer, Chromium answers: AEAD_AES_128_GCM, CLUE channel both ways, VP8 frames decoded', async () => {
    const { results, log } = await runInNetns(runner, ['--offerer', 'telescene'], 90_000);
    const r = results[0] as unknown as ChromiumResult | undefined;
    if (!r) throw new Error(`no result from the scenario:\n${log.slice(-3000)}`);
    expect(r.state).toBe('connected');
    expect(r.ourDtlsRole).toBe('server');
    expect(r.srtpProfile).toBe('AEAD_AES_128_GCM');
    expect(r.chromium.transport).toMatchObject({ dtlsState: 'connected', tlsVersion: 'FEFD', dtlsCipher: 'TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256', srtpCipher: 'SRTP_AEAD_AES_128_GCM', dtlsRole: 'client' });
    expect(r.chromium.dc).toMatchObject({ label: 'CLUE', protocol: 'clue', ordered: true });
    expect(r.chromium.dc.messages).toEqual(['<clue hello from telescene/>', '<200031 chars>']);
    expect(r.received.dc).toEqual(['<clue hello from chromium/>', "<echo from='chromium' len='28'/>", "<echo from='chromium' len='200031'/>"]);
    const video = r.chromium.inbound.find((s) => s.kind === 'video');
    expect(r.framesMade).toBe(60);
    expect(video?.framesDecoded).toBeGreaterThanOrEqual(55);
    expect(video?.frameWidth).toBe(320);
    expect(r.received.rtcp).toBeGreaterThan(0); // Chromium's SRTCP passes our unprotect
  }, 120_000);

  it('Chromium offers, we answer as DTLS client: Chromium as server prefers AES_CM_128_HMAC_SHA1_80', async () => {
    const { results, log } = await runInNetns(runner, ['--offerer', 'chromium'], 90_000);
    const r = results[0] as unknown as ChromiumResult | undefined;
    if (!r) throw new Error(`no result from the scenario:\n${log.slice(-3000)}`);
    expect(r.state).toBe('connected');
    expect(r.ourDtlsRole).toBe('client');
    // We offer GCM first; libwebrtc as DTLS server ranks CM_80 above GCM (smaller packets) and picks it.
    expect(r.srtpProfile).toBe('AES_CM_128_HMAC_SHA1_80');
    expect(r.chromium.transport.srtpCipher).toBe('SRTP_AES128_CM_HMAC_SHA1_80');
    expect(r.received.dc).toContain('<clue hello from chromium/>');
    expect(r.chromium.dc.messages).toContain('<clue hello from telescene/>');
    expect(r.chromium.inbound.find((s) => s.kind === 'video')?.framesDecoded).toBeGreaterThanOrEqual(55);
  }, 120_000);
});

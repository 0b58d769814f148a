// SrtpSession: round trips for every profile, many SSRCs in one session, ROC across the SEQ wrap
// (RFC 3711 §3.3.1), the replay window (§3.3.2), SRTCP index and E flag (§3.4), key limits (§9.2).
import { describe, expect, it } from 'vitest';
import { SRTP_PROFILES, SrtpError, SrtpSession, type SrtpKeyLimitEvent } from '../../electron/core/srtp';
import { toHex } from './hex';
import { keysFor, rtcp, rtp } from './packets';

const unwrap = (r: ReturnType<SrtpSession['unprotectRtp']>): Uint8Array => {
  if (!r.ok) throw new Error(`dropped: ${r.reason}`);
  return r.packet;
};

describe.each(SRTP_PROFILES)('SrtpSession %s', (profile) => {
  const pair = () => [new SrtpSession({ keys: keysFor(profile) }), new SrtpSession({ keys: keysFor(profile) })] as const;

  it('round-trips RTP with CSRCs, an extension and an empty payload', () => {
    const [tx, rx] = pair();
    const packets = [
      rtp({ seq: 1 }),
      rtp({ seq: 2, csrcs: [1, 2, 3] }),
      rtp({ seq: 3, ext: { profile: 0xbede, data: Uint8Array.from([0x10, 0xaa, 0x21, 1, 2]) } }),
      rtp({ seq: 4, payload: new Uint8Array(0) }),
    ];
    for (const p of packets) {
      const s = tx.protectRtp(p);
      expect(s.length).toBe(p.length + (profile.startsWith('AEAD') ? 16 : profile.endsWith('_32') ? 4 : 10));
      expect(toHex(unwrap(rx.unprotectRtp(s)))).toBe(toHex(p));
    }
    expect(rx.stats.rtpUnprotected).toBe(4);
  });

  it('round-trips RTCP with E = 1 and a per-SSRC SRTCP index starting at 1', () => {
    const [tx, rx] = pair();
    for (let i = 0; i < 3; i++) {
      const p = rtcp(0xabc, i);
      const s = tx.protectRtcp(p);
      const at = profile.startsWith('AEAD') ? s.length - 4 : p.length; // RFC 7714 §9.1 puts it last
      const word = new DataView(s.buffer, s.byteOffset).getUint32(at);
      expect(word).toBe((0x80000000 | (i + 1)) >>> 0);
      expect(toHex(unwrap(rx.unprotectRtcp(s)))).toBe(toHex(p));
    }
    expect(rx.unprotectRtcp(tx.protectRtcp(rtcp(0xdef))).ok).toBe(true);
  });

  it('keeps ROC, replay and SRTCP state per SSRC in one session', () => {
    const [tx, rx] = pair();
    const a = [65534, 65535, 0, 1].map((seq) => tx.protectRtp(rtp({ seq, ssrc: 0xa })));
    const b = [7, 8].map((seq) => tx.protectRtp(rtp({ seq, ssrc: 0xb })));
    for (const s of [a[0]!, b[0]!, a[1]!, a[2]!, b[1]!, a[3]!]) expect(rx.unprotectRtp(s).ok).toBe(true);
    expect(rx.unprotectRtp(a[2]!)).toEqual({ ok: false, reason: 'replay' });
    expect(rx.unprotectRtp(b[0]!)).toEqual({ ok: false, reason: 'replay' });
  });

  it('carries the ROC across the SEQ wrap at 65535 and accepts late packets from the old cycle', () => {
    const [tx, rx] = pair();
    const seqs = [65533, 65534, 65535, 0, 1, 2];
    const prot = seqs.map((seq) => tx.protectRtp(rtp({ seq })));
    // Deliver out of order across the wrap: 0 before 65535.
    for (const i of [0, 1, 3, 2, 5, 4]) expect(rx.unprotectRtp(prot[i]!).ok, `seq ${seqs[i]}`).toBe(true);
    // A receiver that saw the wrap but not the start: ROC 1 packets need ROC 1 to authenticate.
    const late = new SrtpSession({ keys: keysFor(profile) });
    expect(late.unprotectRtp(prot[3]!).ok).toBe(false); // seq 0 of ROC 1 taken as ROC 0: auth fails
    expect(late.stats.drops.auth).toBe(1);
  });

  it('drops replays and packets older than the window', () => {
    const [tx, rx] = pair();
    const prot = Array.from({ length: 300 }, (_, i) => tx.protectRtp(rtp({ seq: 1000 + i })));
    expect(rx.unprotectRtp(prot[0]!).ok).toBe(true);
    expect(rx.unprotectRtp(prot[299]!).ok).toBe(true);
    expect(rx.unprotectRtp(prot[299]!)).toEqual({ ok: false, reason: 'replay' });
    expect(rx.unprotectRtp(prot[299 - 127]!).ok).toBe(true); // inside a 128-packet window
    expect(rx.unprotectRtp(prot[299 - 128]!)).toEqual({ ok: false, reason: 'too-old' });
    expect(rx.unprotectRtp(prot[1]!)).toEqual({ ok: false, reason: 'too-old' });
    expect(rx.stats.drops).toMatchObject({ replay: 1, 'too-old': 2 });
  });

  it('refuses to reuse a packet index on protect unless allowRepeatTx', () => {
    const [tx] = pair();
    tx.protectRtp(rtp({ seq: 5 }));
    expect(() => tx.protectRtp(rtp({ seq: 5 }))).toThrow(SrtpError);
    const repeat = new SrtpSession({ keys: keysFor(profile), allowRepeatTx: true });
    const first = repeat.protectRtp(rtp({ seq: 5 }));
    expect(toHex(repeat.protectRtp(rtp({ seq: 5 })))).toBe(toHex(first));
  });

  it('fires soft then hard key-limit events and then refuses everything', () => {
    const events: SrtpKeyLimitEvent[] = [];
    const tx = new SrtpSession({ keys: keysFor(profile), keyLimits: { srtp: 20 }, onKeyLimit: (e) => events.push(e) });
    for (let i = 0; i < 20; i++) tx.protectRtp(rtp({ seq: i }));
    expect(events.map((e) => `${e.kind}:${e.level}:${e.packets}`)).toEqual(['srtp:soft:18', 'srtp:hard:20']);
    expect(() => tx.protectRtp(rtp({ seq: 21 }))).toThrow(/key-exhausted/);
    expect(() => tx.protectRtcp(rtcp())).toThrow(/key-exhausted/);
    const rx = new SrtpSession({ keys: keysFor(profile), keyLimits: { srtcp: 2 } });
    const sender = new SrtpSession({ keys: keysFor(profile) });
    expect(rx.unprotectRtcp(sender.protectRtcp(rtcp())).ok).toBe(true);
    expect(rx.unprotectRtcp(sender.protectRtcp(rtcp())).ok).toBe(true);
    expect(rx.unprotectRtcp(sender.protectRtcp(rtcp()))).toEqual({ ok: false, reason: 'key-exhausted' });
    expect(rx.unprotectRtp(sender.protectRtp(rtp({ seq: 1 })))).toEqual({ ok: false, reason: 'key-exhausted' });
  });

  it('does not accept packets under another master key', () => {
    const tx = new SrtpSession({ keys: keysFor(profile, 1) });
    const rx = new SrtpSession({ keys: keysFor(profile, 2) });
    expect(rx.unprotectRtp(tx.protectRtp(rtp({ seq: 1 })))).toEqual({ ok: false, reason: 'auth' });
    expect(rx.unprotectRtcp(tx.protectRtcp(rtcp()))).toEqual({ ok: false, reason: 'auth' });
  });
});

describe('SrtpSession options', () => {
  it('rejects a replay window below 128 packets', () => {
    expect(() => new SrtpSession({ keys: keysFor('AEAD_AES_128_GCM'), replayWindow: 64 })).toThrow(RangeError);
  });

  it('honours a larger replay window', () => {
    const tx = new SrtpSession({ keys: keysFor('AEAD_AES_128_GCM') });
    const rx = new SrtpSession({ keys: keysFor('AEAD_AES_128_GCM'), replayWindow: 1024 });
    const prot = Array.from({ length: 1000 }, (_, i) => tx.protectRtp(rtp({ seq: i })));
    expect(rx.unprotectRtp(prot[999]!).ok).toBe(true);
    expect(rx.unprotectRtp(prot[1]!).ok).toBe(true);
  });
});

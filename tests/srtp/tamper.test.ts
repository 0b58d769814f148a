// Tamper, replay and garbage resistance (RFC 3711 §3.3 steps 5-6, §9.5; RFC 7714 §8.2): every single
// flipped bit of a protected packet is rejected (exhaustively, for every profile, SRTP and SRTCP);
// random bytes never escape as an exception and are counted under a reason; drops are logged.
import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import { setLogSink, type LogFields } from '../../electron/core/log';
import { SRTP_PROFILES, SrtpSession, type SrtpDropReason } from '../../electron/core/srtp';
import { toHex } from './hex';
import { keysFor, rtcp, rtp } from './packets';

const REASONS: SrtpDropReason[] = ['truncated', 'oversized', 'malformed', 'auth', 'replay', 'too-old', 'key-exhausted'];
const EXT = { profile: 0xbede, data: Uint8Array.from([0x13, 1, 2, 3, 4, 0x21, 5, 6]) };
let restore: (() => void) | undefined;
afterEach(() => restore?.());

describe.each(SRTP_PROFILES)('%s tamper resistance', (profile) => {
  const keys = keysFor(profile, 3);
  const fresh = () => new SrtpSession({ keys, encryptedHeaderExtensionIds: [1] });

  it('rejects every single-bit flip of an SRTP packet (header, extension, payload, tag)', () => {
    const prot = fresh().protectRtp(rtp({ seq: 4242, csrcs: [9], ext: EXT, payload: new Uint8Array(40).fill(0x5a) }));
    expect(fresh().unprotectRtp(prot).ok).toBe(true);
    const rx = fresh();
    for (let bit = 0; bit < prot.length * 8; bit++) {
      const t = Uint8Array.from(prot);
      t[bit >>> 3]! ^= 0x80 >>> (bit & 7);
      const r = rx.unprotectRtp(t);
      expect(r.ok, `bit ${bit}`).toBe(false);
    }
    const drops = Object.values(rx.stats.drops).reduce((a, b) => a + b, 0);
    expect(drops).toBe(prot.length * 8);
    expect(rx.stats.drops.auth).toBeGreaterThan(prot.length * 6);
  });

  it('rejects every single-bit flip of an SRTCP packet (header, body, E flag, index, tag)', () => {
    const prot = fresh().protectRtcp(rtcp(0x77));
    expect(fresh().unprotectRtcp(prot).ok).toBe(true);
    const rx = fresh();
    for (let bit = 0; bit < prot.length * 8; bit++) {
      const t = Uint8Array.from(prot);
      t[bit >>> 3]! ^= 0x80 >>> (bit & 7);
      expect(rx.unprotectRtcp(t).ok, `bit ${bit}`).toBe(false);
    }
  });

  it('drops a replayed packet and keeps dropping it', () => {
    const tx = fresh();
    const rx = fresh();
    const a = tx.protectRtp(rtp({ seq: 1 }));
    const c = tx.protectRtcp(rtcp());
    expect(rx.unprotectRtp(a).ok && rx.unprotectRtcp(c).ok).toBe(true);
    for (let i = 0; i < 3; i++) {
      expect(rx.unprotectRtp(a)).toEqual({ ok: false, reason: 'replay' });
      expect(rx.unprotectRtcp(c)).toEqual({ ok: false, reason: 'replay' });
    }
  });

  it('counts truncated, oversized and malformed packets under their reasons', () => {
    const rx = new SrtpSession({ keys, maxPacketSize: 1500 });
    const good = fresh().protectRtp(rtp({ seq: 1 }));
    expect(rx.unprotectRtp(good.subarray(0, 11))).toEqual({ ok: false, reason: 'truncated' });
    expect(rx.unprotectRtp(new Uint8Array(0))).toEqual({ ok: false, reason: 'truncated' });
    expect(rx.unprotectRtp(new Uint8Array(1501))).toEqual({ ok: false, reason: 'oversized' });
    const v1 = Uint8Array.from(good);
    v1[0] = 0x40 | (v1[0]! & 0x3f);
    expect(rx.unprotectRtp(v1)).toEqual({ ok: false, reason: 'malformed' });
    const longExt = Uint8Array.from(rtp({ seq: 2, ext: EXT }));
    longExt[15] = 200; // extension claims 200 words
    expect(rx.unprotectRtp(longExt)).toEqual({ ok: false, reason: 'truncated' });
    expect(rx.unprotectRtcp(new Uint8Array(9))).toEqual({ ok: false, reason: 'truncated' });
    expect(rx.stats.drops).toMatchObject({ truncated: 4, oversized: 1, malformed: 1 });
    expect(() => rx.protectRtp(new Uint8Array(1500))).toThrow(/oversized/);
    expect(() => rx.protectRtp(new Uint8Array(5))).toThrow(/truncated/);
  });
});

describe('garbage never escapes', () => {
  it('unprotect of arbitrary bytes returns a counted reason, never throws (property)', () => {
    for (const profile of SRTP_PROFILES) {
      const rx = new SrtpSession({ keys: keysFor(profile), encryptedHeaderExtensionIds: [1, 2, 3] });
      let n = 0;
      fc.assert(
        fc.property(fc.uint8Array({ minLength: 0, maxLength: 1600 }), fc.boolean(), (bytes, asRtcp) => {
          n++;
          const r = asRtcp ? rx.unprotectRtcp(bytes) : rx.unprotectRtp(bytes);
          return !r.ok && REASONS.includes(r.reason);
        }),
        { numRuns: 400 },
      );
      expect(Object.values(rx.stats.drops).reduce((a, b) => a + b, 0)).toBe(n);
    }
  });

  it('RTP-shaped garbage (version 2, random X/CC/lengths) is refused too (property)', () => {
    const rx = new SrtpSession({ keys: keysFor('AES_CM_128_HMAC_SHA1_80'), encryptedHeaderExtensionIds: [1] });
    fc.assert(
      fc.property(fc.uint8Array({ minLength: 12, maxLength: 300 }), (bytes) => {
        bytes[0] = 0x80 | (bytes[0]! & 0x3f);
        const r = rx.unprotectRtp(bytes);
        return !r.ok;
      }),
      { numRuns: 500 },
    );
  });

  it('logs drops with their reason, rate-limited to powers of two', () => {
    const lines: { message: string; fields: LogFields }[] = [];
    restore = setLogSink((_level, scope, message, fields) => {
      if (scope === 'srtp') lines.push({ message, fields });
    });
    const rx = new SrtpSession({ keys: keysFor('AEAD_AES_128_GCM') });
    for (let i = 0; i < 9; i++) rx.unprotectRtp(new Uint8Array(3));
    expect(lines.map((l) => l.fields.count)).toEqual([1, 2, 4, 8]);
    expect(lines[0]).toMatchObject({ message: 'dropped packet', fields: { reason: 'truncated', kind: 'rtp' } });
  });
});

describe('round trip (property)', () => {
  it.each(SRTP_PROFILES)('%s: unprotect(protect(p)) == p for random RTP packets', (profile) => {
    const tx = new SrtpSession({ keys: keysFor(profile), encryptedHeaderExtensionIds: [1, 2] });
    const rx = new SrtpSession({ keys: keysFor(profile), encryptedHeaderExtensionIds: [1, 2] });
    let seq = 0;
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 0xffffffff }), { maxLength: 15 }),
        fc.option(fc.array(fc.record({ id: fc.integer({ min: 1, max: 14 }), data: fc.uint8Array({ minLength: 1, maxLength: 16 }) }), { minLength: 1, maxLength: 4 })),
        fc.uint8Array({ minLength: 1, maxLength: 1400 }),
        (csrcs, elems, payload) => {
          seq = (seq + 1) & 0xffff;
          const ext = elems
            ? { profile: 0xbede, data: Uint8Array.from(elems.flatMap((e) => [(e.id << 4) | (e.data.length - 1), ...e.data])) }
            : undefined;
          const p = rtp({ seq, csrcs, payload, ...(ext ? { ext } : {}) });
          const r = rx.unprotectRtp(tx.protectRtp(p));
          return r.ok && toHex(r.packet) === toHex(p);
        },
      ),
      { numRuns: 200 },
    );
  });
});

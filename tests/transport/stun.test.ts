// STUN (RFC 8489) against the RFC 5769 test vectors, with bad-input fixtures and property tests.
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ParseError } from '../../electron/core/transport/errors';
import { Attr, decodeXorAddress, encodeXorAddress, getAttr, METHOD_BINDING, parseStun, serializeStun, StunClass, verifyIntegrity } from '../../electron/core/transport/ice/stun';

const fixture = (name: string) => new Uint8Array(readFileSync(new URL(`../fixtures/transport/${name}`, import.meta.url)));
const PASSWORD = Buffer.from('VOkJxbRl1RmTxUk/WvJxBt');

describe('STUN codec', () => {
  it('RFC 5769 §2.1 sample request: attributes, FINGERPRINT and MESSAGE-INTEGRITY verify', () => {
    const m = parseStun(fixture('stun-rfc5769-2.1-request.bin'));
    expect([m.method, m.cls]).toEqual([METHOD_BINDING, StunClass.request]);
    expect(Buffer.from(getAttr(m, Attr.USERNAME) ?? []).toString()).toBe('evtj:h6vY');
    expect(Buffer.from(getAttr(m, Attr.SOFTWARE) ?? []).toString()).toBe('STUN test client');
    expect(m.hasFingerprint).toBe(true);
    expect(verifyIntegrity(m, PASSWORD)).toBe(true);
    expect(verifyIntegrity(m, Buffer.from('wrong password'))).toBe(false);
  });

  it('RFC 5769 §2.2 sample IPv4 response: XOR-MAPPED-ADDRESS 192.0.2.1:32853', () => {
    const m = parseStun(fixture('stun-rfc5769-2.2-response-ipv4.bin'));
    expect(m.cls).toBe(StunClass.success);
    expect(verifyIntegrity(m, PASSWORD)).toBe(true);
    expect(decodeXorAddress(getAttr(m, Attr.XOR_MAPPED_ADDRESS) ?? new Uint8Array(), m.transactionId)).toEqual({ address: '192.0.2.1', port: 32853 });
  });

  for (const bad of ['stun-truncated.bin', 'stun-bad-fingerprint.bin', 'stun-bad-length.bin', 'stun-attribute-overrun.bin']) {
    it(`refuses ${bad} with ParseError`, () => {
      expect(() => parseStun(fixture(bad))).toThrow(ParseError);
    });
  }

  it('every flipped bit of a signed request is caught by FINGERPRINT or MESSAGE-INTEGRITY (bar padding)', () => {
    const raw = fixture('stun-rfc5769-2.1-request.bin');
    for (let bit = 0; bit < raw.length * 8; bit++) {
      const copy = Uint8Array.from(raw);
      copy[bit >> 3] = (copy[bit >> 3] as number) ^ (1 << (bit & 7));
      let accepted = false;
      try {
        const m = parseStun(copy);
        accepted = m.hasFingerprint && verifyIntegrity(m, PASSWORD); // what the ICE agent requires
      } catch (e) {
        expect(e).toBeInstanceOf(ParseError);
      }
      // Bits in the padding of USERNAME (not covered by its length) are the only ones that may pass.
      if (accepted) expect(bit >> 3).toBeGreaterThanOrEqual(73);
      if (accepted) expect(bit >> 3).toBeLessThanOrEqual(75);
    }
  });

  it('serialize -> parse keeps attributes and signs with integrity + fingerprint', () => {
    fc.assert(
      fc.property(fc.uint8Array({ minLength: 12, maxLength: 12 }), fc.array(fc.uint8Array({ maxLength: 40 }), { maxLength: 5 }), (tid, values) => {
        const attributes = values.map((value, i) => ({ type: 0x8000 + i, value }));
        const raw = serializeStun({ method: METHOD_BINDING, cls: StunClass.request, transactionId: tid, attributes }, { integrityKey: PASSWORD, fingerprint: true });
        const m = parseStun(raw);
        expect(m.attributes.filter((a) => a.type !== Attr.MESSAGE_INTEGRITY).map((a) => [a.type, [...a.value]])).toEqual(attributes.map((a) => [a.type, [...a.value]]));
        expect(verifyIntegrity(m, PASSWORD)).toBe(true);
      }),
    );
  });

  it('XOR-MAPPED-ADDRESS round trips for IPv4 and IPv6', () => {
    fc.assert(
      fc.property(fc.oneof(fc.ipV4(), fc.ipV6()), fc.integer({ min: 0, max: 65535 }), fc.uint8Array({ minLength: 12, maxLength: 12 }), (ip, port, tid) => {
        if (ip.includes('.') && ip.includes(':')) return; // IPv4-mapped IPv6 text form is not produced by sockets here
        const back = decodeXorAddress(encodeXorAddress(ip, port, tid), tid);
        expect(back.port).toBe(port);
        if (!ip.includes(':')) expect(back.address).toBe(ip);
        else expect(Buffer.from(encodeXorAddress(back.address, port, tid)).equals(Buffer.from(encodeXorAddress(ip, port, tid)))).toBe(true);
      }),
    );
  });

  it('nothing but ParseError escapes on arbitrary bytes', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 200 }), (bytes) => {
        try {
          parseStun(bytes);
        } catch (e) {
          expect(e).toBeInstanceOf(ParseError);
        }
      }),
      { numRuns: 2000 },
    );
  });
});

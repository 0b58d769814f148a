// Byte-level codecs of the transport: RFC 7983 classification, DCEP (RFC 8832), RTP (RFC 3550),
// VP8 payload (RFC 7741), ICE candidates (RFC 8839), fingerprints (RFC 8122), DTLS hello pieces.
// Round trips, fixtures of bad input, and fast-check properties: only ParseError escapes.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isVp8KeyFrame, parseIvf, parseRtp, parseVp8Descriptor, serializeRtp, Vp8Packetizer } from '../../electron/core/rtp';
import { parseFingerprint, certificateMatches, createDtlsCertificate } from '../../electron/core/transport/certificate';
import { classifyDatagram } from '../../electron/core/transport/demux';
import { parseClientHello, parseServerKeyExchange, parseUseSrtp, parseCertificateVerify, parseFirstCertificate } from '../../electron/core/transport/dtls';
import { ParseError } from '../../electron/core/transport/errors';
import { parseCandidate, serializeCandidate, candidatePriority, pairPriority } from '../../electron/core/transport/ice';
import { ChannelType, parseDcep, serializeDcep } from '../../electron/core/transport/sctp';

const onlyParseError = (fn: (b: Uint8Array) => unknown) =>
  fc.assert(
    fc.property(fc.uint8Array({ maxLength: 300 }), (b) => {
      try {
        fn(b);
      } catch (e) {
        expect(e).toBeInstanceOf(ParseError);
      }
    }),
    { numRuns: 1500 },
  );

describe('RFC 7983 demultiplexing', () => {
  it('classifies by the first byte (and RTCP by packet type, RFC 5761 §4)', () => {
    expect(classifyDatagram(Uint8Array.of(0, 1))).toBe('stun');
    expect(classifyDatagram(Uint8Array.of(3))).toBe('stun');
    expect(classifyDatagram(Uint8Array.of(16))).toBe('zrtp');
    expect(classifyDatagram(Uint8Array.of(20))).toBe('dtls');
    expect(classifyDatagram(Uint8Array.of(63))).toBe('dtls');
    expect(classifyDatagram(Uint8Array.of(64))).toBe('turn-channel');
    expect(classifyDatagram(Uint8Array.of(0x80, 96))).toBe('rtp');
    expect(classifyDatagram(Uint8Array.of(0x80, 0xe0))).toBe('rtp'); // marker + PT 96
    expect(classifyDatagram(Uint8Array.of(0x81, 200))).toBe('rtcp'); // SR
    expect(classifyDatagram(Uint8Array.of(0x8f, 206))).toBe('rtcp'); // PSFB
    expect(classifyDatagram(Uint8Array.of(0x80))).toBe('unknown');
    expect(classifyDatagram(Uint8Array.of(4))).toBe('unknown');
    expect(classifyDatagram(Uint8Array.of(192))).toBe('unknown');
    expect(classifyDatagram(new Uint8Array(0))).toBe('unknown');
  });
});

describe('DCEP (RFC 8832 §5)', () => {
  it('DATA_CHANNEL_OPEN for CLUE round trips byte for byte', () => {
    const open = { type: 'open' as const, channelType: ChannelType.RELIABLE, priority: 256, reliability: 0, label: 'CLUE', protocol: 'clue' };
    const raw = serializeDcep(open);
    expect([...raw.subarray(0, 12)]).toEqual([3, 0, 1, 0, 0, 0, 0, 0, 0, 4, 0, 4]);
    expect(parseDcep(raw)).toEqual(open);
    expect(serializeDcep(parseDcep(raw))).toEqual(raw);
    expect(parseDcep(Uint8Array.of(2))).toEqual({ type: 'ack' });
  });
  it('refuses truncated, oversized and invalid messages', () => {
    const raw = serializeDcep({ type: 'open', channelType: 0, priority: 0, reliability: 0, label: 'CLUE', protocol: 'clue' });
    expect(() => parseDcep(raw.subarray(0, 14))).toThrow(ParseError);
    expect(() => parseDcep(Uint8Array.from([...raw, 0]))).toThrow(ParseError);
    expect(() => parseDcep(Uint8Array.of(2, 0))).toThrow(ParseError);
    expect(() => parseDcep(Uint8Array.of(9))).toThrow(ParseError);
    const badType = Uint8Array.from(raw);
    badType[1] = 0x55;
    expect(() => parseDcep(badType)).toThrow(ParseError);
    const badUtf8 = Uint8Array.from(raw);
    badUtf8[12] = 0xff;
    expect(() => parseDcep(badUtf8)).toThrow(ParseError);
  });
  it('property: encode∘decode is identity; only ParseError escapes', () => {
    fc.assert(
      fc.property(fc.constantFrom(0, 0x80, 1, 0x81, 2, 0x82), fc.integer({ min: 0, max: 65535 }), fc.nat(), fc.string(), fc.string(), (channelType, priority, reliability, label, protocol) => {
        const m = { type: 'open' as const, channelType, priority, reliability, label, protocol };
        expect(parseDcep(serializeDcep(m))).toEqual(m);
      }),
    );
    onlyParseError(parseDcep);
  });
});

describe('RTP (RFC 3550 §5.1) and VP8 (RFC 7741)', () => {
  it('round trips with CSRCs, extension and padding; only ParseError escapes', () => {
    fc.assert(
      fc.property(
        fc.record({
          marker: fc.boolean(),
          payloadType: fc.integer({ min: 0, max: 127 }),
          sequenceNumber: fc.integer({ min: 0, max: 65535 }),
          timestamp: fc.nat({ max: 0xffffffff }),
          ssrc: fc.nat({ max: 0xffffffff }),
          csrcs: fc.array(fc.nat({ max: 0xffffffff }), { maxLength: 15 }),
        }),
        fc.option(fc.uint8Array({ maxLength: 8 }).map((b) => Uint8Array.from([...b, ...new Array((4 - (b.length % 4)) % 4).fill(0)]))),
        fc.uint8Array({ maxLength: 100 }),
        fc.integer({ min: 0, max: 20 }),
        (h, ext, payload, paddingLength) => {
          const packet = { header: { ...h, padding: paddingLength > 0, extension: ext ? { profile: 0xbede, data: ext } : undefined }, payload, paddingLength };
          const raw = serializeRtp(packet);
          const back = parseRtp(raw);
          expect(serializeRtp(back)).toEqual(raw);
          expect([...back.payload]).toEqual([...payload]);
        },
      ),
    );
    onlyParseError(parseRtp);
    onlyParseError(parseVp8Descriptor);
  });
  it('packetizes a frame: S bit on the first packet, marker on the last, 15-bit PictureID, MTU respected', () => {
    const p = new Vp8Packetizer({ ssrc: 0x11223344, payloadType: 96, maxPayload: 1000, initialSequence: 65534, initialPictureId: 0x7fff });
    const frame = new Uint8Array(2500).map((_, i) => i & 0xff);
    frame[0] = 0x10; // key frame (P bit clear)
    const packets = p.packetize(frame, 123456).map(parseRtp);
    expect(packets.map((x) => x.header.sequenceNumber)).toEqual([65534, 65535, 0]);
    expect(packets.map((x) => x.header.marker)).toEqual([false, false, true]);
    expect(packets.every((x) => x.payload.length <= 1000 && x.header.timestamp === 123456)).toBe(true);
    const descs = packets.map((x) => parseVp8Descriptor(x.payload));
    expect(descs.map((d) => d.start)).toEqual([true, false, false]);
    expect(descs.every((d) => d.pictureId === 0x7fff)).toBe(true);
    expect(isVp8KeyFrame(packets[0]?.payload ?? new Uint8Array())).toBe(true);
    const rebuilt = Buffer.concat(packets.map((x) => x.payload.subarray(parseVp8Descriptor(x.payload).headerLength)));
    expect(rebuilt.equals(Buffer.from(frame))).toBe(true);
    expect(parseVp8Descriptor(parseRtp(p.packetize(frame, 0)[0] ?? new Uint8Array()).payload).pictureId).toBe(0);
  });
  it('IVF: refuses a file without DKIF and truncated frames', () => {
    expect(() => parseIvf(new Uint8Array(32))).toThrow(ParseError);
    const head = new Uint8Array(32 + 12 + 2);
    head.set([0x44, 0x4b, 0x49, 0x46], 0);
    head[6] = 32;
    head[32] = 10; // claims 10 bytes, has 2
    expect(() => parseIvf(head)).toThrow(ParseError);
    onlyParseError(parseIvf);
  });
});

describe('ICE candidates (RFC 8839 §5.1) and priorities (RFC 8445 §5.1.2, §6.1.2.3)', () => {
  it('parses and serializes host and srflx candidates', () => {
    const host = 'candidate:1 1 udp 2122260223 127.0.0.1 54321 typ host generation 0';
    const c = parseCandidate(host);
    expect(c).toMatchObject({ foundation: '1', component: 1, priority: 2122260223, address: '127.0.0.1', port: 54321, type: 'host' });
    const srflx = parseCandidate('a=candidate:9 1 UDP 1686052607 203.0.113.7 40000 typ srflx raddr 10.0.0.2 rport 50000');
    expect(serializeCandidate(srflx)).toBe('candidate:9 1 udp 1686052607 203.0.113.7 40000 typ srflx raddr 10.0.0.2 rport 50000');
    expect(parseCandidate('candidate:1 1 udp 1 abcd-ef.local 9 typ host').address).toBe('abcd-ef.local');
  });
  it('refuses malformed candidates', () => {
    for (const bad of ['candidate:1 1 tcp 1 1.2.3.4 9 typ host', 'candidate:1 1 udp x 1.2.3.4 9 typ host', 'candidate:1 1 udp 1 1.2.3.4 70000 typ host', 'candidate:1 1 udp 1 1.2.3.4 9 type host', 'candidate:1 1 udp 1 not-an-ip 9 typ host', 'candidate:1 1 udp 1 1.2.3.4 9 typ alien', 'candidate:'])
      expect(() => parseCandidate(bad)).toThrow(ParseError);
  });
  it('computes the RFC priorities', () => {
    expect(candidatePriority('host', 65535, 1)).toBe(2130706431);
    expect(pairPriority(2130706431, 1862270975)).toBe((1n << 32n) * 1862270975n + 2n * 2130706431n + 1n);
  });
});

describe('fingerprints (RFC 8122 §5)', () => {
  it('parses sha-256 and matches only the right certificate', async () => {
    const a = await createDtlsCertificate();
    const b = await createDtlsCertificate();
    const fp = parseFingerprint(`SHA-256 ${a.fingerprint.value.toLowerCase()}`);
    expect(fp).toEqual(a.fingerprint);
    expect(certificateMatches(a.der, fp)).toBe(true);
    expect(certificateMatches(b.der, fp)).toBe(false);
    for (const bad of ['sha-1 AB:CD', 'sha-256 AB:CD', 'sha-256', `md5 ${a.fingerprint.value}`, `sha-256 ${a.fingerprint.value}:00`]) expect(() => parseFingerprint(bad)).toThrow(ParseError);
  });
});

describe('DTLS handshake bodies the transport reads (RFC 5246 §7.4, RFC 5764 §4.1.1)', () => {
  it('use_srtp: profile ids; bad lengths refused', () => {
    expect(parseUseSrtp(Uint8Array.of(0, 6, 0, 7, 0, 1, 0, 2, 0))).toEqual([7, 1, 2]);
    expect(() => parseUseSrtp(Uint8Array.of(0, 3, 0, 7, 0))).toThrow(ParseError);
    expect(() => parseUseSrtp(Uint8Array.of(0, 8, 0, 7))).toThrow(ParseError);
  });
  it('nothing but ParseError escapes the hello, key exchange, verify and certificate parsers', () => {
    onlyParseError(parseClientHello);
    onlyParseError(parseServerKeyExchange);
    onlyParseError(parseCertificateVerify);
    onlyParseError(parseFirstCertificate);
    onlyParseError(parseUseSrtp);
  });
});

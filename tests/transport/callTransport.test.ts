// Two call transports on real loopback sockets: ICE, DTLS-SRTP (the project's SrtpSession), the CLUE
// data channel both ways with a large message, VP8 RTP, and the failure cases the issue names.
import { createSocket } from 'node:dgram';
import { afterEach, describe, expect, it } from 'vitest';
import { setLogSink } from '../../electron/core/log';
import { parseRtp } from '../../electron/core/rtp';
import { SrtpError } from '../../electron/core/srtp';
import { createCallTransport, createDtlsCertificate, type CallTransport, type CallTransportOptions, type DataChannel } from '../../electron/core/transport';

const open: CallTransport[] = [];
afterEach(() => {
  for (const t of open.splice(0)) t.close();
});

async function make(extra: Partial<CallTransportOptions> = {}): Promise<CallTransport> {
  const t = await createCallTransport({ certificate: await createDtlsCertificate(), hostAddresses: ['127.0.0.1'], ...extra });
  open.push(t);
  return t;
}

const settled = (t: CallTransport) =>
  new Promise<string>((resolve) => t.events.on('statechange', (s, reason) => (s === 'connected' || s === 'failed') && resolve(reason ? `${s}: ${reason}` : s)));

describe('call transport on loopback', () => {
  it('connects, keys SRTP, carries CLUE both ways and VP8 RTP', async () => {
    const a = await make();
    const b = await make();
    const offer = a.createOffer();
    expect(offer).toMatch(/a=group:BUNDLE 0 1/);
    expect(offer).toMatch(/m=application \d+ UDP\/DTLS\/SCTP webrtc-datachannel/);
    const answer = b.createAnswer(offer);
    expect(answer).toMatch(/a=setup:active/);
    const states = Promise.all([settled(a), settled(b)]);
    a.setRemoteAnswer(answer);
    expect(await states).toEqual(['connected', 'connected']);
    expect(a.srtpProfile).toBe('AEAD_AES_128_GCM');

    const incoming = new Promise<DataChannel>((r) => b.events.on('datachannel', r));
    await new Promise<void>((r) => {
      const poll = () => (a.dataChannels?.isConnected ? r() : setTimeout(poll, 5));
      poll();
    });
    const clue = a.openClueChannel();
    const peer = await incoming;
    expect([peer.label, peer.protocol]).toEqual(['CLUE', 'clue']);
    const big = `<advertisement>${'x'.repeat(200_000)}</advertisement>`;
    const got = new Promise<string | Uint8Array>((r) => peer.events.on('message', r));
    clue.send(big);
    expect(await got).toBe(big);
    const back = new Promise<string | Uint8Array>((r) => clue.events.on('message', r));
    peer.send('<ack/>');
    expect(await back).toBe('<ack/>');

    const rtp = new Promise<Uint8Array>((r) => b.events.on('rtp', r));
    const frame = new Uint8Array(3000).fill(7);
    frame[0] = 0x10; // P bit 0: key frame
    expect(a.sendVideoFrame(frame, 90000)).toBe(3);
    const first = parseRtp(await rtp);
    expect(first.header.payloadType).toBe(96);

    const closed = Promise.all([new Promise<void>((r) => peer.events.on('close', () => r())), new Promise<void>((r) => clue.events.on('close', () => r()))]);
    clue.close();
    await closed;
    expect(clue.state).toBe('closed');

    // Hanging up sends a DTLS close_notify: the far end closes (not fails) and says why.
    const farEnd = new Promise<[string, string | undefined]>((r) => b.events.on('statechange', (s, reason) => (s === 'closed' || s === 'failed') && r([s, reason])));
    a.close();
    expect(await farEnd).toEqual(['closed', 'the peer closed DTLS (peer sent a DTLS alert)']);
  });

  it('ends the call with a clear reason on a wrong fingerprint', async () => {
    const a = await make();
    const b = await make();
    const other = await createDtlsCertificate();
    const answer = b.createAnswer(a.createOffer());
    const tampered = answer.replace(/a=fingerprint:sha-256 \S+/g, `a=fingerprint:sha-256 ${other.fingerprint.value}`);
    const lines: string[] = [];
    const restore = setLogSink((level, scope, message, fields) => lines.push(`${level} ${scope} ${message} ${String(fields.reason ?? '')}`));
    try {
      const result = settled(a);
      a.setRemoteAnswer(tampered);
      expect(await result).toMatch(/^failed: DTLS fingerprint mismatch/);
      expect(a.state).toBe('failed');
      expect(lines.some((l) => l.startsWith('warn transport') && l.includes('fingerprint mismatch'))).toBe(true);
    } finally {
      restore();
    }
  });

  it('ends the call with the reason when the SRTP key is used up (RFC 3711 §9.2), and sends nothing under it', async () => {
    const a = await make({ srtpKeyLimits: { srtp: 3 } });
    const b = await make();
    const states = Promise.all([settled(a), settled(b)]);
    a.setRemoteAnswer(b.createAnswer(a.createOffer()));
    expect(await states).toEqual(['connected', 'connected']);
    const got: Uint8Array[] = [];
    b.events.on('rtp', (p) => got.push(p));
    const ended = new Promise<[string, string | undefined]>((r) => a.events.on('statechange', (s, reason) => r([s, reason])));
    const frame = new Uint8Array(2500).fill(7);
    frame[0] = 0x10;
    expect(a.sendVideoFrame(frame, 3000)).toBe(3); // the third packet is the key's last
    expect(() => a.sendVideoFrame(frame, 6000)).toThrow(SrtpError);
    const [state, reason] = await ended;
    expect(state).toBe('failed');
    expect(reason).toMatch(/^SRTP key limit reached \(srtp, 3 packets/);
    await new Promise((r) => setTimeout(r, 100));
    expect(got.length).toBeLessThanOrEqual(3);
  });

  it('drops and counts a flood of garbage datagrams without ending the call', async () => {
    const a = await make();
    const b = await make();
    const states = Promise.all([settled(a), settled(b)]);
    a.setRemoteAnswer(b.createAnswer(a.createOffer()));
    expect(await states).toEqual(['connected', 'connected']);
    const sock = createSocket('udp4');
    await new Promise<void>((r) => sock.bind(0, '127.0.0.1', r));
    const port = a.localAddress.port;
    const n = 3000;
    type DemuxStats = { demux: { dropped: Record<string, number>; received: Record<string, number> } };
    const sum = (r: Record<string, number>) => Object.values(r).reduce((x, y) => x + y, 0);
    const before = a.stats() as DemuxStats;
    for (let i = 0; i < n; i++) {
      const len = 1 + (i % 300);
      const junk = Buffer.alloc(len, i & 0xff);
      junk[0] = [0x00, 0x01, 0x16, 0x17, 0x80, 0x81, 0x90, 0xc8, 0xff, 0x40][i % 10] as number;
      sock.send(junk, port, '127.0.0.1');
      if (i % 20 === 0) await new Promise((r) => setImmediate(r));
    }
    await new Promise((r) => setTimeout(r, 300));
    sock.close();
    const after = a.stats() as DemuxStats;
    const received = sum(after.demux.received) - sum(before.demux.received);
    const dropped = sum(after.demux.dropped) - sum(before.demux.dropped);
    // The kernel may lose some of a loopback flood; every datagram that reached the demux, bar a
    // handful of consent checks and the 32 DTLS records held for ICE, was dropped and counted.
    expect(received).toBeGreaterThan(n * 0.3);
    expect(dropped).toBeGreaterThanOrEqual(received - 40);
    expect(a.state).toBe('connected');
    // The call still works after the flood.
    const rtp = new Promise<Uint8Array>((r) => b.events.on('rtp', r));
    a.sendVideoFrame(Uint8Array.of(0x10, 1, 2, 3), 3000);
    expect(parseRtp(await rtp).payload.length).toBeGreaterThan(0);
  });

  it('ICE restart keeps the call and its media up (RFC 8445 §9)', async () => {
    const a = await make();
    const b = await make();
    const states = Promise.all([settled(a), settled(b)]);
    a.setRemoteAnswer(b.createAnswer(a.createOffer()));
    expect(await states).toEqual(['connected', 'connected']);
    const oldUfrag = a.ice.local.ufrag;
    const iceBack = new Promise<void>((r) => a.ice.events.on('statechange', (s) => s === 'connected' && r()));
    const offer = a.restartIce();
    expect(a.ice.local.ufrag).not.toBe(oldUfrag);
    expect(offer).toContain(`a=ice-ufrag:${a.ice.local.ufrag}`);
    // Media still flows on the previous pair while the new checks run.
    const during = new Promise<Uint8Array>((r) => b.events.once('rtp', r));
    a.sendVideoFrame(Uint8Array.of(0x10, 1, 2, 3), 3000);
    await during;
    a.setRemoteAnswer(b.createAnswer(offer));
    await iceBack;
    expect([a.state, b.state]).toEqual(['connected', 'connected']);
    const after = new Promise<Uint8Array>((r) => b.events.once('rtp', r));
    a.sendVideoFrame(Uint8Array.of(0x10, 4, 5, 6), 6000);
    expect(parseRtp(await after).header.timestamp).toBe(6000);
  });

  it("refuses a CLUE message above the peer's a=max-message-size instead of sending it", async () => {
    const a = await createCallTransport({ certificate: await createDtlsCertificate(), hostAddresses: ['127.0.0.1'] });
    const b = await createCallTransport({ certificate: await createDtlsCertificate(), hostAddresses: ['127.0.0.1'], maxMessageSize: 1000 });
    open.push(a, b);
    const states = Promise.all([settled(a), settled(b)]);
    a.setRemoteAnswer(b.createAnswer(a.createOffer()));
    await states;
    await new Promise<void>((r) => {
      const poll = () => (a.dataChannels?.isConnected ? r() : setTimeout(poll, 5));
      poll();
    });
    const clue = a.openClueChannel();
    expect(() => clue.send('x'.repeat(1001))).toThrow(/exceeds the peer's a=max-message-size 1000/);
    expect(() => clue.send('x'.repeat(1000))).not.toThrow();
  });
});

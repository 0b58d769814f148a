// Server-reflexive gathering (RFC 8445 §5.1.1.2) against a STUN server on loopback built on werift's
// independent STUN codec. Loopback has no NAT, so the server plays one: it maps every client to
// 203.0.113.5 (TEST-NET-3) and a port of its own; the candidate must appear with raddr/rport = host.
import { createSocket } from 'node:dgram';
import { afterEach, describe, expect, it } from 'vitest';
import { classes, Message, methods, parseMessage } from 'werift';
import { createCallTransport, createDtlsCertificate, type CallTransport, type IceCandidate } from '../../electron/core/transport';

const open: CallTransport[] = [];
afterEach(() => {
  for (const t of open.splice(0)) t.close();
});

describe('server-reflexive candidates', () => {
  it('gathers a srflx candidate from the configured STUN server and offers it', async () => {
    const server = createSocket('udp4');
    await new Promise<void>((r) => server.bind(0, '127.0.0.1', r));
    let requests = 0;
    server.on('message', (data, rinfo) => {
      const req = parseMessage(data);
      if (!req || req.messageMethod !== methods.BINDING || req.messageClass !== classes.REQUEST) return;
      requests++;
      const res = new Message(methods.BINDING, classes.RESPONSE, req.transactionId);
      res.setAttribute('XOR-MAPPED-ADDRESS', ['203.0.113.5', 40000 + (rinfo.port % 1000)]);
      res.addFingerprint();
      server.send(res.bytes, rinfo.port, rinfo.address);
    });
    const t = await createCallTransport({ certificate: await createDtlsCertificate(), hostAddresses: ['127.0.0.1'], stunServer: { address: '127.0.0.1', port: (server.address() as { port: number }).port } });
    open.push(t);
    const srflx = await new Promise<IceCandidate>((resolve) => t.events.on('candidate', (c) => c.type === 'srflx' && resolve(c)));
    server.close();
    expect(requests).toBeGreaterThanOrEqual(1);
    expect(srflx).toMatchObject({ address: '203.0.113.5', type: 'srflx', relatedAddress: '127.0.0.1', relatedPort: t.localAddress.port });
    expect(t.ice.gathering).toBe('complete');
    const offer = t.createOffer();
    expect(offer).toMatch(/a=candidate:\S+ 1 udp \d+ 203\.0\.113\.5 \d+ typ srflx raddr 127\.0\.0\.1 rport \d+/);
    expect(offer).toContain('a=end-of-candidates');
  });
});

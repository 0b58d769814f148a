// DTLS 1.2 handshakes between two of our DtlsTransports (werift record layer, our policy and peer
// authentication): both roles agree on keys, the fingerprint is enforced, NULL-only peers are refused.
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DtlsClient, HashAlgorithm, SignatureAlgorithm } from 'werift';
import { CertificateManager, createDtlsCertificate, fingerprintOf } from '../../electron/core/transport/certificate';
import { setLogSink } from '../../electron/core/log';
import { DtlsTransport } from '../../electron/core/transport/dtls';
import { ManualClock } from '../../shared/clock';
import { srtpFromDtls } from '../../electron/core/transport/callDescription';
import { SrtpSession } from '../../electron/core/srtp';

function link(): { a: DtlsTransport; b: DtlsTransport; setA(t: DtlsTransport): void; setB(t: DtlsTransport): void } {
  let a!: DtlsTransport;
  let b!: DtlsTransport;
  return {
    get a() {
      return a;
    },
    get b() {
      return b;
    },
    setA: (t) => (a = t),
    setB: (t) => (b = t),
  };
}

async function pair(opts: { wrongFingerprint?: boolean; aEarly?: boolean } = {}) {
  const [ca, cb, other] = await Promise.all([createDtlsCertificate(), createDtlsCertificate(), createDtlsCertificate()]);
  const l = link();
  const a = new DtlsTransport({ certificate: ca, send: (d) => setImmediate(() => l.b.handleDatagram(d)) });
  const b = new DtlsTransport({ certificate: cb, send: (d) => setImmediate(() => l.a.handleDatagram(d)) });
  l.setA(a);
  l.setB(b);
  const done = (t: DtlsTransport) =>
    new Promise<string>((resolve) => t.events.on('statechange', (s, reason) => (s === 'connected' || s === 'failed') && resolve(reason ? `${s}: ${reason}` : s)));
  const results = [done(a), done(b)];
  // b (client) starts first; a (server) starts late: its ClientHello must be buffered, not lost.
  b.start('client', [opts.wrongFingerprint ? other.fingerprint : ca.fingerprint]);
  await new Promise((r) => setTimeout(r, opts.aEarly ? 0 : 30));
  a.start('server', [cb.fingerprint]);
  return { a, b, results: await Promise.all(results) };
}

describe('DTLS transport (RFC 5763/5764)', () => {
  it('connects client and server, picks AEAD_AES_128_GCM, exports equal keys; early records are buffered', async () => {
    const t0 = performance.now();
    const { a, b, results } = await pair();
    expect(results).toEqual(['connected', 'connected']);
    // The server started 30 ms late: without buffering werift would wait ~1 s for a retransmission.
    expect(performance.now() - t0).toBeLessThan(800);
    expect(a.srtpProfile).toBe('AEAD_AES_128_GCM');
    expect(b.srtpProfile).toBe('AEAD_AES_128_GCM');
    const ka = a.exportKeyingMaterial('EXTRACTOR-dtls_srtp', undefined, 56);
    const kb = b.exportKeyingMaterial('EXTRACTOR-dtls_srtp', undefined, 56);
    expect(Buffer.from(ka).equals(Buffer.from(kb))).toBe(true);
    const kc = a.exportKeyingMaterial('EXTRACTOR-dtls_srtp', new Uint8Array([1]), 56);
    expect(Buffer.from(ka).equals(Buffer.from(kc))).toBe(false);
    const got = new Promise<string>((r) => a.onData((d) => r(Buffer.from(d).toString())));
    b.send(Buffer.from('hello over dtls'));
    expect(await got).toBe('hello over dtls');
    a.close();
    b.close();
    a.close();
  });

  it('keys SRTP from the exporter: each side reads the other, and the keys are not left zeroed', async () => {
    const { a, b, results } = await pair();
    expect(results).toEqual(['connected', 'connected']);
    const sa = srtpFromDtls(a);
    const sb = srtpFromDtls(b);
    if (typeof sa === 'string' || typeof sb === 'string') throw new Error('not keyed');
    const rtp = Uint8Array.from([0x80, 96, 0, 1, 0, 0, 0, 1, 0, 0, 0, 7, 1, 2, 3, 4]);
    const back = sb.rx.unprotectRtp(sa.tx.protectRtp(rtp));
    expect(back.ok && [...back.packet]).toEqual([...rtp]);
    // Regression: zeroing the exporter output once zeroed the keys too (Buffer.slice is a view).
    const zero = { profile: a.srtpProfile ?? 'AEAD_AES_128_GCM', masterKey: new Uint8Array(16), masterSalt: new Uint8Array(12) };
    const next = Uint8Array.from(rtp);
    next[3] = 2; // a fresh sequence number, so only the keys can refuse it (not the replay window)
    const forged = new SrtpSession({ keys: zero }).protectRtp(next);
    expect(sb.rx.unprotectRtp(forged)).toEqual({ ok: false, reason: 'auth' });
    expect(sb.rx.unprotectRtp(sa.tx.protectRtp(next)).ok).toBe(true);
    a.close();
    b.close();
  });

  it('survives garbage records from the peer address once connected (dropped, counted, still working)', async () => {
    const { a, b, results } = await pair();
    expect(results).toEqual(['connected', 'connected']);
    fc.assert(
      fc.property(fc.integer({ min: 20, max: 63 }), fc.uint8Array({ maxLength: 300 }), (first, rest) => {
        a.handleDatagram(Uint8Array.from([first, ...rest]));
      }),
      { numRuns: 500 },
    );
    // A spoofed plaintext fatal alert after the handshake is discarded, not obeyed.
    a.handleDatagram(Uint8Array.from([21, 0xfe, 0xfd, 0, 0, 0, 0, 0, 0, 0, 9, 0, 2, 2, 40]));
    expect(a.dropped.get('unauthenticated-alert')).toBe(1);
    // So is an epoch-1 "alert" whose bytes look like close_notify but carry no valid AEAD tag.
    a.handleDatagram(Uint8Array.from([21, 0xfe, 0xfd, 0, 1, 0, 0, 0, 0, 0, 99, 0, 26, 1, 0, ...new Array(24).fill(7)]));
    expect(a.dropped.get('unauthenticated-alert')).toBe(2);
    // A record header with a valid shape but garbage ciphertext, epoch 1 (fails AEAD, never throws).
    a.handleDatagram(Uint8Array.from([23, 0xfe, 0xfd, 0, 1, 0, 0, 0, 0, 0, 9, 0, 24, ...new Array(24).fill(0xaa)]));
    await new Promise((r) => setTimeout(r, 50));
    expect(a.state).toBe('connected');
    const got = new Promise<string>((r) => a.onData((d) => r(Buffer.from(d).toString())));
    b.send(Buffer.from('still here'));
    expect(await got).toBe('still here');
    a.close();
    b.close();
  });

  it('ends with a clear reason when the peer certificate does not match a=fingerprint', async () => {
    const { results, a, b } = await pair({ wrongFingerprint: true });
    expect(results[1]).toMatch(/^failed: DTLS fingerprint mismatch/);
    a.close();
    b.close();
  });

  it('refuses a client that offers only NULL SRTP profiles', async () => {
    const cert = await createDtlsCertificate();
    const peer = await createDtlsCertificate();
    const sink: { server?: DtlsTransport } = {};
    const client = new DtlsClient({
      transport: { type: 'udp', address: { address: '0.0.0.0', family: 'IPv4', port: 0 }, closed: false, onData: () => {}, send: async (d: Buffer) => void setImmediate(() => sink.server?.handleDatagram(d)), close: async () => {} },
      cert: peer.certPem,
      key: peer.keyPem,
      signatureHash: { hash: HashAlgorithm.sha256_4, signature: SignatureAlgorithm.ecdsa_3 },
      srtpProfiles: [5, 6] as never,
    });
    const server = new DtlsTransport({ certificate: cert, send: (d) => setImmediate(() => client.transport.socket.onData(Buffer.from(d), ['', 0])) });
    sink.server = server;
    const lines: string[] = [];
    const restore = setLogSink((level, scope, message, fields) => lines.push(`${level} ${scope} ${message} ${String(fields.reason ?? '')}`));
    const failed = new Promise<string | undefined>((r) => server.events.on('statechange', (s, reason) => s === 'failed' && r(reason)));
    server.start('server', [peer.fingerprint]);
    void client.connect().catch(() => {});
    expect(await failed).toMatch(/no acceptable SRTP protection profile \(offered: NULL_HMAC_SHA1_80, NULL_HMAC_SHA1_32\)/);
    restore();
    expect(lines.some((l) => l.startsWith('warn transport.dtls dtls state') && l.includes('NULL_HMAC_SHA1_80'))).toBe(true);
    server.close();
  });
});

describe('certificate manager', () => {
  it('rotates on its schedule (manual clock) and persists the identity with mode 0600', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'telescene-cert-'));
    const storePath = join(dir, 'dtls-identity.json');
    let now = 5_000_000;
    const clock = new ManualClock();
    const m = new CertificateManager({ rotateAfterMs: 60_000, now: () => now, storePath });
    const first = await m.current();
    expect(statSync(storePath).mode & 0o777).toBe(0o600);
    const stop = m.schedule((ms, fn) => clock.after(ms, fn));
    now += 60_000;
    clock.advance(60_000);
    await new Promise((r) => setTimeout(r, 50));
    const second = await m.current();
    expect(second.fingerprint).not.toEqual(first.fingerprint);
    stop();
    // A restart finds the stored identity.
    const again = new CertificateManager({ rotateAfterMs: 60_000, now: () => now, storePath });
    expect((await again.current()).fingerprint).toEqual(second.fingerprint);
    rmSync(dir, { recursive: true, force: true });
  });

  it('rotates on schedule and keeps P-256', async () => {
    let now = 1_000_000;
    const m = new CertificateManager({ rotateAfterMs: 1000, now: () => now });
    const c1 = await m.current();
    expect(await m.current()).toBe(c1);
    now += 1001;
    const c2 = await m.current();
    expect(c2).not.toBe(c1);
    expect(c2.fingerprint).toEqual(fingerprintOf(c2.der));
  });
});

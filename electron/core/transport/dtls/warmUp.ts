// One DTLS handshake between two in-memory DtlsTransports, run once per process before the first
// call: werift's first handshake pays ~100 ms of one-time costs (its P-256 key code, JIT) that would
// otherwise land between a call's answer and its DTLS connected state. No socket, no peer.
import type { DtlsCertificate } from '../certificate';
import { DtlsTransport } from './dtlsTransport';

let done: Promise<void> | undefined;

export function warmUpDtls(certificate: DtlsCertificate): Promise<void> {
  done ??= new Promise<void>((resolve) => {
    const peers: DtlsTransport[] = [];
    const client = new DtlsTransport({ certificate, send: (d) => setImmediate(() => peers[1]?.handleDatagram(d)) });
    const server = new DtlsTransport({ certificate, send: (d) => setImmediate(() => client.handleDatagram(d)) });
    peers.push(client, server);
    let settled = 0;
    const finish = (): void => {
      if (++settled < 2) return;
      client.close('warm-up done');
      server.close('warm-up done');
      resolve();
    };
    for (const t of [client, server]) t.events.on('statechange', (s) => (s === 'connected' || s === 'failed') && finish());
    server.start('server', [certificate.fingerprint]);
    client.start('client', [certificate.fingerprint]);
    // Never hold a call back on the warm-up: give up after 2 s.
    setTimeout(() => {
      settled = 2;
      finish();
    }, 2000).unref();
  });
  return done;
}

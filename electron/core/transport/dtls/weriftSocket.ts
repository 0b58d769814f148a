// The boundary with werift's DTLS code: building a DtlsClient/DtlsServer over a send function
// (werift never sees a socket; our demux feeds it), hooking its handshake batches, and reading
// what our own checks need from its handshake state. Everything werift-specific stays here.
import { DtlsClient, DtlsServer, HashAlgorithm, SignatureAlgorithm } from 'werift';
import type { DtlsCertificate } from '../certificate';
import { HS, type HandshakeView, type TranscriptMessage } from './handshakeAuth';

export type WeriftSocket = DtlsClient | DtlsServer;

/** What this layer reads of a werift handshake message. */
export interface WeriftHandshake {
  msg_type: number;
  fragment: Buffer;
  serialize(): Buffer;
}

export interface WeriftSocketOptions {
  role: 'client' | 'server';
  certificate: DtlsCertificate;
  profileIds: number[];
  send(data: Buffer): void;
  /** Sees every handshake batch first; returns what werift may process, or undefined to stop. */
  inspect(batch: WeriftHandshake[]): WeriftHandshake[] | undefined;
}

export function createWeriftSocket(o: WeriftSocketOptions): WeriftSocket {
  const transport = {
    type: 'udp',
    address: { address: '0.0.0.0', family: 'IPv4', port: 0 },
    closed: false,
    onData: (_data: Buffer): void => {},
    send: async (data: Buffer): Promise<void> => o.send(data),
    close: async (): Promise<void> => {},
  };
  const options = {
    transport,
    cert: o.certificate.certPem,
    key: o.certificate.keyPem,
    signatureHash: { hash: HashAlgorithm.sha256_4, signature: SignatureAlgorithm.ecdsa_3 },
    srtpProfiles: o.profileIds as never,
    certificateRequest: true, // WebRTC DTLS is mutually authenticated (RFC 8827 §6.5)
    extendedMasterSecret: true, // RFC 7627
  };
  const socket = o.role === 'client' ? new DtlsClient(options) : new DtlsServer(options);
  const original = socket.onHandleHandshakes;
  socket.onHandleHandshakes = async (assembled) => {
    const kept = o.inspect(assembled as unknown as WeriftHandshake[]);
    if (kept !== undefined) await original(kept as unknown as typeof assembled);
  };
  return socket;
}

/** Feeds one datagram to werift's record layer (it throws on garbage: the caller counts that). */
export function feedWerift(socket: WeriftSocket, data: Uint8Array): void {
  socket.transport.socket.onData(Buffer.from(data.buffer, data.byteOffset, data.byteLength), ['', 0]);
}

/** The finished handshake as our verification needs it; a string says what is missing. */
export function handshakeView(socket: WeriftSocket, role: 'client' | 'server', peerFinishedAsClient: Uint8Array | undefined): HandshakeView | string {
  const cert = socket.remoteCertificate;
  if (!cert) return 'peer sent no certificate';
  const transcript: TranscriptMessage[] = socket.dtls.sortedHandshakeCache.map((h) => ({ msgType: h.msg_type, bytes: h.serialize(), body: h.fragment }));
  const peerFinished = role === 'client' ? peerFinishedAsClient : transcript.find((m) => m.msgType === HS.finished && isRemote(socket, m))?.body;
  if (!peerFinished) return 'peer Finished missing';
  const local = socket.cipher.localRandom.serialize();
  const remote = socket.cipher.remoteRandom.serialize();
  return {
    role,
    transcript,
    clientRandom: role === 'client' ? local : remote,
    serverRandom: role === 'client' ? remote : local,
    masterSecret: socket.cipher.masterSecret,
    peerCertificate: cert,
    peerFinished,
  };
}

function isRemote(socket: WeriftSocket, m: TranscriptMessage): boolean {
  const entry = Object.values(socket.dtls.handshakeCache).find((f) => f.data.some((h) => h.fragment === m.body));
  return entry ? !entry.isLocal : false;
}

/** Whether an encrypted record authenticates under the peer's write key (AEAD tag, RFC 5288). */
export function authenticates(socket: WeriftSocket, contentType: number, epoch: number, sequence: number, fragment: Uint8Array): boolean {
  try {
    socket.cipher.cipher.decrypt(socket.sessionType, Buffer.from(fragment), { type: contentType, version: 0xfefd, epoch, sequenceNumber: sequence });
    return true;
  } catch {
    return false;
  }
}

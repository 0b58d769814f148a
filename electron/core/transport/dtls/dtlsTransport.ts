// DTLS 1.2 for DTLS-SRTP (RFC 5763, RFC 5764, RFC 6347) over the call's demux. The record and
// handshake machinery is werift's (DtlsClient/DtlsServer); this layer owns everything a call relies
// on: records that arrive before the handshake starts are buffered, never dropped; the SRTP profile
// is chosen by our preference and NULL is refused with a reason; the peer's certificate is checked
// against the SDP fingerprint, and the handshake signatures and Finished are verified here (werift
// does not); keys leave only through exportKeyingMaterial (RFC 5705).
import { DtlsClient } from 'werift';
import { createLogger } from '../../log';
import type { SrtpProfile } from '../../srtp/types';
import { SRTP_PROFILE_PREFERENCE } from '../../srtp/types';
import { certificateMatches, type DtlsCertificate, type Fingerprint } from '../certificate';
import { systemClock, type Clock, type TimerHandle } from '../../clock';
import { InvalidStateError } from '../errors';
import { TypedEvents } from '../events';
import { StateMachine, type TransitionTable } from '../stateMachine';
import { HS, verifyPeerHandshake } from './handshakeAuth';
import { authenticates, createWeriftSocket, feedWerift, handshakeView, type WeriftHandshake, type WeriftSocket } from './weriftSocket';
import { EXT_USE_SRTP, parseClientHello, parseUseSrtp } from './helloCodec';
import { applyDtlsPolicy, profileById, profileIds, profileName, selectProfile, TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256 } from './policy';
import { exportKeyingMaterial } from './prf';
import { ALERT, alertRecords, CLOSE_NOTIFY_BODY, CONTENT_ALERT, DTLS_1_2, plaintextFatalAlert, recordHeader } from './alerts';
import { FlightRetransmitter } from './flightRetransmitter';

export type DtlsRole = 'client' | 'server';
export type DtlsState = 'new' | 'connecting' | 'connected' | 'closed' | 'failed';

export const DTLS_TRANSITIONS: TransitionTable<DtlsState> = {
  new: ['connecting', 'closed', 'failed'],
  connecting: ['connected', 'closed', 'failed'],
  connected: ['closed', 'failed'],
  closed: [],
  failed: ['closed'],
};

export type DtlsTransportEvents = {
  statechange: [DtlsState, string | undefined];
  data: [Uint8Array];
};

export interface DtlsTransportOptions {
  certificate: DtlsCertificate;
  /** Sends one datagram towards the peer (the call picks the ICE pair). */
  send(data: Uint8Array): void;
  srtpProfiles?: readonly SrtpProfile[];
  clock?: Clock;
  handshakeTimeoutMs?: number;
  /** Records kept while the handshake has not started (the peer may be faster than our ICE). */
  maxBuffered?: number;
}

/** Something DTLS-like that SCTP can run over (RFC 8261). */
export interface DatagramTransport {
  send(data: Uint8Array): void;
  onData(fn: (data: Uint8Array) => void): () => void;
}

const log = createLogger('transport').child('dtls');


export class DtlsTransport implements DatagramTransport {
  readonly events = new TypedEvents<DtlsTransportEvents>((e, err) => log.error('listener threw', { event: e, reason: String(err) }));
  private readonly fsm: StateMachine<DtlsState>;
  private readonly clock: Clock;
  private readonly profiles: readonly SrtpProfile[];
  private socket?: WeriftSocket;
  private role?: DtlsRole;
  private expected: Fingerprint[] = [];
  private buffered: Uint8Array[] = [];
  private timer?: TimerHandle;
  private peerFinished?: Uint8Array;
  private negotiated?: SrtpProfile;
  private lastError?: string;
  private readonly flights: FlightRetransmitter;
  /** Datagrams refused, by reason (malformed, after close, buffer full). */
  readonly dropped = new Map<string, number>();
  failureReason?: string;

  constructor(private readonly opts: DtlsTransportOptions) {
    applyDtlsPolicy();
    this.clock = opts.clock ?? systemClock;
    this.profiles = opts.srtpProfiles ?? SRTP_PROFILE_PREFERENCE;
    this.flights = new FlightRetransmitter(this.clock, (d) => {
      log.debug('retransmitting client flight datagram', { bytes: d.length });
      opts.send(d);
    });
    this.fsm = new StateMachine('dtls', 'new', DTLS_TRANSITIONS, (to, from) => {
      const reason = to === 'failed' || to === 'closed' ? this.failureReason : undefined;
      (to === 'failed' ? log.warn : log.info)('dtls state', { from, to, role: this.role, reason });
      this.events.emit('statechange', to, reason);
    });
  }

  get state(): DtlsState {
    return this.fsm.state;
  }
  get dtlsRole(): DtlsRole | undefined {
    return this.role;
  }
  /** The SRTP protection profile the handshake chose (set once connected). */
  get srtpProfile(): SrtpProfile | undefined {
    return this.negotiated;
  }
  get peerCertificate(): Uint8Array | undefined {
    return this.socket?.remoteCertificate;
  }

  /** Every DTLS datagram from the demux. Before start() it is buffered (bounded), never dropped. */
  handleDatagram(data: Uint8Array): void {
    const state = this.fsm.state;
    if (state === 'connecting' || state === 'new') log.debug('dtls in', { bytes: data.length, contentType: data[0], handshake: data[13] });
    if (state === 'closed' || state === 'failed') return this.count('after-close');
    if (!this.socket) {
      if (this.buffered.length >= (this.opts.maxBuffered ?? 64)) return this.count('buffer-full');
      this.buffered.push(Uint8Array.from(data));
      return;
    }
    if (this.fsm.state === 'connecting') this.flights.answered();
    // After the handshake an alert must authenticate under the session keys: a plaintext (epoch 0)
    // one, or one that fails AEAD, is discarded, not obeyed (RFC 6347 §4.1.2.7); werift would close
    // on either, and anyone able to spoof the peer's address could end the call with one.
    if (this.fsm.state === 'connected' && !this.alertsAuthentic(data)) return this.count('unauthenticated-alert');
    this.feed(data);
  }

  /** Starts the handshake in `role` (from a=setup, RFC 5763 §5), checking the peer against `fingerprints`. */
  start(role: DtlsRole, fingerprints: readonly Fingerprint[]): void {
    if (this.fsm.state !== 'new') throw new InvalidStateError(`DtlsTransport.start in state ${this.fsm.state}`);
    if (fingerprints.length === 0) return this.fail('no remote a=fingerprint to check the peer against');
    this.role = role;
    this.expected = [...fingerprints];
    const socket = createWeriftSocket({
      role,
      certificate: this.opts.certificate,
      profileIds: profileIds(this.profiles),
      inspect: (batch) => this.inspect(batch),
      send: (data) => {
        if (this.fsm.state === 'closed' || this.fsm.state === 'failed') return;
        if (this.fsm.state === 'connecting') {
          if (role === 'client') this.flights.sent(data);
          log.debug('dtls out', { bytes: data.length, contentType: data[0], handshake: data[13] });
        }
        this.opts.send(data);
      },
    });
    this.socket = socket;
    socket.onConnect.subscribe(() => this.onHandshakeDone());
    socket.onData.subscribe((data) => this.events.emit('data', new Uint8Array(data.buffer, data.byteOffset, data.byteLength)));
    socket.onError.subscribe((e) => {
      this.lastError = e instanceof Error ? e.message || e.name : String(e);
      log.debug('werift dtls error', { reason: this.lastError });
    });
    socket.onClose.subscribe(() => {
      this.failureReason = 'peer sent a DTLS alert';
      if (this.fsm.state === 'connected') this.shutdown('closed');
      else this.fail('peer sent a DTLS alert during the handshake');
    });
    this.fsm.go('connecting');
    const timeout = this.opts.handshakeTimeoutMs ?? 10_000;
    this.timer = this.clock.after(timeout, () => {
      if (this.fsm.state === 'connecting') this.fail(`DTLS handshake did not complete in ${timeout} ms${this.lastError ? ` (${this.lastError})` : ''}`);
    });
    if (socket instanceof DtlsClient) socket.connect().catch((e: unknown) => (this.lastError = String(e)));
    const early = this.buffered;
    this.buffered = [];
    if (early.length) log.debug('feeding buffered records', { count: early.length });
    for (const d of early) this.feed(d);
  }

  /** Looks at each handshake batch before werift does; returns what werift may see, or undefined to stop. */
  private inspect(batch: WeriftHandshake[]): WeriftHandshake[] | undefined {
    const state = this.fsm.state;
    if (state !== 'connecting' && state !== 'connected') return undefined;
    // Once connected, a ClientHello would make werift renegotiate (reset the session): never. Other
    // handshake messages are the peer retransmitting its last flight; werift answers with ours.
    if (state === 'connected') return batch.some((h) => h.msg_type === HS.clientHello) ? (this.count('renegotiation-refused'), undefined) : batch;
    const out: WeriftHandshake[] = [];
    for (const h of batch) {
      if (h.msg_type === HS.clientHello && this.role === 'server') {
        const hello = parseClientHello(h.fragment);
        const ext = hello.extensions.find((e) => e.type === EXT_USE_SRTP);
        const offered = ext ? parseUseSrtp(ext.data) : [];
        if (!selectProfile(offered, this.profiles)) {
          this.sendAlert(ALERT.handshakeFailure);
          this.fail(`peer offered no acceptable SRTP protection profile (offered: ${offered.map(profileName).join(', ') || 'none'})`);
          return undefined;
        }
      }
      // werift throws on a second HelloVerifyRequest (our retransmitted ClientHello answered twice).
      if (h.msg_type === 3 && this.socket && this.socket.dtls.flight >= 3) continue;
      if (h.msg_type === HS.finished && this.role === 'client') this.peerFinished = Uint8Array.from(h.fragment);
      out.push(h);
    }
    return out;
  }

  private onHandshakeDone(): void {
    const socket = this.socket;
    if (!socket || this.fsm.state !== 'connecting') return;
    const view = handshakeView(socket, this.role ?? 'client', this.peerFinished);
    if (typeof view === 'string') return this.fail(view);
    if (!this.expected.some((f) => certificateMatches(view.peerCertificate, f))) {
      this.sendAlert(ALERT.badCertificate);
      return this.fail('DTLS fingerprint mismatch: the peer certificate does not match the SDP a=fingerprint');
    }
    if (socket.cipher.cipherSuite !== TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256) return this.fail(`cipher suite 0x${Number(socket.cipher.cipherSuite).toString(16)} is not ECDHE_ECDSA_AES_128_GCM`);
    const auth = verifyPeerHandshake(view);
    if (!auth.ok) return this.fail(`DTLS peer authentication failed: ${auth.reason}`);
    const profile = socket.srtp.srtpProfile === undefined ? undefined : profileById(socket.srtp.srtpProfile, this.profiles);
    if (!profile) return this.fail(`no acceptable SRTP profile negotiated (got ${socket.srtp.srtpProfile === undefined ? 'none' : profileName(socket.srtp.srtpProfile)})`);
    this.negotiated = profile;
    this.timer?.cancel();
    this.flights.stop();
    this.fsm.go('connected');
  }

  /** RFC 5705 exporter over this session (RFC 5764 §4.2 uses "EXTRACTOR-dtls_srtp", no context). */
  exportKeyingMaterial(label: string, context: Uint8Array | undefined, length: number): Uint8Array {
    const socket = this.socket;
    if (!socket || this.fsm.state !== 'connected') throw new InvalidStateError('DTLS is not connected');
    const local = socket.cipher.localRandom.serialize();
    const remote = socket.cipher.remoteRandom.serialize();
    const [client, server] = this.role === 'client' ? [local, remote] : [remote, local];
    return exportKeyingMaterial(socket.cipher.masterSecret, client, server, label, context, length);
  }

  /** Application data (SCTP packets) over the connected session. */
  send(data: Uint8Array): void {
    const socket = this.socket;
    if (!socket || this.fsm.state !== 'connected') throw new InvalidStateError('DTLS is not connected');
    socket.send(Buffer.from(data.buffer, data.byteOffset, data.byteLength)).catch((e: unknown) => log.warn('dtls send failed', { reason: String(e) }));
  }

  onData(fn: (data: Uint8Array) => void): () => void {
    return this.events.on('data', fn);
  }

  private alertsAuthentic(data: Uint8Array): boolean {
    const socket = this.socket;
    if (!socket) return false;
    return alertRecords(data).every((r) => r.epoch > 0 && authenticates(socket, CONTENT_ALERT, r.epoch, r.sequence, r.fragment));
  }

  private feed(data: Uint8Array): void {
    const socket = this.socket;
    if (!socket) return;
    try {
      feedWerift(socket, data);
    } catch {
      this.count('malformed');
    }
  }

  /** A plaintext fatal alert (RFC 5246 §7.2), sent before the handshake has keys. */
  private sendAlert(description: number): void {
    try {
      this.opts.send(plaintextFatalAlert(description));
    } catch {
      /* the socket may be gone already */
    }
  }

  private count(reason: string): void {
    this.dropped.set(reason, (this.dropped.get(reason) ?? 0) + 1);
  }

  private fail(reason: string): void {
    if (this.fsm.state === 'closed' || this.fsm.state === 'failed') return;
    this.failureReason = reason;
    this.shutdown('failed');
  }

  private shutdown(to: 'failed' | 'closed'): void {
    this.timer?.cancel();
    this.flights.stop();
    this.buffered = [];
    this.fsm.tryGo(to);
  }

  /** close_notify (RFC 5246 §7.2.1), encrypted under the session's epoch-1 keys, so the peer ends cleanly. */
  private sendCloseNotify(): void {
    const socket = this.socket;
    if (!socket || this.fsm.state !== 'connected') return;
    try {
      const seq = ++socket.dtls.recordSequenceNumber;
      const epoch = socket.dtls.epoch;
      const body = socket.cipher.cipher.encrypt(socket.sessionType, CLOSE_NOTIFY_BODY, { type: CONTENT_ALERT, version: DTLS_1_2, epoch, sequenceNumber: seq });
      this.opts.send(Buffer.concat([recordHeader(CONTENT_ALERT, epoch, seq, body.length), body]));
    } catch (e) {
      log.debug('close_notify not sent', { reason: e instanceof Error ? e.message : String(e) });
    }
  }

  close(reason = 'closed locally'): void {
    if (this.fsm.state === 'closed') return;
    this.sendCloseNotify();
    if (this.fsm.state !== 'failed') this.failureReason = reason;
    this.shutdown('closed');
    this.events.removeAll();
  }
}

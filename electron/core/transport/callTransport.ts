// The secure transport of one call, in the layer order of CONVENTIONS 2:
//   UDP socket -> RFC 7983 demux -> STUN: ICE agent | DTLS: DtlsTransport -> SCTP -> data channels
//                                 -> RTP/RTCP: SrtpSession (the project's) -> the call's media
// One socket per call (BUNDLE + rtcp-mux). DTLS and SRTP accept datagrams only from addresses ICE
// has validated; DTLS records that arrive before ICE or DTLS is ready are buffered, never dropped.
// Anything refused is counted under a reason and logged; nothing a peer sends can throw out of here.
import { createLogger } from '../log';
import type { SrtpKeyLimitEvent, SrtpSession } from '../srtp';
import { buildDescription, dtlsRoleFor, parseRemoteDescription, answerSetupFor, type DtlsSetup, type LocalDescription, type RemoteDescription } from '../sdp';
import { answerSections, offerSections, srtpFromDtls, type OurStream } from './callDescription';
import { Vp8Packetizer } from '../rtp';
import type { DtlsCertificate } from './certificate';
import { systemClock, type Clock } from '../clock';
import { UdpDemux, type RemoteAddress } from './demux';
import { DtlsTransport, warmUpDtls } from './dtls';
import { DtlsGate } from './dtlsGate';
import { InvalidStateError } from './errors';
import { TypedEvents } from './events';
import { IceAgent, parseCandidate, type IceCandidate, type IceTiming } from './ice';
import { CLUE_CHANNEL, createSctpAssociation, DataChannels, preloadSctp, type DataChannel } from './sctp';
import { StateMachine, type TransitionTable } from './stateMachine';

export type CallTransportState = 'new' | 'checking' | 'connected' | 'closed' | 'failed';
export const CALL_TRANSPORT_TRANSITIONS: TransitionTable<CallTransportState> = {
  new: ['checking', 'closed', 'failed'],
  checking: ['connected', 'closed', 'failed'],
  connected: ['closed', 'failed'],
  failed: ['closed'],
  closed: [],
};

export type CallTransportEvents = {
  statechange: [CallTransportState, string | undefined];
  candidate: [IceCandidate];
  datachannel: [DataChannel];
  /** A verified, decrypted RTP packet. */
  rtp: [Uint8Array];
  rtcp: [Uint8Array];
};

export interface CallTransportOptions {
  certificate: DtlsCertificate;
  /** Addresses to offer as host candidates; the socket binds to the only one, else to 0.0.0.0. */
  hostAddresses: readonly string[];
  stunServer?: RemoteAddress;
  clock?: Clock;
  iceTiming?: Partial<IceTiming>;
  /** Our VP8 sending stream; false for no video m-line. */
  video?: { payloadType?: number; ssrc?: number; cname?: string } | false;
  /** Our a=max-message-size (default 1 MiB). */
  maxMessageSize?: number;
  dtlsHandshakeTimeoutMs?: number;
  /**
   * Packets one SRTP master key may carry (RFC 3711 §9.2; default 2^48 SRTP, 2^31 SRTCP). DTLS-SRTP
   * rekeys only with a new DTLS handshake (RFC 5764 §4.2), which this transport does not do inside a
   * call: near the limit it warns, at the limit it ends the call with the reason, and the room calls again.
   */
  srtpKeyLimits?: { srtp?: number; srtcp?: number };
}

const log = createLogger('transport');

export class CallTransport {
  readonly events = new TypedEvents<CallTransportEvents>((e, err) => log.error('listener threw', { event: e, reason: String(err) }));
  readonly ice: IceAgent;
  readonly dtls: DtlsTransport;
  private readonly fsm: StateMachine<CallTransportState>;
  private remote?: RemoteDescription;
  private localSetup: DtlsSetup = 'actpass';
  private version = 0;
  private readonly sessionId = String(Math.floor(Math.random() * 1e15));
  private lastLocal?: LocalDescription;
  private readonly gate: DtlsGate;
  private tx?: SrtpSession;
  private rx?: SrtpSession;
  private channels?: DataChannels;
  private detachSctp?: () => void;
  private packetizer?: Vp8Packetizer;
  private readonly videoSsrc: number;
  private readonly cname: string;
  failureReason?: string;
  private closing = false;
  readonly dropped = new Map<string, number>();

  private constructor(
    private readonly demux: UdpDemux,
    private readonly opts: CallTransportOptions,
  ) {
    const clock = opts.clock ?? systemClock;
    this.fsm = new StateMachine('call-transport', 'new', CALL_TRANSPORT_TRANSITIONS, (to, from) => {
      const reason = to === 'failed' || to === 'closed' ? this.failureReason : undefined;
      (to === 'failed' ? log.warn : log.info)('call transport state', { from, to, reason });
      this.events.emit('statechange', to, reason);
    });
    const local = demux.localAddress;
    this.ice = new IceAgent({ send: (d, to) => this.rawSend(d, to), hostAddresses: opts.hostAddresses, localPort: local.port, controlling: true, stunServer: opts.stunServer, clock, timing: opts.iceTiming });
    this.dtls = new DtlsTransport({ certificate: opts.certificate, send: (d) => this.gate.outbound(d), clock, handshakeTimeoutMs: opts.dtlsHandshakeTimeoutMs });
    this.gate = new DtlsGate(this.ice, demux, (d) => this.dtls.handleDatagram(d));
    const video = opts.video === false ? undefined : (opts.video ?? {});
    this.videoSsrc = video?.ssrc ?? (Math.floor(Math.random() * 0xfffffffe) + 1) >>> 0;
    this.cname = video?.cname ?? `telescene-${this.sessionId.slice(0, 8)}`;
    demux.setHandlers({
      stun: (d, from) => this.onStun(d, from),
      dtls: (d, from) => this.gate.inbound(d, from),
      rtp: (d, from) => this.onSrtp(d, from, false),
      rtcp: (d, from) => this.onSrtp(d, from, true),
    });
    this.ice.events.on('candidate', (c) => this.events.emit('candidate', c));
    this.ice.events.on('statechange', (s, reason) => {
      if (s === 'failed') this.fail(`ICE failed: ${reason ?? 'unknown'}`);
      if (s === 'connected') this.maybeStartDtls();
    });
    this.dtls.events.on('statechange', (s, reason) => {
      if (s === 'failed') this.fail(reason ?? 'DTLS failed');
      if (s === 'connected') this.onDtlsConnected();
      if (s === 'closed' && this.fsm.state === 'connected' && !this.closing) this.close(`the peer closed DTLS (${reason ?? 'alert'})`);
    });
    this.ice.gather();
  }

  /** Binds the call's socket and gathers host candidates. */
  static async create(opts: CallTransportOptions): Promise<CallTransport> {
    if (opts.hostAddresses.length === 0) throw new RangeError('at least one host address is needed');
    const bind = opts.hostAddresses.length === 1 ? (opts.hostAddresses[0] as string) : '0.0.0.0';
    // One-time costs paid before the call, not between its answer and 'connected': loading werift's
    // SCTP (~70 ms) and werift's first DTLS handshake (~100 ms).
    preloadSctp();
    await warmUpDtls(opts.certificate);
    return new CallTransport(await UdpDemux.bind(bind), opts);
  }

  get state(): CallTransportState {
    return this.fsm.state;
  }
  get localAddress(): RemoteAddress {
    return this.demux.localAddress;
  }
  get srtpProfile(): string | undefined {
    return this.dtls.srtpProfile;
  }

  /** An offer with actpass (RFC 5763 §5): we control ICE. */
  createOffer(): string {
    this.assertOpen();
    if (!this.remote) this.ice.setControlling(true);
    this.localSetup = 'actpass';
    return this.describe('offer', offerSections(this.ourStream()));
  }

  /** Applies the peer's offer and returns our answer (mirroring its m-lines; we are controlled). */
  createAnswer(offerSdp: string): string {
    this.assertOpen();
    const remote = parseRemoteDescription(offerSdp);
    if (!this.remote) {
      this.ice.setControlling(remote.iceLite);
      this.localSetup = answerSetupFor(remote.setup);
    }
    this.applyRemote(remote);
    return this.describe('answer', answerSections(remote, this.ourStream()));
  }

  /** Applies the peer's answer to our offer. */
  setRemoteAnswer(answerSdp: string): void {
    this.assertOpen();
    const remote = parseRemoteDescription(answerSdp);
    if (remote.setup === 'actpass') throw new InvalidStateError('an answer must say a=setup:active or passive (RFC 5763 §5)');
    this.applyRemote(remote);
  }

  /** A trickled remote candidate (`candidate:...`); malformed ones are refused with a reason. */
  addRemoteCandidate(text: string): void {
    this.assertOpen();
    this.ice.addRemoteCandidate(parseCandidate(text));
  }

  /** ICE restart (RFC 8445 §9): new credentials; returns the new offer. DTLS and SRTP continue. */
  restartIce(): string {
    this.assertOpen();
    this.ice.restart();
    return this.createOffer();
  }

  /** Opens the CLUE data channel (RFC 8850: reliable, ordered, DCEP protocol "clue"). */
  openClueChannel(): DataChannel {
    const channels = this.channels;
    if (!channels) throw new InvalidStateError('the data channel association is not up yet');
    return channels.create(CLUE_CHANNEL.label, CLUE_CHANNEL.protocol, true);
  }

  /** Resolves with the data channel association once SCTP is up. */
  get dataChannels(): DataChannels | undefined {
    return this.channels;
  }

  /** Protects and sends one plaintext RTP packet; throws SrtpError for a packet we must not send (malformed, oversized, key used up). */
  sendRtp(packet: Uint8Array): void {
    const target = this.ice.sendTarget;
    if (!this.tx || !target) throw new InvalidStateError('SRTP is not keyed yet');
    this.demux.send(this.tx.protectRtp(packet), target);
  }

  sendRtcp(packet: Uint8Array): void {
    const target = this.ice.sendTarget;
    if (!this.tx || !target) throw new InvalidStateError('SRTP is not keyed yet');
    this.demux.send(this.tx.protectRtcp(packet), target);
  }

  /** Packetizes one encoded VP8 frame (RFC 7741) and sends it; `timestamp` is 90 kHz. */
  sendVideoFrame(frame: Uint8Array, timestamp: number): number {
    this.packetizer ??= new Vp8Packetizer({ ssrc: this.videoSsrc, payloadType: this.videoPt() });
    const packets = this.packetizer.packetize(frame, timestamp);
    for (const p of packets) this.sendRtp(p);
    return packets.length;
  }

  stats(): Record<string, unknown> {
    return {
      state: this.fsm.state,
      ice: { state: this.ice.state, selected: this.ice.selectedPair, controlling: this.ice.isControlling },
      dtls: { state: this.dtls.state, role: this.dtls.dtlsRole, srtpProfile: this.dtls.srtpProfile, dropped: Object.fromEntries(this.dtls.dropped) },
      demux: { received: { ...this.demux.received }, dropped: Object.fromEntries(this.demux.dropped) },
      dropped: Object.fromEntries(this.dropped),
      srtp: { tx: this.tx?.stats, rx: this.rx?.stats },
    };
  }

  private ourStream(): OurStream {
    return { payloadType: this.videoPt(), ssrc: this.videoSsrc, cname: this.cname, video: this.opts.video !== false, maxMessageSize: this.opts.maxMessageSize ?? 1024 * 1024 };
  }

  private videoPt(): number {
    const pt = this.opts.video === false ? undefined : this.opts.video?.payloadType;
    return this.remote?.video?.vp8PayloadType ?? pt ?? 96;
  }

  private describe(type: 'offer' | 'answer', sections: LocalDescription['sections']): string {
    const d: LocalDescription = {
      type,
      sessionId: this.sessionId,
      sessionVersion: ++this.version,
      iceUfrag: this.ice.local.ufrag,
      icePwd: this.ice.local.pwd,
      fingerprint: this.opts.certificate.fingerprint,
      setup: this.localSetup,
      candidates: this.ice.localCandidates,
      endOfCandidates: this.ice.gathering === 'complete',
      sections,
    };
    this.lastLocal = d;
    return buildDescription(d);
  }

  private applyRemote(remote: RemoteDescription): void {
    const first = !this.remote;
    this.remote = remote;
    if (first) {
      this.localSetup = this.localSetup === 'actpass' ? (remote.setup === 'active' ? 'passive' : 'active') : this.localSetup;
      if (this.fsm.state === 'new') this.fsm.go('checking');
    }
    this.ice.setRemoteCredentials({ ufrag: remote.iceUfrag, pwd: remote.icePwd });
    for (const c of remote.candidates) this.ice.addRemoteCandidate(c);
    this.maybeStartDtls();
  }

  private maybeStartDtls(): void {
    const remote = this.remote;
    if (!remote || this.dtls.state !== 'new' || this.fsm.state !== 'checking') return;
    const role = dtlsRoleFor(this.localSetup, remote.setup);
    // The server may start at once (it only answers); the client needs an ICE-valid pair to send to.
    if (role === 'client' && !this.ice.sendTarget) return;
    this.dtls.start(role, remote.fingerprints);
  }

  private onStun(data: Buffer, from: RemoteAddress): void {
    const result = this.ice.handleStun(data, from);
    if (result !== 'ok') return this.demux.drop(result, from);
    this.gate.iceProgressed();
    this.maybeStartDtls();
  }

  private onSrtp(data: Buffer, from: RemoteAddress, rtcp: boolean): void {
    if (!this.ice.isValidated(from)) return this.demux.drop('srtp-unvalidated-source', from);
    const rx = this.rx;
    if (!rx) return this.demux.drop('srtp-not-keyed', from);
    const r = rtcp ? rx.unprotectRtcp(data) : rx.unprotectRtp(data);
    if (!r.ok) return this.demux.drop(`srtp-${r.reason}`, from);
    this.events.emit(rtcp ? 'rtcp' : 'rtp', r.packet);
  }

  private rawSend(data: Uint8Array, to: RemoteAddress): void {
    if (!this.demux.isClosed) this.demux.send(data, to);
  }

  private onDtlsConnected(): void {
    const role = this.dtls.dtlsRole;
    const srtp = srtpFromDtls(this.dtls, { keyLimits: this.opts.srtpKeyLimits, onKeyLimit: (ev) => this.onKeyLimit(ev) });
    if (typeof srtp === 'string' || !role) return this.fail(typeof srtp === 'string' ? srtp : 'DTLS connected without a role');
    this.tx = srtp.tx;
    this.rx = srtp.rx;
    const app = this.remote?.application;
    if (app && this.lastLocal?.sections.some((s) => s.kind === 'application')) {
      const sctpRole = this.ice.isControlling ? 'client' : 'server';
      const { sctp, detach } = createSctpAssociation(this.dtls, sctpRole, app.sctpPort, (reason) => this.demux.drop('sctp-malformed', this.ice.selectedPair ?? { address: '', port: 0 }, reason));
      this.detachSctp = detach;
      this.channels = new DataChannels(sctp, { dtlsRole: role, remoteMaxMessageSize: app.maxMessageSize, localMaxMessageSize: this.opts.maxMessageSize });
      this.channels.events.on('datachannel', (c) => this.events.emit('datachannel', c));
      sctp.start(app.sctpPort).catch((e: unknown) => this.fail(`SCTP failed to start: ${String(e)}`));
    }
    this.fsm.tryGo('connected');
  }

  /** RFC 3711 §9.2: a used-up key ends the call (after the packet in hand), a nearly used-up one warns. */
  private onKeyLimit(ev: SrtpKeyLimitEvent): void {
    if (ev.level === 'soft') return log.warn('SRTP key near its limit; the call must be re-established to rekey', { kind: ev.kind, packets: ev.packets, limit: ev.limit });
    queueMicrotask(() => this.fail(`SRTP key limit reached (${ev.kind}, ${ev.packets} packets, RFC 3711 §9.2): call again to rekey`));
  }

  private fail(reason: string): void {
    if (this.closing || this.fsm.state === 'closed' || this.fsm.state === 'failed') return;
    this.failureReason = reason;
    this.fsm.go('failed');
    this.teardown(reason);
  }

  private teardown(reason: string): void {
    this.channels?.close();
    this.detachSctp?.();
    this.dtls.close(reason);
    this.ice.close();
    this.demux.close();
    this.gate.clear();
  }

  private assertOpen(): void {
    if (this.fsm.state === 'closed' || this.fsm.state === 'failed') throw new InvalidStateError(`call transport is ${this.fsm.state}`);
  }

  /** Ends the call's transport; idempotent; closes every child (channels, SCTP, DTLS, ICE, socket). */
  close(reason = 'closed locally'): void {
    if (this.fsm.state === 'closed') return;
    this.closing = true;
    if (this.fsm.state !== 'failed') {
      this.failureReason = reason;
      this.teardown(reason);
    }
    this.fsm.tryGo('closed');
    this.events.removeAll();
  }
}

/** Creates a call transport; see CallTransport for the lifecycle. */
export function createCallTransport(opts: CallTransportOptions): Promise<CallTransport> {
  return CallTransport.create(opts);
}

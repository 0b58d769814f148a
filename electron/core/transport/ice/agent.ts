// A full ICE agent (RFC 8445) for one component on one UDP socket: host candidates (and server-
// reflexive ones when a STUN server is configured, §5.1.1.2), connectivity checks paced by Ta with
// retransmissions (§6.1.4, §14), triggered checks and peer-reflexive candidates (§7.3.1.3-4), role
// conflict repair (§7.3.1.1), regular nomination (§8.1.1), consent freshness (RFC 7675) and ICE
// restart (§9). It never owns the socket: the demux hands it STUN, and it sends through `send`.
import { randomBytes } from 'node:crypto';
import { createLogger } from '../../log';
import { systemClock, type Clock, type TimerHandle } from '../../clock';
import type { RemoteAddress } from '../demux';
import { InvalidStateError, ParseError } from '../errors';
import { TypedEvents } from '../events';
import { StateMachine } from '../stateMachine';
import { candidatePriority, isResolvable, pairPriority, type IceCandidate } from './candidate';
import { bindingError, bindingRequest, bindingSuccess, errorCode, readCheckRequest, serverBindingRequest } from './checkMessages';
import { Attr, decodeXorAddress, getAttr, METHOD_BINDING, parseStun, StunClass, verifyIntegrity, type ParsedStun } from './stun';
import { StunTransactions } from './transactions';
import { DEFAULT_ICE_TIMING, ICE_TRANSITIONS, iceString, type IceAgentEvents, type IceAgentOptions, type IceCredentials, type IceState, type IceTiming } from './types';

export { DEFAULT_ICE_TIMING, ICE_TRANSITIONS, iceString, type IceAgentEvents, type IceAgentOptions, type IceCredentials, type IceState, type IceTiming };

type PairState = 'waiting' | 'in-progress' | 'succeeded' | 'failed';
interface Pair {
  key: string;
  remote: RemoteAddress;
  remotePriority: number;
  state: PairState;
  /** The peer sent us an authenticated check from this address. */
  heardFrom: boolean;
  remoteNominated: boolean;
}
interface Transaction {
  purpose: 'check' | 'consent' | 'gather';
  pair?: Pair;
  useCandidate: boolean;
}

const log = createLogger('transport').child('ice');
const keyOf = (a: RemoteAddress): string => `${a.address}:${a.port}`;
export class IceAgent {
  readonly events = new TypedEvents<IceAgentEvents>((e, err) => log.error('listener threw', { event: e, reason: String(err) }));
  readonly local: IceCredentials = { ufrag: iceString(8), pwd: iceString(24) };
  readonly localCandidates: IceCandidate[] = [];
  private remote?: IceCredentials;
  private readonly fsm: StateMachine<IceState>;
  private readonly clock: Clock;
  private readonly timing: IceTiming;
  private controlling: boolean;
  private readonly tieBreaker = randomBytes(8).readBigUInt64BE();
  private pairs = new Map<string, Pair>();
  private readonly transactions: StunTransactions<Transaction>;
  private earlyChecks: { from: RemoteAddress; priority: number; useCandidate: boolean }[] = [];
  private selected?: Pair;
  /** The pair selected before an ICE restart: it carries data until a new one is selected (§9). */
  private previous?: Pair;
  private nominating?: Pair;
  private paceTimer?: TimerHandle;
  private checkingTimer?: TimerHandle;
  private consentTimer?: TimerHandle;
  private gatherTimer?: TimerHandle;
  private lastConsent = 0;
  gathering: 'new' | 'gathering' | 'complete' = 'new';
  /** Why the agent failed, when it did. */
  failureReason?: string;

  constructor(private readonly opts: IceAgentOptions) {
    this.clock = opts.clock ?? systemClock;
    this.timing = { ...DEFAULT_ICE_TIMING, ...opts.timing };
    this.controlling = opts.controlling;
    this.transactions = new StunTransactions<Transaction>(this.clock, (d, to) => this.fsm.state !== 'closed' && opts.send(d, to), this.timing.rto, this.timing.maxTransmits);
    this.fsm = new StateMachine('ice', 'new', ICE_TRANSITIONS, (to, from) => {
      log.info('ice state', { from, to, reason: to === 'failed' ? this.failureReason : undefined });
      this.events.emit('statechange', to, to === 'failed' ? this.failureReason : undefined);
    });
  }

  get state(): IceState {
    return this.fsm.state;
  }
  get isControlling(): boolean {
    return this.controlling;
  }
  get remoteCredentials(): IceCredentials | undefined {
    return this.remote;
  }

  /** Sets the ICE role before checks start: the offerer controls (RFC 8445 §6.1.1). */
  setControlling(controlling: boolean): void {
    if (this.fsm.state !== 'new') throw new InvalidStateError('ICE role is fixed once checks started');
    this.controlling = controlling;
  }

  /** Host candidates now (one per address, all on the call's one port); srflx when a STUN server is set. */
  gather(): void {
    if (this.gathering !== 'new') return;
    this.gathering = 'gathering';
    this.opts.hostAddresses.forEach((address, i) => {
      const c: IceCandidate = {
        foundation: String(1 + i),
        component: 1,
        transport: 'udp',
        priority: candidatePriority('host', 65535 - i),
        address,
        port: this.opts.localPort,
        type: 'host',
      };
      this.localCandidates.push(c);
      this.events.emit('candidate', c);
    });
    const server = this.opts.stunServer;
    if (!server) return this.completeGathering();
    const req = serverBindingRequest();
    this.transactions.start(req.transactionId, req.bytes, server, { purpose: 'gather', useCandidate: false }, true, () => this.completeGathering());
    this.gatherTimer = this.clock.after(this.timing.gatherTimeout, () => this.completeGathering());
  }

  private completeGathering(): void {
    if (this.gathering === 'complete') return;
    this.gathering = 'complete';
    this.gatherTimer?.cancel();
    this.events.emit('gatheringcomplete');
  }

  /** Remote ufrag/pwd from the peer's description; a change is the peer's ICE restart (RFC 8445 §9). */
  setRemoteCredentials(creds: IceCredentials): void {
    this.assertOpen();
    if (this.remote && (this.remote.ufrag !== creds.ufrag || this.remote.pwd !== creds.pwd)) this.resetChecks();
    this.remote = { ...creds };
    if (this.fsm.state === 'new' || this.fsm.state === 'failed') this.startChecking();
    const early = this.earlyChecks;
    this.earlyChecks = [];
    for (const e of early) this.onAuthenticatedCheck(e.from, e.priority, e.useCandidate);
    this.schedulePacing();
  }

  addRemoteCandidate(c: IceCandidate): void {
    this.assertOpen();
    if (c.component !== 1) return; // rtcp-mux: one component
    if (!isResolvable(c)) return void log.debug('remote mDNS candidate left to peer-reflexive learning', { address: c.address });
    const family = (a: string): number => (a.includes(':') ? 6 : 4);
    if (!this.opts.hostAddresses.some((h) => family(h) === family(c.address))) return;
    this.addPair({ address: c.address, port: c.port }, c.priority);
    this.schedulePacing();
  }

  /** Local ICE restart: new credentials, new checks; the selected pair keeps carrying data meanwhile. */
  restart(): void {
    this.assertOpen();
    this.local.ufrag = iceString(8);
    this.local.pwd = iceString(24);
    this.resetChecks();
    if (this.fsm.state !== 'new' && this.fsm.state !== 'checking') this.fsm.go('checking');
    this.armCheckingTimeout();
  }

  /** Where data goes: the selected pair, else the best pair that has succeeded (RFC 8445 §12.1). */
  get sendTarget(): RemoteAddress | undefined {
    if (this.selected) return this.selected.remote;
    let best: Pair | undefined;
    for (const p of this.pairs.values()) if (p.state === 'succeeded' && (!best || this.prio(p) > this.prio(best))) best = p;
    return best?.remote ?? this.previous?.remote;
  }

  get selectedPair(): RemoteAddress | undefined {
    return this.selected?.remote;
  }

  /** Whether `from` is an ICE-validated peer address (data from anywhere else is not accepted). */
  isValidated(from: RemoteAddress): boolean {
    const p = this.pairs.get(keyOf(from));
    return (!!p && (p.state === 'succeeded' || p.heardFrom)) || (this.previous?.key === keyOf(from));
  }

  /** Entry point for every datagram the demux classified as STUN. Never throws. */
  handleStun(data: Uint8Array, from: RemoteAddress): 'ok' | string {
    if (this.fsm.state === 'closed') return 'closed';
    let msg: ParsedStun;
    try {
      msg = parseStun(data);
    } catch (e) {
      return e instanceof ParseError ? 'stun-malformed' : 'stun-error';
    }
    if (msg.method !== METHOD_BINDING) return 'stun-method';
    log.debug('stun in', { cls: msg.cls, from: keyOf(from), useCandidate: getAttr(msg, Attr.USE_CANDIDATE) !== undefined });
    if (msg.cls === StunClass.request) return this.onRequest(msg, from);
    if (msg.cls === StunClass.success || msg.cls === StunClass.error) return this.onResponse(msg, from);
    return 'ok'; // indications (keepalives) need nothing
  }

  private onRequest(msg: ParsedStun, from: RemoteAddress): string {
    const username = getAttr(msg, Attr.USERNAME);
    if (!username || !Buffer.from(username).toString('utf8').startsWith(`${this.local.ufrag}:`)) return 'stun-username';
    if (!msg.hasFingerprint || !verifyIntegrity(msg, Buffer.from(this.local.pwd))) return 'stun-integrity';
    const { priority, useCandidate, claims } = readCheckRequest(msg);
    // RFC 8445 §7.3.1.1: role conflict.
    if (claims && claims.controlling === this.controlling) {
      const oursWins = this.tieBreaker >= claims.tieBreaker;
      if (this.controlling === oursWins) {
        this.opts.send(bindingError(msg, 487, 'Role Conflict', this.local.pwd), from);
        return 'ok';
      }
      this.switchRole(!this.controlling);
    }
    this.opts.send(bindingSuccess(msg, from, this.local.pwd), from);
    if (!this.remote) {
      if (this.earlyChecks.length < 64) this.earlyChecks.push({ from, priority, useCandidate });
    }
    else this.onAuthenticatedCheck(from, priority, useCandidate);
    return 'ok';
  }

  private onAuthenticatedCheck(from: RemoteAddress, priority: number, useCandidate: boolean): void {
    const pair = this.pairs.get(keyOf(from)) ?? this.addPair(from, priority);
    pair.heardFrom = true;
    if (useCandidate && !this.controlling) pair.remoteNominated = true;
    if (pair.state === 'succeeded') {
      if (pair.remoteNominated && !this.controlling) this.select(pair);
    } else if (pair.state !== 'in-progress') {
      this.sendCheck(pair, false); // triggered check (§7.3.1.4)
    }
  }

  private onResponse(msg: ParsedStun, from: RemoteAddress): string {
    const tx = this.transactions.get(msg.transactionId);
    if (!tx) return 'stun-unknown-transaction';
    if (tx.purpose === 'gather') {
      this.transactions.take(msg.transactionId);
      const mapped = getAttr(msg, Attr.XOR_MAPPED_ADDRESS);
      if (msg.cls === StunClass.success && mapped) {
        try {
          const a = decodeXorAddress(mapped, msg.transactionId);
          const host = this.localCandidates[0];
          if (host && a.address !== host.address) {
            const c: IceCandidate = { foundation: '9', component: 1, transport: 'udp', priority: candidatePriority('srflx'), address: a.address, port: a.port, type: 'srflx', relatedAddress: host.address, relatedPort: host.port };
            this.localCandidates.push(c);
            this.events.emit('candidate', c);
          }
        } catch {
          return 'stun-malformed';
        }
      }
      this.completeGathering();
      return 'ok';
    }
    if (!this.remote || !verifyIntegrity(msg, Buffer.from(this.remote.pwd))) return 'stun-integrity';
    this.transactions.take(msg.transactionId);
    const pair = tx.pair;
    if (!pair) return 'ok';
    if (msg.cls === StunClass.error) {
      if (errorCode(msg) === 487) {
        this.switchRole(!this.controlling);
        pair.state = 'waiting';
        this.schedulePacing();
      } else pair.state = 'failed';
      return 'ok';
    }
    if (keyOf(from) !== pair.key) {
      pair.state = 'failed'; // §7.2.5.2.1: non-symmetric
      return 'ok';
    }
    if (tx.purpose === 'consent') {
      this.lastConsent = this.clock.now();
      if (this.fsm.state === 'disconnected') this.fsm.go('connected');
      return 'ok';
    }
    pair.state = 'succeeded';
    if (this.controlling) {
      if (tx.useCandidate) this.select(pair);
      else if (!this.nominating && !this.selected) {
        this.nominating = pair;
        this.sendCheck(pair, true);
      }
    } else if (pair.remoteNominated) this.select(pair);
    return 'ok';
  }

  private select(pair: Pair): void {
    if (this.selected === pair && this.fsm.state === 'connected') return;
    this.selected = pair;
    this.previous = undefined;
    this.nominating = undefined;
    this.checkingTimer?.cancel();
    this.lastConsent = this.clock.now();
    log.info('selected pair', { remote: pair.key, controlling: this.controlling });
    if (this.fsm.state !== 'connected') this.fsm.go('connected');
    this.events.emit('selectedpair', pair.remote);
    this.scheduleConsent();
  }

  private addPair(remote: RemoteAddress, remotePriority: number): Pair {
    const key = keyOf(remote);
    const existing = this.pairs.get(key);
    if (existing) return existing;
    const pair: Pair = { key, remote, remotePriority, state: 'waiting', heardFrom: false, remoteNominated: false };
    this.pairs.set(key, pair);
    return pair;
  }

  private prio(p: Pair): bigint {
    const local = this.localCandidates[0]?.priority ?? candidatePriority('host');
    return this.controlling ? pairPriority(local, p.remotePriority) : pairPriority(p.remotePriority, local);
  }

  private startChecking(): void {
    this.fsm.go('checking');
    this.armCheckingTimeout();
  }

  private armCheckingTimeout(): void {
    this.checkingTimer?.cancel();
    this.checkingTimer = this.clock.after(this.timing.checkingTimeout, () => {
      if (this.fsm.state === 'checking') this.fail('no candidate pair succeeded in time');
    });
  }

  private schedulePacing(): void {
    if (this.paceTimer || !this.remote || this.fsm.state === 'closed') return;
    const next = this.nextWaiting();
    if (!next) return;
    this.sendCheck(next, false);
    this.paceTimer = this.clock.after(this.timing.ta, () => {
      this.paceTimer = undefined;
      this.schedulePacing();
    });
  }

  private nextWaiting(): Pair | undefined {
    let best: Pair | undefined;
    for (const p of this.pairs.values()) if (p.state === 'waiting' && (!best || this.prio(p) > this.prio(best))) best = p;
    return best;
  }

  private sendCheck(pair: Pair, useCandidate: boolean, purpose: 'check' | 'consent' = 'check'): void {
    const remote = this.remote;
    if (!remote) return;
    const req = bindingRequest({ remoteUfrag: remote.ufrag, remotePwd: remote.pwd, localUfrag: this.local.ufrag, controlling: this.controlling, tieBreaker: this.tieBreaker, useCandidate });
    if (purpose === 'check') pair.state = 'in-progress';
    log.debug('check out', { to: pair.key, useCandidate, purpose });
    // Consent checks are not retransmitted: the next one is due in ~5 s anyway (RFC 7675 §5.1).
    this.transactions.start(req.transactionId, req.bytes, pair.remote, { purpose, pair, useCandidate }, purpose === 'check', () => {
      if (purpose === 'check' && pair.state === 'in-progress') pair.state = 'failed';
    });
  }

  private scheduleConsent(): void {
    this.consentTimer?.cancel();
    const jitter = 0.8 + Math.random() * 0.4;
    this.consentTimer = this.clock.after(this.timing.consentInterval * jitter, () => {
      if (this.fsm.state === 'closed' || this.fsm.state === 'failed' || !this.selected) return;
      const silent = this.clock.now() - this.lastConsent;
      if (silent >= this.timing.consentTimeout) return this.fail('consent expired (RFC 7675): no response from the peer');
      if (silent >= this.timing.disconnectAfter && this.fsm.state === 'connected') this.fsm.go('disconnected');
      this.sendCheck(this.selected, false, 'consent');
      this.scheduleConsent();
    });
  }

  private switchRole(controlling: boolean): void {
    log.info('ice role switched', { controlling });
    this.controlling = controlling;
  }

  private resetChecks(): void {
    this.transactions.cancel((t) => t.purpose !== 'gather');
    // The old pair keeps carrying media until the restarted checks select one (RFC 8445 §9).
    if (this.selected) this.previous = this.selected;
    this.pairs = new Map();
    if (this.previous) this.addPair(this.previous.remote, this.previous.remotePriority);
    this.selected = undefined;
    this.nominating = undefined;
    this.earlyChecks = [];
  }

  private fail(reason: string): void {
    this.failureReason = reason;
    this.stopTimers();
    this.fsm.tryGo('failed');
  }

  private stopTimers(): void {
    this.paceTimer?.cancel();
    this.paceTimer = undefined;
    this.checkingTimer?.cancel();
    this.consentTimer?.cancel();
    this.gatherTimer?.cancel();
    this.transactions.cancel();
  }

  private assertOpen(): void {
    if (this.fsm.state === 'closed') throw new InvalidStateError('IceAgent is closed');
  }

  close(): void {
    if (this.fsm.state === 'closed') return;
    this.stopTimers();
    this.fsm.go('closed');
    this.events.removeAll();
  }
}

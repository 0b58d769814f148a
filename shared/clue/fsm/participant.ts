// The CLUE participant (RFC 8847 §6): IDLE → CHANNEL SETUP → OPTIONS → ACTIVE → TERMINATED. The
// RFC's OPTIONS state is split by role: the channel initiator (CI) sends OPTIONS and waits for the
// response (waitOptionsResponse), the responder (CR) waits for OPTIONS (waitOptions). In ACTIVE the
// participant runs a media provider and/or a media consumer machine as the OPTIONS exchange
// decided, and checks what every message has in common: sequence numbers (402), clueId (403),
// version (401). Bad input is answered or dropped, reported, and never thrown.
import { ENCODINGS_EXTENSION } from '../namespaces';
import { ParseError, RESPONSE_CODES, type ErrorCode, type Problem } from '../errors';
import { decodeMessage } from '../messages/decode';
import { encodeMessage } from '../messages/encode';
import { sniffMessage } from '../messages/sniff';
import { CLUE_VERSION, negotiateVersion, offeredVersions, parseVersion, versionAccepted } from '../messages/version';
import type { ClueMessage, Extension, MessageType, OptionsMessage, OptionsResponseMessage } from '../messages/types';
import type { ClueInfo } from '../model/types';
import type { XmlLimits } from '../xml/guard';
import { ConsumerMachine, type ConsumerEvents, type ConsumerOptions } from './consumer';
import { DEFAULT_TIMEOUTS, StateMachine, Timer, type Clock, type ClueChannel, type Timeouts, type TransitionTable } from './machine';
import { ProviderMachine, type ProviderEvents } from './provider';
import type { Outgoing, ProblemAction, RoleDeps } from './roles';

export type ParticipantState = 'idle' | 'channelSetup' | 'waitOptionsResponse' | 'waitOptions' | 'active' | 'terminated';
export type ParticipantEvent = 'channelOpening' | 'sendOptions' | 'awaitOptions' | 'optionsTimeout' | 'optionsResponseOk' | 'optionsResponseError' | 'optionsAccepted' | 'optionsRefused' | 'close' | 'reset';

export const PARTICIPANT_TRANSITIONS: TransitionTable<ParticipantState, ParticipantEvent> = {
  idle: { channelOpening: 'channelSetup', close: 'terminated' },
  channelSetup: { sendOptions: 'waitOptionsResponse', awaitOptions: 'waitOptions', close: 'terminated' },
  waitOptionsResponse: { optionsResponseOk: 'active', optionsResponseError: 'terminated', optionsTimeout: 'waitOptionsResponse', close: 'terminated' },
  waitOptions: { optionsAccepted: 'active', optionsRefused: 'terminated', close: 'terminated' },
  active: { close: 'terminated' },
  terminated: { reset: 'idle' },
};

export interface ParticipantEvents {
  onTransition?(machine: 'participant' | 'provider' | 'consumer', from: string, event: string, to: string): void;
  onProblem?(problem: Problem, action: ProblemAction): void;
  onActive?(session: { version: string; provider: boolean; consumer: boolean; extensions: Extension[] }): void;
  onClosed?(reason: string): void;
}

export interface ParticipantOptions {
  channel: ClueChannel;
  clock: Clock;
  /** RFC 8847 §4: the CLUE channel initiator sends OPTIONS (the SDP offerer, RFC 8848). */
  initiator: boolean;
  /** Local media provider: its first advertisement (sent once the session is active). */
  provider?: { advertisement?: ClueInfo; events?: ProviderEvents };
  /** Local media consumer: how it chooses captures. */
  consumer?: ConsumerOptions & { events?: ConsumerEvents };
  clueId?: string;
  /** Highest minor version per major (RFC 8847 §5.1). */
  supportedVersions?: string[];
  extensions?: Extension[];
  timeouts?: Timeouts;
  limits?: XmlLimits;
  /** First sequence number (RFC 8847 §5: chosen at random by default). */
  initialSequenceNr?: number;
  events?: ParticipantEvents;
}

const REQUEST_RESPONSE: Partial<Record<MessageType, 'optionsResponse' | 'ack' | 'configureResponse'>> = {
  options: 'optionsResponse',
  advertisement: 'ack',
  configure: 'configureResponse',
};

export class ClueParticipant {
  private readonly fsm: StateMachine<ParticipantState, ParticipantEvent>;
  private readonly timer: Timer;
  private readonly versions: string[];
  private readonly extensions: Extension[];
  private readonly timeouts: Timeouts;
  private nextSeq: number;
  private peerSeq: number | undefined;
  private peerClueId: string | undefined;
  private version: string | undefined;
  private optionsRetries = 0;
  private closing = false;
  provider: ProviderMachine | undefined;
  consumer: ConsumerMachine | undefined;
  readonly stats = { received: 0, sent: 0, answered: 0, dropped: 0 };

  constructor(private readonly o: ParticipantOptions) {
    this.fsm = new StateMachine('CLUE participant', PARTICIPANT_TRANSITIONS, 'idle', (f, e, t) => o.events?.onTransition?.('participant', f, e, t));
    this.timer = new Timer(o.clock);
    this.versions = o.supportedVersions ?? [CLUE_VERSION];
    this.extensions = o.extensions ?? [ENCODINGS_EXTENSION];
    this.timeouts = o.timeouts ?? DEFAULT_TIMEOUTS;
    this.nextSeq = o.initialSequenceNr ?? 1 + Math.floor(Math.random() * 0x3fffffff);
  }

  get state(): ParticipantState {
    return this.fsm.state;
  }
  /** The version the OPTIONS exchange chose (undefined before ACTIVE). */
  get sessionVersion(): string | undefined {
    return this.version;
  }

  /** The signalling layer started opening the CLUE data channel (RFC 8848). */
  channelOpening(): void {
    if (this.fsm.can('channelOpening')) this.fsm.fire('channelOpening');
  }

  /** The CLUE channel is open: the initiator sends OPTIONS, the responder waits for it. */
  channelOpen(): void {
    if (this.fsm.state === 'idle') this.fsm.fire('channelOpening');
    if (this.fsm.state !== 'channelSetup') return;
    if (!this.o.initiator) {
      this.fsm.fire('awaitOptions');
      this.timer.start(this.timeouts.responseMs * (this.timeouts.maxRetries + 1), () => this.close('no OPTIONS from the channel initiator'));
      return;
    }
    this.sendOptions();
    this.fsm.fire('sendOptions');
  }

  private sendOptions(): void {
    // RFC 8847 §5.1: "v" is the largest minor version of the smallest major version offered.
    const parsed = this.versions.map(parseVersion).filter((v) => v !== undefined).sort((a, b) => a.major - b.major);
    const low = parsed[0];
    const v = low ? `${low.major}.${low.minor}` : CLUE_VERSION;
    const m: Outgoing = { type: 'options', mediaProvider: !!this.o.provider, mediaConsumer: !!this.o.consumer, supportedVersions: this.versions };
    if (this.extensions.length && m.type === 'options') m.supportedExtensions = this.extensions;
    this.send(m, v);
    this.timer.start(this.timeouts.responseMs, () => this.optionsTimeout());
  }

  private optionsTimeout(): void {
    if (this.fsm.state !== 'waitOptionsResponse') return;
    if (this.optionsRetries >= this.timeouts.maxRetries) {
      this.close(`no OPTIONS RESPONSE after ${this.optionsRetries + 1} sends`);
      return;
    }
    this.optionsRetries++;
    this.fsm.fire('optionsTimeout');
    this.sendOptions();
  }

  /** Stamps and sends a message; returns its sequence number. */
  private send(m: Outgoing, version?: string): number {
    const seq = this.nextSeq++;
    const full = { ...m, version: version ?? this.version ?? CLUE_VERSION, sequenceNr: seq } as ClueMessage;
    if (this.o.clueId !== undefined) full.clueId = this.o.clueId;
    try {
      this.o.channel.send(encodeMessage(full));
      this.stats.sent++;
    } catch (err) {
      // Close outside the current transition, which is still running.
      const reason = `channel send failed: ${err instanceof Error ? err.message : String(err)}`;
      this.o.clock.setTimer(0, () => this.channelClosed(reason));
    }
    return seq;
  }

  private report(problem: Problem, action: ProblemAction): void {
    if (action === 'answered') this.stats.answered++;
    else this.stats.dropped++;
    this.o.events?.onProblem?.(problem, action);
  }

  /** Answers a request with its response type and an error code; a response is dropped instead. */
  private refuse(type: MessageType, seq: number | undefined, code: ErrorCode, reason: string): void {
    const responseType = REQUEST_RESPONSE[type];
    if (!responseType || seq === undefined) {
      this.report({ code, reason: `${type}: ${reason}` }, 'dropped');
      return;
    }
    this.report({ code, reason: `${type}: ${reason}` }, 'answered');
    const reasonString = `${RESPONSE_CODES[code]}: ${reason}`.slice(0, 500);
    if (responseType === 'optionsResponse') this.send({ type: responseType, responseCode: code, reasonString });
    else if (responseType === 'ack') this.send({ type: responseType, responseCode: code, reasonString, advSequenceNr: seq });
    else this.send({ type: responseType, responseCode: code, reasonString, confSequenceNr: seq });
  }

  /** One message from the channel. Never throws: bad input is answered or dropped and reported. */
  receive(xml: string): void {
    this.stats.received++;
    try {
      this.handle(xml);
    } catch (err) {
      this.report({ code: 400, reason: `internal error while handling a message: ${err instanceof Error ? err.message : String(err)}` }, 'dropped');
    }
  }

  private handle(xml: string): void {
    const state = this.fsm.state;
    if (state === 'idle' || state === 'channelSetup' || state === 'terminated') {
      this.report({ code: 400, reason: `message received in state ${state}` }, 'dropped');
      return;
    }
    let msg: ClueMessage;
    try {
      msg = decodeMessage(xml, this.o.limits);
    } catch (err) {
      if (!(err instanceof ParseError)) throw err;
      const sniffed = sniffMessage(xml);
      if (sniffed?.sequenceNr !== undefined && this.peerSeq !== undefined && sniffed.sequenceNr === this.peerSeq + 1) this.peerSeq++;
      this.refuse(sniffed?.type ?? 'ack', sniffed?.sequenceNr, err.code, err.message);
      return;
    }
    // RFC 8847 §5: sequence numbers grow by one per message; a gap, a repeat or an old one is 402.
    if (this.peerSeq !== undefined && msg.sequenceNr !== this.peerSeq + 1) {
      const expected = this.peerSeq + 1;
      if (msg.sequenceNr > this.peerSeq) this.peerSeq = msg.sequenceNr;
      this.refuse(msg.type, msg.sequenceNr, 402, `sequence number ${msg.sequenceNr}, expected ${expected}`);
      return;
    }
    this.peerSeq = msg.sequenceNr;
    if (msg.clueId !== undefined) {
      this.peerClueId ??= msg.clueId;
      if (msg.clueId !== this.peerClueId) {
        this.refuse(msg.type, msg.sequenceNr, 403, `clueId "${msg.clueId}" differs from "${this.peerClueId}"`);
        return;
      }
    }
    if (this.version !== undefined && msg.type !== 'options' && !versionAccepted(msg.version, this.version)) {
      this.refuse(msg.type, msg.sequenceNr, 401, `version ${msg.version} in a ${this.version} session`);
      return;
    }
    this.dispatch(msg);
  }

  private dispatch(msg: ClueMessage): void {
    const state = this.fsm.state;
    if (state === 'waitOptions') {
      if (msg.type === 'options') this.onOptions(msg);
      else this.refuse(msg.type, msg.sequenceNr, 400, 'the OPTIONS exchange has not taken place');
      return;
    }
    if (state === 'waitOptionsResponse') {
      if (msg.type === 'optionsResponse') this.onOptionsResponse(msg);
      else this.refuse(msg.type, msg.sequenceNr, 400, 'waiting for the OPTIONS RESPONSE');
      return;
    }
    switch (msg.type) {
      case 'options':
        return this.refuse(msg.type, msg.sequenceNr, 400, 'the OPTIONS exchange is already complete');
      case 'optionsResponse':
        return this.refuse(msg.type, msg.sequenceNr, 400, 'no OPTIONS is pending');
      case 'advertisement':
        if (this.consumer) this.consumer.onAdvertisement(msg);
        else this.refuse(msg.type, msg.sequenceNr, 400, 'this participant is not a media consumer in this session');
        return;
      case 'ack':
        if (this.provider) this.provider.onAck(msg);
        else this.refuse(msg.type, msg.sequenceNr, 400, 'this participant sent no advertisement');
        return;
      case 'configure':
        if (this.provider) this.provider.onConfigure(msg);
        else this.refuse(msg.type, msg.sequenceNr, 400, 'this participant is not a media provider in this session');
        return;
      case 'configureResponse':
        if (this.consumer) this.consumer.onConfigureResponse(msg);
        else this.refuse(msg.type, msg.sequenceNr, 400, 'this participant sent no CONFIGURE');
        return;
    }
  }

  /** Extensions both sides listed, by name and schema, at the lower version (RFC 8847 §5.2). */
  private common(theirs: readonly Extension[]): Extension[] {
    const out: Extension[] = [];
    for (const mine of this.extensions) {
      const t = theirs.find((x) => x.name === mine.name && x.schemaRef === mine.schemaRef);
      if (t) out.push({ ...mine, version: negotiateVersion([t.version], [mine.version]) ?? mine.version });
    }
    return out;
  }

  private onOptions(msg: OptionsMessage): void {
    this.timer.stop();
    const version = negotiateVersion(offeredVersions(msg), this.versions);
    if (!version) {
      this.refuse('options', msg.sequenceNr, 401, `none of ${offeredVersions(msg).join(', ')} is supported (${this.versions.join(', ')})`);
      this.fsm.fire('optionsRefused');
      this.shutdown('version negotiation failed');
      return;
    }
    const mp = !!this.o.provider && msg.mediaConsumer;
    const mc = !!this.o.consumer && msg.mediaProvider;
    if (!mp && !mc) {
      this.refuse('options', msg.sequenceNr, 303, 'no media can flow: no provider faces a consumer');
      this.fsm.fire('optionsRefused');
      this.shutdown('no provider/consumer pairing');
      return;
    }
    this.version = version;
    const common = this.common(msg.supportedExtensions ?? []);
    const res: Outgoing = { type: 'optionsResponse', responseCode: 200, reasonString: RESPONSE_CODES[200], mediaProvider: !!this.o.provider, mediaConsumer: !!this.o.consumer, selectedVersion: version };
    if (common.length && res.type === 'optionsResponse') res.commonExtensions = common;
    this.send(res);
    this.fsm.fire('optionsAccepted');
    this.startRoles(mp, mc, common);
  }

  private onOptionsResponse(msg: OptionsResponseMessage): void {
    this.timer.stop();
    if (msg.responseCode !== 200) {
      this.report({ code: 400, reason: `OPTIONS refused: ${msg.responseCode} ${msg.reasonString}` }, 'dropped');
      this.fsm.fire('optionsResponseError');
      this.shutdown(`OPTIONS refused with ${msg.responseCode}`);
      return;
    }
    const selected = msg.selectedVersion ?? msg.version;
    const mp = !!this.o.provider && msg.mediaConsumer === true;
    const mc = !!this.o.consumer && msg.mediaProvider === true;
    const bad = negotiateVersion([selected], this.versions) !== selected ? `the responder chose version ${selected}, which was not offered` : !mp && !mc ? 'no media can flow: no provider faces a consumer' : undefined;
    if (bad) {
      this.report({ code: 401, reason: bad }, 'dropped');
      this.fsm.fire('optionsResponseError');
      this.shutdown(bad);
      return;
    }
    this.version = selected;
    const common = this.common(msg.commonExtensions ?? []);
    this.fsm.fire('optionsResponseOk');
    this.startRoles(mp, mc, common);
  }

  private startRoles(mp: boolean, mc: boolean, extensions: Extension[]): void {
    const deps = (): RoleDeps => ({
      send: (m) => this.send(m),
      clock: this.o.clock,
      timeouts: this.timeouts,
      fail: (reason) => this.o.clock.setTimer(0, () => this.close(reason)),
      report: (p, a) => this.report(p, a),
    });
    const withEncodings = extensions.some((e) => e.name === ENCODINGS_EXTENSION.name);
    if (mp && this.o.provider) {
      const events = this.o.provider.events ?? {};
      this.provider = new ProviderMachine(deps(), { ...events, onTransition: (f, e, t) => { events.onTransition?.(f, e, t); this.o.events?.onTransition?.('provider', f, e, t); } }, withEncodings);
    }
    if (mc && this.o.consumer) {
      const events = this.o.consumer.events ?? {};
      this.consumer = new ConsumerMachine(deps(), this.o.consumer, { ...events, onTransition: (f, e, t) => { events.onTransition?.(f, e, t); this.o.events?.onTransition?.('consumer', f, e, t); } });
    }
    this.o.events?.onActive?.({ version: this.version ?? CLUE_VERSION, provider: mp, consumer: mc, extensions });
    const adv = this.o.provider?.advertisement;
    if (this.provider && adv) this.provider.advertise(adv);
  }

  /** Sends a new advertisement (the room changed); false when no provider machine runs. */
  advertise(info: ClueInfo): Problem[] | false {
    return this.provider && this.fsm.state === 'active' ? this.provider.advertise(info) : false;
  }

  /** Ends the session and closes the channel; idempotent. */
  close(reason = 'closed'): void {
    if (this.closing) return;
    this.o.channel.close(reason);
    this.channelClosed(reason);
  }

  /** The channel closed under us (or we closed it): every machine goes to TERMINATED. */
  channelClosed(reason = 'channel closed'): void {
    if (this.closing) return;
    this.closing = true;
    this.timer.stop();
    if (this.fsm.can('close')) this.fsm.fire('close');
    this.provider?.channelClosed();
    this.consumer?.channelClosed();
    this.o.events?.onClosed?.(reason);
  }

  /** After TERMINATED and before a new channel: back to IDLE with fresh counters. */
  reset(): void {
    if (this.fsm.state !== 'terminated') return;
    this.fsm.fire('reset');
    this.closing = false;
    this.peerSeq = undefined;
    this.peerClueId = undefined;
    this.version = undefined;
    this.optionsRetries = 0;
    this.provider = undefined;
    this.consumer = undefined;
  }

  /** Terminated by the OPTIONS exchange: close the channel without a second transition. */
  private shutdown(reason: string): void {
    this.o.clock.setTimer(0, () => this.close(reason));
  }
}

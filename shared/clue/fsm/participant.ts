// The CLUE participant (RFC 8847 §6, Figure 9): IDLE → CHANNEL SETUP → OPTIONS → ACTIVE. The
// RFC's OPTIONS state is split by role: the channel initiator (CI) sends OPTIONS and waits for the
// response (waitOptionsResponse), the responder (CR) waits for OPTIONS (waitOptions). Where the RFC
// goes back to IDLE (channel error, session ends, OPTIONS phase failure) this machine goes to
// TERMINATED, and reset() returns it to IDLE before a new channel. In ACTIVE the
// participant runs a media provider and/or a media consumer machine as the OPTIONS exchange
// decided, and checks what every message has in common: sequence numbers (402), clueId (403),
// version (401). Bad input is answered or dropped, reported, and never thrown.
import { ENCODINGS_EXTENSION } from '../namespaces';
import { ParseError, RESPONSE_CODES, type ErrorCode, type Problem } from '../errors';
import { decodeMessage } from '../messages/decode';
import { encodeMessage } from '../messages/encode';
import { sniffMessage } from '../messages/sniff';
import { CLUE_VERSION } from '../messages/version';
import type { ClueMessage, Extension, MessageType, OptionsMessage, OptionsResponseMessage } from '../messages/types';
import type { ClueInfo } from '../model/types';
import type { XmlLimits } from '../xml/guard';
import { ConsumerMachine, type ConsumerEvents, type ConsumerOptions } from './consumer';
import { DEFAULT_TIMEOUTS, StateMachine, Timer, type Clock, type ClueChannel, type Timeouts, type TransitionTable } from './machine';
import { errorResponse, PeerIntake, streamOf, type SeqStream } from './intake';
import { acceptOptionsResponse, answerOptions, optionsVersionAttr, type LocalCapabilities, type Session } from './optionsPhase';
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
  onActive?(session: Session): void;
  onClosed?(reason: string): void;
}

export interface ParticipantOptions {
  channel: ClueChannel;
  clock: Clock;
  /** RFC 8847 §4: the CLUE Channel Initiator sends OPTIONS; RFC 8848 §8: the DTLS client (a=setup:active). */
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
  /** First sequence number of each of the three streams we number (RFC 8847 §5: chosen at random by default). */
  initialSequenceNr?: number;
  events?: ParticipantEvents;
}

export class ClueParticipant {
  private readonly fsm: StateMachine<ParticipantState, ParticipantEvent>;
  private readonly timer: Timer;
  private readonly versions: string[];
  private readonly extensions: Extension[];
  private readonly timeouts: Timeouts;
  /** RFC 8847 §5: one sequence number stream each for the initiation phase, our provider and our consumer. */
  private readonly nextSeq: Record<SeqStream, number>;
  private readonly intake = new PeerIntake();
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
    const first = (): number => o.initialSequenceNr ?? 1 + Math.floor(Math.random() * 0x3fffffff);
    this.nextSeq = { initiation: first(), provider: first(), consumer: first() };
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

  private get local(): LocalCapabilities {
    return { provider: !!this.o.provider, consumer: !!this.o.consumer, versions: this.versions, extensions: this.extensions };
  }

  private sendOptions(): void {
    const m: Outgoing = { type: 'options', mediaProvider: !!this.o.provider, mediaConsumer: !!this.o.consumer, supportedVersions: this.versions };
    if (this.extensions.length && m.type === 'options') m.supportedExtensions = this.extensions;
    this.send(m, optionsVersionAttr(this.versions));
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

  /** Stamps and sends a message, numbered in its stream (RFC 8847 §5); returns its sequence number. */
  private send(m: Outgoing, version?: string): number {
    const stream = streamOf(m.type);
    const seq = this.nextSeq[stream]++;
    const full = { ...m, version: version ?? this.version ?? CLUE_VERSION, sequenceNr: seq } as ClueMessage;
    if (this.o.clueId !== undefined) full.clueId = this.o.clueId;
    try {
      this.o.channel.send(encodeMessage(full));
      this.stats.sent++;
    } catch (err) {
      // Close outside the current transition, which is still running.
      const reason = `channel send failed: ${err instanceof Error ? err.message : String(err)}`;
      this.o.clock.after(0, () => this.channelClosed(reason));
    }
    return seq;
  }

  private report(problem: Problem, action: ProblemAction): void {
    if (action === 'answered') this.stats.answered++;
    else this.stats.dropped++;
    this.o.events?.onProblem?.(problem, action);
  }

  /** Answers a request with its response type and an error code; a response is dropped instead. */
  private refuse(type: MessageType, seq: number | undefined, code: ErrorCode, reason: string, version?: string): void {
    const response = seq === undefined ? undefined : errorResponse(type, seq, code, reason);
    this.report({ code, reason: `${type}: ${reason}` }, response ? 'answered' : 'dropped');
    if (response) this.send(response, version);
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
      if (sniffed) this.intake.consumed(sniffed.type, sniffed.sequenceNr);
      this.refuse(sniffed?.type ?? 'ack', sniffed?.sequenceNr, err.code, err.message);
      return;
    }
    // RFC 8847 §6: in ACTIVE a further 'options'/'optionsResponse' MUST be ignored.
    if (state === 'active' && (msg.type === 'options' || msg.type === 'optionsResponse')) {
      this.report({ code: 400, reason: `${msg.type} ignored: the OPTIONS exchange is already complete` }, 'dropped');
      return;
    }
    const refusal = this.intake.check(msg, this.version);
    if (refusal) {
      this.refuse(msg.type, msg.sequenceNr, refusal.code, refusal.reason);
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
      case 'optionsResponse':
        return; // ignored in ACTIVE (see handle)
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

  private onOptions(msg: OptionsMessage): void {
    this.timer.stop();
    const outcome = answerOptions(msg, this.local);
    // The OPTIONS RESPONSE carries the OPTIONS' own "v" (as in RFC 8847 §10.2); the version chosen
    // is in its <version> element and is used from the next message on (§5.2).
    if (!outcome.ok) {
      this.refuse('options', msg.sequenceNr, outcome.code, outcome.reason, msg.version);
      this.fsm.fire('optionsRefused');
      this.shutdown(outcome.reason);
      return;
    }
    const { session } = outcome;
    this.version = session.version;
    const res: Outgoing = { type: 'optionsResponse', responseCode: 200, reasonString: RESPONSE_CODES[200], mediaProvider: !!this.o.provider, mediaConsumer: !!this.o.consumer, selectedVersion: session.version };
    if (session.extensions.length && res.type === 'optionsResponse') res.commonExtensions = session.extensions;
    this.send(res, msg.version);
    this.fsm.fire('optionsAccepted');
    this.startRoles(session);
  }

  private onOptionsResponse(msg: OptionsResponseMessage): void {
    this.timer.stop();
    const outcome = acceptOptionsResponse(msg, this.local);
    if (!outcome.ok) {
      this.report({ code: outcome.code, reason: outcome.reason }, 'dropped');
      this.fsm.fire('optionsResponseError');
      this.shutdown(outcome.reason);
      return;
    }
    this.version = outcome.session.version;
    this.fsm.fire('optionsResponseOk');
    this.startRoles(outcome.session);
  }

  private startRoles({ provider: mp, consumer: mc, extensions, version }: Session): void {
    const deps = (): RoleDeps => ({
      send: (m) => this.send(m),
      clock: this.o.clock,
      timeouts: this.timeouts,
      fail: (reason) => this.o.clock.after(0, () => this.close(reason)),
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
    this.o.events?.onActive?.({ version, provider: mp, consumer: mc, extensions });
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
    this.intake.reset();
    this.version = undefined;
    this.optionsRetries = 0;
    this.provider = undefined;
    this.consumer = undefined;
  }

  /** Terminated by the OPTIONS exchange: close the channel without a second transition. */
  private shutdown(reason: string): void {
    this.o.clock.after(0, () => this.close(reason));
  }
}

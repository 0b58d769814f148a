// The media provider state machine (RFC 8847 §6.1, Figure 10): ADV → WAIT FOR ACK → WAIT FOR CONF →
// CONF RESPONSE → ESTABLISHED; "changed telepresence settings" (a new advertisement) leads back to
// ADV, a NACK too; an error CONFIGURE RESPONSE leads to WAIT FOR CONF (the configuration in force
// before it stays in force). The machine starts in ADV, where it stays until it is given an
// advertisement to send; CONF RESPONSE is entered and left within one call (sending is synchronous).
// TERMINATED (the channel closed) is ours: the RFC's machines simply stop with the channel.
import { isSuccess, RESPONSE_CODES, type ErrorCode, type Problem } from '../errors';
import type { AckMessage, ConfigureMessage } from '../messages/types';
import type { CaptureEncoding, ClueInfo } from '../model/types';
import { checkAdvertisement } from '../semantics/advertisement';
import { checkConfigure } from '../semantics/configure';
import { indexAdvertisement, type AdvIndex } from '../semantics/index';
import { StateMachine, Timer, type TransitionListener, type TransitionTable } from './machine';
import type { RoleDeps } from './roles';

export type ProviderState = 'adv' | 'waitForAck' | 'waitForConf' | 'confResponse' | 'established' | 'terminated';
export type ProviderEvent = 'advReady' | 'advSent' | 'ackOk' | 'ackError' | 'ackTimeout' | 'confWithAck' | 'confReceived' | 'confAccepted' | 'confRejected' | 'channelClosed';

/** RFC 8847 Figure 10; advReady is "changed telepresence settings", ackError "NACK received", ackTimeout ours. */
export const PROVIDER_TRANSITIONS: TransitionTable<ProviderState, ProviderEvent> = {
  adv: { advSent: 'waitForAck', advReady: 'adv', channelClosed: 'terminated' },
  waitForAck: { ackOk: 'waitForConf', ackError: 'adv', ackTimeout: 'adv', confWithAck: 'confResponse', advReady: 'adv', channelClosed: 'terminated' },
  waitForConf: { confReceived: 'confResponse', advReady: 'adv', channelClosed: 'terminated' },
  confResponse: { confAccepted: 'established', confRejected: 'waitForConf', channelClosed: 'terminated' },
  established: { confReceived: 'confResponse', advReady: 'adv', channelClosed: 'terminated' },
  terminated: {},
};

export interface ProviderEvents {
  onTransition?: TransitionListener<ProviderState, ProviderEvent>;
  /** The consumer's configuration was accepted: send these captures on these encodings. */
  onConfigured?(captureEncodings: CaptureEncoding[], advSequenceNr: number): void;
  /** The consumer refused our advertisement; a corrected one must be given to advertise(). */
  onAdvertisementRejected?(code: number, reason: string): void;
}

interface SentAdv {
  seq: number;
  info: ClueInfo;
  idx: AdvIndex;
}

export class ProviderMachine {
  private readonly fsm: StateMachine<ProviderState, ProviderEvent>;
  private readonly timer: Timer;
  private current: SentAdv | undefined;
  private readonly sentSeqs = new Set<number>();
  private retries = 0;
  private configured: CaptureEncoding[] | undefined;

  constructor(
    private readonly deps: RoleDeps,
    private readonly events: ProviderEvents = {},
    /** Whether the peer negotiated the encodings extension (else the limits go in SDP only). */
    private readonly includeEncodings = false,
  ) {
    // RFC 8847 §6.1: "As soon as the sub-state machine of the MP is activated, it is in the ADV state."
    this.fsm = new StateMachine('media provider', PROVIDER_TRANSITIONS, 'adv', events.onTransition);
    this.timer = new Timer(deps.clock);
  }

  get state(): ProviderState {
    return this.fsm.state;
  }
  /** The configuration in force: the last one accepted (RFC 8847 §6.1), kept through a refused CONFIGURE. */
  get configuration(): readonly CaptureEncoding[] | undefined {
    return this.configured;
  }

  /** Sends a new advertisement (RFC 8847 §6.1 "ADV"); our own info must pass the semantic checks. */
  advertise(info: ClueInfo): Problem[] {
    const problems = checkAdvertisement(info);
    if (problems.length || this.fsm.state === 'terminated') return problems;
    this.fsm.fire('advReady');
    this.retries = 0;
    this.sendAdv(this.includeEncodings ? info : { ...info, encodings: [] });
    return [];
  }

  private sendAdv(info: ClueInfo): void {
    const seq = this.deps.send({ type: 'advertisement', info });
    this.current = { seq, info, idx: indexAdvertisement(info) };
    this.sentSeqs.add(seq);
    this.fsm.fire('advSent');
    this.timer.start(this.deps.timeouts.responseMs, () => this.ackTimeout());
  }

  private ackTimeout(): void {
    if (this.fsm.state !== 'waitForAck' || !this.current) return;
    if (this.retries >= this.deps.timeouts.maxRetries) {
      this.deps.fail(`no ACK for advertisement ${this.current.seq} after ${this.retries + 1} sends`);
      return;
    }
    this.retries++;
    this.fsm.fire('ackTimeout');
    this.sendAdv(this.current.info);
  }

  onAck(msg: AckMessage): void {
    if (this.fsm.state !== 'waitForAck' || msg.advSequenceNr !== this.current?.seq) {
      this.deps.report({ code: 400, reason: `unexpected ACK for advertisement ${msg.advSequenceNr} in state ${this.fsm.state}` }, 'dropped');
      return;
    }
    this.timer.stop();
    // RFC 8847 §6.1: a successful (2xx) 'ack' moves on to WAIT FOR CONF, any other code is a NACK.
    if (isSuccess(msg.responseCode)) this.fsm.fire('ackOk');
    else {
      this.fsm.fire('ackError');
      this.events.onAdvertisementRejected?.(msg.responseCode, msg.reasonString ?? '');
    }
  }

  onConfigure(msg: ConfigureMessage): void {
    const refuse = (code: ErrorCode, reason: string): void => {
      this.deps.report({ code, reason }, 'answered');
      this.deps.send({ type: 'configureResponse', responseCode: code, reasonString: `${RESPONSE_CODES[code]}: ${reason}`, confSequenceNr: msg.sequenceNr });
    };
    const cur = this.current;
    const state = this.fsm.state;
    if (!cur || msg.advSequenceNr !== cur.seq || state === 'adv') {
      if (this.sentSeqs.has(msg.advSequenceNr)) refuse(404, `advertisement ${msg.advSequenceNr} has been replaced${cur ? ` by ${cur.seq}` : ''}`);
      else refuse(403, `no advertisement was sent with sequence number ${msg.advSequenceNr}`);
      return;
    }
    if (state === 'waitForAck') {
      if (msg.ack === undefined) {
        refuse(400, `advertisement ${cur.seq} has not been acknowledged`);
        return;
      }
      this.timer.stop();
      this.fsm.fire('confWithAck');
    } else this.fsm.fire('confReceived');
    const problems = checkConfigure(msg.captureEncodings, cur.idx);
    const first = problems[0];
    if (first) {
      // RFC 8847 §6.1: an error 'configureResponse' sent leads to WAIT FOR CONF.
      this.fsm.fire('confRejected');
      refuse(first.code, first.reason);
      return;
    }
    this.configured = msg.captureEncodings;
    this.deps.send({ type: 'configureResponse', responseCode: 200, reasonString: RESPONSE_CODES[200], confSequenceNr: msg.sequenceNr });
    this.fsm.fire('confAccepted');
    this.events.onConfigured?.(msg.captureEncodings, cur.seq);
  }

  channelClosed(): void {
    this.timer.stop();
    if (this.fsm.state !== 'terminated') this.fsm.fire('channelClosed');
  }
}

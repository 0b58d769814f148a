// The media consumer state machine (RFC 8847 §6.2, Figure 11): WAIT FOR ADV → ADV PROCESSING →
// (ack sent) CONF → WAIT FOR CONF RESPONSE → ESTABLISHED, or ADV PROCESSING → (configure+ack sent)
// WAIT FOR CONF RESPONSE directly; a NACK sent leads back to WAIT FOR ADV; a new ADV moves it back
// to ADV PROCESSING from CONF, WAIT FOR CONF RESPONSE and ESTABLISHED (a CONFIGURE still pending
// then is superseded: its late response is ignored). ADV PROCESSING is entered and left within one
// call (sending is synchronous), and so is CONF, except after a refused CONFIGURE, where the consumer
// waits for a new ADV or reconfigure(). TERMINATED (the channel closed) is ours.
import { isSuccess, RESPONSE_CODES } from '../errors';
import type { AdvertisementMessage, ConfigureResponseMessage } from '../messages/types';
import type { CaptureEncoding } from '../model/types';
import { checkAdvertisement } from '../semantics/advertisement';
import { indexAdvertisement, type AdvIndex } from '../semantics/index';
import { StateMachine, Timer, type TransitionListener, type TransitionTable } from './machine';
import type { RoleDeps } from './roles';

export type ConsumerState = 'waitForAdv' | 'advProcessing' | 'conf' | 'waitForConfResponse' | 'established' | 'terminated';
export type ConsumerEvent = 'advReceived' | 'ackSent' | 'nackSent' | 'confAckSent' | 'confSent' | 'confResponseOk' | 'confResponseError' | 'confTimeout' | 'channelClosed';

/** RFC 8847 Figure 11 (confAckSent is "configure+ack sent"); confTimeout is ours. */
export const CONSUMER_TRANSITIONS: TransitionTable<ConsumerState, ConsumerEvent> = {
  waitForAdv: { advReceived: 'advProcessing', channelClosed: 'terminated' },
  advProcessing: { ackSent: 'conf', confAckSent: 'waitForConfResponse', nackSent: 'waitForAdv', channelClosed: 'terminated' },
  conf: { confSent: 'waitForConfResponse', advReceived: 'advProcessing', channelClosed: 'terminated' },
  waitForConfResponse: { confResponseOk: 'established', confResponseError: 'conf', confTimeout: 'conf', advReceived: 'advProcessing', channelClosed: 'terminated' },
  established: { confSent: 'waitForConfResponse', advReceived: 'advProcessing', channelClosed: 'terminated' },
  terminated: {},
};

/** A far-end advertisement that passed the semantic checks. */
export interface ReceivedAdvertisement {
  seq: number;
  idx: AdvIndex;
}

export interface ConsumerEvents {
  onTransition?: TransitionListener<ConsumerState, ConsumerEvent>;
  /** A new, valid advertisement arrived (before the consumer configures). */
  onAdvertisement?(adv: ReceivedAdvertisement): void;
  /** The provider accepted our CONFIGURE: these captures will arrive on these encodings. */
  onConfigured?(captureEncodings: CaptureEncoding[], advSequenceNr: number): void;
  /** The provider refused our CONFIGURE. */
  onConfigureRefused?(code: number, reason: string): void;
}

export interface ConsumerOptions {
  /** The captures to receive, from an advertisement (e.g. consumer/choose). Empty: receive nothing. */
  choose(adv: ReceivedAdvertisement): CaptureEncoding[];
  /** Acknowledge inside the CONFIGURE (RFC 8847 §5.5 <ack>) instead of a separate ACK. */
  piggybackAck?: boolean;
}

export class ConsumerMachine {
  private readonly fsm: StateMachine<ConsumerState, ConsumerEvent>;
  private readonly timer: Timer;
  private adv: ReceivedAdvertisement | undefined;
  private pending: { seq: number; list: CaptureEncoding[]; ack: boolean } | undefined;
  private retries = 0;
  private configured: CaptureEncoding[] | undefined;

  constructor(
    private readonly deps: RoleDeps,
    private readonly options: ConsumerOptions,
    private readonly events: ConsumerEvents = {},
  ) {
    this.fsm = new StateMachine('media consumer', CONSUMER_TRANSITIONS, 'waitForAdv', events.onTransition);
    this.timer = new Timer(deps.clock);
  }

  get state(): ConsumerState {
    return this.fsm.state;
  }
  get advertisement(): ReceivedAdvertisement | undefined {
    return this.adv;
  }
  /** The configuration the provider accepted last. */
  get configuration(): readonly CaptureEncoding[] | undefined {
    return this.configured;
  }

  onAdvertisement(msg: AdvertisementMessage): void {
    if (this.fsm.state === 'terminated') return;
    this.fsm.fire('advReceived');
    this.timer.stop();
    this.pending = undefined;
    const idx = indexAdvertisement(msg.info);
    const problems = checkAdvertisement(msg.info, idx);
    const first = problems[0];
    if (first) {
      this.deps.report(first, 'answered');
      this.deps.send({ type: 'ack', responseCode: first.code, reasonString: `${RESPONSE_CODES[first.code]}: ${first.reason}`, advSequenceNr: msg.sequenceNr });
      this.fsm.fire('nackSent');
      return;
    }
    this.adv = { seq: msg.sequenceNr, idx };
    const piggyback = this.options.piggybackAck === true;
    if (!piggyback) {
      this.deps.send({ type: 'ack', responseCode: 200, reasonString: RESPONSE_CODES[200], advSequenceNr: msg.sequenceNr });
      this.fsm.fire('ackSent');
    }
    this.events.onAdvertisement?.(this.adv);
    this.retries = 0;
    this.sendConfigure(this.options.choose(this.adv), piggyback);
  }

  /** Chooses again from the current advertisement (e.g. the local screens changed): from CONF or ESTABLISHED. */
  reconfigure(): boolean {
    const state = this.fsm.state;
    if (!this.adv || (state !== 'conf' && state !== 'established')) return false;
    this.retries = 0;
    this.sendConfigure(this.options.choose(this.adv), false);
    return true;
  }

  private sendConfigure(list: CaptureEncoding[], ack: boolean): void {
    const adv = this.adv;
    if (!adv) return;
    const seq = this.deps.send(ack ? { type: 'configure', advSequenceNr: adv.seq, ack: 200, captureEncodings: list } : { type: 'configure', advSequenceNr: adv.seq, captureEncodings: list });
    this.pending = { seq, list, ack };
    this.fsm.fire(this.fsm.state === 'advProcessing' ? 'confAckSent' : 'confSent');
    this.timer.start(this.deps.timeouts.responseMs, () => this.confTimeout());
  }

  private confTimeout(): void {
    const p = this.pending;
    if (this.fsm.state !== 'waitForConfResponse' || !p) return;
    if (this.retries >= this.deps.timeouts.maxRetries) {
      this.deps.fail(`no CONFIGURE RESPONSE after ${this.retries + 1} sends`);
      return;
    }
    this.retries++;
    this.fsm.fire('confTimeout');
    this.sendConfigure(p.list, p.ack);
  }

  onConfigureResponse(msg: ConfigureResponseMessage): void {
    const p = this.pending;
    if (this.fsm.state !== 'waitForConfResponse' || !p || msg.confSequenceNr !== p.seq) {
      this.deps.report({ code: 400, reason: `stale or unexpected CONFIGURE RESPONSE for ${msg.confSequenceNr} in state ${this.fsm.state}` }, 'dropped');
      return;
    }
    this.timer.stop();
    this.pending = undefined;
    if (isSuccess(msg.responseCode)) {
      this.configured = p.list;
      this.fsm.fire('confResponseOk');
      this.events.onConfigured?.(p.list, this.adv?.seq ?? 0);
    } else {
      this.fsm.fire('confResponseError');
      this.events.onConfigureRefused?.(msg.responseCode, msg.reasonString ?? '');
    }
  }

  channelClosed(): void {
    this.timer.stop();
    if (this.fsm.state !== 'terminated') this.fsm.fire('channelClosed');
  }
}

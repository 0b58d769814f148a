// The ICE agent's public types: its states and transition table, timing (RFC 8445 §14, RFC 7675
// §5.1), options, credentials (RFC 8445 §5.3: ufrag >= 24 bits, pwd >= 128 bits of randomness) and events.
import { randomBytes } from 'node:crypto';
import type { Clock } from '../../clock';
import type { RemoteAddress } from '../demux';
import type { TransitionTable } from '../stateMachine';
import type { IceCandidate } from './candidate';

export type IceState = 'new' | 'checking' | 'connected' | 'disconnected' | 'failed' | 'closed';

export const ICE_TRANSITIONS: TransitionTable<IceState> = {
  new: ['checking', 'failed', 'closed'],
  checking: ['connected', 'failed', 'closed'],
  connected: ['disconnected', 'checking', 'failed', 'closed'],
  disconnected: ['connected', 'checking', 'failed', 'closed'],
  failed: ['checking', 'closed'],
  closed: [],
};

export interface IceTiming {
  /** Pacing between new checks (RFC 8445 §14.2). */
  ta: number;
  /** First retransmission timeout; doubles per retransmission. */
  rto: number;
  /** Transmissions per check before the pair fails (RFC 8489 Rc). */
  maxTransmits: number;
  /** Without a selected pair after this long, the agent fails. */
  checkingTimeout: number;
  /** Consent checks every consentInterval * [0.8, 1.2] (RFC 7675 §5.1). */
  consentInterval: number;
  /** No consent response for this long: disconnected. */
  disconnectAfter: number;
  /** No consent response for this long: failed (RFC 7675 §5.1: 30 s). */
  consentTimeout: number;
  /** Server-reflexive gathering gives up after this long. */
  gatherTimeout: number;
}

export const DEFAULT_ICE_TIMING: IceTiming = {
  ta: 20,
  rto: 50,
  maxTransmits: 8,
  checkingTimeout: 20_000,
  consentInterval: 5_000,
  disconnectAfter: 10_000,
  consentTimeout: 30_000,
  gatherTimeout: 3_000,
};

export interface IceAgentOptions {
  send(data: Uint8Array, to: RemoteAddress): void;
  hostAddresses: readonly string[];
  localPort: number;
  controlling: boolean;
  stunServer?: RemoteAddress;
  clock?: Clock;
  timing?: Partial<IceTiming>;
}

export interface IceCredentials {
  ufrag: string;
  pwd: string;
}

export type IceAgentEvents = {
  statechange: [IceState, string | undefined];
  candidate: [IceCandidate];
  gatheringcomplete: [];
  selectedpair: [RemoteAddress];
};

const ICE_CHARS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
export function iceString(length: number): string {
  return [...randomBytes(length)].map((b) => ICE_CHARS[b % 64]).join('');
}

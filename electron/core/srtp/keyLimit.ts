// Key lifetime (RFC 3711 §9.2): one master key protects at most 2^48 SRTP and 2^31 SRTCP packets,
// whichever comes first; then it must be replaced (or the session ended). As libsrtp does, a soft event
// fires 2^16 packets before the end so the owner can rekey in time; at the end a hard event fires and
// the key refuses everything after.
import type { SrtpKeyLimitEvent } from './types';

export const SRTP_KEY_LIMIT = 2 ** 48;
export const SRTCP_KEY_LIMIT = 2 ** 31;
const SOFT_MARGIN = 2 ** 16;

class Counter {
  count = 0;
  private softSent = false;
  readonly soft: number;

  constructor(
    readonly kind: SrtpKeyLimitEvent['kind'],
    readonly limit: number,
  ) {
    if (!Number.isSafeInteger(limit) || limit < 1) throw new RangeError(`${kind} key limit must be a positive integer`);
    this.soft = limit - Math.min(SOFT_MARGIN, Math.floor(limit / 10));
  }

  /** Counts one packet; returns the event to emit, if any. */
  bump(): SrtpKeyLimitEvent | null {
    this.count++;
    if (this.count === this.limit) return { kind: this.kind, level: 'hard', packets: this.count, limit: this.limit };
    if (!this.softSent && this.count >= this.soft) {
      this.softSent = true;
      return { kind: this.kind, level: 'soft', packets: this.count, limit: this.limit };
    }
    return null;
  }
}

export class KeyUsage {
  private readonly srtp: Counter;
  private readonly srtcp: Counter;
  exhausted = false;

  constructor(
    limits: { srtp?: number; srtcp?: number } | undefined,
    private readonly onEvent: (ev: SrtpKeyLimitEvent) => void,
  ) {
    this.srtp = new Counter('srtp', limits?.srtp ?? SRTP_KEY_LIMIT);
    this.srtcp = new Counter('srtcp', limits?.srtcp ?? SRTCP_KEY_LIMIT);
  }

  /** Records one packet processed under the key (call only when it passed). */
  use(kind: SrtpKeyLimitEvent['kind']): void {
    const ev = (kind === 'srtp' ? this.srtp : this.srtcp).bump();
    if (!ev) return;
    if (ev.level === 'hard') this.exhausted = true;
    this.onEvent(ev);
  }

  /** Marks the key used up for a reason other than the count (e.g. the SRTCP index space, §3.4). */
  exhaust(kind: SrtpKeyLimitEvent['kind']): void {
    if (this.exhausted) return;
    this.exhausted = true;
    const c = kind === 'srtp' ? this.srtp : this.srtcp;
    this.onEvent({ kind, level: 'hard', packets: c.count, limit: c.limit });
  }
}

// STUN client transactions over UDP (RFC 8489 §6.2.1): a request is sent again after RTO, 2*RTO,
// 4*RTO ... until `maxTransmits` (Rc) or an answer; a transaction that gives up reports a timeout.
// Keyed by transaction id; the clock is injected.
import type { Clock, TimerHandle } from '../../clock';
import type { RemoteAddress } from '../demux';

interface Entry<T> {
  meta: T;
  timer?: TimerHandle;
}

export class StunTransactions<T> {
  private readonly open = new Map<string, Entry<T>>();

  constructor(
    private readonly clock: Clock,
    private readonly send: (bytes: Uint8Array, to: RemoteAddress) => void,
    private readonly rto: number,
    private readonly maxTransmits: number,
  ) {}

  /** Sends `bytes` to `to` (retransmitting when `retransmit`); `onTimeout` runs if no answer comes. */
  start(transactionId: Uint8Array, bytes: Uint8Array, to: RemoteAddress, meta: T, retransmit: boolean, onTimeout: (meta: T) => void): void {
    const id = Buffer.from(transactionId).toString('hex');
    const entry: Entry<T> = { meta };
    this.open.set(id, entry);
    let transmits = 0;
    const transmit = (): void => {
      transmits++;
      this.send(bytes, to);
      entry.timer = this.clock.after(this.rto * 2 ** (transmits - 1), () => {
        if (this.open.get(id) !== entry) return;
        if (retransmit && transmits < this.maxTransmits) return transmit();
        this.open.delete(id);
        onTimeout(meta);
      });
    };
    transmit();
  }

  /** Ends and returns the transaction an answer belongs to, if it is ours. */
  take(transactionId: Uint8Array): T | undefined {
    const id = Buffer.from(transactionId).toString('hex');
    const entry = this.open.get(id);
    if (!entry) return undefined;
    entry.timer?.cancel();
    this.open.delete(id);
    return entry.meta;
  }

  /** Whether an answer with this id would be ours (checked before its integrity). */
  has(transactionId: Uint8Array): boolean {
    return this.open.has(Buffer.from(transactionId).toString('hex'));
  }

  get(transactionId: Uint8Array): T | undefined {
    return this.open.get(Buffer.from(transactionId).toString('hex'))?.meta;
  }

  /** Cancels every open transaction whose meta matches (all when no filter). */
  cancel(filter: (meta: T) => boolean = () => true): void {
    for (const [id, e] of [...this.open]) {
      if (!filter(e.meta)) continue;
      e.timer?.cancel();
      this.open.delete(id);
    }
  }
}

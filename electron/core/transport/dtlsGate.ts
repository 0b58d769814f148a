// Between the demux and DTLS: DTLS datagrams are accepted only from an address ICE has validated
// (RFC 8445 §7.3, RFC 7675), and sent only to ICE's current pair. The peer's ClientHello can beat its
// own connectivity check to us, and our first flight can be ready before a pair is; both wait here,
// bounded, instead of being dropped (werift alone would drop them and wait ~1 s for a retransmission).
import type { RemoteAddress, UdpDemux } from './demux';
import type { IceAgent } from './ice';

const MAX_INBOUND = 32;
const MAX_OUTBOUND = 64;

export class DtlsGate {
  private inboundQueue: { data: Uint8Array; from: RemoteAddress }[] = [];
  private outboundQueue: Uint8Array[] = [];

  constructor(
    private readonly ice: IceAgent,
    private readonly demux: UdpDemux,
    private readonly deliver: (data: Uint8Array) => void,
  ) {}

  /** A DTLS datagram from the demux. */
  inbound(data: Uint8Array, from: RemoteAddress): void {
    if (this.ice.isValidated(from)) return this.deliver(data);
    // Bounded; the oldest goes first, so a flood cannot keep a later, real ClientHello out.
    if (this.inboundQueue.length >= MAX_INBOUND) {
      const old = this.inboundQueue.shift();
      if (old) this.demux.drop('dtls-unvalidated-source', old.from);
    }
    this.inboundQueue.push({ data: Uint8Array.from(data), from });
  }

  /** A DTLS datagram to the peer. */
  outbound(data: Uint8Array): void {
    if (this.demux.isClosed) return;
    const target = this.ice.sendTarget;
    if (target) return this.demux.send(data, target);
    if (this.outboundQueue.length < MAX_OUTBOUND) this.outboundQueue.push(Uint8Array.from(data));
  }

  /** ICE learned something (a check arrived or succeeded): retry what waits. */
  iceProgressed(): void {
    if (this.inboundQueue.length) {
      const waiting = this.inboundQueue;
      this.inboundQueue = [];
      for (const w of waiting) this.inbound(w.data, w.from);
    }
    const target = this.ice.sendTarget;
    if (!target || !this.outboundQueue.length || this.demux.isClosed) return;
    for (const d of this.outboundQueue) this.demux.send(d, target);
    this.outboundQueue = [];
  }

  clear(): void {
    this.inboundQueue = [];
    this.outboundQueue = [];
  }
}

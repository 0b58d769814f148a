// Retransmission of the DTLS client's flights (RFC 6347 §4.2.4): what the client sends until the
// server answers is one flight; without an answer it is sent again after 50 ms, doubling to 1 s.
// RFC 6347 §4.2.4.1 allows an initial timer below 1 s and WebRTC stacks use 50 ms; werift's own
// timer waits 500 ms, and a peer whose DTLS server starts after its ICE (aiortc) drops our first
// ClientHello, so this is the difference between ~50 ms and ~600 ms to connect.
import type { Clock, TimerHandle } from '../../clock';

export const INITIAL_RTO_MS = 50;
export const MAX_RTO_MS = 1000;

export class FlightRetransmitter {
  private flight: Uint8Array[] = [];
  private open = false;
  private rto = INITIAL_RTO_MS;
  private timer?: TimerHandle;

  constructor(
    private readonly clock: Clock,
    private readonly resend: (datagram: Uint8Array) => void,
  ) {}

  /** A datagram we sent: part of the current flight (a new one if the peer answered since). */
  sent(datagram: Uint8Array): void {
    if (!this.open) {
      this.flight = [];
      this.open = true;
    }
    this.flight.push(Uint8Array.from(datagram));
    this.timer?.cancel();
    this.timer = this.clock.after(this.rto, () => this.fire());
  }

  /** The peer sent something: our flight arrived; the next send starts a new flight. */
  answered(): void {
    this.open = false;
    this.rto = INITIAL_RTO_MS;
    this.timer?.cancel();
  }

  stop(): void {
    this.timer?.cancel();
    this.flight = [];
    this.open = false;
  }

  private fire(): void {
    if (!this.open) return;
    for (const d of this.flight) this.resend(d);
    this.rto = Math.min(this.rto * 2, MAX_RTO_MS);
    this.timer = this.clock.after(this.rto, () => this.fire());
  }
}

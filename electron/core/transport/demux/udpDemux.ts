// The call's one UDP socket (BUNDLE + rtcp-mux, RFC 8843/5761) and its RFC 7983 demultiplexer: every
// datagram is classified by its first byte and handed to exactly one layer (STUN -> ICE, DTLS ->
// DTLS, RTP/RTCP -> SRTP). Anything else, and anything a layer refuses, is dropped and counted under
// a reason, never thrown. The socket is owned here; close() is idempotent.
import { createSocket, type Socket } from 'node:dgram';
import { isIPv6 } from 'node:net';
import { createLogger } from '../../log';
import { InvalidStateError } from '../errors';
import { classifyDatagram, type PacketClass } from './classify';

export interface RemoteAddress {
  address: string;
  port: number;
}

export type DatagramHandler = (data: Buffer, from: RemoteAddress) => void;

export interface DemuxHandlers {
  stun?: DatagramHandler;
  dtls?: DatagramHandler;
  rtp?: DatagramHandler;
  rtcp?: DatagramHandler;
}

/** Datagrams above this size are dropped unread (an Ethernet-MTU call never sends them). */
export const MAX_DATAGRAM = 4096;

const log = createLogger('transport').child('demux');

export class UdpDemux {
  private readonly socket: Socket;
  private handlers: DemuxHandlers = {};
  private closed = false;
  /** Sends the kernel has not taken yet: close() waits for them (a last close_notify must go out). */
  private inFlight = 0;
  private socketClosed = false;
  /** Counters per class received, and per reason dropped. */
  readonly received: Record<PacketClass, number> = { stun: 0, dtls: 0, rtp: 0, rtcp: 0, zrtp: 0, 'turn-channel': 0, unknown: 0 };
  readonly dropped = new Map<string, number>();
  private lastDropLog = 0;

  private constructor(socket: Socket) {
    this.socket = socket;
    socket.on('message', (msg, rinfo) => this.onMessage(msg, { address: rinfo.address, port: rinfo.port }));
    socket.on('error', (err) => log.warn('socket error', { reason: err.message }));
  }

  /** Binds one UDP socket on `address` (port 0 = any free port). */
  static async bind(address: string, port = 0): Promise<UdpDemux> {
    const socket = createSocket({ type: isIPv6(address) ? 'udp6' : 'udp4' });
    await new Promise<void>((resolve, reject) => {
      socket.once('error', reject);
      socket.bind(port, address, () => {
        socket.off('error', reject);
        resolve();
      });
    });
    return new UdpDemux(socket);
  }

  get localAddress(): RemoteAddress {
    const a = this.socket.address();
    return { address: a.address, port: a.port };
  }

  get isClosed(): boolean {
    return this.closed;
  }

  setHandlers(handlers: DemuxHandlers): void {
    this.handlers = { ...this.handlers, ...handlers };
  }

  send(data: Uint8Array, to: RemoteAddress): void {
    if (this.closed) throw new InvalidStateError('UdpDemux is closed');
    this.inFlight++;
    this.socket.send(data, to.port, to.address, (err) => {
      this.inFlight--;
      if (err) this.drop('send-failed', to, err.message);
      if (this.closed && this.inFlight === 0) this.closeSocket();
    });
  }

  /** Counts a drop under `reason` and logs it (rate-limited: a flood must not flood the log). */
  drop(reason: string, from: RemoteAddress, detail?: string): void {
    this.dropped.set(reason, (this.dropped.get(reason) ?? 0) + 1);
    const now = Date.now();
    if (now - this.lastDropLog >= 1000) {
      this.lastDropLog = now;
      log.warn('dropped datagram', { reason, from: `${from.address}:${from.port}`, detail, total: this.droppedTotal });
    }
  }

  get droppedTotal(): number {
    let n = 0;
    for (const v of this.dropped.values()) n += v;
    return n;
  }

  private onMessage(data: Buffer, from: RemoteAddress): void {
    if (this.closed) return;
    if (data.length > MAX_DATAGRAM) return this.drop('oversized', from);
    const kind = classifyDatagram(data);
    this.received[kind]++;
    const handler = kind === 'stun' || kind === 'dtls' || kind === 'rtp' || kind === 'rtcp' ? this.handlers[kind] : undefined;
    if (!handler) return this.drop(`no-handler:${kind}`, from);
    try {
      handler(data, from);
    } catch (error) {
      // A layer must refuse bad input itself; if one throws anyway, the loop survives and says why.
      this.drop(`handler-threw:${kind}`, from, error instanceof Error ? error.message : String(error));
    }
  }

  close(): void {
    if (this.closed) return;
    this.closed = true;
    this.handlers = {};
    if (this.inFlight === 0) this.closeSocket();
  }

  private closeSocket(): void {
    if (this.socketClosed) return;
    this.socketClosed = true;
    this.socket.close();
  }
}

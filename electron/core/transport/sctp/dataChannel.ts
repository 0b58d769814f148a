// WebRTC data channels (RFC 8831) over one SCTP association, opened with DCEP (RFC 8832): stream ids
// by DTLS role (§6: the DTLS client uses even ids), reliable ordered channels for CLUE (RFC 8850
// §3.2: PPID 51 text, reliable, ordered), messages up to the peer's a=max-message-size (RFC 8841
// §6), and close by resetting the outgoing stream (RFC 8831 §6.7). Bad DCEP is dropped with a reason.
import { createLogger } from '../../log';
import { InvalidStateError, ParseError } from '../errors';
import { TypedEvents } from '../events';
import { StateMachine, type TransitionTable } from '../stateMachine';
import type { SctpAssociation } from './association';
import { ChannelType, parseDcep, PPID, serializeDcep, type DcepOpen } from './dcep';

export type DataChannelState = 'connecting' | 'open' | 'closing' | 'closed';
export const DATA_CHANNEL_TRANSITIONS: TransitionTable<DataChannelState> = {
  connecting: ['open', 'closing', 'closed'],
  open: ['closing', 'closed'],
  closing: ['closed'],
  closed: [],
};

export type DataChannelEvents = {
  open: [];
  message: [string | Uint8Array];
  close: [];
};

/**
 * RFC 8850: the CLUE channel is reliable and ordered; its DCEP protocol is the subprotocol identifier
 * RFC 8850 registers with IANA, "clue" (its dcmap table writes "CLUE"); the label is the
 * application's choice. We send "clue" and recognise either case.
 */
export const CLUE_CHANNEL = { label: 'CLUE', protocol: 'clue' } as const;

/** Whether a channel is meant as the CLUE channel: its DCEP protocol is "clue" (any case). */
export function isClueChannel(channel: { protocol: string }): boolean {
  return channel.protocol.toLowerCase() === CLUE_CHANNEL.protocol;
}

/**
 * Why a CLUE channel breaks RFC 8850 §3.2.3-3.2.4 (CLUE needs full reliability and ordered
 * delivery; a peer using partial reliability or unordered delivery terminates the session), or
 * undefined when it conforms.
 */
export function clueChannelProblem(channel: { ordered: boolean; reliable: boolean }): string | undefined {
  if (!channel.reliable) return 'the CLUE channel uses partial reliability (RFC 8850 §3.2.3)';
  if (!channel.ordered) return 'the CLUE channel is unordered (RFC 8850 §3.2.4)';
  return undefined;
}

const log = createLogger('transport').child('datachannel');

export class DataChannel {
  readonly events = new TypedEvents<DataChannelEvents>((e, err) => log.error('listener threw', { event: e, reason: String(err) }));
  private readonly fsm: StateMachine<DataChannelState>;

  constructor(
    private readonly owner: DataChannels,
    readonly id: number,
    readonly label: string,
    readonly protocol: string,
    readonly ordered: boolean,
    /** Full reliability: DCEP channel type without partial-reliability bits (RFC 8832 §5.1). */
    readonly reliable: boolean,
    initial: DataChannelState,
  ) {
    this.fsm = new StateMachine(`datachannel ${id}`, initial, DATA_CHANNEL_TRANSITIONS, (to) => {
      log.info('data channel state', { id, label, to });
      if (to === 'open') this.events.emit('open');
      if (to === 'closed') this.events.emit('close');
    });
  }

  get state(): DataChannelState {
    return this.fsm.state;
  }

  /** Text goes as PPID 51 (56 when empty), bytes as 53 (57), RFC 8831 §6.6. */
  send(data: string | Uint8Array): void {
    if (this.fsm.state !== 'open' && this.fsm.state !== 'connecting') throw new InvalidStateError(`data channel ${this.label} is ${this.fsm.state}`);
    const text = typeof data === 'string';
    const bytes = text ? Buffer.from(data, 'utf8') : Buffer.from(data.buffer, data.byteOffset, data.byteLength);
    const max = this.owner.remoteMaxMessageSize;
    if (max > 0 && bytes.length > max) throw new RangeError(`message of ${bytes.length} bytes exceeds the peer's a=max-message-size ${max}`);
    const ppid = bytes.length === 0 ? (text ? PPID.STRING_EMPTY : PPID.BINARY_EMPTY) : text ? PPID.STRING : PPID.BINARY;
    this.owner.transmit(this.id, ppid, bytes.length === 0 ? Buffer.from([0]) : bytes, this.ordered);
  }

  /** Clean close: reset our outgoing stream; the peer resets its own and the channel is closed. */
  close(): void {
    if (this.fsm.state === 'closing' || this.fsm.state === 'closed') return;
    this.fsm.go('closing');
    this.owner.resetStream(this.id);
  }

  /** @internal */
  deliver(ppid: number, data: Buffer): void {
    if (this.fsm.state !== 'open' && this.fsm.state !== 'connecting') return;
    if (ppid === PPID.STRING) this.events.emit('message', data.toString('utf8'));
    else if (ppid === PPID.STRING_EMPTY) this.events.emit('message', '');
    else if (ppid === PPID.BINARY) this.events.emit('message', new Uint8Array(data));
    else if (ppid === PPID.BINARY_EMPTY) this.events.emit('message', new Uint8Array(0));
    else this.owner.refuse('unknown-ppid', this.id, ppid);
  }

  /** @internal */
  setState(to: DataChannelState): void {
    this.fsm.tryGo(to);
  }
}

export interface DataChannelsOptions {
  dtlsRole: 'client' | 'server';
  /** The peer's a=max-message-size (0 = no limit, RFC 8841 §6.1); 65536 when it gave none. */
  remoteMaxMessageSize?: number;
  /** Our a=max-message-size: larger inbound messages are dropped. */
  localMaxMessageSize?: number;
}

export type DataChannelsEvents = { datachannel: [DataChannel] };

export class DataChannels {
  readonly events = new TypedEvents<DataChannelsEvents>((e, err) => log.error('listener threw', { event: e, reason: String(err) }));
  private readonly channels = new Map<number, DataChannel>();
  private nextId: number;
  private connected = false;
  private pendingOpens: (() => void)[] = [];
  private closed = false;
  readonly remoteMaxMessageSize: number;
  private readonly localMax: number;
  readonly dropped = new Map<string, number>();

  constructor(
    private readonly sctp: SctpAssociation,
    opts: DataChannelsOptions,
  ) {
    this.nextId = opts.dtlsRole === 'client' ? 0 : 1;
    this.remoteMaxMessageSize = opts.remoteMaxMessageSize ?? 65536;
    this.localMax = opts.localMaxMessageSize ?? 1024 * 1024;
    sctp.onReceive.subscribe((streamId, ppid, data) => this.receive(streamId, ppid, data));
    sctp.onReconfigStreams.subscribe((ids) => {
      for (const id of ids) this.channels.get(id)?.setState('closed');
      for (const id of ids) this.channels.delete(id);
    });
    sctp.stateChanged.connected.subscribe(() => {
      this.connected = true;
      const opens = this.pendingOpens;
      this.pendingOpens = [];
      for (const open of opens) open();
    });
    sctp.stateChanged.closed.subscribe(() => this.closeAll());
  }

  get isConnected(): boolean {
    return this.connected;
  }

  /** Opens a channel with DCEP; reliable and ordered unless asked otherwise. */
  create(label: string, protocol: string, ordered = true): DataChannel {
    if (this.closed) throw new InvalidStateError('data channels are closed');
    const id = this.nextId;
    this.nextId += 2;
    const channel = new DataChannel(this, id, label, protocol, ordered, true, 'connecting');
    this.channels.set(id, channel);
    const open: DcepOpen = { type: 'open', channelType: ordered ? ChannelType.RELIABLE : ChannelType.RELIABLE_UNORDERED, priority: 256, reliability: 0, label, protocol };
    const send = (): void => this.transmit(id, PPID.DCEP, Buffer.from(serializeDcep(open)), true);
    if (this.connected) send();
    else this.pendingOpens.push(send);
    return channel;
  }

  /** @internal */
  transmit(streamId: number, ppid: number, data: Buffer, ordered: boolean): void {
    this.sctp.send(streamId, ppid, data, { ordered }).catch((e: unknown) => log.warn('sctp send failed', { streamId, reason: String(e) }));
  }

  /** @internal */
  resetStream(streamId: number): void {
    this.sctp.reconfigQueue.push(streamId);
    this.sctp.transmitReconfigRequest().catch((e: unknown) => log.warn('stream reset failed', { streamId, reason: String(e) }));
  }

  /** @internal */
  refuse(reason: string, streamId: number, detail?: number | string): void {
    this.dropped.set(reason, (this.dropped.get(reason) ?? 0) + 1);
    log.warn('dropped sctp message', { reason, streamId, detail });
  }

  private receive(streamId: number, ppid: number, data: Buffer): void {
    if (data.length > this.localMax) return this.refuse('oversized', streamId, data.length);
    if (ppid === PPID.DCEP) return this.receiveDcep(streamId, data);
    const channel = this.channels.get(streamId);
    if (!channel) return this.refuse('unknown-stream', streamId, ppid);
    // Data on a channel we opened implies the peer saw our OPEN (RFC 8832 §6).
    if (channel.state === 'connecting') channel.setState('open');
    channel.deliver(ppid, data);
  }

  private receiveDcep(streamId: number, data: Buffer): void {
    let msg;
    try {
      msg = parseDcep(data);
    } catch (e) {
      return this.refuse('dcep-malformed', streamId, e instanceof ParseError ? e.message : String(e));
    }
    if (msg.type === 'ack') {
      const channel = this.channels.get(streamId);
      if (!channel) return this.refuse('dcep-ack-unknown-stream', streamId);
      channel.setState('open');
      return;
    }
    if (this.channels.has(streamId)) return this.refuse('dcep-open-on-used-stream', streamId);
    if ((streamId % 2 === 0) === (this.nextId % 2 === 0)) return this.refuse('dcep-open-wrong-parity', streamId);
    const ordered = (msg.channelType & 0x80) === 0;
    const reliable = (msg.channelType & 0x7f) === 0;
    const channel = new DataChannel(this, streamId, msg.label, msg.protocol, ordered, reliable, 'open');
    this.channels.set(streamId, channel);
    this.transmit(streamId, PPID.DCEP, Buffer.from(serializeDcep({ type: 'ack' })), true);
    log.info('data channel opened by peer', { id: streamId, label: msg.label, protocol: msg.protocol, ordered, reliable });
    this.events.emit('datachannel', channel);
  }

  private closeAll(): void {
    for (const c of this.channels.values()) c.setState('closed');
    this.channels.clear();
  }

  close(): void {
    if (this.closed) return;
    this.closed = true;
    this.closeAll();
    this.sctp.stop().catch(() => {});
    this.events.removeAll();
  }
}

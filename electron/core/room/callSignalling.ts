// The edge between the room core and whatever carries calls: SIP with CLUE (RFC 8848, issue 5), or
// the in-process loopback below (two rooms in one process: demos, soak tests). The core only sees
// this interface, so it never learns how a call is signalled (CONVENTIONS 3).
export type CallSignal =
  | { type: 'incoming'; from: string }
  | { type: 'answered'; remote: string }
  /** The far end ended, declined or cancelled the call, or it failed; `reason` is shown on screen. */
  | { type: 'ended'; reason: string };

export interface CallSignalling {
  dial(farEnd: string): void;
  answer(): void;
  /** Ends, cancels or declines the current call. */
  hangup(): void;
  onSignal(listener: (signal: CallSignal) => void): () => void;
  close(): void;
}

/**
 * Two endpoints wired to each other in one process: A dials "B's uri" and B rings. Each side allows
 * one call; a dial to a busy, closed or unknown side ends at once with a reason, as a SIP 486/480/404 would.
 * Signals are delivered on a later microtask, like a network reply, never re-entrantly.
 */
export function createLoopbackSignallingPair(uriA: string, uriB: string): [CallSignalling, CallSignalling] {
  const a = new LoopbackSide(uriA);
  const b = new LoopbackSide(uriB);
  a.peer = b;
  b.peer = a;
  return [a, b];
}

type Phase = 'free' | 'dialling' | 'ringing' | 'inCall';

class LoopbackSide implements CallSignalling {
  peer: LoopbackSide | undefined;
  private phase: Phase = 'free';
  private closed = false;
  private readonly listeners = new Set<(signal: CallSignal) => void>();

  constructor(readonly uri: string) {}

  dial(farEnd: string): void {
    const peer = this.peer;
    // Glare (both sides dial at once) is not resolved here: the second dial simply fails.
    if (this.phase !== 'free') return this.emitLater({ type: 'ended', reason: 'Another call is in progress' });
    this.phase = 'dialling';
    if (!peer || peer.closed || farEnd !== peer.uri) return this.endLater(`${farEnd} cannot be reached`);
    if (peer.phase !== 'free') return this.endLater(`${farEnd} is busy`);
    peer.phase = 'ringing';
    peer.emitLater({ type: 'incoming', from: this.uri });
  }

  answer(): void {
    const peer = this.peer;
    if (this.phase !== 'ringing' || !peer) return;
    this.phase = 'inCall';
    peer.phase = 'inCall';
    peer.emitLater({ type: 'answered', remote: this.uri });
  }

  hangup(): void {
    const peer = this.peer;
    if (this.phase === 'free') return;
    const reason = this.phase === 'ringing' ? 'Call declined' : this.phase === 'dialling' ? 'Call cancelled' : 'Far end hung up';
    this.phase = 'free';
    // Our own side is over at once (the BYE's 200 OK arrives at once on a loopback).
    this.emitLater({ type: 'ended', reason: 'Call ended' });
    if (peer && peer.phase !== 'free') {
      peer.phase = 'free';
      peer.emitLater({ type: 'ended', reason });
    }
  }

  onSignal(listener: (signal: CallSignal) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  close(): void {
    if (this.closed) return;
    this.hangup();
    this.closed = true;
    this.listeners.clear();
  }

  private endLater(reason: string): void {
    this.phase = 'free';
    this.emitLater({ type: 'ended', reason });
  }

  private emitLater(signal: CallSignal): void {
    queueMicrotask(() => {
      if (this.closed) return;
      for (const listener of this.listeners) listener(signal);
    });
  }
}

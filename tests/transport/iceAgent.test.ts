// The ICE agent's state machine with an injected clock (no waiting): nomination, consent freshness
// (RFC 7675), ICE restart (RFC 8445 §9), role conflict (§7.3.1.1), and refusal of bad STUN.
import { describe, expect, it } from 'vitest';
import { ManualClock } from '../../shared/clock';
import type { RemoteAddress } from '../../electron/core/transport/demux';
import { Attr, IceAgent, METHOD_BINDING, serializeStun, StunClass, type IceState } from '../../electron/core/transport/ice';

const A: RemoteAddress = { address: '192.0.2.1', port: 1000 };
const B: RemoteAddress = { address: '192.0.2.2', port: 2000 };

function pairOfAgents(opts: { bothControlling?: boolean } = {}) {
  const clock = new ManualClock();
  const queue: (() => void)[] = [];
  const link = { aToB: true, bToA: true };
  const sentByA: Uint8Array[] = [];
  const a: IceAgent = new IceAgent({ send: (d) => (sentByA.push(d), link.aToB && queue.push(() => b.handleStun(d, A))), hostAddresses: [A.address], localPort: A.port, controlling: true, clock });
  const b: IceAgent = new IceAgent({ send: (d) => link.bToA && queue.push(() => a.handleStun(d, B)), hostAddresses: [B.address], localPort: B.port, controlling: !!opts.bothControlling, clock });
  const states = { a: [] as IceState[], b: [] as IceState[], reasons: [] as string[] };
  a.events.on('statechange', (s, r) => (states.a.push(s), r && states.reasons.push(r)));
  b.events.on('statechange', (s) => states.b.push(s));
  a.gather();
  b.gather();
  const pump = (ms = 0) => {
    for (let i = 0; i < 1000 && queue.length; i++) queue.shift()?.();
    if (ms) {
      for (let t = 0; t < ms; t += 10) {
        clock.advance(10);
        for (let i = 0; i < 1000 && queue.length; i++) queue.shift()?.();
      }
    }
  };
  const signal = () => {
    a.setRemoteCredentials({ ...b.local });
    b.setRemoteCredentials({ ...a.local });
    for (const c of b.localCandidates) a.addRemoteCandidate(c);
    for (const c of a.localCandidates) b.addRemoteCandidate(c);
  };
  return { a, b, clock, pump, signal, link, states, sentByA };
}

describe('ICE agent (RFC 8445) with a manual clock', () => {
  it('checks and nominates: both sides connected on the pair', () => {
    const { a, b, pump, signal } = pairOfAgents();
    signal();
    pump(200);
    expect(a.state).toBe('connected');
    expect(b.state).toBe('connected');
    expect(a.selectedPair).toEqual(B);
    expect(b.selectedPair).toEqual(A);
    expect(a.isValidated(B)).toBe(true);
    expect(a.isValidated({ address: '198.51.100.9', port: 9 })).toBe(false);
  });

  it('consent freshness: silence makes the call disconnected, then failed with a reason', () => {
    const { a, pump, signal, link, states } = pairOfAgents();
    signal();
    pump(200);
    link.bToA = false; // the peer stops answering
    pump(17_000); // checks every 4-6 s: one falls after 10 s of silence by 16 s
    expect(a.state).toBe('disconnected');
    pump(20_000);
    expect(a.state).toBe('failed');
    expect(states.reasons.join()).toMatch(/consent expired/);
  });

  it('consent keeps a healthy call connected for minutes', () => {
    const { a, b, pump, signal } = pairOfAgents();
    signal();
    pump(200);
    pump(120_000);
    expect([a.state, b.state]).toEqual(['connected', 'connected']);
  });

  it('ICE restart: new credentials, the old pair carries data meanwhile, then connected again', () => {
    const { a, b, pump, signal, states } = pairOfAgents();
    signal();
    pump(200);
    const old = { ...a.local };
    a.restart();
    expect(a.local.ufrag).not.toBe(old.ufrag);
    expect(a.state).toBe('checking');
    expect(a.sendTarget).toEqual(B); // RFC 8445 §9: keep sending on the previous pair
    b.setRemoteCredentials({ ...a.local });
    a.setRemoteCredentials({ ...b.local });
    pump(300);
    expect(a.state).toBe('connected');
    expect(states.a).toEqual(['checking', 'connected', 'checking', 'connected']);
  });

  it('repairs a role conflict when both sides think they control', () => {
    const { a, b, pump, signal } = pairOfAgents({ bothControlling: true });
    signal();
    pump(500);
    expect([a.state, b.state]).toEqual(['connected', 'connected']);
    expect(a.isControlling).not.toBe(b.isControlling);
  });

  it('fails with a reason when no pair ever works', () => {
    const { a, pump, signal, link, states } = pairOfAgents();
    link.bToA = false;
    link.aToB = false;
    signal();
    pump(21_000);
    expect(a.state).toBe('failed');
    expect(states.reasons).toEqual(['no candidate pair succeeded in time']);
  });

  it('refuses unauthenticated, malformed and unsolicited STUN without answering', () => {
    const { a, signal, sentByA } = pairOfAgents();
    signal();
    const before = sentByA.length;
    const tid = new Uint8Array(12).fill(7);
    const forged = serializeStun({ method: METHOD_BINDING, cls: StunClass.request, transactionId: tid, attributes: [{ type: Attr.USERNAME, value: Buffer.from(`${a.local.ufrag}:x`) }] }, { integrityKey: Buffer.from('not the password'), fingerprint: true });
    expect(a.handleStun(forged, B)).toBe('stun-integrity');
    const wrongUser = serializeStun({ method: METHOD_BINDING, cls: StunClass.request, transactionId: tid, attributes: [{ type: Attr.USERNAME, value: Buffer.from('nobody:x') }] }, { fingerprint: true });
    expect(a.handleStun(wrongUser, B)).toBe('stun-username');
    expect(a.handleStun(Uint8Array.of(0, 1, 0, 0, 1, 2, 3), B)).toBe('stun-malformed');
    const stray = serializeStun({ method: METHOD_BINDING, cls: StunClass.success, transactionId: tid, attributes: [] }, { fingerprint: true });
    expect(a.handleStun(stray, B)).toBe('stun-unknown-transaction');
    expect(sentByA.length).toBe(before);
  });
});

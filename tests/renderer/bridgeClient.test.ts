// The renderer's bridge client against the real bridge server on loopback. Node's fetch stands in
// for the page's: it is given the Origin header a browser adds to every POST from our page.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RoomCore } from '../../electron/core/room/roomCore';
import { BridgeServer } from '../../electron/host/bridgeServer';
import { createBridgeClient, type ConnectionState } from '../../renderer/bridge/bridgeClient';
import { DEFAULT_ROOM, roomConfigSchema } from '../../shared/config';
import type { Snapshot } from '../../shared/ipc/contract';

let dir: string;
let core: RoomCore;
let bridge: BridgeServer;

const asPage = (origin: string): typeof fetch => (input, init) => fetch(input, { ...init, headers: { ...(init?.headers as Record<string, string>), Origin: origin } });

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'telescene-client-'));
  writeFileSync(join(dir, 'index.html'), '');
  core = new RoomCore({ config: roomConfigSchema.parse(DEFAULT_ROOM) });
  bridge = await BridgeServer.start({ core, rendererDir: dir });
});
afterAll(async () => {
  await bridge.close();
  core.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('bridge client', () => {
  it('speaks the contract: requests answer, snapshots stream in', async () => {
    const states: ConnectionState[] = [];
    const client = createBridgeClient({ origin: bridge.origin, secret: bridge.identity.secret, fetch: asPage(bridge.origin), onConnection: (s) => states.push(s) });
    const seen: Snapshot[] = [];
    const stop = client.on('snapshot', (s) => seen.push(s));
    await expect.poll(() => seen.length).toBe(1);
    expect(states).toEqual(['connecting', 'connected']);
    expect(await client.intent({ intent: 'toggleCamera' })).toEqual({ accepted: true });
    await expect.poll(() => seen.at(-1)?.cameraOff).toBe(true);
    expect(await client.key({ key: 'v', ctrlKey: false, altKey: false, shiftKey: false, metaKey: false })).toEqual({ intent: 'toggleCamera' });
    await expect.poll(() => seen.at(-1)?.cameraOff).toBe(false);
    expect((await client.snapshot({})).room.name).toBe(DEFAULT_ROOM.room.name);
    stop();
    client.close();
  });

  it('with a wrong secret, requests reject and the stream reports "refused"', async () => {
    const states: ConnectionState[] = [];
    const client = createBridgeClient({ origin: bridge.origin, secret: 'x'.repeat(43), fetch: asPage(bridge.origin), onConnection: (s) => states.push(s), retryMs: { first: 10, max: 20 } });
    await expect(client.snapshot({})).rejects.toThrow('HTTP 403');
    client.on('snapshot', () => undefined);
    await expect.poll(() => states.includes('refused')).toBe(true);
    client.close();
  });

  it('a stream that drops reconnects and gets the current snapshot', async () => {
    const states: ConnectionState[] = [];
    const client = createBridgeClient({ origin: bridge.origin, secret: bridge.identity.secret, fetch: asPage(bridge.origin), onConnection: (s) => states.push(s), retryMs: { first: 10, max: 50 } });
    const seen: Snapshot[] = [];
    client.on('snapshot', (s) => seen.push(s));
    await expect.poll(() => seen.length).toBe(1);
    // The host restarts its listener on the same port: existing streams drop.
    const port = Number(new URL(bridge.origin).port);
    const secret = bridge.identity.secret;
    await bridge.close();
    await expect.poll(() => states.includes('lost')).toBe(true);
    bridge = await BridgeServer.start({ core, rendererDir: dir, port, secret });
    core.intent('toggleMute');
    await expect.poll(() => seen.at(-1)?.muted, { timeout: 5_000 }).toBe(true);
    expect(states.at(-1)).toBe('connected');
    client.close();
  });
});

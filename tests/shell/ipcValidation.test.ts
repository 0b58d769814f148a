import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { dispatchRequest } from '../../electron/core/room/requestDispatch';
import { RoomCore } from '../../electron/core/room/roomCore';
import { checkIpcSender, requestNameOfChannel } from '../../electron/main/ipc/senderCheck';
import { screenPageUrl } from '../../electron/main/security/appOrigin';
import { DEFAULT_ROOM, roomConfigSchema } from '../../shared/config';
import { eventChannel, REQUEST_NAMES, requestChannel, requests, snapshotSchema } from '../../shared/ipc/contract';

const newCore = () => new RoomCore({ config: roomConfigSchema.parse(DEFAULT_ROOM) });

describe('IPC payload validation (shared by the Electron handlers and the bridge)', () => {
  it('runs valid requests and answers in the contract shape', () => {
    const core = newCore();
    const intent = dispatchRequest(core, 'intent', { intent: 'toggleMute' });
    expect(intent).toEqual({ ok: true, name: 'intent', response: { accepted: true } });
    const key = dispatchRequest(core, 'key', { key: 'm', ctrlKey: false, altKey: false, shiftKey: false, metaKey: false });
    expect(key).toEqual({ ok: true, name: 'key', response: { intent: 'toggleMute' } });
    const snap = dispatchRequest(core, 'snapshot', {});
    expect(snap.ok && snapshotSchema.parse(snap.response).muted).toBe(false);
  });

  it.each([
    ['intent', { intent: 'selfDestruct' }],
    ['intent', { intent: 'call', extra: 1 }],
    ['intent', null],
    ['key', { key: 'm' }],
    ['key', { key: 'x'.repeat(33), ctrlKey: false, altKey: false, shiftKey: false, metaKey: false }],
    ['snapshot', { please: true }],
    ['snapshot', []],
  ])('refuses %s with %j before the core sees it', (name, payload) => {
    const core = newCore();
    const before = core.snapshot();
    const result = dispatchRequest(core, name, payload);
    expect(result).toMatchObject({ ok: false, refusal: 'invalid payload' });
    expect(core.snapshot()).toBe(before);
  });

  it('refuses request names outside the contract, including prototype keys', () => {
    for (const name of ['exec', '__proto__', 'constructor', 'toString', '']) {
      expect(dispatchRequest(newCore(), name, {})).toMatchObject({ ok: false, refusal: 'unknown request' });
    }
  });

  it('property: no payload makes dispatch throw, and only schema-valid ones run', () => {
    const core = newCore();
    fc.assert(
      fc.property(fc.constantFrom(...REQUEST_NAMES, 'nope'), fc.jsonValue(), (name, payload) => {
        const result = dispatchRequest(core, name, payload);
        const valid = name !== 'nope' && requests[name as keyof typeof requests].request.safeParse(payload).success;
        expect(result.ok).toBe(valid);
      }),
    );
  });
});

describe('IPC sender validation', () => {
  const windows = new Set([11, 12]);
  const page = screenPageUrl('left');

  it('accepts the top frame of a room window showing an app page', () => {
    expect(checkIpcSender({ webContentsId: 11, frameUrl: page, isMainFrame: true }, windows)).toEqual({ ok: true });
  });

  it.each([
    [{ webContentsId: 99, frameUrl: page, isMainFrame: true }, 'not a room window'],
    [{ webContentsId: 11, frameUrl: page, isMainFrame: false }, 'not the top frame'],
    [{ webContentsId: 11, frameUrl: undefined, isMainFrame: true }, 'not an app page'],
    [{ webContentsId: 12, frameUrl: 'https://evil.example/index.html', isMainFrame: true }, 'not an app page'],
    [{ webContentsId: 12, frameUrl: 'file:///etc/passwd', isMainFrame: true }, 'not an app page'],
    [{ webContentsId: 12, frameUrl: 'app://telescene.evil/index.html', isMainFrame: true }, 'not an app page'],
  ])('refuses %j (%s)', (sender, reason) => {
    expect(checkIpcSender(sender, windows)).toEqual({ ok: false, reason });
  });

  it('maps exactly the contract channels to request names', () => {
    for (const name of REQUEST_NAMES) expect(requestNameOfChannel(requestChannel(name))).toBe(name);
    expect(requestNameOfChannel(eventChannel('snapshot'))).toBeUndefined();
    expect(requestNameOfChannel('telescene:req:exec')).toBeUndefined();
    expect(requestNameOfChannel('req:intent')).toBeUndefined();
  });
});

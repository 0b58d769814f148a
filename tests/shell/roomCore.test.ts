import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { setLogSink } from '../../electron/core/log';
import { createLoopbackSignallingPair } from '../../electron/core/room/callSignalling';
import { ManualClock } from '../../shared/clock';
import { RoomCore } from '../../electron/core/room/roomCore';
import { LAYOUTS, VOLUME_STEP } from '../../electron/core/room/roomControls';
import { DEFAULT_ROOM, roomConfigSchema, type RoomConfig } from '../../shared/config';
import { snapshotSchema, type Snapshot } from '../../shared/ipc/contract';
import { INTENTS } from '../../shared/keys/intents';

const config = (patch: Partial<RoomConfig> = {}): RoomConfig => ({ ...roomConfigSchema.parse(DEFAULT_ROOM), ...patch });
const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

let restoreLog: () => void;
let logLines: string[];
beforeEach(() => {
  logLines = [];
  restoreLog = setLogSink((level, scope, message, fields) => logLines.push(`${level} ${scope}: ${message} ${JSON.stringify(fields)}`));
});
afterEach(() => restoreLog());

describe('room core: keymap dispatch through the core', () => {
  it('turns each default key into its intent and a new snapshot', () => {
    const core = new RoomCore({ config: config() });
    const seen: Snapshot[] = [];
    core.onSnapshot((s) => seen.push(s));
    const press = (key: string, mods: { shiftKey?: boolean; ctrlKey?: boolean } = {}) =>
      core.key({ key, ctrlKey: false, altKey: false, shiftKey: false, metaKey: false, ...mods });

    expect(press('m')).toEqual({ intent: 'toggleMute' });
    expect(core.snapshot().muted).toBe(true);
    expect(press('MicrophoneToggle')).toEqual({ intent: 'toggleMute' });
    expect(core.snapshot().muted).toBe(false);
    expect(press('v').intent).toBe('toggleCamera');
    expect(press('s').intent).toBe('toggleSelfView');
    expect(press('l').intent).toBe('nextLayout');
    expect(press('AudioVolumeUp').intent).toBe('volumeUp');
    expect(press('?', { shiftKey: true }).intent).toBe('toggleHelp');
    expect(core.snapshot()).toMatchObject({ cameraOff: true, selfView: true, layout: LAYOUTS[1], volume: 60 + VOLUME_STEP, helpVisible: true });
    expect(seen).toHaveLength(7);
    for (const s of seen) expect(snapshotSchema.parse(s)).toEqual(s);
  });

  it('ignores keys the keymap does not name, and counts them', () => {
    const core = new RoomCore({ config: config() });
    const before = core.snapshot();
    expect(core.key({ key: 'q', ctrlKey: false, altKey: false, shiftKey: false, metaKey: false })).toEqual({ intent: null });
    expect(core.key({ key: 'm', ctrlKey: true, altKey: false, shiftKey: false, metaKey: false })).toEqual({ intent: null });
    expect(core.snapshot()).toBe(before);
    expect(core.refusals.get('unmapped key')).toBe(2);
  });

  it('volume stays within 0..100 and a step past the end is refused', () => {
    const core = new RoomCore({ config: config() });
    for (let i = 0; i < 30; i++) core.intent('volumeUp');
    expect(core.snapshot().volume).toBe(100);
    expect(core.intent('volumeUp')).toEqual({ accepted: false });
    for (let i = 0; i < 30; i++) core.intent('volumeDown');
    expect(core.snapshot().volume).toBe(0);
  });

  it('the layout cycles through every layout and back', () => {
    const core = new RoomCore({ config: config() });
    const layouts = LAYOUTS.map(() => (core.intent('nextLayout'), core.snapshot().layout));
    expect(layouts).toEqual([...LAYOUTS.slice(1), LAYOUTS[0]]);
  });

  it('key help lists every intent with its configured keys', () => {
    const core = new RoomCore({ config: config({ keymap: { F1: 'toggleHelp', 'Ctrl+h': 'hangup' } }) });
    const help = core.snapshot().keyHelp;
    expect(help.map((r) => r.intent)).toEqual([...INTENTS]);
    expect(help.find((r) => r.intent === 'hangup')?.keys).toEqual(['Ctrl+h']);
    expect(help.find((r) => r.intent === 'call')?.keys).toEqual([]);
  });
});

describe('room core: configuration', () => {
  it('a new configuration keeps the room state and swaps keymap, name and screens', () => {
    const core = new RoomCore({ config: config() });
    core.intent('toggleMute');
    core.setConfig(config({ room: { name: 'Huddle', language: 'en' }, keymap: { x: 'toggleMute' } }), []);
    const s = core.snapshot();
    expect(s).toMatchObject({ room: { name: 'Huddle' }, muted: true, configProblems: [] });
    expect(core.key({ key: 'm', ctrlKey: false, altKey: false, shiftKey: false, metaKey: false }).intent).toBeNull();
    expect(core.key({ key: 'x', ctrlKey: false, altKey: false, shiftKey: false, metaKey: false }).intent).toBe('toggleMute');
  });

  it('publishes configuration problems while running on the last good configuration', () => {
    const core = new RoomCore({ config: config(), problems: ['screens[0].widthMm: Too small'] });
    expect(core.snapshot().configProblems).toEqual(['screens[0].widthMm: Too small']);
    core.setConfig(core.snapshot() && config(), []);
    expect(core.snapshot().configProblems).toEqual([]);
  });

  it('a listener that throws is logged and the others still hear the change', () => {
    const core = new RoomCore({ config: config() });
    const heard: boolean[] = [];
    core.onSnapshot(() => {
      throw new Error('window gone');
    });
    core.onSnapshot((s) => heard.push(s.muted));
    core.intent('toggleMute');
    expect(heard).toEqual([true]);
    expect(logLines.some((l) => l.startsWith('warn room: snapshot listener failed'))).toBe(true);
  });

  it('after close() nothing changes and nobody is told', () => {
    const core = new RoomCore({ config: config() });
    const heard: Snapshot[] = [];
    core.onSnapshot((s) => heard.push(s));
    core.close();
    core.close();
    expect(core.intent('toggleMute')).toEqual({ accepted: false });
    expect(heard).toEqual([]);
  });
});

describe('room core: calls', () => {
  it('without a far end, "call" is refused and every screen is told why', () => {
    const core = new RoomCore({ config: config() });
    expect(core.intent('call')).toEqual({ accepted: false });
    expect(core.snapshot().call).toMatchObject({ state: 'idle', endReason: expect.stringContaining('no far end') });
    // "Hang up" in idle dismisses the notice; a second one has nothing to do.
    expect(core.intent('hangup')).toEqual({ accepted: true });
    expect(core.snapshot().call.endReason).toBeNull();
    expect(core.intent('hangup')).toEqual({ accepted: false });
  });

  it('with a far end but no signalling, it says calling is not available', () => {
    const core = new RoomCore({ config: config({ sip: { uri: 'sip:a@x.invalid', displayName: 'A', farEnd: 'sip:b@x.invalid' } }) });
    expect(core.intent('call')).toEqual({ accepted: false });
    expect(core.snapshot().call.endReason).toContain('no call signalling');
  });

  it('two rooms call each other over the loopback signalling: ring, answer, hang up', async () => {
    const [sigA, sigB] = createLoopbackSignallingPair('sip:a@x.invalid', 'sip:b@x.invalid');
    const clock = new ManualClock();
    const a = new RoomCore({ config: config({ sip: { uri: 'sip:a@x.invalid', displayName: 'A', farEnd: 'sip:b@x.invalid' } }), signalling: sigA, clock });
    const b = new RoomCore({ config: config({ sip: { uri: 'sip:b@x.invalid', displayName: 'B', farEnd: null } }), signalling: sigB, clock });
    expect(a.intent('call')).toEqual({ accepted: true });
    expect(a.snapshot().call).toMatchObject({ state: 'calling', remote: 'sip:b@x.invalid' });
    await settle();
    expect(b.snapshot().call).toMatchObject({ state: 'ringing', remote: 'sip:a@x.invalid' });
    expect(b.key({ key: 'a', ctrlKey: false, altKey: false, shiftKey: false, metaKey: false }).intent).toBe('answer');
    await settle();
    expect(a.snapshot().call.state).toBe('connected');
    expect(b.snapshot().call.state).toBe('connected');
    expect(a.intent('call')).toEqual({ accepted: false });
    b.intent('hangup');
    await settle();
    expect(a.snapshot().call).toMatchObject({ state: 'idle', endReason: 'Far end hung up' });
    expect(b.snapshot().call).toMatchObject({ state: 'idle', endReason: 'Call ended' });
  });

  it('a declined call and an unknown far end end with their reasons; a second call is refused', async () => {
    const [sigA, sigB] = createLoopbackSignallingPair('sip:a@x.invalid', 'sip:b@x.invalid');
    const [sigC] = createLoopbackSignallingPair('sip:c@x.invalid', 'sip:d@x.invalid');
    const a = new RoomCore({ config: config({ sip: { uri: 'sip:a@x.invalid', displayName: 'A', farEnd: 'sip:b@x.invalid' } }), signalling: sigA });
    const b = new RoomCore({ config: config({ sip: { uri: 'sip:b@x.invalid', displayName: 'B', farEnd: 'sip:a@x.invalid' } }), signalling: sigB });
    const c = new RoomCore({ config: config({ sip: { uri: 'sip:c@x.invalid', displayName: 'C', farEnd: 'sip:nobody@x.invalid' } }), signalling: sigC });
    a.intent('call');
    await settle();
    b.intent('hangup');
    await settle();
    expect(a.snapshot().call).toMatchObject({ state: 'idle', endReason: 'Call declined' });

    c.intent('call');
    await settle();
    expect(c.snapshot().call).toMatchObject({ state: 'idle', endReason: 'sip:nobody@x.invalid cannot be reached' });

    // While in a call, the core refuses another "call" before signalling hears of it.
    a.intent('call');
    await settle();
    b.intent('answer');
    await settle();
    expect(b.intent('call')).toEqual({ accepted: false });
    expect(b.refusals.get('call while connected')).toBe(1);
    for (const core of [a, b, c]) core.close();
  });

  it('signals that do not fit the call state are ignored and counted', async () => {
    const [sigA, sigB] = createLoopbackSignallingPair('sip:a@x.invalid', 'sip:b@x.invalid');
    const a = new RoomCore({ config: config({ sip: { uri: 'sip:a@x.invalid', displayName: 'A', farEnd: 'sip:b@x.invalid' } }), signalling: sigA });
    const clock = new ManualClock();
    const b = new RoomCore({ config: config(), signalling: sigB, clock });
    a.intent('call');
    await settle();
    clock.advance(60_000); // b's ringing times out: a missed call on b, while a still calls
    expect(b.snapshot().call).toMatchObject({ state: 'idle', endReason: 'Missed call' });
    a.intent('hangup'); // a cancels: b hears "ended" while already idle
    await settle();
    expect(b.refusals.get('signal ended while idle')).toBe(1);
  });
});

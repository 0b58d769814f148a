// CLUE end to end over the real transport: two rooms (the default one-screen room and the three-screen
// boardroom) on two call transports over loopback (ICE, DTLS, SCTP), each running its room's CLUE
// participant on the CLUE data channel (RFC 8850): OPTIONS, both advertisements, ACKs, both
// CONFIGUREs and their responses; a new advertisement re-configured; hang-up ends both sessions.
import { afterEach, describe, expect, it } from 'vitest';
import { captureMode, roomRoles, type CaptureEncoding, type ClueInfo, type ClueParticipant } from '../../shared/clue';
import type { RoomConfig } from '../../shared/config';
import { startClue } from '../../electron/core/clue';
import { setLogSink } from '../../electron/core/log';
import { createCallTransport, createDtlsCertificate, isClueChannel, type CallTransport, type DataChannel } from '../../electron/core/transport';
import { ChannelType, PPID, serializeDcep } from '../../electron/core/transport/sctp/dcep';
import { defaultRoom, threeScreenRoom } from '../clue/helpers';

const open: CallTransport[] = [];
afterEach(() => {
  for (const t of open.splice(0)) t.close();
});

async function connectedPair(): Promise<[CallTransport, CallTransport]> {
  const make = async () => {
    const t = await createCallTransport({ certificate: await createDtlsCertificate(), hostAddresses: ['127.0.0.1'] });
    open.push(t);
    return t;
  };
  const a = await make();
  const b = await make();
  const up = (t: CallTransport) => new Promise<string>((r) => t.events.on('statechange', (s, why) => (s === 'connected' || s === 'failed') && r(why ? `${s}: ${why}` : s)));
  const states = Promise.all([up(a), up(b)]);
  a.setRemoteAnswer(b.createAnswer(a.createOffer()));
  expect(await states).toEqual(['connected', 'connected']);
  await new Promise<void>((r) => {
    const poll = () => (a.dataChannels?.isConnected ? r() : setTimeout(poll, 5));
    poll();
  });
  return [a, b];
}

/** What one room's CLUE participant saw. */
interface Room {
  p: ClueParticipant;
  channel: DataChannel;
  sent: { captureEncodings: CaptureEncoding[]; adv: number }[];
  received: { captureEncodings: CaptureEncoding[]; adv: number }[];
  closed: string[];
  problems: string[];
}

function run(channel: DataChannel, room: RoomConfig, initiator: boolean): Room {
  const r: Room = { p: undefined as unknown as ClueParticipant, channel, sent: [], received: [], closed: [], problems: [] };
  r.p = startClue(channel, room, {
    initiator,
    // Ours configured by the far end: what we will send.
    providerEvents: { onConfigured: (captureEncodings, adv) => r.sent.push({ captureEncodings, adv }) },
    // Ours accepted by the far end: what we will receive.
    consumerEvents: { onConfigured: (captureEncodings, adv) => r.received.push({ captureEncodings, adv }) },
    events: { onClosed: (why) => r.closed.push(why), onProblem: (p) => r.problems.push(`${p.code} ${p.reason}`) },
  });
  return r;
}

const until = async (what: () => boolean, ms = 5000): Promise<void> => {
  const end = Date.now() + ms;
  while (!what()) {
    if (Date.now() > end) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 5));
  }
};

const ids = (ces: CaptureEncoding[]) => ces.map((c) => c.captureID).sort();
const infoOf = (room: RoomConfig): ClueInfo => {
  const made = roomRoles(room);
  if (!made.ok) throw new Error(made.problem);
  return made.roles.provider.advertisement as ClueInfo;
};

describe('CLUE over the call transport (RFC 8850)', () => {
  it('two rooms negotiate both ways, re-configure on a new advertisement, and hang-up ends both sessions', async () => {
    const [a, b] = await connectedPair();
    const boardroom = threeScreenRoom();
    // a offered (a=setup:actpass) and b answered active: b is the DTLS client, so b opens the CLUE
    // channel and is the CLUE Channel Initiator (RFC 8848 §8); a, the boardroom, accepts it.
    expect(b.dtls.dtlsRole).toBe('client');
    let far: Room | undefined;
    a.events.on('datachannel', (dc) => {
      if (isClueChannel(dc)) far = run(dc, boardroom, false);
    });
    await until(() => b.dataChannels?.isConnected === true);
    const near = run(b.openClueChannel(), defaultRoom(), true);
    await until(() => near.received.length === 1 && near.sent.length === 1 && far?.received.length === 1 && far.sent.length === 1);
    if (!far) throw new Error('no CLUE channel at the far end');
    expect([near.p.state, far.p.state]).toEqual(['active', 'active']);

    // Each side's provider sends exactly what the other side's consumer asked for.
    expect(ids(near.sent[0]!.captureEncodings)).toEqual(ids(far.received[0]!.captureEncodings));
    expect(ids(far.sent[0]!.captureEncodings)).toEqual(ids(near.received[0]!.captureEncodings));
    // One screen here: one video capture of the boardroom, the switched one (the active speaker).
    const boardInfo = infoOf(boardroom);
    const videoOf = (ces: CaptureEncoding[], info: ClueInfo) => ces.map((c) => info.mediaCaptures.find((m) => m.captureID === c.captureID)!).filter((m) => m.mediaType === 'video');
    const nearVideo = videoOf(near.received[0]!.captureEncodings, boardInfo);
    expect(nearVideo.filter((m) => !m.presentation).map((m) => captureMode(m))).toEqual(['switched']);
    // and the boardroom's presentation, which has no screen of its own here (it shares ours).
    expect(nearVideo.filter((m) => m.presentation).map((m) => m.captureID)).toEqual(['VCP']);
    // Three screens there, one camera here: the boardroom receives our only camera.
    expect(videoOf(far.received[0]!.captureEncodings, infoOf(defaultRoom())).map((m) => m.captureID)).toEqual(['VC0']);

    // The boardroom's presentation source is unplugged: a new advertisement, and we configure again.
    const changed = infoOf({ ...boardroom, presentation: null });
    expect(far.p.advertise(changed)).toEqual([]);
    await until(() => near.received.length === 2 && far!.sent.length === 2);
    expect(near.received[1]!.adv).toBeGreaterThan(near.received[0]!.adv);
    expect(ids(far.sent[1]!.captureEncodings)).toEqual(ids(near.received[1]!.captureEncodings));
    expect(videoOf(near.received[1]!.captureEncodings, changed).filter((m) => m.presentation)).toEqual([]);

    // A binary message is not CLUE (RFC 8850 §3.2): dropped with a log line, the session goes on.
    const lines: string[] = [];
    const restore = setLogSink((level, scope, message) => lines.push(`${level} ${scope} ${message}`));
    try {
      far.channel.send(Uint8Array.of(1, 2, 3));
      await until(() => lines.some((l) => l.startsWith('warn clue dropped a binary message')));
    } finally {
      restore();
    }
    expect(near.p.state).toBe('active');
    expect([near.problems, far.problems]).toEqual([[], []]);

    // Hang-up: our participant closes the channel; the far end's session ends with the channel.
    near.p.close('hang up');
    await until(() => far!.closed.length === 1);
    expect(near.closed).toEqual(['hang up']);
    expect(far.closed).toEqual(['the CLUE data channel closed']);
    expect([near.p.state, far.p.state]).toEqual(['terminated', 'terminated']);
  });

  it('refuses a CLUE channel the peer opens with partial reliability (RFC 8850 §3.2.3), and closes it', async () => {
    const [a, b] = await connectedPair();
    const refused = new Promise<string>((resolve) =>
      a.events.on('datachannel', (dc) => {
        try {
          startClue(dc, defaultRoom(), { initiator: false });
          resolve('accepted');
        } catch (e) {
          resolve(`${(e as Error).message}; channel ${dc.state}`);
        }
      }),
    );
    await until(() => b.dataChannels?.isConnected === true);
    // b's stack would only open reliable channels: write the DCEP OPEN by hand, as such a peer would.
    const open = serializeDcep({ type: 'open', channelType: ChannelType.PARTIAL_RELIABLE_REXMIT, priority: 256, reliability: 3, label: 'CLUE', protocol: 'clue' });
    b.dataChannels!.transmit(0, PPID.DCEP, Buffer.from(open), true);
    expect(await refused).toMatch(/^refused the CLUE channel: the CLUE channel uses partial reliability \(RFC 8850 §3\.2\.3\); channel (closing|closed)$/);
  });
});

// The provider's advertisement from the room configuration (RFC 8845 §7-9, RFC 8846).
import { describe, expect, it } from 'vitest';
import { advertisementFromRoom, captureMode, checkAdvertisement, constituents, indexAdvertisement } from '../../shared/clue';
import { defaultRoom, threeScreenRoom } from './helpers';

describe('advertisement from the room configuration', () => {
  it('three cameras: one video capture each with spatial information, a switched MCC, placed audio, content', () => {
    const room = threeScreenRoom();
    const r = advertisementFromRoom(room);
    if (!r.ok) throw new Error(r.problem);
    const { info, sources } = r;
    expect(checkAdvertisement(info)).toEqual([]);
    expect(info.mediaCaptures.map((c) => c.captureID)).toEqual(['VC0', 'VC1', 'VC2', 'VCS', 'AC0', 'AC1', 'AC2', 'ACM', 'VCP']);
    expect(sources.VC0).toEqual({ kind: 'camera', id: 'camLeft' });
    const vc0 = info.mediaCaptures[0]!;
    expect(vc0.spatial?.captureOrigin).toEqual({ capturePoint: { x: -600, y: 0, z: 1600 }, lineOfCapturePoint: { x: -600, y: 1000, z: 1500 } });
    expect(vc0.spatial?.captureArea?.bottomLeft).toEqual({ x: -3000, y: 3000, z: 0 });
    const vcs = info.mediaCaptures.find((c) => c.captureID === 'VCS')!;
    expect(vcs.multiple).toMatchObject({ policy: { name: 'SoundLevel', index: 0 }, maxCaptures: { value: 1 } });
    expect(constituents(indexAdvertisement(info), vcs)).toEqual(['VC0', 'VC1', 'VC2']);
    expect(info.mediaCaptures.map(captureMode)).toEqual(['individual', 'individual', 'individual', 'switched', 'individual', 'individual', 'individual', 'composed', 'individual']);
    expect(vcs.spatial?.captureArea).toMatchObject({ bottomLeft: { x: -3000 }, bottomRight: { x: 3000 } });
    expect(info.mediaCaptures.find((c) => c.captureID === 'AC2')?.spatial?.captureOrigin?.capturePoint).toEqual({ x: 2000, y: 2000, z: 750 });
    const vcp = info.mediaCaptures.find((c) => c.captureID === 'VCP')!;
    expect([vcp.presentation, vcp.spatial, vcp.captureSceneID]).toEqual(['slides', null, 'CS2']);
    expect(info.captureScenes.flatMap((s) => s.sceneViews.map((v) => [v.sceneViewID, v.mediaCaptureIDs]))).toEqual([
      ['SV1', ['VC0', 'VC1', 'VC2', 'AC0', 'AC1', 'AC2']],
      ['SV2', ['VCS', 'ACM']],
      ['SV3', ['VCP']],
    ]);
    expect(info.globalViews.map((g) => g.sceneViewIDs)).toEqual([['SV1', 'SV3'], ['SV2', 'SV3']]);
  });

  it('encoding groups follow what the machine encodes and the room bandwidth', () => {
    const room = threeScreenRoom();
    const r = advertisementFromRoom(room);
    if (!r.ok) throw new Error(r.problem);
    const [video, audio] = r.info.encodingGroups;
    expect(video?.encodingIDs).toHaveLength(room.encoding.maxVideoEncodings);
    expect(audio?.encodingIDs).toHaveLength(4);
    expect((video?.maxGroupBandwidth ?? 0) + (audio?.maxGroupBandwidth ?? 0)).toBe(room.encoding.maxBandwidthKbps * 1000);
    const v = r.info.encodings.filter((e) => e.mediaType === 'video');
    expect(v.reduce((s, e) => s + e.maxBandwidth, 0)).toBeLessThanOrEqual(video?.maxGroupBandwidth ?? 0);
    expect(v[0]).toMatchObject({ maxWidth: 1920, maxHeight: 1080, maxFrameRate: 30 });
  });

  it('one camera and one microphone: no MCC and no switched view; a room with nothing to send is refused', () => {
    const r = advertisementFromRoom(defaultRoom());
    if (!r.ok) throw new Error(r.problem);
    expect(r.info.mediaCaptures.map((c) => [c.captureID, c.view, c.multiple])).toEqual([['VC0', 'room', null], ['AC0', 'room', null]]);
    expect(r.info.captureScenes.map((s) => s.sceneViews.map((v) => v.sceneViewID))).toEqual([['SV1']]);
    expect(checkAdvertisement(r.info)).toEqual([]);
    const empty = advertisementFromRoom({ ...defaultRoom(), cameras: [], microphones: [] });
    expect(empty.ok).toBe(false);
    const slidesOnly = advertisementFromRoom({ ...defaultRoom(), cameras: [], microphones: [], presentation: { label: 'HDMI', device: '' } });
    expect(slidesOnly.ok && slidesOnly.info.mediaCaptures.map((c) => c.captureID)).toEqual(['VCP']);
    expect(slidesOnly.ok && checkAdvertisement(slidesOnly.info)).toEqual([]);
  });
});

// The consumer's choice (RFC 8845 §10) for 1-4 local screens, content screens, simultaneous sets,
// bandwidth, and re-choosing on a new advertisement. Table-driven.
import { describe, expect, it } from 'vitest';
import { chooseCaptures, indexAdvertisement, placeOnScreens, screensFromRoom, simultaneousViolations, type ClueInfo, type ConsumerChoice, type LocalScreen } from '../../shared/clue';
import { roomInfo } from './harness';
import { defaultRoom, richInfo, threeScreenRoom } from './helpers';

const wall = (n: number, content?: 'left' | 'right'): LocalScreen[] => {
  const s: LocalScreen[] = Array.from({ length: n }, (_, i) => ({ id: `P${i + 1}`, centerX: (i - (n - 1) / 2) * 1700, widthMm: 1640, role: 'people' }));
  if (content) s.push({ id: 'C', centerX: content === 'left' ? -4000 : 4000, widthMm: 1200, role: 'content' });
  return s;
};
/** "capture@screen" for video, "capture" for audio, in choice order. */
const summary = (c: ConsumerChoice): string[] => c.captures.map((x) => (x.screenID ? `${x.captureID}@${x.screenID}` : x.captureID));
const three = (): ClueInfo => roomInfo(threeScreenRoom());

describe('choice for the three-camera room (with MCC and presentation), 1-4 local screens', () => {
  it.each([
    // screens, strategy, scene view, captures and where they go
    [1, 'sceneView', 'SV2', ['ACM', 'VCP@P1', 'VCS@P1']],
    [2, 'sceneView', 'SV2', ['ACM', 'VCP@P2', 'VCS@P1']],
    [3, 'sceneView', 'SV1', ['AC0', 'AC1', 'AC2', 'VCP@P2', 'VC0@P1', 'VC1@P2', 'VC2@P3']],
    [4, 'sceneView', 'SV1', ['AC0', 'AC1', 'AC2', 'VCP@P3', 'VC0@P1', 'VC1@P2', 'VC2@P4']],
  ] as const)('%i screen(s): %s %s → %j', (n, strategy, view, expected) => {
    const c = chooseCaptures(indexAdvertisement(three()), { screens: wall(n), maxBandwidth: 12_000_000 });
    expect(c.strategy).toBe(strategy);
    expect(c.sceneViewID).toBe(view);
    expect(summary(c)).toEqual(expected);
    expect(c.captureEncodings.map((x) => x.captureID)).toEqual(c.captures.map((x) => x.captureID));
    expect(new Set(c.captureEncodings.map((x) => x.encodingID)).size).toBe(c.captureEncodings.length);
    expect(c.notes).toEqual([]);
  });

  it.each([
    [1, ['ACM', 'VCP@C', 'VCS@P1']],
    [3, ['AC0', 'AC1', 'AC2', 'VCP@C', 'VC0@P1', 'VC1@P2', 'VC2@P3']],
  ] as const)('with a content screen, %i people screen(s): content stays on its screen', (n, expected) => {
    const c = chooseCaptures(indexAdvertisement(three()), { screens: wall(n, 'left'), maxBandwidth: 12_000_000 });
    expect(summary(c)).toEqual(expected);
  });

  it('uses the room configuration screens as they are (three-screen sample room)', () => {
    const c = chooseCaptures(indexAdvertisement(three()), { screens: screensFromRoom(threeScreenRoom()), maxBandwidth: 12_000_000 });
    expect(c.captures.filter((x) => x.role === 'people').map((x) => `${x.captureID}@${x.screenID}`)).toEqual(['VC0@left', 'VC1@center', 'VC2@right']);
  });
});

describe('fallbacks', () => {
  it.each([
    [1, 'mcc', ['VC3']],
    [2, 'mcc', ['VC3']],
    // Three fit SV1, but the slides take one of the three video encodings first.
    [3, 'sceneView', ['VC0', 'VC1']],
  ] as const)('with no scene view that fits %i screen(s) the MCC is chosen', (n, strategy, people) => {
    const info = richInfo();
    info.captureScenes[0]!.sceneViews = info.captureScenes[0]!.sceneViews.filter((v) => v.sceneViewID === 'SV1');
    info.simultaneousSets = [];
    const c = chooseCaptures(indexAdvertisement(info), { screens: wall(n), maxBandwidth: 20_000_000 });
    expect(c.strategy).toBe(strategy);
    expect(c.captures.filter((x) => x.role === 'people').map((x) => x.captureID)).toEqual(people);
  });

  it('without an MCC, takes the most important captures of the smallest view', () => {
    const info = three();
    info.mediaCaptures = info.mediaCaptures.filter((c) => c.captureID !== 'VCS');
    info.mediaCaptures.find((c) => c.captureID === 'VC2')!.priority = 1;
    info.captureScenes[0]!.sceneViews = info.captureScenes[0]!.sceneViews.filter((v) => v.sceneViewID === 'SV1');
    const c = chooseCaptures(indexAdvertisement(info), { screens: wall(2), maxBandwidth: 12_000_000 });
    expect(c.strategy).toBe('subset');
    expect(summary(c).filter((x) => x.startsWith('VC') && !x.startsWith('VCP'))).toEqual(['VC2@P2', 'VC0@P1']);
  });

  it('offers nothing to show when the far end has no people video', () => {
    const info = three();
    info.mediaCaptures = info.mediaCaptures.filter((c) => c.mediaType === 'audio');
    info.captureScenes = [{ ...info.captureScenes[0]!, sceneViews: [{ sceneViewID: 'SV1', descriptions: [], mediaCaptureIDs: ['AC0', 'AC1', 'AC2'] }] }];
    const c = chooseCaptures(indexAdvertisement(info), { screens: wall(3), maxBandwidth: 1_000_000 });
    expect(c.strategy).toBe('none');
    expect(summary(c)).toEqual(['ACM']);
  });
});

describe('constraints', () => {
  it('keeps within simultaneous sets: drops content that cannot come along, or moves to the next plan', () => {
    const info = richInfo();
    info.simultaneousSets = [
      { setID: 'S1', mediaType: 'video', mediaCaptureIDs: ['VC0', 'VC1', 'VC2'], sceneViewIDs: [], captureSceneIDs: [] },
      { setID: 'S2', mediaType: 'video', mediaCaptureIDs: ['VC3', 'VC4'], sceneViewIDs: [], captureSceneIDs: [] },
    ];
    const idx = indexAdvertisement(info);
    const c3 = chooseCaptures(idx, { screens: wall(3), maxBandwidth: 20_000_000 });
    expect(c3.sceneViewID).toBe('SV1');
    expect(c3.captures.some((x) => x.role === 'content')).toBe(false);
    expect(c3.notes.join()).toMatch(/simultaneous sets/);
    info.simultaneousSets[0]!.mediaCaptureIDs = ['VC0', 'VC1'];
    const again = chooseCaptures(indexAdvertisement(info), { screens: wall(3), maxBandwidth: 20_000_000 });
    expect(again.sceneViewID).toBe('SV2');
    expect(summary(again)).toContain('VC4@P1');
    expect(simultaneousViolations(indexAdvertisement(info), again.captures.map((x) => x.captureID))).toEqual([]);
  });

  it('respects the consumer budget and the encoding group limit', () => {
    const idx = indexAdvertisement(three());
    const tight = chooseCaptures(idx, { screens: wall(3), maxBandwidth: 800_000 });
    const total = tight.captures.reduce((s, x) => s + x.bandwidth, 0);
    expect(total).toBeLessThanOrEqual(800_000);
    expect(tight.captures.filter((x) => x.role === 'people').length).toBeLessThan(3);
    expect(tight.notes.some((n) => /not received/.test(n))).toBe(true);
    expect(tight.captures.filter((x) => x.role !== 'audio').map((x) => x.captureID)).toEqual(['VCP', 'VC0']);
    const info = three();
    info.encodingGroups[0]!.maxGroupBandwidth = 2_000_000;
    const capped = chooseCaptures(indexAdvertisement(info), { screens: wall(3), maxBandwidth: 50_000_000 });
    const video = capped.captures.filter((x) => x.role !== 'audio').reduce((s, x) => s + x.bandwidth, 0);
    expect(video).toBeLessThanOrEqual(2_000_000);
  });

  it('uses encoding limits from SDP when the advertisement carries none', () => {
    const info = { ...three(), encodings: [] };
    const sdp = three().encodings.map((e) => ({ ...e, maxBandwidth: e.mediaType === 'video' ? 500_000 : e.maxBandwidth }));
    const c = chooseCaptures(indexAdvertisement(info), { screens: wall(3), maxBandwidth: 50_000_000, encodings: sdp });
    expect(Math.max(...c.captures.filter((x) => x.role === 'people').map((x) => x.bandwidth))).toBe(500_000);
  });

  it('re-chooses on a new advertisement', () => {
    const before = chooseCaptures(indexAdvertisement(three()), { screens: wall(1), maxBandwidth: 12_000_000 });
    const after = chooseCaptures(indexAdvertisement(roomInfo(defaultRoom())), { screens: wall(1), maxBandwidth: 12_000_000 });
    expect(summary(before)).toContain('VCS@P1');
    expect(summary(after)).toEqual(['AC0', 'VC0@P1']);
  });
});

describe('placement on screens', () => {
  it('keeps left-to-right order and centres fewer captures', () => {
    const caps = three().mediaCaptures.filter((c) => ['VC0', 'VC1', 'VC2'].includes(c.captureID));
    const scene = caps;
    expect([...placeOnScreens([caps[1]!], wall(3), scene)]).toEqual([['VC1', 'P2']]);
    expect([...placeOnScreens([caps[2]!, caps[0]!], wall(3), scene)].sort()).toEqual([['VC0', 'P1'], ['VC2', 'P3']]);
    expect(placeOnScreens(caps, [], scene).size).toBe(0);
  });
});

// The provider's advertisement from the room configuration (RFC 8845 §7-§9, data model RFC 8846):
// - one video capture per camera (VC0.. left to right) with its capture point, line of capture
//   point and capture area; with two or more cameras also a switched MCC "VCS" (RFC 8845 §7.2:
//   maxCaptures 1, policy SoundLevel:0 = the current speaker's segment) over all cameras;
// - one audio capture per microphone (AC0..) placed in space; with two or more, a composed audio
//   MCC "ACM" (every microphone mixed, maxCaptures = their number);
// - a content capture "VCP" (<presentation>slides</presentation>) in its own scene when the room
//   has a presentation source;
// - scene views "all cameras" (SV1) and "one switched view" (SV2), content (SV3), global views
//   pairing each people view with the content, one simultaneous set (everything at once);
// - encoding groups from what the machine encodes: EG0 video (maxVideoEncodings encodings sharing
//   the room's bandwidth less the audio), EG1 audio (one 64 kb/s Opus encoding per audio capture).
import type { Area, RoomConfig } from '../../config';
import type { CaptureArea, CaptureScene, ClueInfo, EncodingGroup, GlobalView, MediaCapture, Point, SceneView } from '../model/types';

export const AUDIO_ENCODING_BPS = 64_000;

/** What feeds each advertised capture, for the media layer. */
export type CaptureSource =
  | { kind: 'camera'; id: string }
  | { kind: 'microphone'; id: string }
  | { kind: 'presentation' }
  | { kind: 'switched'; of: string[] }
  | { kind: 'mix'; of: string[] };

export type RoomAdvertisement =
  | { ok: true; info: ClueInfo; sources: Record<string, CaptureSource> }
  | { ok: false; problem: string };

const areaOf = (a: Area): CaptureArea => ({ bottomLeft: { ...a.bottomLeft }, bottomRight: { ...a.bottomRight }, topLeft: { ...a.topLeft }, topRight: { ...a.topRight } });
const centreX = (a: Area): number => (a.bottomLeft.x + a.bottomRight.x + a.topLeft.x + a.topRight.x) / 4;
const centroid = (points: readonly Point[]): Point => {
  const n = points.length || 1;
  const sum = points.reduce((s, p) => ({ x: s.x + p.x, y: s.y + p.y, z: s.z + p.z }), { x: 0, y: 0, z: 0 });
  return { x: round(sum.x / n), y: round(sum.y / n), z: round(sum.z / n) };
};
const round = (v: number): number => Math.round(v * 1000) / 1000;

export function advertisementFromRoom(room: RoomConfig): RoomAdvertisement {
  const lang = room.room.language;
  const cameras = [...room.cameras].sort((a, b) => centreX(a.area) - centreX(b.area));
  const mics = [...room.microphones].sort((a, b) => a.point.x - b.point.x);
  if (!cameras.length && !mics.length && !room.presentation) return { ok: false, problem: 'the room has no camera, microphone or presentation source to advertise' };
  const sources: Record<string, CaptureSource> = {};
  const captures: MediaCapture[] = [];
  const base = { descriptions: [], languages: [lang], capturedPeople: [], mobility: 'static' as const };
  const multi = cameras.length > 1;

  const videoIDs = cameras.map((cam, i) => {
    const id = `VC${i}`;
    const origin = cam.lineOfCapturePoint ? { capturePoint: { ...cam.point }, lineOfCapturePoint: { ...cam.lineOfCapturePoint } } : { capturePoint: { ...cam.point } };
    captures.push({ ...base, captureID: id, kind: 'video', mediaType: 'video', captureSceneID: 'CS1', spatial: { captureOrigin: origin, captureArea: areaOf(cam.area) }, multiple: null, encGroupID: 'EG0', descriptions: [{ text: cam.label, lang }], priority: 2, view: multi ? 'table' : 'room' });
    sources[id] = { kind: 'camera', id: cam.id };
    return id;
  });
  const first = cameras[0];
  const last = cameras[cameras.length - 1];
  if (multi && first && last) {
    captures.push({
      ...base,
      captureID: 'VCS',
      kind: 'video',
      mediaType: 'video',
      captureSceneID: 'CS1',
      spatial: {
        captureOrigin: { capturePoint: centroid(cameras.map((c) => c.point)) },
        captureArea: { bottomLeft: { ...first.area.bottomLeft }, bottomRight: { ...last.area.bottomRight }, topLeft: { ...first.area.topLeft }, topRight: { ...last.area.topRight } },
      },
      multiple: { content: { mediaCaptureIDs: videoIDs, sceneViewIDs: [] }, policy: { name: 'SoundLevel', index: 0 }, maxCaptures: { value: 1 }, allowSubsetChoice: true },
      encGroupID: 'EG0',
      descriptions: [{ text: 'Current speaker', lang }],
      priority: 1,
      view: 'table',
      mobility: 'dynamic',
    });
    sources.VCS = { kind: 'switched', of: cameras.map((c) => c.id) };
  }
  const audioIDs = mics.map((mic, i) => {
    const id = `AC${i}`;
    const origin = mic.lineOfCapturePoint ? { capturePoint: { ...mic.point }, lineOfCapturePoint: { ...mic.lineOfCapturePoint } } : { capturePoint: { ...mic.point } };
    const spatial = mic.area ? { captureOrigin: origin, captureArea: areaOf(mic.area) } : { captureOrigin: origin };
    captures.push({ ...base, captureID: id, kind: 'audio', mediaType: 'audio', captureSceneID: 'CS1', spatial, multiple: null, encGroupID: 'EG1', descriptions: [{ text: mic.label, lang }], priority: 1, view: 'room' });
    sources[id] = { kind: 'microphone', id: mic.id };
    return id;
  });
  if (mics.length > 1) {
    captures.push({ ...base, captureID: 'ACM', kind: 'audio', mediaType: 'audio', captureSceneID: 'CS1', spatial: { captureOrigin: { capturePoint: centroid(mics.map((m) => m.point)) } }, multiple: { content: { mediaCaptureIDs: audioIDs, sceneViewIDs: [] }, maxCaptures: { value: mics.length } }, encGroupID: 'EG1', descriptions: [{ text: 'Room mix', lang }], priority: 1, view: 'room' });
    sources.ACM = { kind: 'mix', of: mics.map((m) => m.id) };
  }
  if (room.presentation) {
    captures.push({ ...base, captureID: 'VCP', kind: 'video', mediaType: 'video', captureSceneID: 'CS2', spatial: null, multiple: null, encGroupID: 'EG0', descriptions: [{ text: room.presentation.label, lang }], priority: 1, presentation: 'slides' });
    sources.VCP = { kind: 'presentation' };
  }

  const views: SceneView[] = [];
  if (cameras.length || mics.length) views.push({ sceneViewID: 'SV1', descriptions: [{ text: 'All cameras', lang }], mediaCaptureIDs: [...videoIDs, ...audioIDs] });
  if (multi) views.push({ sceneViewID: 'SV2', descriptions: [{ text: 'One switched view', lang }], mediaCaptureIDs: ['VCS', ...(mics.length > 1 ? ['ACM'] : audioIDs)] });
  const scenes: CaptureScene[] = [];
  if (views.length) scenes.push({ sceneID: 'CS1', scale: 'mm', descriptions: [{ text: room.room.name, lang }], sceneViews: views });
  if (room.presentation) scenes.push({ sceneID: 'CS2', scale: 'noscale', descriptions: [{ text: 'Presentation', lang }], sceneViews: [{ sceneViewID: 'SV3', descriptions: [], mediaCaptureIDs: ['VCP'] }] });
  const globalViews: GlobalView[] = room.presentation ? views.map((v, i) => ({ globalViewID: `GV${i + 1}`, sceneViewIDs: [v.sceneViewID, 'SV3'] })) : [];

  const groups: EncodingGroup[] = [];
  const info: ClueInfo = { mediaCaptures: captures, encodingGroups: groups, captureScenes: scenes, simultaneousSets: [], globalViews, people: [], encodings: [] };
  const audioCount = Math.min(8, audioIDs.length + (mics.length > 1 ? 1 : 0));
  const audioBps = audioCount * AUDIO_ENCODING_BPS;
  if (cameras.length || room.presentation) {
    const n = room.encoding.maxVideoEncodings;
    const groupBps = Math.max(64_000, room.encoding.maxBandwidthKbps * 1000 - audioBps);
    const maxWidth = Math.max(1920, ...cameras.map((c) => c.maxWidth));
    const maxHeight = Math.max(1080, ...cameras.map((c) => c.maxHeight));
    const maxFrameRate = Math.max(30, ...cameras.map((c) => c.maxFps));
    const ids = Array.from({ length: n }, (_, i) => `ENC_V${i}`);
    groups.push({ encodingGroupID: 'EG0', maxGroupBandwidth: groupBps, encodingIDs: ids });
    for (const id of ids) info.encodings.push({ encodingID: id, mediaType: 'video', maxBandwidth: Math.floor(groupBps / n), maxWidth, maxHeight, maxFrameRate });
  }
  if (audioCount) {
    const ids = Array.from({ length: audioCount }, (_, i) => `ENC_A${i}`);
    groups.push({ encodingGroupID: 'EG1', maxGroupBandwidth: audioBps, encodingIDs: ids });
    for (const id of ids) info.encodings.push({ encodingID: id, mediaType: 'audio', maxBandwidth: AUDIO_ENCODING_BPS });
  }
  info.simultaneousSets.push({ setID: 'SS1', mediaCaptureIDs: [], sceneViewIDs: [], captureSceneIDs: scenes.map((s) => s.sceneID) });
  return { ok: true, info, sources };
}

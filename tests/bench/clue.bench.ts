// CLUE speed (`npm run bench clue`): decode + validate (RFC 8846/8847 semantics) + consumer choice
// for an ADVERTISEMENT with 3 capture scenes and 20 captures, against the bare XML parse of the same
// text by fast-xml-parser (default options, no validation) measured in the same run. Samples are
// interleaved (ours, bare, ours, ...) so both see the same machine state; medians of per-call times.
// Targets (issue): median < 2 ms, and at most 3x the bare parse.
import { XMLParser } from 'fast-xml-parser';
import { checkAdvertisement, chooseCaptures, decodeMessage, encodeMessage, indexAdvertisement, type ClueInfo, type MediaCapture } from '../../shared/clue';
import type { BenchResult } from './run';

const pt = (x: number, y: number, z: number) => ({ x, y, z });
const area = (l: number, r: number) => ({ bottomLeft: pt(l, 3000, 0), bottomRight: pt(r, 3000, 0), topLeft: pt(l, 3000, 1800), topRight: pt(r, 3000, 1800) });

/** 3 scenes, 20 captures: a six-camera room (+ switched MCC, 4 mics, audio mix), a four-camera room (+ MCC, mic), two content sources. */
function advertisement(): ClueInfo {
  const caps: MediaCapture[] = [];
  const base = { descriptions: [{ text: 'capture', lang: 'en' }], languages: ['en'], capturedPeople: [], mobility: 'static' as const };
  const video = (id: string, scene: string, l: number, r: number, prio: number): MediaCapture => ({ ...base, captureID: id, kind: 'video', mediaType: 'video', captureSceneID: scene, spatial: { captureOrigin: { capturePoint: pt((l + r) / 2, 0, 1600), lineOfCapturePoint: pt((l + r) / 2, 1000, 1500) }, captureArea: area(l, r) }, multiple: null, encGroupID: 'EG0', priority: prio, view: 'table' });
  const audio = (id: string, scene: string, x: number): MediaCapture => ({ ...base, captureID: id, kind: 'audio', mediaType: 'audio', captureSceneID: scene, spatial: { captureOrigin: { capturePoint: pt(x, 1500, 750) } }, multiple: null, encGroupID: 'EG1', priority: 1, view: 'room', sensitivityPattern: 'cardioid' });
  for (let i = 0; i < 6; i++) caps.push(video(`A${i}`, 'CS1', -6000 + i * 2000, -4000 + i * 2000, 2));
  caps.push({ ...video('AM', 'CS1', -6000, 6000, 1), multiple: { content: { mediaCaptureIDs: ['A0', 'A1', 'A2', 'A3', 'A4', 'A5'], sceneViewIDs: [] }, policy: { name: 'SoundLevel', index: 0 }, maxCaptures: { value: 1 }, allowSubsetChoice: true } });
  for (let i = 0; i < 4; i++) caps.push(audio(`AA${i}`, 'CS1', -4500 + i * 3000));
  caps.push({ ...audio('AAM', 'CS1', 0), multiple: { content: { mediaCaptureIDs: [], sceneViewIDs: ['SA1'] }, maxCaptures: { value: 4 } } });
  for (let i = 0; i < 4; i++) caps.push(video(`B${i}`, 'CS2', -4000 + i * 2000, -2000 + i * 2000, 3));
  caps.push({ ...video('BM', 'CS2', -4000, 4000, 2), multiple: { content: { mediaCaptureIDs: [], sceneViewIDs: ['SB1'] }, policy: { name: 'RoundRobin', index: 0 }, maxCaptures: { value: 1 } } });
  caps.push(audio('BA0', 'CS2', 0));
  for (let i = 0; i < 2; i++) caps.push({ ...base, captureID: `P${i}`, kind: 'video', mediaType: 'video', captureSceneID: 'CS3', spatial: null, multiple: null, encGroupID: 'EG0', priority: 1, presentation: 'slides' });
  return {
    mediaCaptures: caps,
    encodingGroups: [
      { encodingGroupID: 'EG0', maxGroupBandwidth: 20_000_000, encodingIDs: Array.from({ length: 8 }, (_, i) => `V${i}`) },
      { encodingGroupID: 'EG1', maxGroupBandwidth: 512_000, encodingIDs: Array.from({ length: 6 }, (_, i) => `AU${i}`) },
    ],
    captureScenes: [
      { sceneID: 'CS1', scale: 'mm', descriptions: [{ text: 'Room A', lang: 'en' }], sceneViews: [
        { sceneViewID: 'SA1', descriptions: [], mediaCaptureIDs: ['A0', 'A1', 'A2', 'A3', 'A4', 'A5', 'AA0', 'AA1', 'AA2', 'AA3'] },
        { sceneViewID: 'SA2', descriptions: [], mediaCaptureIDs: ['AM', 'AAM'] },
      ] },
      { sceneID: 'CS2', scale: 'mm', descriptions: [{ text: 'Room B', lang: 'en' }], sceneViews: [
        { sceneViewID: 'SB1', descriptions: [], mediaCaptureIDs: ['B0', 'B1', 'B2', 'B3', 'BA0'] },
        { sceneViewID: 'SB2', descriptions: [], mediaCaptureIDs: ['BM', 'BA0'] },
      ] },
      { sceneID: 'CS3', scale: 'noscale', descriptions: [], sceneViews: [{ sceneViewID: 'SC1', descriptions: [], mediaCaptureIDs: ['P0', 'P1'] }] },
    ],
    simultaneousSets: [
      { setID: 'SS1', mediaCaptureIDs: [], sceneViewIDs: [], captureSceneIDs: ['CS1', 'CS3'] },
      { setID: 'SS2', mediaCaptureIDs: [], sceneViewIDs: [], captureSceneIDs: ['CS2', 'CS3'] },
    ],
    globalViews: [{ globalViewID: 'GV1', sceneViewIDs: ['SA1', 'SB2', 'SC1'] }],
    people: [],
    encodings: Array.from({ length: 8 }, (_, i) => ({ encodingID: `V${i}`, mediaType: 'video' as const, maxBandwidth: 2_500_000, maxWidth: 1920, maxHeight: 1080, maxFrameRate: 30 })),
  };
}

const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? NaN;

export function benchXml(): string { return encodeMessage({ type: 'advertisement', version: '1.0', clueId: 'bench', sequenceNr: 1, info: advertisement() }); }

export default async function bench(): Promise<BenchResult> {
  const info = advertisement();
  const xml = encodeMessage({ type: 'advertisement', version: '1.0', clueId: 'bench', sequenceNr: 1, info });
  const screens = [-1700, 0, 1700].map((x, i) => ({ id: `S${i}`, centerX: x, widthMm: 1640, role: 'people' as const }));
  const bare = new XMLParser();
  const full = (): number => {
    const m = decodeMessage(xml);
    if (m.type !== 'advertisement') throw new Error('not an advertisement');
    const idx = indexAdvertisement(m.info);
    if (checkAdvertisement(m.info, idx).length) throw new Error('bench advertisement is invalid');
    return chooseCaptures(idx, { screens, maxBandwidth: 12_000_000 }).captures.length;
  };
  const chosen = full();
  const ours: number[] = [];
  const ref: number[] = [];
  const time = (fn: () => unknown, into: number[] | null): void => {
    const t0 = process.hrtime.bigint();
    fn();
    if (into) into.push(Number(process.hrtime.bigint() - t0) / 1e6);
  };
  for (let i = 0; i < 300; i++) {
    time(full, null);
    time(() => bare.parse(xml), null);
  }
  for (let i = 0; i < 2000; i++) {
    if (i % 2) {
      time(full, ours);
      time(() => bare.parse(xml), ref);
    } else {
      time(() => bare.parse(xml), ref);
      time(full, ours);
    }
  }
  const mOurs = median(ours);
  const mRef = median(ref);
  const ratio = mOurs / mRef;
  return {
    name: 'CLUE advertisement: decode + validate + consumer choice',
    lines: [
      `advertisement: 3 scenes, ${info.mediaCaptures.length} captures, ${xml.length} characters; ${chosen} captures chosen for 3 screens`,
      `ours (decode + checkAdvertisement + chooseCaptures): median ${mOurs.toFixed(3)} ms over ${ours.length} calls`,
      `reference (fast-xml-parser XMLParser.parse, default options, no validation): median ${mRef.toFixed(3)} ms`,
      `ratio ours / reference: ${ratio.toFixed(2)}x`,
    ],
    targets: [
      { label: `median < 2 ms (${mOurs.toFixed(3)} ms)`, met: mOurs < 2 },
      { label: `at most 3x the bare parse (${ratio.toFixed(2)}x)`, met: ratio <= 3 },
    ],
  };
}

// Test parts for the CLUE core: the manual clock (shared/clock.ts, the state machines' injected clock), an
// in-memory link that carries messages between two participants in order (the real transport is
// an SCTP data channel; the core only needs send/close), the sample rooms, and a rich data model
// that uses every field of RFC 8846.
import { readFileSync } from 'node:fs';
import { checkRoomConfig, DEFAULT_ROOM, type RoomConfig } from '../../shared/config';
import type { ClueChannel, ClueInfo, ClueParticipant } from '../../shared/clue';

export { ManualClock } from '../../shared/clock';

/** One direction of the link: what a participant sent, queued until delivered. */
export class MemoryChannel implements ClueChannel {
  readonly sent: string[] = [];
  readonly queue: string[] = [];
  closed: string | undefined;
  peerClosed?: (reason: string) => void;
  send(xml: string): void {
    if (this.closed !== undefined) throw new Error('channel closed');
    this.sent.push(xml);
    this.queue.push(xml);
  }
  close(reason: string): void {
    if (this.closed !== undefined) return;
    this.closed = reason;
    this.peerClosed?.(reason);
  }
}

/** Delivers queued messages both ways until both queues are empty (or `max` messages). */
export function pump(a: { ch: MemoryChannel; p: ClueParticipant }, b: { ch: MemoryChannel; p: ClueParticipant }, max = 100): number {
  let n = 0;
  while ((a.ch.queue.length || b.ch.queue.length) && n < max) {
    const fromA = a.ch.queue.shift();
    if (fromA !== undefined) {
      b.p.receive(fromA);
      n++;
    }
    const fromB = b.ch.queue.shift();
    if (fromB !== undefined) {
      a.p.receive(fromB);
      n++;
    }
  }
  return n;
}

/** The root element name of a message, for asserting what was sent. */
export const kindOf = (xml: string): string => /<([A-Za-z]+)\s+xmlns=/.exec(xml)?.[1] ?? '?';
export const codeOf = (xml: string): number | undefined => {
  const m = /<responseCode>(\d+)<\/responseCode>/.exec(xml);
  return m ? Number(m[1]) : undefined;
};

export function loadRoom(path: string): RoomConfig {
  const r = checkRoomConfig(JSON.parse(readFileSync(path, 'utf8')));
  if (!r.ok) throw new Error(r.problems.join('; '));
  return r.config;
}
export const threeScreenRoom = (): RoomConfig => loadRoom('assets/rooms/three-screen-room.json');
export function defaultRoom(): RoomConfig {
  const r = checkRoomConfig(DEFAULT_ROOM);
  if (!r.ok) throw new Error(r.problems.join('; '));
  return r.config;
}

/** A data model that uses every element and attribute of RFC 8846 at least once. */
export function richInfo(): ClueInfo {
  const pt = (x: number, y: number, z: number) => ({ x, y, z });
  const area = (l: number, r: number) => ({ bottomLeft: pt(l, 3000, 0), bottomRight: pt(r, 3000, 0), topLeft: pt(l, 3000, 1800), topRight: pt(r, 3000, 1800) });
  return {
    mediaCaptures: [
      { captureID: 'VC0', kind: 'video', mediaType: 'video', captureSceneID: 'CS1', spatial: { captureOrigin: { capturePoint: pt(-600, 0, 1600), lineOfCapturePoint: pt(-600, 1000, 1500.5) }, captureArea: area(-3000, -1000) }, multiple: null, encGroupID: 'EG0', descriptions: [{ text: 'Left camera', lang: 'en' }, { text: 'Caméra gauche & co <1>', lang: 'fr' }], priority: 2, languages: ['en', 'it'], mobility: 'static', embeddedText: { value: false, lang: 'en' }, view: 'table', capturedPeople: ['alice'] },
      { captureID: 'VC1', kind: 'video', mediaType: 'video', captureSceneID: 'CS1', spatial: { captureArea: area(-1000, 1000) }, multiple: null, encGroupID: 'EG0', descriptions: [], priority: 2, languages: [], capturedPeople: ['bob'], relatedTo: 'VC0' },
      { captureID: 'VC2', kind: 'video', mediaType: 'video', captureSceneID: 'CS1', spatial: { captureOrigin: { capturePoint: pt(600, 0, 1600) } }, multiple: null, encGroupID: 'EG0', descriptions: [], languages: [], capturedPeople: [] },
      { captureID: 'VC3', kind: 'video', mediaType: 'video', captureSceneID: 'CS1', spatial: { captureArea: area(-3000, 3000) }, multiple: { synchronizationID: 'sync1', content: { mediaCaptureIDs: ['VC0'], sceneViewIDs: ['SV1'] }, policy: { name: 'SoundLevel', index: 0 }, maxCaptures: { value: 1, exactNumber: true }, allowSubsetChoice: true }, encGroupID: 'EG0', descriptions: [{ text: 'Loudest segment' }], priority: 1, languages: ['en'], mobility: 'highly-dynamic', view: 'individual', capturedPeople: [] },
      { captureID: 'VC4', kind: 'video', mediaType: 'video', captureSceneID: 'CS2', spatial: null, multiple: null, encGroupID: 'EG0', descriptions: [{ text: 'Slides' }], priority: 1, languages: [], presentation: 'slides', capturedPeople: [] },
      { captureID: 'AC0', kind: 'audio', mediaType: 'audio', captureSceneID: 'CS1', spatial: { captureOrigin: { capturePoint: pt(0, 1500, 750), lineOfCapturePoint: pt(0, 2500, 750) } }, multiple: null, encGroupID: 'EG1', descriptions: [{ text: 'Table microphones', lang: 'en' }], priority: 1, languages: ['en'], mobility: 'static', view: 'room', capturedPeople: ['alice', 'bob'], sensitivityPattern: 'cardioid' },
      { captureID: 'AC1', kind: 'audio', mediaType: 'audio', captureSceneID: 'CS1', spatial: null, multiple: { content: { mediaCaptureIDs: ['AC0'], sceneViewIDs: [] }, maxCaptures: { value: 1 }, allowSubsetChoice: false }, encGroupID: 'EG1', descriptions: [], languages: [], capturedPeople: [] },
      { captureID: 'TC0', kind: 'text', mediaType: 'text', captureSceneID: 'CS1', spatial: null, multiple: null, descriptions: [{ text: 'Captions' }], languages: ['en'], capturedPeople: [] },
      { captureID: 'OC0', kind: 'other', mediaType: 'application', captureSceneID: 'CS1', spatial: null, multiple: null, descriptions: [], languages: [], capturedPeople: [] },
    ],
    encodingGroups: [
      { encodingGroupID: 'EG0', maxGroupBandwidth: 8_000_000, encodingIDs: ['ENC1', 'ENC2', 'ENC3'] },
      { encodingGroupID: 'EG1', maxGroupBandwidth: 256_000, encodingIDs: ['ENC4', 'ENC5'] },
    ],
    captureScenes: [
      { sceneID: 'CS1', scale: 'mm', descriptions: [{ text: 'Main room', lang: 'en' }], sceneInformation: { fn: 'Napoli room' }, sceneViews: [
        { sceneViewID: 'SV1', descriptions: [{ text: 'Three cameras' }], mediaCaptureIDs: ['VC0', 'VC1', 'VC2', 'AC0'] },
        { sceneViewID: 'SV2', descriptions: [], mediaCaptureIDs: ['VC3', 'AC1'] },
      ] },
      { sceneID: 'CS2', scale: 'noscale', descriptions: [], sceneViews: [{ sceneViewID: 'SV3', descriptions: [], mediaCaptureIDs: ['VC4'] }] },
    ],
    simultaneousSets: [
      { setID: 'SS1', mediaType: 'video', mediaCaptureIDs: ['VC0', 'VC1', 'VC2', 'VC4'], sceneViewIDs: [], captureSceneIDs: [] },
      { setID: 'SS2', mediaType: 'video', mediaCaptureIDs: ['VC3'], sceneViewIDs: ['SV3'], captureSceneIDs: [] },
      { setID: 'SS3', mediaCaptureIDs: [], sceneViewIDs: [], captureSceneIDs: ['CS1', 'CS2'] },
    ],
    globalViews: [{ globalViewID: 'GV1', sceneViewIDs: ['SV1', 'SV3'] }, { sceneViewIDs: ['SV2'] }],
    people: [
      { personID: 'alice', personInfo: { fn: 'Alice' }, personTypes: ['presenter'] },
      { personID: 'bob', personTypes: ['minute taker', 'attendee'] },
    ],
    encodings: [
      { encodingID: 'ENC1', mediaType: 'video', maxBandwidth: 4_000_000, maxWidth: 1920, maxHeight: 1080, maxFrameRate: 30 },
      { encodingID: 'ENC2', mediaType: 'video', maxBandwidth: 2_000_000, maxWidth: 1280, maxHeight: 720, maxFrameRate: 30 },
      { encodingID: 'ENC3', mediaType: 'video', maxBandwidth: 2_000_000 },
      { encodingID: 'ENC4', mediaType: 'audio', maxBandwidth: 64_000 },
    ],
  };
}

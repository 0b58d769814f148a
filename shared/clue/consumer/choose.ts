// The consumer's choice (RFC 8845 §10, "Consumer's Choice of Streams to Receive from the
// Provider"): from a far-end advertisement and the local screens, what to receive, on which
// encodings, and on which screen. The algorithm:
// 1. People video. N = the local "people" screens (all screens if none is "people"). Among the
//    scene views with people video (video captures without <presentation>), prefer the one whose
//    count of video captures fits the screens best: exactly N, else the largest count below N
//    (ties: the lower sum of priorities, RFC 8846 §11.14, then advertised order). When every scene
//    view has more video captures than screens, fall back to MCCs (RFC 8845 §7.2, best priority
//    first, at most N); without MCCs, take the N most important captures of the smallest view.
// 2. Content: the most important presentation capture goes to the first "content" screen; with no
//    content screen, to a people screen left free, else it shares the people screen nearest the middle.
// 3. Audio: the audio captures of the chosen scene view; otherwise an audio MCC; otherwise every
//    audio capture of the scene.
// 4. Simultaneous sets (RFC 8845 §8, §10.2): a plan whose captures fit no single set loses its content
//    capture, then falls to the next plan; audio captures are dropped from the end until they fit.
// 5. Encodings and bandwidth (RFC 8845 §9.2, §10.3): each capture takes an unused encoding of its own
//    encoding group; audio first, then content, then people video by priority; each video capture
//    gets a fair share of what remains of the consumer's budget and of its group's
//    maxGroupBandwidth, capped by the encoding's own limit; only as many video captures are taken
//    (content first, then people by priority) as the budget can give the minimum video rate.
// 6. Placement: people captures go to screens left to right (consumer/screens.ts).
import type { CaptureEncoding, Encoding, MediaCapture } from '../model/types';
import { simultaneousViolations, type AdvIndex } from '../semantics/index';
import { placeOnScreens, type LocalScreen } from './screens';

export interface ConsumerPreferences {
  screens: readonly LocalScreen[];
  /** Bits per second for everything received. */
  maxBandwidth: number;
  audio?: boolean;
  minVideoBandwidth?: number;
  /** Encoding limits from SDP, for advertisements that do not carry them. */
  encodings?: readonly Encoding[];
}

export interface ChosenCapture {
  captureID: string;
  encodingID: string;
  role: 'people' | 'content' | 'audio';
  /** The local screen (video only). */
  screenID?: string;
  /** Bits per second the consumer will ask for on this encoding. */
  bandwidth: number;
  mcc: boolean;
}

export interface ConsumerChoice {
  strategy: 'sceneView' | 'mcc' | 'subset' | 'none';
  sceneViewID?: string;
  captures: ChosenCapture[];
  /** What the CONFIGURE carries (RFC 8846 §22). */
  captureEncodings: CaptureEncoding[];
  notes: string[];
}

interface Plan {
  strategy: ConsumerChoice['strategy'];
  sceneViewID?: string;
  people: MediaCapture[];
  audio: MediaCapture[];
}

const isVideo = (c: MediaCapture): boolean => c.mediaType === 'video';
const isContent = (c: MediaCapture): boolean => isVideo(c) && c.presentation !== undefined;
const isPeople = (c: MediaCapture): boolean => isVideo(c) && c.presentation === undefined;
const prio = (c: MediaCapture): number => c.priority ?? 1000;
const MIN_AUDIO_BPS = 16_000;
const MAX_AUDIO_BPS = 128_000;

function plans(idx: AdvIndex, n: number, notes: string[]): Plan[] {
  const get = (ids: readonly string[]): MediaCapture[] => ids.map((id) => idx.captures.get(id)).filter((c) => c !== undefined);
  const views = [...idx.sceneViews.values()]
    .map((v, order) => ({ v, order, people: get(v.mediaCaptureIDs).filter(isPeople), audio: get(v.mediaCaptureIDs).filter((c) => c.mediaType === 'audio') }))
    .filter((x) => x.people.length > 0);
  const sum = (cs: MediaCapture[]): number => cs.reduce((s, c) => s + prio(c), 0);
  const fitting = views
    .filter((x) => x.people.length <= n)
    .sort((a, b) => (b.people.length === n ? 1 : 0) - (a.people.length === n ? 1 : 0) || b.people.length - a.people.length || sum(a.people) - sum(b.people) || a.order - b.order);
  const out: Plan[] = fitting.map((x) => ({ strategy: 'sceneView', sceneViewID: x.v.sceneViewID, people: x.people, audio: x.audio }));
  const audioMcc = idx.info.mediaCaptures.filter((c) => c.mediaType === 'audio' && c.multiple).sort((a, b) => prio(a) - prio(b));
  const mccs = idx.info.mediaCaptures.filter((c) => isPeople(c) && c.multiple).sort((a, b) => prio(a) - prio(b));
  if (mccs.length) {
    const chosen = mccs.slice(0, n);
    const home = views.find((x) => chosen.every((c) => x.people.includes(c)));
    out.push({ strategy: 'mcc', people: chosen, audio: home?.audio ?? audioMcc.slice(0, 1) });
  }
  const smallest = [...views].sort((a, b) => a.people.length - b.people.length || a.order - b.order)[0];
  if (smallest && smallest.people.length > n) {
    const subset = [...smallest.people].sort((a, b) => prio(a) - prio(b)).slice(0, n);
    out.push({ strategy: 'subset', sceneViewID: smallest.v.sceneViewID, people: subset, audio: smallest.audio });
  }
  if (!out.length) {
    notes.push('the advertisement offers no people video');
    out.push({ strategy: 'none', people: [], audio: audioMcc.slice(0, 1) });
  }
  for (const p of out) {
    if (p.audio.length) continue;
    const scenes = new Set(p.people.map((c) => c.captureSceneID));
    p.audio = audioMcc.slice(0, 1);
    if (!p.audio.length) p.audio = idx.info.mediaCaptures.filter((c) => c.mediaType === 'audio' && (scenes.size === 0 || scenes.has(c.captureSceneID)));
  }
  return out;
}

export function chooseCaptures(idx: AdvIndex, prefs: ConsumerPreferences): ConsumerChoice {
  const notes: string[] = [];
  const people = prefs.screens.filter((s) => s.role === 'people');
  const peopleScreens = (people.length ? people : [...prefs.screens]).sort((a, b) => a.centerX - b.centerX);
  const contentScreen = people.length ? prefs.screens.filter((s) => s.role === 'content').sort((a, b) => a.centerX - b.centerX)[0] : undefined;
  const content = idx.info.mediaCaptures.filter(isContent).sort((a, b) => prio(a) - prio(b))[0];
  const wantAudio = prefs.audio !== false;

  let plan: Plan | undefined;
  let withContent = false;
  for (const candidate of plans(idx, peopleScreens.length, notes)) {
    const video = candidate.people.map((c) => c.captureID);
    if (content && simultaneousViolations(idx, [...video, content.captureID]).length === 0) {
      plan = candidate;
      withContent = true;
      break;
    }
    if (simultaneousViolations(idx, video).length === 0) {
      if (content) notes.push(`content ${content.captureID} cannot be received with ${candidate.sceneViewID ?? candidate.strategy}: simultaneous sets`);
      plan = candidate;
      break;
    }
    notes.push(`${candidate.sceneViewID ?? candidate.strategy} does not fit one simultaneous set`);
  }
  plan ??= { strategy: 'none', people: [], audio: [] };
  const audio = wantAudio ? [...plan.audio] : [];
  while (audio.length && simultaneousViolations(idx, audio.map((c) => c.captureID)).length) audio.pop();

  // Encodings and bandwidth, in order of importance.
  const sdp = new Map((prefs.encodings ?? []).map((e) => [e.encodingID, e]));
  const limitOf = (id: string): Encoding | undefined => idx.encodings.get(id) ?? sdp.get(id);
  const used = new Set<string>();
  const groupUse = new Map<string, number>();
  let budget = prefs.maxBandwidth;
  const minVideo = prefs.minVideoBandwidth ?? 256_000;
  const chosen: ChosenCapture[] = [];
  const peopleByPrio = [...plan.people].sort((a, b) => prio(a) - prio(b));
  const allocate = (c: MediaCapture, role: ChosenCapture['role'], share: number): void => {
    const group = c.encGroupID === undefined ? undefined : idx.groups.get(c.encGroupID);
    const encodingID = group?.encodingIDs.find((e) => !used.has(e));
    if (!group || !encodingID) {
      notes.push(`${c.captureID}: no free encoding in ${c.encGroupID ?? 'its (missing) encoding group'}`);
      return;
    }
    const groupLeft = group.maxGroupBandwidth - (groupUse.get(group.encodingGroupID) ?? 0);
    const encMax = limitOf(encodingID)?.maxBandwidth ?? group.maxGroupBandwidth;
    const bandwidth = Math.min(encMax, groupLeft, share, budget);
    if (bandwidth < (role === 'audio' ? MIN_AUDIO_BPS : minVideo)) {
      notes.push(`${c.captureID}: only ${Math.max(0, bandwidth)} b/s left, not received`);
      return;
    }
    used.add(encodingID);
    groupUse.set(group.encodingGroupID, (groupUse.get(group.encodingGroupID) ?? 0) + bandwidth);
    budget -= bandwidth;
    chosen.push({ captureID: c.captureID, encodingID, role, bandwidth, mcc: c.multiple !== null });
  };
  // Audio first; then as many video captures (content first, then people by priority) as the
  // budget left gives the minimum rate each, sharing it fairly.
  for (const c of audio) allocate(c, 'audio', MAX_AUDIO_BPS);
  const videoOrder: [MediaCapture, ChosenCapture['role']][] = [
    ...(content && withContent ? [[content, 'content'] as [MediaCapture, ChosenCapture['role']]] : []),
    ...peopleByPrio.map((c): [MediaCapture, ChosenCapture['role']] => [c, 'people']),
  ];
  const affordable = Math.floor(Math.max(0, budget) / minVideo);
  for (const [c] of videoOrder.slice(affordable)) notes.push(`${c.captureID}: the bandwidth budget does not reach ${minVideo} b/s for it, not received`);
  const video = videoOrder.slice(0, affordable);
  video.forEach(([c, role], i) => allocate(c, role, Math.floor(budget / (video.length - i))));

  // Placement on screens.
  const received = (role: ChosenCapture['role']): MediaCapture[] =>
    chosen.filter((x) => x.role === role).map((x) => idx.captures.get(x.captureID)).filter((c) => c !== undefined);
  const peopleReceived = received('people');
  const scene = idx.info.mediaCaptures.filter((c) => isPeople(c) && !c.multiple && peopleReceived.some((p) => p.captureSceneID === c.captureSceneID));
  const placed = placeOnScreens(peopleReceived, peopleScreens, scene.length ? scene : peopleReceived);
  for (const x of chosen) {
    if (x.role === 'people') {
      const s = placed.get(x.captureID);
      if (s) x.screenID = s;
    } else if (x.role === 'content') {
      const taken = new Set(placed.values());
      const free = peopleScreens.filter((s) => !taken.has(s.id));
      const middle = (list: readonly LocalScreen[]): LocalScreen | undefined => {
        const mid = (Math.min(...list.map((s) => s.centerX)) + Math.max(...list.map((s) => s.centerX))) / 2;
        return [...list].sort((a, b) => Math.abs(a.centerX - mid) - Math.abs(b.centerX - mid))[0];
      };
      const screen = contentScreen ?? (free.length ? middle(free) : middle(peopleScreens));
      if (screen) x.screenID = screen.id;
    }
  }
  const choice: ConsumerChoice = {
    strategy: plan.strategy,
    captures: chosen,
    captureEncodings: chosen.map((x, i) => ({ id: `CE${i + 1}`, captureID: x.captureID, encodingID: x.encodingID })),
    notes,
  };
  if (plan.sceneViewID !== undefined) choice.sceneViewID = plan.sceneViewID;
  return choice;
}

// The CLUE data model (RFC 8846; concepts from the framework, RFC 8845) as TypeScript types.
// Units follow the capture scene's scale (RFC 8846 §16.4): millimetres for scale "mm".
// Lists are never undefined (empty when absent), so that a parsed model compares equal to the one
// that was serialised.

/** RFC 8846 §11.5.1 (pointType): a point in the capture scene's coordinate system. */
export interface Point {
  x: number;
  y: number;
  z: number;
}

/** RFC 8846 §11.5.2: the four corners of the area a capture covers. */
export interface CaptureArea {
  bottomLeft: Point;
  bottomRight: Point;
  topLeft: Point;
  topRight: Point;
}

/** RFC 8846 §11.5: <spatialInformation>; at least one of its parts for a spatially definable capture. */
export interface SpatialInformation {
  captureOrigin?: { capturePoint: Point; lineOfCapturePoint?: Point };
  captureArea?: CaptureArea;
}

/** RFC 8846 §11.13 <description>, with its optional language. */
export interface Description {
  text: string;
  lang?: string;
}

/** RFC 8846 §11.7 <content> (and §22.3 <configuredContent>): the constituents of an MCC. */
export interface CaptureContent {
  mediaCaptureIDs: string[];
  sceneViewIDs: string[];
}

/** RFC 8846 §11.10 <policy>: e.g. SoundLevel:0 (the loudest), RoundRobin:1 (RFC 8845 §7.2.1.2). */
export interface CapturePolicy {
  name: string;
  index: number;
}

/** RFC 8846 §11.7-11.11: what makes a capture a Multiple Content Capture (RFC 8845 §7.2). */
export interface MultipleContent {
  synchronizationID?: string;
  content?: CaptureContent;
  policy?: CapturePolicy;
  /** RFC 8846 §11.11: at most (or, with exactNumber, exactly) this many constituents at a time. */
  maxCaptures?: { value: number; exactNumber?: boolean };
  allowSubsetChoice?: boolean;
}

/** The xsi:type of a <mediaCapture> (RFC 8846 §12-15). */
export type CaptureKind = 'audio' | 'video' | 'text' | 'other';
export const CAPTURE_KINDS: readonly CaptureKind[] = ['audio', 'video', 'text', 'other'];

export type Mobility = 'static' | 'dynamic' | 'highly-dynamic';

/** RFC 8846 §11 <mediaCapture> and its subtypes (§12-15). */
export interface MediaCapture {
  captureID: string;
  kind: CaptureKind;
  /** The mediaType attribute ("audio", "video", "text" or an other type for kind "other"). */
  mediaType: string;
  captureSceneID: string;
  /** null: <nonSpatiallyDefinable>true</nonSpatiallyDefinable> (RFC 8846 §11.6). */
  spatial: SpatialInformation | null;
  /**
   * RFC 8846 §11.12: an individual capture carries <individual>true</individual>; an MCC carries the
   * multiple-content fields instead (its constituents in `content`).
   */
  multiple: MultipleContent | null;
  encGroupID?: string;
  descriptions: Description[];
  /** RFC 8846 §11.14: lower numbers are more important (RFC 8845 §7.1.1.9). */
  priority?: number;
  languages: string[];
  mobility?: Mobility;
  /** RFC 8846 §11.19 <presentation> (IANA "CLUE Schema <presentation>": slides, images): a content capture. */
  presentation?: string;
  /** RFC 8846 §11.20 <embeddedText>. */
  embeddedText?: { value: boolean; lang?: string };
  /** RFC 8846 §11.18 <view> (IANA: room, table, lectern, individual, audience). */
  view?: string;
  /** RFC 8846 §11.21 <capturedPeople> personIDREFs. */
  capturedPeople: string[];
  /** RFC 8846 §11.17 <relatedTo>. */
  relatedTo?: string;
  /** RFC 8846 §12.1, audio only (IANA: uni, shotgun, omni, figure8, cardioid, hyper-cardioid). */
  sensitivityPattern?: string;
}

/** RFC 8846 §17 <sceneView>: captures that together represent the scene. */
export interface SceneView {
  sceneViewID: string;
  descriptions: Description[];
  mediaCaptureIDs: string[];
}

/** The part of a vCard (RFC 6350/6351) the endpoint reads and writes: the formatted name. */
export interface VCardInfo {
  fn?: string;
}

export type SceneScale = 'mm' | 'unknown' | 'noscale';

/** RFC 8846 §16 <captureScene>. */
export interface CaptureScene {
  sceneID: string;
  scale: SceneScale;
  descriptions: Description[];
  sceneInformation?: VCardInfo;
  sceneViews: SceneView[];
}

/** RFC 8846 §18 <encodingGroup>: encodings that share one bandwidth limit (bits per second). */
export interface EncodingGroup {
  encodingGroupID: string;
  maxGroupBandwidth: number;
  encodingIDs: string[];
}

/**
 * RFC 8845 §9.1 individual encoding and its limits. RFC 8846 leaves them to SDP (RFC 8848); the
 * provider also carries them in the Telescene encodings extension when the peer negotiated it.
 */
export interface Encoding {
  encodingID: string;
  mediaType: 'audio' | 'video';
  /** Bits per second. */
  maxBandwidth: number;
  maxWidth?: number;
  maxHeight?: number;
  maxFrameRate?: number;
}

/** RFC 8846 §19 <simultaneousSet>: what the provider can send at the same time. */
export interface SimultaneousSet {
  setID: string;
  mediaType?: string;
  mediaCaptureIDs: string[];
  sceneViewIDs: string[];
  captureSceneIDs: string[];
}

/** RFC 8846 §20 <globalView>. */
export interface GlobalView {
  globalViewID?: string;
  sceneViewIDs: string[];
}

/** RFC 8846 §21.1 <person>. */
export interface Person {
  personID: string;
  personInfo?: VCardInfo;
  /** IANA "CLUE Schema <personType>": presenter, timekeeper, attendee, minute taker, translator... */
  personTypes: string[];
}

/** RFC 8846 §23 <clueInfo> content, which is also the body of an ADVERTISEMENT (RFC 8847 §5.3). */
export interface ClueInfo {
  mediaCaptures: MediaCapture[];
  encodingGroups: EncodingGroup[];
  captureScenes: CaptureScene[];
  simultaneousSets: SimultaneousSet[];
  globalViews: GlobalView[];
  people: Person[];
  /** Individual encodings' limits (Telescene extension; empty when the peer did not send them). */
  encodings: Encoding[];
}

/** RFC 8846 §22 <captureEncoding>: one capture sent on one encoding, as a CONFIGURE asks. */
export interface CaptureEncoding {
  id: string;
  captureID: string;
  encodingID: string;
  configuredContent?: CaptureContent;
}

export const isMcc = (c: MediaCapture): boolean => c.multiple !== null;

/**
 * How a capture's content is made (RFC 8845 §7.2.1.1): an individual capture; an MCC that shows one
 * constituent at a time (maxCaptures 1: switched); or one that may show several (composed).
 */
export function captureMode(c: MediaCapture): 'individual' | 'switched' | 'composed' {
  if (!c.multiple) return 'individual';
  return c.multiple.maxCaptures?.value === 1 ? 'switched' : 'composed';
}

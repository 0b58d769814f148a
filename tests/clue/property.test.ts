// Property tests (fast-check): nothing but ParseError escapes the decoder, whatever the input; and
// decode∘encode is the identity on the data model and on every message type.
import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { decodeMessage, encodeMessage, ParseError, type CaptureEncoding, type ClueInfo, type ClueMessage, type MediaCapture, type Point } from '../../shared/clue';

const fixture = (f: string): string => readFileSync(`tests/fixtures/clue/valid/${f}`, 'utf8');
const onlyParseError = (xml: string): boolean => {
  try {
    decodeMessage(xml);
    return true;
  } catch (err) {
    return err instanceof ParseError;
  }
};

describe('decoder robustness', () => {
  it('arbitrary text throws nothing but ParseError', () => {
    fc.assert(fc.property(fc.string({ maxLength: 400 }), onlyParseError), { numRuns: 2000 });
  });

  it('XML-ish token soup throws nothing but ParseError', () => {
    const token = fc.constantFrom('<', '>', '</', '/>', '<!--', '-->', '<![CDATA[', ']]>', '&amp;', '&#', ';', '"', "'", '=', ':', 'xmlns', 'options', 'dm:', ' ', 'a', '1', '<?xml version="1.0"?>', '<!DOCTYPE', '&x;');
    fc.assert(fc.property(fc.array(token, { maxLength: 80 }), (parts) => onlyParseError(parts.join(''))), { numRuns: 2000 });
  });

  it('mutated valid messages throw nothing but ParseError', () => {
    const sources = ['advertisement-rich.xml', 'configure-with-ack.xml', 'options.xml'].map(fixture);
    const mutation = fc.record({ src: fc.nat(sources.length - 1), at: fc.nat(), del: fc.nat(20), ins: fc.string({ maxLength: 12 }) });
    fc.assert(
      fc.property(mutation, ({ src, at, del, ins }) => {
        const s = sources[src] ?? '';
        const i = at % s.length;
        return onlyParseError(s.slice(0, i) + ins + s.slice(i + del));
      }),
      { numRuns: 1500 },
    );
  });
});

// Arbitraries for the data model. Identifiers are unique by construction (index suffixes).
// eslint-disable-next-line no-control-regex -- XML 1.0 §2.2 excludes these characters from text
const text = fc.string({ minLength: 0, maxLength: 24 }).filter((s) => !/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF\r]/.test(s) && !/[\uD800-\uDFFF]/.test(s));
const lang = fc.constantFrom('en', 'it', 'fr-CA', 'zh-Hant');
const num = fc.oneof(fc.integer({ min: -100000, max: 100000 }), fc.double({ min: -1e5, max: 1e5, noNaN: true, noDefaultInfinity: true }).map((d) => Math.round(d * 1000) / 1000));
const point: fc.Arbitrary<Point> = fc.record({ x: num, y: num, z: num }).map((p) => ({ x: p.x || 0, y: p.y || 0, z: p.z || 0 }));
const descriptions = fc.array(fc.record({ text, lang: fc.option(lang, { nil: undefined }) }).map((d) => (d.lang === undefined ? { text: d.text } : { text: d.text, lang: d.lang })), { maxLength: 2 });

function capture(i: number, kind: MediaCapture['kind']): fc.Arbitrary<MediaCapture> {
  return fc
    .record({
      spatial: fc.option(fc.record({ o: fc.option(fc.record({ capturePoint: point, line: fc.option(point, { nil: undefined }) }), { nil: undefined }), a: fc.option(fc.record({ bottomLeft: point, bottomRight: point, topLeft: point, topRight: point }), { nil: undefined }) }), { nil: null }),
      mcc: fc.option(fc.record({ policy: fc.option(fc.record({ name: fc.constantFrom('SoundLevel', 'RoundRobin'), index: fc.nat(5) }), { nil: undefined }), max: fc.option(fc.record({ value: fc.integer({ min: 1, max: 9 }), exact: fc.option(fc.boolean(), { nil: undefined }) }), { nil: undefined }), subset: fc.option(fc.boolean(), { nil: undefined }) }), { nil: null }),
      descriptions,
      priority: fc.option(fc.nat(100), { nil: undefined }),
      languages: fc.array(lang, { maxLength: 2 }),
      mobility: fc.option(fc.constantFrom('static' as const, 'dynamic' as const, 'highly-dynamic' as const), { nil: undefined }),
      view: fc.option(fc.constantFrom('room', 'table', 'individual'), { nil: undefined }),
      presentation: fc.option(fc.constantFrom('slides', 'images'), { nil: undefined }),
      embedded: fc.option(fc.record({ value: fc.boolean(), lang: fc.option(lang, { nil: undefined }) }), { nil: undefined }),
    })
    .map((r) => {
      const c: MediaCapture = { captureID: `C${i}`, kind, mediaType: kind === 'other' ? 'application' : kind, captureSceneID: 'S0', spatial: null, multiple: null, descriptions: r.descriptions, languages: r.languages, capturedPeople: [], encGroupID: 'G0' };
      if (r.spatial) {
        c.spatial = {};
        if (r.spatial.o) c.spatial.captureOrigin = r.spatial.o.line ? { capturePoint: r.spatial.o.capturePoint, lineOfCapturePoint: r.spatial.o.line } : { capturePoint: r.spatial.o.capturePoint };
        if (r.spatial.a) c.spatial.captureArea = r.spatial.a;
      }
      if (r.mcc && i > 0) {
        c.multiple = { content: { mediaCaptureIDs: ['C0'], sceneViewIDs: [] } };
        if (r.mcc.policy) c.multiple.policy = r.mcc.policy;
        if (r.mcc.max) c.multiple.maxCaptures = r.mcc.max.exact === undefined ? { value: r.mcc.max.value } : { value: r.mcc.max.value, exactNumber: r.mcc.max.exact };
        if (r.mcc.subset !== undefined) c.multiple.allowSubsetChoice = r.mcc.subset;
      }
      if (r.priority !== undefined) c.priority = r.priority;
      if (r.mobility) c.mobility = r.mobility;
      if (r.view) c.view = r.view;
      if (r.presentation) c.presentation = r.presentation;
      if (r.embedded) c.embeddedText = r.embedded.lang === undefined ? { value: r.embedded.value } : { value: r.embedded.value, lang: r.embedded.lang };
      return c;
    });
}

const info: fc.Arbitrary<ClueInfo> = fc
  .array(fc.constantFrom('audio' as const, 'video' as const, 'text' as const, 'other' as const), { minLength: 1, maxLength: 6 })
  .chain((kinds) => fc.tuple(...kinds.map((k, i) => capture(i, k))))
  .chain((captures) =>
    fc.record({ bw: fc.nat(100_000_000), sceneDesc: descriptions, nEnc: fc.integer({ min: 1, max: 4 }), sets: fc.boolean() }).map(({ bw, sceneDesc, nEnc, sets }): ClueInfo => ({
      mediaCaptures: captures,
      encodingGroups: [{ encodingGroupID: 'G0', maxGroupBandwidth: bw, encodingIDs: Array.from({ length: nEnc }, (_, i) => `E${i}`) }],
      captureScenes: [{ sceneID: 'S0', scale: 'mm', descriptions: sceneDesc, sceneViews: [{ sceneViewID: 'V0', descriptions: [], mediaCaptureIDs: captures.map((c) => c.captureID) }] }],
      simultaneousSets: sets ? [{ setID: 'SS0', mediaCaptureIDs: [], sceneViewIDs: ['V0'], captureSceneIDs: [] }] : [],
      globalViews: sets ? [{ globalViewID: 'GV0', sceneViewIDs: ['V0'] }] : [],
      people: sets ? [{ personID: 'P0', personInfo: { fn: 'Ann' }, personTypes: ['attendee'] }] : [],
      encodings: [{ encodingID: 'E0', mediaType: 'video', maxBandwidth: 1 + bw }],
    })),
  );

const seq = fc.integer({ min: 1, max: 2 ** 40 });
const code = fc.constantFrom(200 as const, 301 as const, 302 as const, 401 as const, 402 as const, 403 as const, 404 as const, 405 as const);
const ce: fc.Arbitrary<CaptureEncoding[]> = fc.array(fc.record({ c: fc.nat(9), e: fc.nat(9), sub: fc.boolean() }), { maxLength: 4 }).map((l) =>
  l.map((x, i) => (x.sub ? { id: `ce${i}`, captureID: `C${x.c}`, encodingID: `E${x.e}`, configuredContent: { mediaCaptureIDs: ['C0'], sceneViewIDs: ['V0'] } } : { id: `ce${i}`, captureID: `C${x.c}`, encodingID: `E${x.e}` })),
);
const message: fc.Arbitrary<ClueMessage> = fc.oneof(
  fc.record({ s: seq, mp: fc.boolean(), mc: fc.boolean(), v: fc.option(fc.constant(['1.0', '2.1']).map((l) => [...l]), { nil: undefined }) }).map(({ s, mp, mc, v }): ClueMessage => (v ? { type: 'options', version: '1.0', sequenceNr: s, mediaProvider: mp, mediaConsumer: mc, supportedVersions: v } : { type: 'options', version: '1.0', sequenceNr: s, mediaProvider: mp, mediaConsumer: mc })),
  fc.record({ s: seq, c: code, r: text }).map(({ s, c, r }): ClueMessage => ({ type: 'optionsResponse', version: '1.0', sequenceNr: s, responseCode: c, reasonString: r })),
  fc.record({ s: seq, info, id: text }).map(({ s, info: i, id }): ClueMessage => ({ type: 'advertisement', version: '1.0', clueId: id, sequenceNr: s, info: i })),
  fc.record({ s: seq, c: code, r: text, a: seq }).map(({ s, c, r, a }): ClueMessage => ({ type: 'ack', version: '1.0', sequenceNr: s, responseCode: c, reasonString: r, advSequenceNr: a })),
  fc.record({ s: seq, a: seq, ack: fc.boolean(), list: ce }).map(({ s, a, ack, list }): ClueMessage => (ack ? { type: 'configure', version: '1.0', sequenceNr: s, advSequenceNr: a, ack: 200, captureEncodings: list } : { type: 'configure', version: '1.0', sequenceNr: s, advSequenceNr: a, captureEncodings: list })),
  fc.record({ s: seq, c: code, r: text, n: seq }).map(({ s, c, r, n }): ClueMessage => ({ type: 'configureResponse', version: '2.1', sequenceNr: s, responseCode: c, reasonString: r, confSequenceNr: n })),
);

describe('round trips', () => {
  it('decode(encode(message)) equals the message, for every message type', () => {
    fc.assert(fc.property(message, (m) => {
      expect(decodeMessage(encodeMessage(m))).toEqual(m);
    }), { numRuns: 400 });
  });
  it('encode is stable: encode(decode(encode(m))) equals encode(m)', () => {
    fc.assert(fc.property(message, (m) => encodeMessage(decodeMessage(encodeMessage(m))) === encodeMessage(m)), { numRuns: 200 });
  });
});

// RFC 8846/8847 codec: golden fixtures (serialise∘parse is the identity on the canonical files),
// namespace handling, and every invalid fixture failing with the code the RFC asks for.
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { checkClueText, decodeClueInfo, decodeMessage, encodeClueInfo, encodeMessage, formatProblem, ParseError } from '../../shared/clue';
import { goldenFiles, goldenMessages } from './goldenMessages';
import { richInfo } from './helpers';

const dir = 'tests/fixtures/clue';
const read = (p: string): string => readFileSync(`${dir}/${p}`, 'utf8');

describe('valid fixtures (tests/fixtures/clue/valid)', () => {
  const files = readdirSync(`${dir}/valid`).filter((f) => f.endsWith('.xml'));
  it('hold every message type, a three-camera room with an MCC and a rich data model', () => {
    const kinds = new Set(files.map((f) => checkClueText(read(`valid/${f}`)).kind));
    expect([...kinds].sort()).toEqual(['ack', 'advertisement', 'clueInfo', 'configure', 'configureResponse', 'options', 'optionsResponse']);
    const three = decodeMessage(read('valid/advertisement-three-camera.xml'));
    expect(three.type === 'advertisement' && three.info.mediaCaptures.filter((c) => c.multiple).map((c) => c.captureID)).toEqual(['VCS', 'ACM']);
  });

  it('are exactly what the encoder writes for goldenMessages.ts', () => {
    for (const [name, xml] of Object.entries(goldenFiles())) expect(read(`valid/${name}`), name).toBe(xml);
  });

  it.each(files)('%s: decodes to its golden value, re-encodes byte for byte, and has no problem', (f) => {
    const raw = read(`valid/${f}`);
    const adv = read('valid/advertisement-three-camera.xml');
    const result = checkClueText(raw, adv);
    expect(result.problems.map(formatProblem)).toEqual([]);
    if (f.startsWith('clueInfo')) {
      const { clueInfoID, info } = decodeClueInfo(raw);
      expect(info).toEqual(richInfo());
      expect(encodeClueInfo(clueInfoID, info)).toBe(raw);
    } else {
      const msg = decodeMessage(raw);
      expect(msg).toEqual(goldenMessages()[f]);
      expect(encodeMessage(msg)).toBe(raw);
    }
  });
});

describe('invalid fixtures (tests/fixtures/clue/invalid)', () => {
  const expected = JSON.parse(read('invalid/expected.json')) as Record<string, { code: number; contains: string; against?: string }>;
  it('every file has an expectation', () => {
    expect(readdirSync(`${dir}/invalid`).filter((f) => f.endsWith('.xml')).sort()).toEqual(Object.keys(expected).sort());
  });
  it.each(Object.entries(expected))('%s fails with its code', (file, e) => {
    const r = checkClueText(read(`invalid/${file}`), e.against ? read(e.against) : undefined);
    const first = r.problems[0];
    expect(first, 'a problem is reported').toBeDefined();
    expect(first?.code).toBe(e.code);
    expect(formatProblem(first ?? { code: 400, reason: '' })).toContain(e.contains);
  });
});

describe('namespaces and lexical forms', () => {
  const rich = read('valid/advertisement-rich.xml');
  const golden = decodeMessage(rich);

  it('reads any prefix, default namespaces declared deeper, comments, CDATA and references', () => {
    const variant = rich
      .replaceAll('dm:', 'ns2:')
      .replace('xmlns:dm=', 'xmlns:dm="urn:example:unused" xmlns:ns2=')
      .replace('<mediaCaptures>', '<!-- captures follow --><mediaCaptures>')
      .replace('<ns2:description lang="en">Left camera</ns2:description>', '<description xmlns="urn:ietf:params:xml:ns:clue-info" lang="en"><![CDATA[Left]]> &#99;amera</description>');
    expect(decodeMessage(variant)).toEqual(golden);
  });

  it('resolves xsi:type through the element scope, not through the prefix text', () => {
    const renamed = rich.replace('xsi:type="dm:videoCaptureType" captureID="VC0"', 'xmlns:q="urn:ietf:params:xml:ns:clue-info" xsi:type="q:videoCaptureType" captureID="VC0"');
    expect(decodeMessage(renamed)).toEqual(golden);
    const foreign = rich.replace('xsi:type="dm:videoCaptureType" captureID="VC0"', 'xmlns:q="urn:other" xsi:type="q:videoCaptureType" captureID="VC0"');
    expect(() => decodeMessage(foreign)).toThrow(/unknown capture type/);
  });

  it('skips elements of other namespaces where the schema has ##other wildcards, and only there', () => {
    const ext = rich.replace('</dm:spatialInformation>', '<x:tilt xmlns:x="urn:example:ext">3</x:tilt></dm:spatialInformation>');
    expect(decodeMessage(ext)).toEqual(golden);
    const misplaced = rich.replace('<dm:captureSceneIDREF>CS1</dm:captureSceneIDREF>', '<x:tilt xmlns:x="urn:example:ext">3</x:tilt><dm:captureSceneIDREF>CS1</dm:captureSceneIDREF>');
    expect(() => decodeMessage(misplaced)).toThrow(ParseError);
  });

  it('refuses undeclared prefixes, unknown attributes and text where elements belong', () => {
    const opts = read('valid/options.xml');
    expect(() => decodeMessage(opts.replace('<clueId>', '<p:clueId>').replace('</clueId>', '</p:clueId>'))).toThrow(/undeclared namespace prefix/);
    expect(() => decodeMessage(opts.replace('protocol="CLUE"', 'protocol="CLUE" colour="red"'))).toThrow(/colour/);
    expect(() => decodeMessage(opts.replace('<clueId>', 'stray text<clueId>'))).toThrow(/text is not allowed/);
  });

  it('names the failing element with its position among siblings of the same name', () => {
    const adv = read('valid/advertisement-three-camera.xml');
    // Break the first coordinate of the second <mediaCapture>.
    const second = adv.indexOf('<dm:mediaCapture ', adv.indexOf('<dm:mediaCapture ') + 1);
    const at = adv.indexOf('<dm:x>', second) + '<dm:x>'.length;
    const broken = `${adv.slice(0, at)}left${adv.slice(adv.indexOf('</dm:x>', at))}`;
    let err: unknown;
    try {
      decodeMessage(broken);
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(ParseError);
    expect((err as ParseError).path).toMatch(/\/mediaCaptures\/mediaCapture\[2\]\/spatialInformation\/captureOrigin\/capturePoint\/x$/);
  });

  it('keeps xs:string text as written and escapes what XML needs', () => {
    const m = decodeMessage(rich);
    const vc0 = m.type === 'advertisement' ? m.info.mediaCaptures[0] : undefined;
    expect(vc0?.descriptions[1]?.text).toBe('Caméra gauche & co <1>');
    expect(rich).toContain('Caméra gauche &amp; co &lt;1&gt;');
  });
});

describe('response codes and reason strings (RFC 8847 §5.7, §9)', () => {
  const ack = read('valid/ack.xml');
  const configure = read('valid/configure-with-ack.xml');

  it('reads a response without <reasonString>, which the schema makes optional, and writes none back', () => {
    const bare = ack.replace(/\s*<reasonString>[^<]*<\/reasonString>/, '');
    const m = decodeMessage(bare);
    expect(m.type === 'ack' && m.reasonString).toBeUndefined();
    expect(encodeMessage(m)).toBe(bare);
  });

  it('accepts codes Table 1 does not list by their first digit; refuses 1xx and 5xx-9xx in major version 1', () => {
    for (const code of [201, 299, 399, 499]) {
      const m = decodeMessage(ack.replace(/<responseCode>\d+</, `<responseCode>${code}<`));
      expect(m.type === 'ack' && m.responseCode).toBe(code);
    }
    for (const bad of ['150', '500', '999', '020', '2000', 'abc']) {
      expect(() => decodeMessage(ack.replace(/<responseCode>\d+</, `<responseCode>${bad}<`)), bad).toThrow(ParseError);
    }
  });

  it('takes any 2xx success code as the piggybacked <ack> of a CONFIGURE (successResponseCodeType)', () => {
    const m = decodeMessage(configure.replace('<ack>200</ack>', '<ack>204</ack>'));
    expect(m.type === 'configure' && m.ack).toBe(204);
    expect(() => decodeMessage(configure.replace('<ack>200</ack>', '<ack>300</ack>'))).toThrow(/2xx/);
  });
});

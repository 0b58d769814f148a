// Strict, hostile-input-safe XML scanner for CLUE (RFC 8847 §11 security considerations; XML 1.0
// §2.8, §4.1). One linear pass refuses what a CLUE message never needs: any DTD (<!DOCTYPE,
// <!ENTITY: billion laughs, external entities), processing instructions, entity references other
// than the five predefined ones and character references, and documents beyond the size, depth,
// element and attribute bounds; and it checks well-formedness: matching end tags, one root, quoted
// and unique attributes. The same pass reports elements and text to an optional handler, which is
// how tree.ts builds the element tree (measured: fast-xml-parser alone needs ~2.5 ms for the
// bench's 30 kB advertisement, more than the 2 ms budget for decode + validate + choice).
import { ParseError } from '../errors';

export interface XmlLimits {
  /** Characters of XML text (the channel also bounds bytes before decoding). */
  maxChars: number;
  maxDepth: number;
  maxElements: number;
  maxAttributes: number;
  maxNameLength: number;
}

export const DEFAULT_XML_LIMITS: Readonly<XmlLimits> = {
  maxChars: 1 << 20,
  maxDepth: 40,
  maxElements: 20_000,
  maxAttributes: 32,
  maxNameLength: 128,
};

// XML 1.0 §2.2: characters outside Char (C0 controls but tab/LF/CR, U+FFFE, U+FFFF).
// eslint-disable-next-line no-control-regex
const FORBIDDEN_CHAR = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/;
const XML_DECL = /^<\?xml\s+version\s*=\s*(["'])1\.\d+\1(\s+encoding\s*=\s*(["'])[A-Za-z][\w.-]*\3)?(\s+standalone\s*=\s*(["'])(yes|no)\5)?\s*\?>/;
const CHAR_REF = /^#(?:(\d{1,7})|x([0-9A-Fa-f]{1,6}))$/;
const PREDEFINED = new Set(['lt', 'gt', 'amp', 'quot', 'apos']);

/** Receives the document as it is scanned (only called for well-formed parts). */
export interface ScanHandler {
  open(qname: string, attrs: [string, string][]): void;
  /** Raw character data: entity references still in it unless `cdata`. */
  text(raw: string, cdata: boolean): void;
  close(): void;
}

const fail = (reason: string): never => {
  throw new ParseError(301, reason);
};

const isWs = (c: number): boolean => c === 0x20 || c === 0x0a || c === 0x09 || c === 0x0d;
const isNameStart = (c: number): boolean =>
  (c >= 0x61 && c <= 0x7a) || (c >= 0x41 && c <= 0x5a) || c === 0x5f || c === 0x3a || c >= 0x80;
const isNameChar = (c: number): boolean => isNameStart(c) || (c >= 0x30 && c <= 0x39) || c === 0x2d || c === 0x2e;

/**
 * The next occurrence of `needle` at or after a position, remembered between calls so that a
 * forward-moving scan searches the document once, not once per text node (which is quadratic when
 * the needle does not occur).
 */
class NextIndex {
  private pos = -1;
  private at = -1;
  constructor(
    private readonly text: string,
    private readonly needle: string,
  ) {}
  from(pos: number): number {
    // The cached answer holds for any pos between the last query and the occurrence found.
    if (pos < this.pos || (this.at !== -1 && this.at < pos) || this.pos === -1) this.at = this.text.indexOf(this.needle, pos);
    this.pos = pos;
    return this.at;
  }
}

/** XML 1.0 §4.1: a reference must name a predefined entity or a legal character. */
function checkReferences(text: string, from: number, to: number, amps: NextIndex): void {
  let amp = amps.from(from);
  while (amp !== -1 && amp < to) {
    const semi = text.indexOf(';', amp);
    if (semi === -1 || semi > to || semi - amp > 12) fail('malformed entity or character reference');
    const ref = text.slice(amp + 1, semi);
    if (!PREDEFINED.has(ref)) {
      const m = CHAR_REF.exec(ref);
      if (!m) fail(`entity reference &${ref.slice(0, 32)}; is not allowed (no DTD, no custom entities)`);
      else {
        const cp = m[1] !== undefined ? Number(m[1]) : parseInt(m[2] ?? '', 16);
        const legal = cp === 0x9 || cp === 0xa || cp === 0xd || (cp >= 0x20 && cp <= 0xd7ff) || (cp >= 0xe000 && cp <= 0xfffd) || (cp >= 0x10000 && cp <= 0x10ffff);
        if (!legal) fail(`character reference &${ref}; names a character XML does not allow`);
      }
    }
    amp = amps.from(semi);
  }
}

/** Throws ParseError(301) unless `text` is one well-formed XML document within `limits`, without DTD. */
export function guardXml(text: string, limits: Readonly<XmlLimits> = DEFAULT_XML_LIMITS): void {
  scanXml(text, limits);
}

/** guardXml that also reports elements and text to `h`. */
export function scanXml(text: string, limits: Readonly<XmlLimits> = DEFAULT_XML_LIMITS, h?: ScanHandler): void {
  if (text.length > limits.maxChars) fail(`message is larger than ${limits.maxChars} characters`);
  if (FORBIDDEN_CHAR.test(text)) fail('message contains a character XML does not allow');
  const n = text.length;
  let i = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  if (text.startsWith('<?xml', i) && isWs(text.charCodeAt(i + 5))) {
    const m = XML_DECL.exec(text.slice(i, Math.min(n, i + 200)));
    if (!m) fail('malformed XML declaration');
    else i += m[0].length;
  }
  const stack: string[] = [];
  let roots = 0;
  let elements = 0;
  const amps = new NextIndex(text, '&');
  const cdataEnds = new NextIndex(text, ']]>');
  while (i < n) {
    const lt = text.indexOf('<', i);
    const textEnd = lt === -1 ? n : lt;
    if (textEnd > i) {
      if (stack.length === 0) {
        for (let k = i; k < textEnd; k++) if (!isWs(text.charCodeAt(k))) fail('text outside the root element');
      } else {
        checkReferences(text, i, textEnd, amps);
        const cdEnd = cdataEnds.from(i);
        if (cdEnd !== -1 && cdEnd < textEnd) fail('"]]>" is not allowed in text');
        h?.text(text.slice(i, textEnd), false);
      }
    }
    if (lt === -1) break;
    const c1 = text.charCodeAt(lt + 1);
    if (c1 === 0x2f) {
      // End tag: "</" Name S? ">"
      const gt = text.indexOf('>', lt);
      if (gt === -1) fail('unterminated end tag');
      let e = gt;
      while (e > lt + 2 && isWs(text.charCodeAt(e - 1))) e--;
      const name = text.slice(lt + 2, e);
      const open = stack.pop();
      if (open === undefined) fail(`end tag </${name.slice(0, 64)}> without a start tag`);
      if (open !== name) fail(`end tag </${name.slice(0, 64)}> does not match <${open ?? ''}>`);
      h?.close();
      i = gt + 1;
      continue;
    }
    if (c1 === 0x21) {
      if (text.startsWith('<!--', lt)) {
        const end = text.indexOf('-->', lt + 4);
        if (end === -1) fail('unterminated comment');
        const dd = text.indexOf('--', lt + 4);
        if (dd < end) fail('"--" inside a comment');
        i = end + 3;
        continue;
      }
      if (text.startsWith('<![CDATA[', lt)) {
        if (stack.length === 0) fail('CDATA outside the root element');
        const end = text.indexOf(']]>', lt + 9);
        if (end === -1) fail('unterminated CDATA section');
        h?.text(text.slice(lt + 9, end), true);
        i = end + 3;
        continue;
      }
      const what = /^<!([A-Z]+)/.exec(text.slice(lt, lt + 12))?.[1] ?? '';
      fail(`markup declarations are not allowed (<!${what}): CLUE messages carry no DTD`);
    }
    if (c1 === 0x3f) fail('processing instructions are not allowed');
    // Start tag: "<" Name (S Attribute)* S? "/"? ">"
    if (stack.length === 0 && roots > 0) fail('content after the root element');
    let j = lt + 1;
    if (!isNameStart(text.charCodeAt(j))) fail('malformed tag');
    while (j < n && isNameChar(text.charCodeAt(j))) j++;
    const name = text.slice(lt + 1, j);
    if (name.length > limits.maxNameLength) fail(`element name longer than ${limits.maxNameLength}`);
    if (++elements > limits.maxElements) fail(`more than ${limits.maxElements} elements`);
    const seen: string[] = [];
    const attrs: [string, string][] = [];
    let selfClosing = false;
    for (;;) {
      const before = j;
      while (j < n && isWs(text.charCodeAt(j))) j++;
      const c = text.charCodeAt(j);
      if (c === 0x3e) {
        j++;
        break;
      }
      if (c === 0x2f && text.charCodeAt(j + 1) === 0x3e) {
        j += 2;
        selfClosing = true;
        break;
      }
      if (j >= n) fail(`unterminated start tag <${name}>`);
      if (j === before || !isNameStart(c)) fail(`malformed attribute in <${name}>`);
      const a0 = j;
      while (j < n && isNameChar(text.charCodeAt(j))) j++;
      const attr = text.slice(a0, j);
      if (attr.length > limits.maxNameLength) fail(`attribute name longer than ${limits.maxNameLength}`);
      while (j < n && isWs(text.charCodeAt(j))) j++;
      if (text.charCodeAt(j) !== 0x3d) fail(`attribute ${attr} in <${name}> has no value`);
      j++;
      while (j < n && isWs(text.charCodeAt(j))) j++;
      const q = text.charCodeAt(j);
      if (q !== 0x22 && q !== 0x27) fail(`attribute ${attr} in <${name}> is not quoted`);
      const close = text.indexOf(q === 0x22 ? '"' : "'", j + 1);
      if (close === -1) fail(`unterminated value of attribute ${attr}`);
      const lt2 = text.indexOf('<', j + 1);
      if (lt2 !== -1 && lt2 < close) fail(`"<" inside the value of attribute ${attr}`);
      checkReferences(text, j + 1, close, amps);
      if (seen.includes(attr)) fail(`attribute ${attr} appears twice in <${name}>`);
      seen.push(attr);
      if (h) attrs.push([attr, text.slice(j + 1, close)]);
      if (seen.length > limits.maxAttributes) fail(`more than ${limits.maxAttributes} attributes in <${name}>`);
      j = close + 1;
    }
    if (stack.length === 0) roots++;
    if (!selfClosing) {
      stack.push(name);
      if (stack.length > limits.maxDepth) fail(`elements nested deeper than ${limits.maxDepth}`);
    }
    h?.open(name, attrs);
    if (selfClosing) h?.close();
    i = j;
  }
  if (stack.length) fail(`unclosed element <${stack[stack.length - 1] ?? ''}>`);
  if (roots === 0) fail('no root element');
}

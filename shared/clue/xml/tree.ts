// XML text → a namespace-resolved element tree (Namespaces in XML 1.0 §5-6), built from the
// strict scanner's events (guard.ts): the five predefined entities and character references are
// decoded here; nothing else can reach this file (the scanner refuses DTDs and other entities).
import { ParseError } from '../errors';
import { NS_XML, NS_XMLNS } from '../namespaces';
import { DEFAULT_XML_LIMITS, scanXml, type XmlLimits } from './guard';

export interface XmlAttr {
  ns: string;
  name: string;
  value: string;
}

export interface XmlElement {
  ns: string;
  name: string;
  attrs: XmlAttr[];
  children: XmlElement[];
  /** Character data directly inside the element (entities decoded, CDATA included). */
  text: string;
  /** In-scope namespace declarations, for QName values such as xsi:type. */
  scope: Scope;
}

/** A chain of prefix → namespace maps (a Map, so that a prefix such as "__proto__" is just a key). */
export class Scope {
  constructor(
    private readonly parent: Scope | null,
    private readonly map: Map<string, string>,
  ) {}
  resolve(prefix: string): string | undefined {
    if (prefix === 'xml') return NS_XML;
    const ns = this.map.get(prefix);
    if (ns !== undefined) return ns;
    if (this.parent) return this.parent.resolve(prefix);
    return prefix === '' ? '' : undefined;
  }
}

const ROOT_SCOPE = new Scope(null, new Map());

const ENTITY = /&(lt|gt|amp|quot|apos|#\d+|#x[0-9A-Fa-f]+);/g;
const NAMED: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };
/** XML 1.0 §4.6 and §4.1 (the guard already refused anything else). */
export function decodeEntities(raw: string): string {
  if (!raw.includes('&')) return raw;
  return raw.replace(ENTITY, (_m, ref: string) => {
    if (ref.charCodeAt(0) !== 0x23) return NAMED[ref] ?? '';
    return String.fromCodePoint(ref.charCodeAt(1) === 0x78 ? parseInt(ref.slice(2), 16) : Number(ref.slice(1)));
  });
}

/** XML 1.0 §3.3.3: attribute values have their white space characters normalised to spaces. */
const normaliseAttr = (raw: string): string => decodeEntities(raw.replace(/[\t\n\r]/g, ' '));

function splitQName(qname: string, what: string): [string, string] {
  const colon = qname.indexOf(':');
  if (colon === -1) return ['', qname];
  if (colon === 0 || colon === qname.length - 1 || qname.indexOf(':', colon + 1) !== -1) {
    throw new ParseError(301, `malformed ${what} name "${qname.slice(0, 64)}"`);
  }
  return [qname.slice(0, colon), qname.slice(colon + 1)];
}

function openElement(tag: string, rawAttrs: [string, string][], parentScope: Scope): XmlElement {
  let decls: Map<string, string> | null = null;
  const plain: [string, string][] = [];
  for (const [key, value] of rawAttrs) {
    if (key === 'xmlns' || key.startsWith('xmlns:')) {
      const prefix = key === 'xmlns' ? '' : key.slice(6);
      const uri = normaliseAttr(value);
      if (prefix && !uri) throw new ParseError(301, `namespace prefix ${prefix} bound to an empty name`);
      if (prefix === 'xmlns' || uri === NS_XMLNS) throw new ParseError(301, 'reserved namespace declaration');
      (decls ??= new Map()).set(prefix, uri);
    } else plain.push([key, value]);
  }
  const scope = decls ? new Scope(parentScope, decls) : parentScope;
  const [prefix, name] = splitQName(tag, 'element');
  const ns = scope.resolve(prefix);
  if (ns === undefined) throw new ParseError(301, `undeclared namespace prefix "${prefix}" on <${tag}>`);
  const attrs: XmlAttr[] = [];
  for (const [key, value] of plain) {
    const [ap, an] = splitQName(key, 'attribute');
    // Namespaces in XML §6.2: an unprefixed attribute is in no namespace.
    const ans = ap === '' ? '' : scope.resolve(ap);
    if (ans === undefined) throw new ParseError(301, `undeclared namespace prefix "${ap}" on attribute ${key}`);
    if (attrs.some((a) => a.ns === ans && a.name === an)) throw new ParseError(301, `attribute {${ans}}${an} appears twice`);
    attrs.push({ ns: ans, name: an, value: normaliseAttr(value) });
  }
  return { ns, name, attrs, children: [], text: '', scope };
}

/** Parses one CLUE XML document; throws ParseError(301) for anything that is not well-formed or is hostile. */
export function parseXml(text: string, limits: Readonly<XmlLimits> = DEFAULT_XML_LIMITS): XmlElement {
  const stack: XmlElement[] = [];
  let root: XmlElement | undefined;
  scanXml(text, limits, {
    open(qname, attrs) {
      const parent = stack[stack.length - 1];
      const el = openElement(qname, attrs, parent ? parent.scope : ROOT_SCOPE);
      if (parent) parent.children.push(el);
      else root = el;
      stack.push(el);
    },
    text(raw, cdata) {
      const el = stack[stack.length - 1];
      if (el) el.text += cdata ? raw : decodeEntities(raw);
    },
    close() {
      stack.pop();
    },
  });
  if (!root) throw new ParseError(301, 'no root element');
  return root;
}

export const attr = (el: XmlElement, name: string, ns = ''): string | undefined => {
  for (const a of el.attrs) if (a.name === name && a.ns === ns) return a.value;
  return undefined;
};

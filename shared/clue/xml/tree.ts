// XML text → a namespace-resolved element tree (Namespaces in XML 1.0 §5-6), on top of
// fast-xml-parser with entity processing off: the guard has already refused DTDs and unknown
// entities, and this file decodes the five predefined entities and character references itself.
import { XMLParser } from 'fast-xml-parser';
import { ParseError } from '../errors';
import { NS_XML, NS_XMLNS } from '../namespaces';
import { DEFAULT_XML_LIMITS, guardXml, type XmlLimits } from './guard';

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

const parser = new XMLParser({
  preserveOrder: true,
  ignoreAttributes: false,
  attributeNamePrefix: '',
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: false,
  processEntities: false,
  htmlEntities: false,
  ignoreDeclaration: true,
  ignorePiTags: true,
  cdataPropName: '#cdata',
  commentPropName: false,
  maxNestedTags: DEFAULT_XML_LIMITS.maxDepth + 1,
});

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

type FxpNode = Record<string, unknown>;

function splitQName(qname: string, what: string): [string, string] {
  const colon = qname.indexOf(':');
  if (colon === -1) return ['', qname];
  if (colon === 0 || colon === qname.length - 1 || qname.indexOf(':', colon + 1) !== -1) {
    throw new ParseError(301, `malformed ${what} name "${qname.slice(0, 64)}"`);
  }
  return [qname.slice(0, colon), qname.slice(colon + 1)];
}

function build(tag: string, node: FxpNode, parentScope: Scope): XmlElement {
  const rawAttrs = (node[':@'] ?? {}) as Record<string, string>;
  let decls: Map<string, string> | null = null;
  const plain: [string, string][] = [];
  for (const key of Object.keys(rawAttrs)) {
    const value = rawAttrs[key] ?? '';
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
  const el: XmlElement = { ns, name, attrs, children: [], text: '', scope };
  const content = node[tag] as FxpNode[];
  for (const child of content) {
    for (const key in child) {
      if (key === ':@') continue;
      if (key === '#text') el.text += decodeEntities(String(child[key]));
      else if (key === '#cdata') {
        for (const part of child[key] as FxpNode[]) el.text += String(part['#text'] ?? '');
      } else el.children.push(build(key, child, scope));
    }
  }
  return el;
}

/** Parses one CLUE XML document; throws ParseError(301) for anything that is not well-formed or is hostile. */
export function parseXml(text: string, limits: Readonly<XmlLimits> = DEFAULT_XML_LIMITS): XmlElement {
  guardXml(text, limits);
  let nodes: FxpNode[];
  try {
    nodes = parser.parse(text) as FxpNode[];
  } catch (err) {
    throw new ParseError(301, `XML not well-formed: ${err instanceof Error ? err.message.slice(0, 120) : 'parser error'}`);
  }
  for (const node of nodes) {
    for (const key in node) if (key !== ':@' && key !== '#text' && key !== '#cdata') return build(key, node, ROOT_SCOPE);
  }
  throw new ParseError(301, 'no root element');
}

export const attr = (el: XmlElement, name: string, ns = ''): string | undefined => {
  for (const a of el.attrs) if (a.name === name && a.ns === ns) return a.value;
  return undefined;
};

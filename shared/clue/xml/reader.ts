// Reads an element's children as the XML Schema content model says: in order, each expected
// element at most as often as allowed, and `##other` wildcards where the schema has them.
// Structure errors are ParseError 301 (Bad syntax, RFC 8847 §5.7).
import { ParseError } from '../errors';
import { isClueNamespace, NS_XSI } from '../namespaces';
import type { XmlElement } from './tree';

const WS_ONLY = /^[\t\n\r ]*$/;

export class ChildReader {
  private i = 0;
  private lastName = '';
  private lastN = 0;

  constructor(
    private readonly el: XmlElement,
    readonly path: string,
  ) {
    if (el.text !== '' && !WS_ONLY.test(el.text)) throw new ParseError(301, `text is not allowed inside <${el.name}>`, path);
  }

  /**
   * The child's path, `name[n]` for the n-th child of that name (n > 1). Repeats come in runs (the
   * schema's maxOccurs), counted in O(1); a name seen again after others costs a look back over the
   * siblings consumed so far, which the schema's sequence keeps short.
   */
  private pathOf(child: XmlElement): string {
    let n: number;
    if (child.name === this.lastName) n = ++this.lastN;
    else {
      n = 1;
      const children = this.el.children;
      for (let k = this.i - 2; k >= 0; k--) if ((children[k] as XmlElement).name === child.name) n++;
      this.lastName = child.name;
      this.lastN = n;
    }
    return n > 1 ? `${this.path}/${child.name}[${n}]` : `${this.path}/${child.name}`;
  }

  /** The next child when it is {ns}name, consumed; otherwise undefined. */
  optional(ns: string, name: string): [XmlElement, string] | undefined {
    const c = this.el.children[this.i];
    if (!c || c.ns !== ns || c.name !== name) return undefined;
    this.i++;
    return [c, this.pathOf(c)];
  }

  required(ns: string, name: string): [XmlElement, string] {
    const got = this.optional(ns, name);
    if (got) return got;
    const c = this.el.children[this.i];
    throw new ParseError(301, c ? `expected <${name}> but found <${c.name}>` : `missing <${name}>`, this.path);
  }

  many(ns: string, name: string, min = 0, max = 10_000): [XmlElement, string][] {
    const out: [XmlElement, string][] = [];
    for (let got = this.optional(ns, name); got; got = this.optional(ns, name)) {
      out.push(got);
      if (out.length > max) throw new ParseError(302, `more than ${max} <${name}> elements`, this.path);
    }
    if (out.length < min) throw new ParseError(301, `missing <${name}>`, this.path);
    return out;
  }

  /** Consumes the elements a `<xs:any namespace="##other">` admits (any non-CLUE namespace). */
  foreign(): XmlElement[] {
    const out: XmlElement[] = [];
    for (let c = this.el.children[this.i]; c && c.ns !== '' && !isClueNamespace(c.ns); c = this.el.children[this.i]) {
      out.push(c);
      this.i++;
    }
    return out;
  }

  /** Every child must have been consumed. */
  done(): void {
    const c = this.el.children[this.i];
    if (c) throw new ParseError(301, `unexpected <${c.name}>${c.ns ? ` in namespace ${c.ns}` : ' (no namespace)'}`, this.path);
  }
}

/** Character data of a simple-content element (no child elements allowed). */
export function textOf(el: XmlElement, path: string): string {
  if (el.children.length) throw new ParseError(301, `<${el.name}> must contain text only`, path);
  return el.text;
}

/**
 * Attributes: unqualified ones must be in `allowed`; xsi:* are always allowed (XML Schema instance
 * attributes); other namespaces only where the schema has `<xs:anyAttribute>`.
 */
export function checkAttrs(el: XmlElement, path: string, allowed: readonly string[], anyForeign: boolean): void {
  for (const a of el.attrs) {
    if (a.ns === '' ? allowed.includes(a.name) : a.ns === NS_XSI || (anyForeign && !isClueNamespace(a.ns))) continue;
    throw new ParseError(301, `attribute ${a.ns ? `{${a.ns}}` : ''}${a.name} is not allowed on <${el.name}>`, path);
  }
}

export function requiredAttr(el: XmlElement, name: string, path: string): string {
  for (const a of el.attrs) if (a.ns === '' && a.name === name) return a.value;
  throw new ParseError(301, `<${el.name}> lacks the required attribute ${name}`, path);
}

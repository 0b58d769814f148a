// A small XML writer for the messages the endpoint emits: deterministic output (the canonical form
// of the fixtures, so that serialise∘parse of a fixture gives back the same text), escaped per
// XML 1.0 §2.4 and §3.3.3.
export type Attrs = readonly (readonly [string, string | undefined])[];

const escapeText = (s: string): string =>
  /[&<>\r]/.test(s) ? s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/\r/g, '&#13;') : s;
const escapeAttr = (s: string): string =>
  /[&<"\t\n\r]/.test(s)
    ? s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/"/g, '&quot;').replace(/\t/g, '&#9;').replace(/\n/g, '&#10;').replace(/\r/g, '&#13;')
    : s;

export class XmlWriter {
  private readonly out: string[] = ['<?xml version="1.0" encoding="UTF-8"?>\n'];
  private readonly open: string[] = [];

  private tag(name: string, attrs: Attrs): string {
    let s = `<${name}`;
    for (const [k, v] of attrs) if (v !== undefined) s += ` ${k}="${escapeAttr(v)}"`;
    return s;
  }
  private indent(): string {
    return '  '.repeat(this.open.length);
  }

  start(name: string, attrs: Attrs = []): this {
    this.out.push(`${this.indent()}${this.tag(name, attrs)}>\n`);
    this.open.push(name);
    return this;
  }

  /** An element with text content; nothing is written when `text` is undefined. */
  leaf(name: string, text: string | number | boolean | undefined, attrs: Attrs = []): this {
    if (text === undefined) return this;
    this.out.push(`${this.indent()}${this.tag(name, attrs)}>${escapeText(String(text))}</${name}>\n`);
    return this;
  }

  end(): this {
    const name = this.open.pop();
    if (name === undefined) throw new Error('XmlWriter: end() without start()');
    this.out.push(`${this.indent()}</${name}>\n`);
    return this;
  }

  toString(): string {
    if (this.open.length) throw new Error(`XmlWriter: <${this.open.join('><')}> left open`);
    return this.out.join('');
  }
}

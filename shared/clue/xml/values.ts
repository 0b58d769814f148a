// XML Schema simple types used by RFC 8846/8847 (XML Schema 1.0 Part 2 §3.2-3.3), read strictly:
// a value of the wrong form is ParseError 302 (Invalid value, RFC 8847 §5.7).
import { ParseError } from '../errors';

const collapse = (s: string): string => s.replace(/[\t\n\r ]+/g, ' ').trim();
const bad = (what: string, raw: string, path: string): never => {
  throw new ParseError(302, `"${raw.slice(0, 40)}" is not a valid ${what}`, path);
};

/** xs:ID / xs:IDREF / xs:NCName (ASCII subset: CLUE identifiers are ASCII in practice). */
export const NCNAME = /^[A-Za-z_][A-Za-z0-9_.-]*$/;
export function readId(raw: string, path: string): string {
  const v = collapse(raw);
  if (!NCNAME.test(v) || v.length > 128) bad('identifier (xs:ID)', raw, path);
  return v;
}

export function readBoolean(raw: string, path: string): boolean {
  const v = collapse(raw);
  if (v === 'true' || v === '1') return true;
  if (v === 'false' || v === '0') return false;
  return bad('boolean', raw, path);
}

const DECIMAL = /^[+-]?(\d+(\.\d*)?|\.\d+)$/;
export function readDecimal(raw: string, path: string): number {
  const v = collapse(raw);
  if (!DECIMAL.test(v) || v.length > 40) bad('decimal', raw, path);
  const n = Number(v);
  return Object.is(n, -0) ? 0 : n;
}

/** Non-negative integer types (xs:unsignedInt, xs:unsignedLong, xs:positiveInteger...) within [min, max]. */
export function readInteger(raw: string, path: string, min: number, max: number, what = 'integer'): number {
  const v = collapse(raw);
  if (!/^\+?\d{1,20}$/.test(v)) bad(what, raw, path);
  const n = Number(v);
  if (!Number.isSafeInteger(n) || n < min || n > max) bad(`${what} in [${min}, ${max}]`, raw, path);
  return n;
}

/** xs:language (RFC 5646 shape as the schema type allows it). */
export const LANGUAGE = /^[A-Za-z]{1,8}(-[A-Za-z0-9]{1,8})*$/;
export function readLanguage(raw: string, path: string): string {
  const v = collapse(raw);
  if (!LANGUAGE.test(v)) bad('language tag', raw, path);
  return v;
}

/** xs:string: kept as written, but bounded. */
export function readString(raw: string, path: string, max = 1024): string {
  if (raw.length > max) throw new ParseError(302, `text longer than ${max} characters`, path);
  return raw;
}

/** A token-like string (registry values such as <view>, <mobility>): white space collapsed. */
export const readToken = (raw: string, path: string, max = 128): string => readString(collapse(raw), path, max);

/** Decimal text without exponent, as xs:decimal requires. */
export function formatDecimal(n: number): string {
  if (!Number.isFinite(n)) throw new RangeError(`not a finite number: ${n}`);
  if (Object.is(n, -0)) return '0';
  const s = String(n);
  if (!s.includes('e')) return s;
  return n.toFixed(20).replace(/\.?0+$/, '');
}

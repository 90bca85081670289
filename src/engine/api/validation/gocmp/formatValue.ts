/**
 * Printing one Go value as go-cmp does (`cmp/report_reflect.go`): zero struct fields elided, `nil`,
 * `&{...}` for pointers, `s"..."` for Stringers, type names where the type mode asks for them, and depth
 * limited by the verbosity level.
 */
import { type GoType, typeString } from './goTypes';
import type { GoValue } from './goValue';
import { isZero } from './goValue';
import { diffIdentical, type DiffMode, DiffStats, TextList, TextLine, type TextNode, TextWrap, textEqual, textNil } from './text';

export type TypeMode = 'emit' | 'elide' | 'auto';

export interface FormatOptions {
  diffMode: DiffMode;
  typeMode: TypeMode;
  avoidStringer: boolean;
  verbosityLevel: number;
  limitVerbosity: boolean;
}

/** The options `cmp.Diff` starts with: diff mode, type names emitted, no verbosity limit yet. */
export const defaultOptions: FormatOptions = { diffMode: 0, typeMode: 'emit', avoidStringer: false, verbosityLevel: 0, limitVerbosity: false };

/** The verbosity level, clamped to 0–16. */
export function verbosity(o: FormatOptions): number {
  return Math.max(0, Math.min(16, o.verbosityLevel));
}

/** A copy of the options limited to `level`. */
export const withVerbosity = (o: FormatOptions, level: number): FormatOptions => ({ ...o, verbosityLevel: level, limitVerbosity: true });

/** `verbosityPreset`: each step prints two levels deeper and stops using String methods. */
export function verbosityPreset(o: FormatOptions, i: number): FormatOptions {
  return { ...o, verbosityLevel: verbosity(o) + 2 * i, avoidStringer: o.avoidStringer || i > 0 };
}

/** `FormatType`: wraps the text in the type name when the type mode calls for it. */
export function formatType(o: FormatOptions, t: GoType, s: TextNode): TextNode {
  if (o.typeMode === 'elide') return s;
  if (o.typeMode === 'auto') {
    const composite = t.kind === 'struct' || t.kind === 'slice' || t.kind === 'map' || t.kind === 'quantity';
    if (!composite || textEqual(s, textNil) || o.diffMode === diffIdentical) return s;
  }
  let name = typeString(t);
  if (t.kind === 'ptr') name = `(${name})`;
  return new TextWrap(name, wrapParens(s), '');
}

function wrapParens(s: TextNode): TextNode {
  if (s instanceof TextWrap) {
    const parens = s.prefix.startsWith('(') && s.suffix.endsWith(')');
    const braces = s.prefix.startsWith('{') && s.suffix.endsWith('}');
    if (parens || braces) return s;
  }
  return new TextWrap('(', s, ')');
}

/** `formatString`: quoted, or back-quoted when that is shorter; long strings cut at the verbosity limit. */
export function formatString(o: FormatOptions, prefix: string, s: string): TextNode {
  const maxLen = o.limitVerbosity ? (1 << verbosity(o)) << 5 : s.length;
  if (s.length > maxLen + 3) return new TextLine(`${prefix}${quote(s.slice(0, maxLen))}...`);
  return new TextLine(prefix + quote(s));
}

/** Go's `strconv.Quote`, or a raw string literal when escaping would lengthen it and it is printable. */
export function quote(s: string): string {
  const q = JSON.stringify(s).replace(/\u2028/g, '\\u2028').replace(/\u2029/g, '\\u2029');
  if (q.length === s.length + 2) return q;
  if (!/[`\n]/.test(s) && /^[\t\x20-\x7e\u00a0-\uffff]*$/.test(s)) return `\`${s}\``;
  return q;
}

/** Keys of `core.ResourceList` are `core.ResourceName`, whose String method makes cmp print `s"cpu"`. */
export function formatMapKey(keyType: GoType, key: string): string {
  return keyType.kind === 'string' && keyType.name === 'core.ResourceName' ? `s${quote(key)}` : quote(key);
}

/** The unexported shape of a `resource.Quantity` (an int64 amount with a decimal scale, a cached string). */
function quantityText(o: FormatOptions, text: string): TextNode {
  if (!text) return new TextLine('{}');
  const m = /^(\d+)(?:\.(\d+))?(Ki|Mi|Gi|Ti|Pi|Ei|n|u|m|k|M|G|T|P|E)?$/.exec(text);
  const binary: Record<string, number> = { Ki: 10, Mi: 20, Gi: 30, Ti: 40, Pi: 50, Ei: 60 };
  const decimal: Record<string, number> = { n: -9, u: -6, m: -3, k: 3, M: 6, G: 9, T: 12, P: 15, E: 18 };
  let value = text;
  let scale = 0;
  let format = 'DecimalSI';
  if (m) {
    const [, intPart, frac = '', suffix = ''] = m;
    if (suffix in binary) {
      value = String(BigInt(intPart) * (1n << BigInt(binary[suffix])));
      format = 'BinarySI';
    } else {
      value = String(BigInt(intPart + frac));
      scale = (decimal[suffix] ?? 0) - frac.length;
    }
  }
  const amount = `resource.int64Amount{value: ${value}${scale ? `, scale: ${scale}` : ''}}`;
  const list = new TextList();
  list.push({ key: 'i', value: new TextLine(o.diffMode === diffIdentical ? amount.replace('resource.int64Amount', '') : amount) });
  list.push({ key: 's', value: new TextLine(quote(text)) });
  list.push({ key: 'Format', value: new TextLine(quote(format)) });
  return new TextWrap('{', list, '}');
}

/** `FormatValue` */
export function formatValue(o: FormatOptions, t: GoType, v: GoValue | undefined): TextNode | undefined {
  if (!v) return undefined;
  let skipType = false;
  let out: TextNode;
  switch (v.kind) {
    case 'prim':
      out = typeof v.v === 'string' ? formatString(o, '', v.v) : new TextLine(String(v.v));
      break;
    case 'quantity':
      out = quantityText(o, v.text);
      break;
    case 'opaque':
      out = v.json === undefined ? textNil : new TextLine(opaqueText(v.json));
      skipType = true;
      break;
    case 'struct': {
      const list = new TextList();
      const fields = t.kind === 'struct' ? t.fields : [];
      let max = fields.length;
      let inner = o;
      if (o.limitVerbosity) {
        max = ((1 << verbosity(o)) >> 1) << 2;
        inner = { ...o, verbosityLevel: o.verbosityLevel - 1 };
      }
      for (let i = 0; i < fields.length; i++) {
        if (isZero(v.fields[i])) continue;
        if (list.records.length === max) {
          list.appendEllipsis(new DiffStats(''));
          break;
        }
        const s = formatValue({ ...inner, typeMode: 'auto' }, fields[i].type, v.fields[i]);
        if (s) list.push({ key: fields[i].name, value: s });
      }
      out = new TextWrap('{', list, '}');
      break;
    }
    case 'slice':
    case 'map': {
      const entries: Array<[string, GoValue]> | null = v.kind === 'slice' ? (v.items?.map((x) => ['', x]) ?? null) : v.entries;
      if (!entries) {
        out = textNil;
        break;
      }
      const elemType = t.kind === 'slice' || t.kind === 'map' ? t.elem : t;
      let max = entries.length;
      let inner = o;
      if (o.limitVerbosity) {
        max = ((1 << verbosity(o)) >> 1) << 2;
        inner = { ...o, verbosityLevel: o.verbosityLevel - 1 };
      }
      const list = new TextList();
      for (const [k, x] of entries) {
        if (list.records.length === max) {
          list.appendEllipsis(new DiffStats(''));
          break;
        }
        const s = formatValue({ ...inner, typeMode: 'elide' }, elemType, x);
        if (s) list.push({ key: v.kind === 'map' && t.kind === 'map' ? formatMapKey(t.key, k) : '', value: s });
      }
      out = new TextWrap('{', list, '}');
      break;
    }
    case 'ptr': {
      if (!v.elem) {
        out = textNil;
        break;
      }
      skipType = true; // an unnamed pointer lets the pointee print its type
      const elem = formatValue(o, t.kind === 'ptr' ? t.elem : t, v.elem) ?? textNil;
      out = new TextWrap('&', elem, '');
      break;
    }
  }
  return skipType ? out : formatType(o, t, out);
}

/** Opaque sub-trees print as compact JSON-like text; they only show up when someone edits them. */
function opaqueText(json: unknown): string {
  return JSON.stringify(json).replace(/"([A-Za-z0-9_]+)":/g, '$1: ').replace(/,/g, ', ');
}

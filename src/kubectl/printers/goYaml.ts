/**
 * `sigs.k8s.io/yaml.Marshal` as `kubectl get -o yaml` prints objects: JSON-shaped data written by go-yaml v2's
 * libyaml-derived emitter. Reproduced here: block style, 2-space indent, sequences inside mappings not indented
 * (`- ` at the key's column), `{}`/`[]` for empty collections, keys in `keyList.Less` order, scalar styles from
 * `yamlScalars.ts`, and line folding of long plain/quoted scalars at column 80 (`best_width`). The state machine
 * follows emitterc.go (`write_indent`, `write_indicator`, `increase_indent`) so spacing matches byte for byte.
 */
import { formatFloatG } from '../../shared/goFmt';
import { type ScalarStyle, compareYamlKeys, stringStyle } from './yamlScalars';

const bestIndent = 2;
const bestWidth = 80;

type Json = null | boolean | number | string | Json[] | { [k: string]: Json };

class Emitter {
  out = '';
  column = 0;
  whitespace = true;
  indention = true;
  indent = -1;
  private indents: number[] = [];

  private put(ch: string): void {
    this.out += ch;
    this.column++;
  }

  private putBreak(): void {
    this.out += '\n';
    this.column = 0;
    this.indention = true;
  }

  writeIndent(): void {
    const indent = Math.max(this.indent, 0);
    if (!this.indention || this.column > indent || (this.column === indent && !this.whitespace)) this.putBreak();
    while (this.column < indent) this.put(' ');
    this.whitespace = true;
  }

  writeIndicator(indicator: string, needWhitespace: boolean, isWhitespace: boolean, isIndention: boolean): void {
    if (needWhitespace && !this.whitespace) this.put(' ');
    for (const ch of indicator) this.put(ch);
    this.whitespace = isWhitespace;
    this.indention = this.indention && isIndention;
  }

  increaseIndent(flow: boolean, indentless: boolean): void {
    this.indents.push(this.indent);
    if (this.indent < 0) this.indent = flow ? bestIndent : 0;
    else if (!indentless) this.indent += bestIndent;
  }

  popIndent(): void {
    this.indent = this.indents.pop() ?? -1;
  }

  /** emit_node: `mappingContext` is true for mapping values, `simpleKey` for mapping keys. */
  node(v: Json, mappingContext: boolean, simpleKey: boolean): void {
    if (Array.isArray(v)) {
      if (v.length === 0) this.flowEmpty('[', ']');
      else this.blockSequence(v, mappingContext);
    } else if (v !== null && typeof v === 'object') {
      const keys = Object.keys(v).filter((k) => v[k] !== undefined);
      if (keys.length === 0) this.flowEmpty('{', '}');
      else this.blockMapping(v, keys);
    } else this.scalar(v, simpleKey);
  }

  private flowEmpty(open: string, close: string): void {
    this.writeIndicator(open, true, true, false);
    this.writeIndicator(close, false, false, false);
  }

  private blockSequence(items: Json[], mappingContext: boolean): void {
    this.increaseIndent(false, mappingContext && !this.indention);
    for (const item of items) {
      this.writeIndent();
      this.writeIndicator('-', true, false, true);
      this.node(item, false, false);
    }
    this.popIndent();
  }

  private blockMapping(m: { [k: string]: Json }, keys: string[]): void {
    this.increaseIndent(false, false);
    for (const k of keys.sort(compareYamlKeys)) {
      this.writeIndent();
      this.node(k, true, true);
      this.writeIndicator(':', false, false, false);
      this.node(m[k], true, false);
    }
    this.popIndent();
  }

  private scalar(v: Json, simpleKey: boolean): void {
    let text: string;
    let style: ScalarStyle = 'plain';
    if (v === null) text = 'null';
    else if (typeof v === 'boolean') text = v ? 'true' : 'false';
    else if (typeof v === 'number') text = goYamlNumber(v);
    else {
      text = v as string;
      style = stringStyle(text, simpleKey);
    }
    this.increaseIndent(true, false);
    const allowBreaks = !simpleKey;
    if (style === 'plain') this.plain(text, allowBreaks);
    else if (style === 'single') this.singleQuoted(text, allowBreaks);
    else if (style === 'double') this.doubleQuoted(text, allowBreaks);
    else this.literal(text);
    this.popIndent();
  }

  private plain(value: string, allowBreaks: boolean): void {
    if (!this.whitespace) this.put(' ');
    const chars = [...value];
    let spaces = false;
    for (let i = 0; i < chars.length; i++) {
      const ch = chars[i];
      if (ch === ' ') {
        if (allowBreaks && !spaces && this.column > bestWidth && chars[i + 1] !== ' ') this.writeIndent();
        else this.put(ch);
        spaces = true;
      } else {
        this.put(ch);
        this.indention = false;
        spaces = false;
      }
    }
    if (value.length > 0) this.whitespace = false;
    this.indention = false;
  }

  private singleQuoted(value: string, allowBreaks: boolean): void {
    this.writeIndicator("'", true, false, false);
    const chars = [...value];
    let spaces = false;
    for (let i = 0; i < chars.length; i++) {
      const ch = chars[i];
      if (ch === ' ') {
        if (allowBreaks && !spaces && this.column > bestWidth && i > 0 && i < chars.length - 1 && chars[i + 1] !== ' ') this.writeIndent();
        else this.put(ch);
        spaces = true;
      } else {
        if (ch === "'") this.put("'");
        this.put(ch);
        this.indention = false;
        spaces = false;
      }
    }
    this.writeIndicator("'", false, false, false);
    this.whitespace = false;
    this.indention = false;
  }

  private doubleQuoted(value: string, allowBreaks: boolean): void {
    this.writeIndicator('"', true, false, false);
    const chars = [...value];
    let spaces = false;
    for (let i = 0; i < chars.length; i++) {
      const ch = chars[i];
      const escaped = doubleQuoteEscape(ch);
      if (escaped !== undefined) {
        for (const e of escaped) this.put(e);
        spaces = false;
      } else if (ch === ' ') {
        if (allowBreaks && !spaces && this.column > bestWidth && i > 0 && i < chars.length - 1) {
          this.writeIndent();
          if (chars[i + 1] === ' ') this.put('\\');
        } else this.put(ch);
        spaces = true;
      } else {
        this.put(ch);
        spaces = false;
      }
    }
    this.writeIndicator('"', false, false, false);
    this.whitespace = false;
    this.indention = false;
  }

  private literal(value: string): void {
    this.writeIndicator('|', true, false, false);
    const chars = [...value];
    if (chars[0] === ' ' || isBreakChar(chars[0])) this.writeIndicator(String(bestIndent), false, false, false);
    const last = chars[chars.length - 1];
    let chomp = '';
    if (!isBreakChar(last)) chomp = '-';
    else if (chars.length === 1 || isBreakChar(chars[chars.length - 2])) chomp = '+';
    if (chomp) this.writeIndicator(chomp, false, false, false);
    this.whitespace = true;
    let breaks = true;
    for (const ch of chars) {
      if (isBreakChar(ch)) {
        this.putBreak();
        breaks = true;
      } else {
        if (breaks) this.writeIndent();
        this.put(ch);
        this.indention = false;
        breaks = false;
      }
    }
  }
}

const isBreakChar = (ch: string | undefined) => ch === '\n' || ch === '\r' || ch === '\u0085' || ch === '\u2028' || ch === '\u2029';

const namedEscapes = new Map<number, string>([
  [0x00, '0'], [0x07, 'a'], [0x08, 'b'], [0x09, 't'], [0x0a, 'n'], [0x0b, 'v'], [0x0c, 'f'], [0x0d, 'r'], [0x1b, 'e'],
  [0x22, '"'], [0x5c, '\\'], [0x85, 'N'], [0xa0, '_'], [0x2028, 'L'], [0x2029, 'P'],
]); // prettier-ignore

/** libyaml's double-quoted escapes for non-printable characters, breaks, quotes and backslashes. */
function doubleQuoteEscape(ch: string): string | undefined {
  const c = ch.codePointAt(0) ?? 0;
  const printable = c === 0x0a || (c >= 0x20 && c <= 0x7e) || (c >= 0xa0 && c <= 0xd7ff) || (c >= 0xe000 && c <= 0xfffd && c !== 0xfeff);
  const needs = !printable || c === 0xfeff || isBreakChar(ch) || ch === '"' || ch === '\\';
  if (!needs) return undefined;
  const name = namedEscapes.get(c);
  if (name !== undefined) return `\\${name}`;
  const hex = c.toString(16).toUpperCase();
  if (c <= 0xff) return `\\x${hex.padStart(2, '0')}`;
  if (c <= 0xffff) return `\\u${hex.padStart(4, '0')}`;
  return `\\U${hex.padStart(8, '0')}`;
}

/** go-yaml formats ints with %d and floats with strconv.FormatFloat(f, 'g', -1, 64), spelling ±Inf and NaN its own way (yaml.v2 encode.go `floatv`). */
function goYamlNumber(n: number): string {
  if (Number.isInteger(n) && Math.abs(n) < 1e21) return String(n);
  const g = formatFloatG(n);
  return g === '+Inf' ? '.inf' : g === '-Inf' ? '-.inf' : g === 'NaN' ? '.nan' : g;
}

/** Serialises a JSON-shaped value as `sigs.k8s.io/yaml.Marshal` would (ends with a newline). */
export function toGoYaml(value: unknown): string {
  const e = new Emitter();
  e.node(toJson(value), false, false);
  // document end: a final line break (yaml_emitter_emit_document_end writes the indent)
  e.writeIndent();
  return e.out;
}

function toJson(v: unknown): Json {
  if (v === undefined || v === null) return null;
  if (Array.isArray(v)) return v.map(toJson);
  if (typeof v === 'object') {
    const out: { [k: string]: Json } = {};
    for (const [k, x] of Object.entries(v as Record<string, unknown>)) if (x !== undefined) out[k] = toJson(x);
    return out;
  }
  if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean') return v;
  return null;
}

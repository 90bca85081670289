/**
 * The functions a kubectl template can call: text/template's builtins (golang/go src/text/template/funcs.go,
 * Go 1.24: and, or, not, len, index, slice, print, printf, println, html, js, urlquery, call, eq, ne, lt, le, gt,
 * ge) and the two cli-runtime adds in NewGoTemplatePrinter (pkg/printers/template.go `base64decode`,
 * pkg/printers/jsonpath.go `exists`). Each declares its Go parameter types, which decide how exec converts the
 * arguments; a function's error is returned as a FuncError and exec reports `error calling NAME: …`.
 */
import { decodeBase64 } from '../../../shared/goBase64';
import { sprint, sprintf, sprintln } from './goPrintf';
import { isPrint } from './goStrconv';
import { type GoValue, byteLength, bool, compareBytes, fromJson, fromUtf8, indirect, indirectInterface, int, invalid, isTrue, kindOf, mapIndex, nilIface, str, toAny, typeName, utf8Bytes } from './goValue';

/** A parameter's Go type: reflect.Value (the value as is), interface{} (unwrapped) or string. */
export type ParamType = 'value' | 'any' | 'string';

export interface TemplateFunc {
  params: ParamType[];
  /** The element type of a final `...` parameter. */
  variadic?: ParamType;
  builtin: boolean;
  call(args: GoValue[]): GoValue;
}

/** The error a function returns (or a panic safeCall recovers). */
export class FuncError extends Error {}

/** []interface{}'s capacity after json.Unmarshal appended len elements (growslice doubles small slices). */
export function jsonSliceCap(len: number): number {
  if (len === 0) return 0;
  if (len > 256) return len;
  let cap = 1;
  while (cap < len) cap *= 2;
  return cap;
}

/** funcs.go `indexArg`. */
function indexArg(index: GoValue, cap: number): number {
  let x: bigint;
  if (index.t === 'int') x = index.v;
  else if (index.t === 'uint8') x = BigInt(index.v);
  else if (index.t === 'invalid') throw new FuncError('cannot index slice/array with nil');
  else throw new FuncError(`cannot index slice/array with type ${typeName(index)}`);
  if (x < 0n || x > BigInt(cap)) throw new FuncError(`index out of range: ${x}`);
  return Number(x);
}

function index(args: GoValue[]): GoValue {
  let item = indirectInterface(args[0]);
  if (item.t === 'invalid') throw new FuncError('index of untyped nil');
  for (const raw of args.slice(1)) {
    const idx = indirectInterface(raw);
    const ind = indirect(item);
    if (ind.isNil) throw new FuncError('index of nil pointer');
    item = ind.v;
    if (item.t === 'slice' || item.t === 'string') {
      const bytes = item.t === 'string' ? utf8Bytes(item.v) : undefined;
      const len = bytes ? bytes.length : (item as { v: unknown[] }).v.length;
      const x = indexArg(idx, len);
      if (x >= len) throw new FuncError(`reflect: ${bytes ? 'string' : 'slice'} index out of range`);
      item = bytes ? { t: 'uint8', v: bytes[x] } : { t: 'iface', v: fromJson((item as { v: unknown[] }).v[x]) };
    } else if (item.t === 'map') {
      if (idx.t === 'invalid') throw new FuncError('value is nil; should be of type string');
      if (idx.t !== 'string') throw new FuncError(`value has type ${typeName(idx)}; should be string`);
      const x = mapIndex(item.v, idx.v);
      item = x.t === 'invalid' ? nilIface : x;
    } else throw new FuncError(`can't index item of type ${typeName(item)}`);
  }
  return item;
}

function slice(args: GoValue[]): GoValue {
  const item = indirectInterface(args[0]);
  const indexes = args.slice(1);
  if (item.t === 'invalid') throw new FuncError('slice of untyped nil');
  if (indexes.length > 3) throw new FuncError(`too many slice indexes: ${indexes.length}`);
  let len: number;
  let cap: number;
  if (item.t === 'string') {
    if (indexes.length === 3) throw new FuncError('cannot 3-index slice a string');
    len = cap = byteLength(item.v);
  } else if (item.t === 'slice') {
    len = item.v.length;
    cap = item.backing?.length ?? jsonSliceCap(len);
  } else throw new FuncError(`can't slice item of type ${typeName(item)}`);
  const idx = [0, len, cap];
  indexes.forEach((x, i) => {
    idx[i] = indexArg(x, cap);
  });
  if (idx[0] > idx[1]) throw new FuncError(`invalid slice index: ${idx[0]} > ${idx[1]}`);
  if (indexes.length === 3 && idx[1] > idx[2]) throw new FuncError(`invalid slice index: ${idx[1]} > ${idx[2]}`);
  if (item.t === 'string') return str(fromUtf8(utf8Bytes(item.v).slice(idx[0], idx[1])));
  const full = item.backing ?? [...item.v, ...Array.from({ length: cap - len }, () => null)];
  const backing = full.slice(idx[0], indexes.length === 3 ? idx[2] : cap);
  return { t: 'slice', v: backing.slice(0, idx[1] - idx[0]), backing };
}

function length(args: GoValue[]): GoValue {
  const { v, isNil } = indirect(args[0]);
  if (isNil) throw new FuncError('len of nil pointer');
  switch (v.t) {
    case 'map':
      return int(Object.keys(v.v).filter((k) => v.v[k] !== undefined).length);
    case 'slice':
      return int(v.v.length);
    case 'string':
      return int(byteLength(v.v));
    case 'invalid':
      throw new FuncError('reflect: call of reflect.Value.Type on zero Value');
    default:
      throw new FuncError(`len of type ${typeName(v)}`);
  }
}

export const truth = (v: GoValue): boolean => isTrue(indirectInterface(v)).truth;

/** funcs.go `basicKind`. */
type BasicKind = 'bool' | 'complex' | 'int' | 'float' | 'string' | 'uint' | 'invalid';
function basicKind(v: GoValue): BasicKind {
  switch (v.t) {
    case 'bool':
      return 'bool';
    case 'int':
      return 'int';
    case 'uint8':
      return 'uint';
    case 'float64':
      return 'float';
    case 'complex128':
      return 'complex';
    case 'string':
      return 'string';
    default:
      return 'invalid';
  }
}

const intOf = (v: GoValue): bigint => (v.t === 'int' ? v.v : v.t === 'uint8' ? BigInt(v.v) : 0n);
const incompatible = (a: GoValue, b: GoValue) => new FuncError(`incompatible types for comparison: ${typeName(a)} and ${typeName(b)}`);

/** Is `v` nil for eq (the zero Value, or a nil map, slice or interface)? */
const isNilValue = (v: GoValue) => v.t === 'invalid' || (v.t === 'iface' && v.v.t === 'invalid');

function equal(args: GoValue[]): boolean {
  const a = indirectInterface(args[0]);
  if (args.length < 2) throw new FuncError('missing argument for comparison');
  const k1 = basicKind(a);
  for (const raw of args.slice(1)) {
    const b = indirectInterface(raw);
    const k2 = basicKind(b);
    let same = false;
    if (k1 !== k2) {
      if ((k1 === 'int' && k2 === 'uint') || (k1 === 'uint' && k2 === 'int')) same = intOf(a) === intOf(b);
      else if (a.t !== 'invalid' && b.t !== 'invalid') throw incompatible(a, b);
    } else if (k1 === 'invalid') {
      if (kindOf(a) !== kindOf(b) && a.t !== 'invalid' && b.t !== 'invalid') {
        throw new FuncError(sprintf('non-comparable types %s: %v, %s: %v', [a, str(typeName(a)), str(typeName(b)), b]));
      }
      if (isNilValue(a) || isNilValue(b)) same = isNilValue(a) === isNilValue(b);
      else throw new FuncError(sprintf('non-comparable type %s: %v', [b, str(typeName(b))]));
    } else same = compareSame(a, b) === 0;
    if (same) return true;
  }
  return false;
}

/** a vs b of the same basic kind: -1, 0, 1 (NaN compares unequal to everything). */
function compareSame(a: GoValue, b: GoValue): number {
  if (a.t === 'bool' && b.t === 'bool') return a.v === b.v ? 0 : 1;
  if (a.t === 'complex128' && b.t === 'complex128') return a.re === b.re && a.im === b.im ? 0 : 1;
  if (a.t === 'float64' && b.t === 'float64') return a.v < b.v ? -1 : a.v > b.v ? 1 : a.v === b.v ? 0 : Number.NaN;
  if (a.t === 'string' && b.t === 'string') return compareBytes(a.v, b.v);
  const x = intOf(a);
  const y = intOf(b);
  return x < y ? -1 : x > y ? 1 : 0;
}

function lessThan(args: GoValue[]): boolean {
  const a = indirectInterface(args[0]);
  const b = indirectInterface(args[1]);
  const k1 = basicKind(a);
  const k2 = basicKind(b);
  if (k1 === 'invalid' || k2 === 'invalid') throw new FuncError('invalid type for comparison');
  if (k1 !== k2) {
    if ((k1 === 'int' && k2 === 'uint') || (k1 === 'uint' && k2 === 'int')) return intOf(a) < intOf(b);
    throw incompatible(a, b);
  }
  if (k1 === 'bool' || k1 === 'complex') throw new FuncError('invalid type for comparison');
  return compareSame(a, b) === -1;
}

const eq = (args: GoValue[]) => bool(equal(args));
const ne = (args: GoValue[]) => bool(!equal(args));
const lt = (args: GoValue[]) => bool(lessThan(args));
const lessOrEqual = (args: GoValue[]) => lessThan(args) || equal(args);
const le = (args: GoValue[]) => bool(lessOrEqual(args));
const gt = (args: GoValue[]) => bool(!lessOrEqual(args));
const ge = (args: GoValue[]) => bool(!lessThan(args));

/** funcs.go `evalArgs`: one string as is, anything else as fmt.Sprint of its printable values. */
function evalArgs(args: GoValue[]): string {
  if (args.length === 1 && args[0].t === 'string') return args[0].v;
  return sprint(args.map((a) => (a.t === 'invalid' ? str('<no value>') : a)));
}

const htmlEscapes: Record<string, string> = { '\0': '\uFFFD', '"': '&#34;', "'": '&#39;', '&': '&amp;', '<': '&lt;', '>': '&gt;' };
const htmlEscape = (s: string) => s.replace(/[\0"'&<>]/g, (c) => htmlEscapes[c]);

const jsEscapes: Record<string, string> = { '\\': '\\\\', "'": "\\'", '"': '\\"', '<': '\\u003C', '>': '\\u003E', '&': '\\u0026', '=': '\\u003D' };
function jsEscape(s: string): string {
  let out = '';
  for (const ch of s) {
    const r = ch.codePointAt(0) ?? 0;
    if (jsEscapes[ch]) out += jsEscapes[ch];
    else if (r < 0x20) out += `\\u00${r.toString(16).toUpperCase().padStart(2, '0')}`;
    else if (r >= 0x80 && !isPrint(r)) out += `\\u${r.toString(16).toUpperCase().padStart(4, '0')}`;
    else out += ch;
  }
  return out;
}

/** url.QueryEscape: unreserved bytes kept, space as `+`, the rest `%XX`. */
const queryEscape = (s: string) =>
  [...utf8Bytes(s)].map((b) => (/[A-Za-z0-9\-_.~]/.test(String.fromCharCode(b)) ? String.fromCharCode(b) : b === 32 ? '+' : `%${b.toString(16).toUpperCase().padStart(2, '0')}`)).join('');

/** cli-runtime's `exists`: whether the chain of indexes leads to a non-nil value. */
function exists(args: GoValue[]): GoValue {
  let v = args[0];
  for (const i of args.slice(1)) {
    const ind = indirect(v);
    if (ind.isNil) return bool(false);
    v = ind.v;
    if (v.t === 'slice' || v.t === 'string') {
      if (i.t !== 'int' && i.t !== 'uint8') return bool(false);
      const x = intOf(i);
      const bytes = v.t === 'string' ? utf8Bytes(v.v) : undefined;
      const len = bytes ? bytes.length : (v as { v: unknown[] }).v.length;
      if (x < 0n || x >= BigInt(len)) return bool(false);
      v = bytes ? { t: 'uint8', v: bytes[Number(x)] } : { t: 'iface', v: fromJson((v as { v: unknown[] }).v[Number(x)]) };
    } else if (v.t === 'map') {
      const key = i.t === 'invalid' ? str('') : i;
      if (key.t !== 'string') return bool(false);
      const x = mapIndex(v.v, key.v);
      v = x.t === 'invalid' ? nilIface : x;
    } else return bool(false);
  }
  return bool(!indirect(v).isNil);
}

function base64decode(args: GoValue[]): GoValue {
  const r = decodeBase64((args[0] as { v: string }).v);
  if (!r.ok) throw new FuncError(`base64 decode failed: ${r.error}`);
  return str(fromUtf8(r.bytes));
}

const stringArg = (v: GoValue) => (v as { v: string }).v;

/** The functions by name (builtins first looked up after the template's own, as findFunction does). */
export const templateFuncs: ReadonlyMap<string, TemplateFunc> = new Map<string, TemplateFunc>([
  ['and', { params: ['value'], variadic: 'value', builtin: true, call: () => invalid }],
  ['call', { params: ['value'], variadic: 'value', builtin: true, call: () => invalid }],
  ['html', { params: [], variadic: 'any', builtin: true, call: (a) => str(htmlEscape(evalArgs(a))) }],
  ['index', { params: ['value'], variadic: 'value', builtin: true, call: index }],
  ['slice', { params: ['value'], variadic: 'value', builtin: true, call: slice }],
  ['js', { params: [], variadic: 'any', builtin: true, call: (a) => str(jsEscape(evalArgs(a))) }],
  ['len', { params: ['value'], builtin: true, call: length }],
  ['not', { params: ['value'], builtin: true, call: (a) => bool(!truth(a[0])) }],
  ['or', { params: ['value'], variadic: 'value', builtin: true, call: () => invalid }],
  ['print', { params: [], variadic: 'any', builtin: true, call: (a) => str(sprint(a)) }],
  ['printf', { params: ['string'], variadic: 'any', builtin: true, call: (a) => str(sprintf(stringArg(a[0]), a.slice(1))) }],
  ['println', { params: [], variadic: 'any', builtin: true, call: (a) => str(sprintln(a)) }],
  ['urlquery', { params: [], variadic: 'any', builtin: true, call: (a) => str(queryEscape(evalArgs(a))) }],
  ['eq', { params: ['value'], variadic: 'value', builtin: true, call: eq }],
  ['ge', { params: ['value', 'value'], builtin: true, call: ge }],
  ['gt', { params: ['value', 'value'], builtin: true, call: gt }],
  ['le', { params: ['value', 'value'], builtin: true, call: le }],
  ['lt', { params: ['value', 'value'], builtin: true, call: lt }],
  ['ne', { params: ['value', 'value'], builtin: true, call: ne }],
  ['exists', { params: ['any'], variadic: 'any', builtin: false, call: (a) => exists(a.map(toAny)) }],
  ['base64decode', { params: ['string'], builtin: false, call: base64decode }],
]);

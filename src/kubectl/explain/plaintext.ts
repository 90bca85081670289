/**
 * `kubectl explain`'s default output: kubectl v0.34.0's `plaintext` template (kubernetes/kubectl
 * pkg/explain/v2/templates/plaintext.tmpl) over an OpenAPI v3 document, one function per template: `output`
 * follows the field path, `fieldList`/`fieldDetail` print FIELDS, `description`, `typeGuess` and `extractEnum`
 * as there. The template's quirks are kept, since they are what kubectl prints: two blank lines after a FIELD
 * line without enum values, indentation on the blank lines inside a description, and a missing field reported
 * by the last name of the path.
 */
import type { ExplainDocument, OpenApiSchema } from './explainDocument';
import { indent, wordWrap } from './textWrap';

/** What the template throws (`throw`): kubectl prints it as its error. */
export class ExplainError extends Error {}

type Schema = OpenApiSchema;

interface Context {
  doc: ExplainDocument;
  recursive: boolean;
}

/** Go template truth for a JSON value: non-empty string, array or object, non-zero number, true. */
function truthy(v: unknown): boolean {
  if (v === undefined || v === null || v === false || v === 0 || v === '') return false;
  if (Array.isArray(v)) return v.length > 0;
  if (typeof v === 'object') return Object.keys(v).length > 0;
  return true;
}

const obj = (v: unknown): Schema | undefined => (truthy(v) && typeof v === 'object' && !Array.isArray(v) ? (v as Schema) : undefined);
const str = (v: unknown): string => (typeof v === 'string' ? v : '');
const list = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);

/** `resolveRef`: the schema a local `#/...` reference points at. */
function resolveRef(ref: unknown, doc: ExplainDocument): Schema | undefined {
  if (typeof ref !== 'string' || !ref.startsWith('#')) return undefined;
  let cur: unknown = doc;
  for (const k of ref.slice(1).split('/')) {
    if (!k) continue;
    cur = (cur as Record<string, unknown>)[k];
    if (!cur || typeof cur !== 'object' || Array.isArray(cur)) return undefined;
  }
  return cur as Schema;
}

/** `additionalProperties` when it is a schema (not a bool). */
const mapValue = (s: Schema): Schema | undefined => (typeof s.additionalProperties === 'boolean' ? undefined : obj(s.additionalProperties));

/** Go's sorted iteration over a map's keys. */
const sortedKeys = (m: Schema): string[] => Object.keys(m).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));

/** `typeGuess`: `string`, `[]Container`, `map[string]string`, `Object`, `IntOrString`... */
export function typeGuess(s: Schema, doc: ExplainDocument): string {
  const items = obj(s.items);
  if (items) return `[]${typeGuess(items, doc)}`;
  const value = mapValue(s);
  if (value) return `map[string]${typeGuess(value, doc)}`;
  const allOf = list(s.allOf);
  if (allOf.length === 1 && !truthy(s.properties)) return typeGuess(allOf[0] as Schema, doc);
  const ref = s.$ref;
  if (truthy(ref)) {
    const target = resolveRef(ref, doc);
    if (!target || !truthy(target.type) || target.type === 'object') {
      const name = str(ref).split('/').at(-1) ?? '';
      return name.split('.').at(-1) || 'Object';
    }
    return str(target.type) || 'Object';
  }
  // old explain used capitalized "Object"
  if (s.type === 'object') return 'Object';
  return str(s.type) || 'Object';
}

/** `extractEnum`: ` ENUM:` lines under a FIELD line (long view), `enum: a, b, ....` under a listed field. */
function extractEnum(s: Schema, longView: boolean, limit: number, indentAmount = 0): string {
  const values = list(s.enum);
  if (values.length === 0) return '';
  let out = longView ? 'ENUM:' : `\n${indent(indentAmount, '')}enum: `;
  for (const [i, v] of values.entries()) {
    if (limit > -1 && i >= limit) {
      out += ', ....';
      break;
    }
    if (i > 0 && !longView) out += ', ';
    else if (longView) out += `\n${indent(4, '')}`;
    out += v === '' ? '""' : String(v);
  }
  return out;
}

/** `description`: the schema's description, then its allOf's, items' and map values' (each ending a line). */
function description(s: Schema, doc: ExplainDocument): string {
  const d = resolveRef(s.$ref, doc) ?? s;
  if (!truthy(d)) return '';
  let out = truthy(d.description) ? `${str(d.description)}\n` : '';
  for (const sub of list(d.allOf)) out += description(sub as Schema, doc);
  const items = obj(d.items);
  if (items) out += description(items, doc);
  const value = mapValue(d);
  if (value) out += description(value, doc);
  return out;
}

/** `fieldDetail`: one field of `parent`, with its description unless `short` (the recursive view). */
function fieldDetail(name: string, parent: Schema, short: boolean, level: number, doc: ExplainDocument): string {
  const amount = level * 2;
  const field = (parent.properties as Record<string, Schema>)[name];
  let out = `${indent(amount, name)}\t<${typeGuess(field, doc)}>`;
  if (list(parent.required).includes(name)) out += ' -required-';
  out += extractEnum(field, false, 4, amount);
  out += '\n';
  if (!short) out += `${indent(amount + 2, wordWrap(78 - amount, str(field.description) || '<no description>'))}\n\n`;
  return out;
}

/** `fieldList`: the fields of a schema (following refs, allOf, items and map values), nested when recursive. */
function fieldList(ctx: Context, s: Schema, level: number, history: ReadonlySet<string>): string {
  const ref = str(s.$ref);
  if (ref && history.has(ref)) return ''; // a cycle
  const next = new Set(history).add(ref);
  const resolved = resolveRef(ref, ctx.doc) ?? s;
  let out = '';
  const props = obj(resolved.properties);
  if (props) {
    for (const k of sortedKeys(props)) {
      out += fieldDetail(k, resolved, ctx.recursive, level, ctx.doc);
      if (ctx.recursive) out += fieldList(ctx, props[k] as Schema, level + 1, next);
    }
  }
  for (const sub of list(resolved.allOf)) out += fieldList(ctx, sub as Schema, level, next);
  const items = obj(resolved.items);
  if (items) out += fieldList(ctx, items, level, next);
  const value = mapValue(resolved);
  if (value) out += fieldList(ctx, value, level, next);
  return out;
}

/** `output`: follows the field path; at its end, DESCRIPTION and FIELDS. Empty when the path leads nowhere. */
function output(ctx: Context, s: Schema, path: readonly string[], history: ReadonlySet<string>): string {
  const ref = str(s.$ref);
  const next = new Set(history).add(ref);
  const resolved = resolveRef(ref, ctx.doc) ?? s;
  if (path.length === 0) {
    let out = `DESCRIPTION:\n${indent(4, wordWrap(76, description(resolved, ctx.doc) || '<empty>'))}\n`;
    const fields = fieldList(ctx, resolved, 1, new Set());
    if (fields) out += `FIELDS:\n${fields}`;
    return out;
  }
  if (ref && history.has(ref)) return ''; // a cycle
  const props = obj(resolved.properties);
  const sub = props ? obj(props[path[0]]) : undefined;
  if (sub) {
    let out = '';
    if (path.length === 1) out += `FIELD: ${path[0]} <${typeGuess(sub, ctx.doc)}>\n${extractEnum(sub, true, -1)}\n\n`;
    return out + output(ctx, sub, path.slice(1), new Set());
  }
  const items = obj(resolved.items);
  if (items) return output(ctx, items, path, next);
  const value = mapValue(resolved);
  if (value) return output(ctx, value, path, next);
  for (const alt of list(resolved.allOf)) {
    const out = output(ctx, alt as Schema, path, next);
    if (out) return out;
  }
  return '';
}

export interface Explained {
  /** What kubectl writes to stdout (the header even when the field is then not found). */
  stdout: string;
  /** The template's error, printed by kubectl after what it wrote. */
  error?: string;
}

/** The whole template for one kind: header, then the explanation of `fieldPath`. */
export function renderPlaintext(doc: ExplainDocument, gvk: { group: string; version: string; kind: string }, schemaName: string, fieldPath: readonly string[], recursive: boolean): Explained {
  // text/template writes as it goes: the header is out before the field path is followed
  let stdout = gvk.group ? `GROUP:      ${gvk.group}\n` : '';
  stdout += `KIND:       ${gvk.kind}\nVERSION:    ${gvk.version}\n\n`;
  const schema = doc.components.schemas[schemaName];
  const out = output({ doc, recursive }, schema, fieldPath, new Set());
  if (!out) return { stdout, error: `error: field "${fieldPath.at(-1)}" does not exist` };
  return { stdout: `${stdout}${out}\n` };
}

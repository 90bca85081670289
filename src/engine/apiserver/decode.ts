/**
 * The apiserver's decode step: a request body is unmarshalled into Go structs before anything else looks at
 * it, so a value of the wrong JSON type (`spec: false`, `replicas: "two"`) is a 400 that names the field:
 *   Pod in version "v1" cannot be handled as a Pod: json: cannot unmarshal bool into Go struct field
 *   Pod.spec of type v1.PodSpec
 * (encoding/json UnmarshalTypeError: the innermost struct's type, then the full path of the field).
 * Types come from the schema generated from the v1.34 OpenAPI (scripts/generateSchemas.ts). Unknown fields are
 * the separate concern of field validation (`unknownFields`, `fieldValidation.ts`).
 */
import types from '../../shared/generated/kubernetes.types.json';
import { decodeBase64 } from '../../shared/goBase64';
import { type ApiStatus, badRequest } from '../api/status';
import type { Kind } from '../api/types';

interface Schema {
  type?: string | string[];
  $ref?: string;
  properties?: Record<string, Schema>;
  items?: Schema;
  additionalProperties?: Schema | boolean;
  anyOf?: Schema[];
  const?: unknown;
  enum?: unknown[];
  /** The OpenAPI format: `int32`, `int64`, `int-or-string`, `date-time`... */
  format?: string;
}

const definitions = (types as { definitions: Record<string, Schema> }).definitions;

function definitionName(ref: string): string {
  return ref.slice(ref.lastIndexOf('/') + 1);
}

function goTypeName(name: string): string {
  const bare = name.includes('.') ? name.slice(name.lastIndexOf('.') + 1) : name;
  if (bare === 'Quantity') return 'resource.Quantity';
  if (bare === 'Time' || bare === 'MicroTime') return `v1.${bare}`;
  return `v1.${bare}`;
}

function jsonTypeOf(v: unknown): string {
  if (Array.isArray(v)) return 'array';
  if (typeof v === 'boolean') return 'bool';
  if (typeof v === 'number') return 'number';
  if (typeof v === 'string') return 'string';
  return 'object';
}

interface Mismatch {
  value: string;
  struct: string;
  path: string;
  goType: string;
}

function resolve(s: Schema): { schema: Schema; name?: string } {
  if (s.$ref) {
    const name = definitionName(s.$ref);
    return { schema: definitions[name] ?? {}, name };
  }
  return { schema: s };
}

/** What `check` needs of a schema node. */
interface Compiled {
  schema: Schema;
  name?: string;
  /** The JSON types the value may have (empty: anything). */
  expected: readonly string[];
  properties?: readonly (readonly [string, Schema])[];
  /** The same properties by name, for walking the (usually far fewer) fields a value has. */
  propertyByName?: ReadonlyMap<string, Schema>;
}

function compileNode(s: Schema): Compiled {
  const { schema, name } = resolve(s);
  const t = schema.type;
  const expected = Array.isArray(t) ? t : t ? [t] : schema.properties ? ['object'] : [];
  const properties = schema.properties ? Object.entries(schema.properties) : undefined;
  return { schema, name, expected, properties, propertyByName: properties && new Map(properties) };
}

/**
 * Every schema node of the definitions, compiled once while the module loads: a request's decode visits
 * ~150 nodes of a Pod, and compiling each on the way (resolving its reference, listing its properties) was
 * most of what the decode cost.
 */
function compileAll(): ReadonlyMap<Schema, Compiled> {
  const out = new Map<Schema, Compiled>();
  const visit = (s: Schema) => {
    if (out.has(s)) return;
    out.set(s, compileNode(s));
    for (const sub of Object.values(s.properties ?? {})) visit(sub);
    if (s.items) visit(s.items);
    if (s.additionalProperties && typeof s.additionalProperties === 'object') visit(s.additionalProperties);
    for (const sub of s.anyOf ?? []) visit(sub);
  };
  for (const d of Object.values(definitions)) visit(d);
  for (const r of Object.values(rootSchemas)) visit(r);
  return out;
}

/** `{ $ref: '#/definitions/<Kind>' }` per definition, one object each, so every request finds it compiled. */
function rootRefs(): Readonly<Record<string, Schema>> {
  return Object.fromEntries(Object.keys(definitions).map((k) => [k, { $ref: `#/definitions/${k}` }]));
}

const rootSchemas = rootRefs();
const compiledSchemas = compileAll();

function compile(s: Schema): Compiled {
  return compiledSchemas.get(s) ?? compileNode(s);
}

/** Whether a value of JSON type `actual` fits one of the `expected` schema types. */
function fitsAny(expected: readonly string[], actual: string): boolean {
  for (const want of expected) {
    if (want === actual) return true;
    if ((want === 'number' || want === 'integer') && actual === 'number') return true;
    if (want === 'boolean' && actual === 'bool') return true;
  }
  return false;
}

/** The Go struct name fields of an object are reported under: its own definition, else the enclosing one. */
function fieldStruct(name: string | undefined, struct: string): string {
  const inner = name ? definitionName(name) : struct;
  return inner.includes('.') ? inner.slice(inner.lastIndexOf('.') + 1) : inner;
}

function goTypeOf(s: Schema, field: string): string {
  const { schema, name } = resolve(s);
  if (name && !['IntOrString'].includes(name) && (schema.properties || schema.type === 'object')) return goTypeName(name);
  if (name === 'Quantity') return 'resource.Quantity';
  if (name && schema.type === 'string') return name === 'Time' || name === 'MicroTime' ? `v1.${name}` : 'string';
  const t = schema.type;
  if (schema.format === 'int-or-string') return 'intstr.IntOrString';
  if (Array.isArray(t)) return 'string';
  if (t === 'array') return `[]${schema.items ? goTypeOf(schema.items, field) : 'interface {}'}`;
  if (t === 'object') return schema.additionalProperties && typeof schema.additionalProperties === 'object' ? `map[string]${goTypeOf(schema.additionalProperties, field)}` : 'map[string]interface {}';
  if (t === 'integer') return schema.format === 'int64' ? 'int64' : 'int32';
  if (t === 'number') return 'float64';
  if (t === 'boolean') return 'bool';
  return 'string';
}

/**
 * Checks `value` against `s`; `struct` is the innermost Go struct name. A mismatch's `path` is relative to
 * `value`: each enclosing object prepends its field name on the way out, so no path is built for fields
 * that decode fine.
 */
function check(value: unknown, s: Schema, struct: string, field: string): Mismatch | undefined {
  if (value === null || value === undefined) return undefined; // null decodes to the zero value
  const compiled = compile(s);
  const { schema, name, expected, properties } = compiled;
  if (name === 'Quantity') {
    return typeof value === 'string' || typeof value === 'number' ? undefined : { value: jsonTypeOf(value), struct, path: '', goType: 'resource.Quantity' };
  }
  const actual = jsonTypeOf(value);
  if (expected.length && !fitsAny(expected, actual)) {
    const shown = actual === 'number' && !Number.isInteger(value) && expected.includes('integer') ? `number ${value}` : actual;
    return { value: shown, struct, path: '', goType: goTypeOf(s, field) };
  }
  // a fraction does not fit a Go integer; an int-or-string keeps it as a string only when it was one
  if (actual === 'number' && !Number.isInteger(value) && expected.includes('integer') && !expected.includes('string')) {
    return { value: `number ${value}`, struct, path: '', goType: goTypeOf(s, field) };
  }
  if (actual === 'array' && schema.items) {
    for (const item of value as unknown[]) {
      const m = check(item, schema.items, struct, field);
      if (m) return m;
    }
  }
  if (actual === 'object') {
    const obj = value as Record<string, unknown>;
    if (properties) {
      const inner = fieldStruct(name, struct);
      // a value sets few of its schema's fields: walk those, and only when one fails find the first failing
      // field in schema order below (that is the one encoding/json reports)
      if (!someFieldFails(obj, compiled.propertyByName as ReadonlyMap<string, Schema>, inner)) return undefined;
      for (const [k, sub] of properties) {
        if (!(k in obj)) continue;
        const m = check(obj[k], sub, inner, k);
        if (m) {
          m.path = m.path ? `${k}.${m.path}` : k;
          return m;
        }
      }
    } else if (schema.additionalProperties && typeof schema.additionalProperties === 'object') {
      for (const v of Object.values(obj)) {
        // encoding/json's field path names struct fields only, never map keys
        const m = check(v, schema.additionalProperties, struct, field);
        if (m) return m;
      }
    }
  }
  return undefined;
}

/** Whether any field of `obj` that its schema knows fails `check` (in the object's own key order). */
function someFieldFails(obj: Record<string, unknown>, byName: ReadonlyMap<string, Schema>, struct: string): boolean {
  for (const k in obj) {
    const sub = byName.get(k);
    if (sub && check(obj[k], sub, struct, k)) return true;
  }
  return false;
}

/**
 * The paths of the fields of `value` its schema does not know, in the order the apiserver's strict JSON decoder
 * (sigs.k8s.io/json, used by apimachinery `pkg/runtime/serializer/json`) meets them in the body kubectl sends:
 * kubectl marshals its object with sorted keys, and a known field is descended into before the next key. The
 * path is written as apimachinery writes it: `spec.ports[0].tragetPort`. An unknown field's own content is not
 * looked into.
 */
function collectUnknown(value: unknown, s: Schema, path: string, out: string[], post: boolean): void {
  if (value === null || typeof value !== 'object') return;
  const { schema } = compile(s);
  if (Array.isArray(value)) {
    const items = schema.items;
    if (items) value.forEach((item, i) => {
      collectUnknown(item, items, `${path}[${i}]`, out, post);
    });
    return;
  }
  const obj = value as Record<string, unknown>;
  const keys = Object.keys(obj).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  if (schema.properties) {
    const unknownHere: string[] = [];
    for (const k of keys) {
      const sub = schema.properties[k];
      const at = path ? `${path}.${k}` : k;
      if (sub) collectUnknown(obj[k], sub, at, out, post);
      else if (schema.additionalProperties === false) (post ? unknownHere : out).push(at);
    }
    out.push(...unknownHere);
  } else if (schema.additionalProperties && typeof schema.additionalProperties === 'object') {
    for (const k of keys) collectUnknown(obj[k], schema.additionalProperties, path ? `${path}.${k}` : k, out, post);
  }
}

/**
 * Whether `value` has a field `s` does not know, anywhere: the walk of `collectUnknown` without sorting keys or
 * writing paths, for the common body that has none.
 */
function hasUnknown(value: unknown, s: Schema): boolean {
  if (value === null || typeof value !== 'object') return false;
  const { schema } = compile(s);
  if (Array.isArray(value)) {
    const items = schema.items;
    return !!items && value.some((item) => hasUnknown(item, items));
  }
  const obj = value as Record<string, unknown>;
  if (schema.properties) {
    for (const k in obj) {
      const sub = schema.properties[k];
      if (sub ? hasUnknown(obj[k], sub) : schema.additionalProperties === false) return true;
    }
  } else if (schema.additionalProperties && typeof schema.additionalProperties === 'object') {
    for (const k in obj) if (hasUnknown(obj[k], schema.additionalProperties)) return true;
  }
  return false;
}

/**
 * The fields of `obj` that `kind`'s v1.34 schema does not have (empty for a kind without a schema). `post`:
 * each object's unknown fields after those found inside its known fields, as apimachinery's unstructured
 * converter reports them (`pkg/runtime/converter.go` popAndVerifyMatchedKeys) for a patched object.
 */
export function unknownFields(kind: Kind, obj: unknown, order: 'body' | 'post' = 'body'): string[] {
  if (!definitions[kind] || !hasUnknown(obj, rootSchema(kind))) return [];
  const out: string[] = [];
  collectUnknown(obj, rootSchema(kind), '', out, order === 'post');
  return out;
}

/** Whether `obj` has a field `kind`'s schema does not know (false for a kind without a schema). */
export function hasUnknownFields(kind: Kind, obj: unknown): boolean {
  return !!definitions[kind] && hasUnknown(obj, rootSchema(kind));
}

/** `value` without the fields `s` does not know; unchanged parts are shared, not copied. */
function prune(value: unknown, s: Schema): unknown {
  if (value === null || typeof value !== 'object') return value;
  const { schema } = compile(s);
  if (Array.isArray(value)) {
    if (!schema.items) return value;
    const items = schema.items;
    const out = value.map((v) => prune(v, items));
    return out.some((v, i) => v !== value[i]) ? out : value;
  }
  const obj = value as Record<string, unknown>;
  const sub = (k: string): Schema | undefined =>
    schema.properties ? schema.properties[k] : schema.additionalProperties && typeof schema.additionalProperties === 'object' ? schema.additionalProperties : {};
  if (!schema.properties && !(schema.additionalProperties && typeof schema.additionalProperties === 'object')) return value;
  let out: Record<string, unknown> | undefined;
  for (const [k, v] of Object.entries(obj)) {
    const field = sub(k);
    const next = field ? prune(v, field) : undefined;
    if (next === v && field) continue;
    out ??= { ...obj };
    if (field) out[k] = next;
    else if (schema.additionalProperties === false) delete out[k];
  }
  return out ?? value;
}

/**
 * The object as the apiserver stores it after decoding into the kind's Go types: fields the types do not have
 * are gone (under Warn and Ignore they were accepted, but there is nowhere to keep them).
 */
export function withoutUnknownFields<T>(kind: Kind, obj: T): T {
  const root = rootSchema(kind);
  // nearly every body has nothing to drop: the quick walk says so without the copying one
  if (!definitions[kind] || !hasUnknown(obj, root)) return obj;
  return prune(obj, root) as T;
}

/** `{ $ref: '#/definitions/<Kind>' }`. */
function rootSchema(kind: Kind): Schema {
  return Object.hasOwn(rootSchemas, kind) ? rootSchemas[kind] : { $ref: `#/definitions/${kind}` };
}

/**
 * The 400 the apiserver answers when the body does not decode into the kind's Go types, or undefined when it
 * does. `kind` must be one the schema knows (every kind we serve except Event).
 */
export function decodeError(kind: Kind, obj: unknown): ApiStatus | undefined {
  const root = definitions[kind];
  if (!root) return undefined;
  const version = kind === 'EndpointSlice' || kind === 'Deployment' || kind === 'ReplicaSet' ? 'v1' : 'v1';
  if (obj === null || typeof obj !== 'object' || Array.isArray(obj)) {
    return badRequest(`${kind} in version "${version}" cannot be handled as a ${kind}: json: cannot unmarshal ${jsonTypeOf(obj)} into Go value of type ${kind === 'EndpointSlice' ? 'v1' : 'v1'}.${kind}`);
  }
  const m = check(obj, rootSchema(kind), kind, '');
  if (m) {
    // []byte maps: the schema says string, Go's type is []uint8
    if ((kind === 'Secret' && m.path === 'data') || (kind === 'ConfigMap' && m.path === 'binaryData')) m.goType = '[]uint8';
    return badRequest(`${kind} in version "${version}" cannot be handled as a ${kind}: json: cannot unmarshal ${m.value} into Go struct field ${m.struct}.${m.path} of type ${m.goType}`);
  }
  const bytes = byteFieldError(kind, obj as Record<string, unknown>);
  return bytes === undefined ? undefined : badRequest(`${kind} in version "${version}" cannot be handled as a ${kind}: ${bytes}`);
}

/**
 * The `[]byte` maps (a Secret's `data`, a ConfigMap's `binaryData`): encoding/json decodes each string as
 * base64 and stops at the first that is not (`illegal base64 data at input byte N`). The generated schema does
 * not keep the OpenAPI `byte` format, so the two fields are named here.
 */
function byteFieldError(kind: Kind, obj: Record<string, unknown>): string | undefined {
  const bag = kind === 'Secret' ? obj.data : kind === 'ConfigMap' ? obj.binaryData : undefined;
  if (bag === null || typeof bag !== 'object') return undefined;
  for (const v of Object.values(bag)) {
    if (typeof v !== 'string') continue;
    const r = decodeBase64(v);
    if (!r.ok) return r.error;
  }
  return undefined;
}

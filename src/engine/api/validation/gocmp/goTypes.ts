/**
 * A small model of Go types, enough to replay `cmp.Diff` on JSON-shaped objects: field order and Go names of
 * structs, pointers, slices, maps, named types. The apiserver diffs its internal (`core.*`) types, so the
 * schemas in `coreTypes.ts` describe those, not the v1 JSON layout.
 */

export type GoType =
  | { kind: 'string'; name?: string }
  | { kind: 'int'; name?: string }
  | { kind: 'bool' }
  | { kind: 'struct'; name: string; fields: GoField[] }
  | { kind: 'ptr'; elem: GoType }
  | { kind: 'slice'; elem: GoType; name?: string }
  | { kind: 'map'; key: GoType; elem: GoType; name?: string }
  /** `resource.Quantity`: compared with its Equal method, printed as its (unexported) struct. */
  | { kind: 'quantity' }
  /** A value this model does not describe field by field: compared as a whole, printed as JSON-ish text. */
  | { kind: 'opaque'; name: string };

export interface GoField {
  /** The Go field name, as cmp prints it. */
  name: string;
  /** The JSON key in the v1 object; omitted for embedded structs whose fields are inlined. */
  json?: string;
  /** Read from the parent JSON object (internal types move some v1 fields, e.g. hostNetwork). */
  fromParent?: boolean;
  type: GoType;
}

/** Constructors for the type model, named after the Go kinds. */
export const str = (name?: string): GoType => ({ kind: 'string', name });
export const int = (name?: string): GoType => ({ kind: 'int', name });
export const bool: GoType = { kind: 'bool' };
export const ptr = (elem: GoType): GoType => ({ kind: 'ptr', elem });
export const slice = (elem: GoType, name?: string): GoType => ({ kind: 'slice', elem, name });
export const map = (key: GoType, elem: GoType, name?: string): GoType => ({ kind: 'map', key, elem, name });
export const opaque = (name: string): GoType => ({ kind: 'opaque', name });
export const quantity: GoType = { kind: 'quantity' };

/** A struct type from `[goName, jsonName, type]` triples; a null JSON name marks an embedded struct. */
export function struct(name: string, fields: [string, string | null, GoType][]): GoType & { kind: 'struct' } {
  return { kind: 'struct', name, fields: fields.map(([n, json, type]) => (json === null ? { name: n, type } : { name: n, json, type })) };
}

/** `value.TypeString`: the type as cmp names it (`[]core.Container`, `*int64`, `map[string]string`). */
export function typeString(t: GoType): string {
  switch (t.kind) {
    case 'string':
      return t.name ?? 'string';
    case 'int':
      return t.name ?? 'int32';
    case 'bool':
      return 'bool';
    case 'struct':
      return t.name;
    case 'ptr':
      return `*${typeString(t.elem)}`;
    case 'slice':
      return t.name ?? `[]${typeString(t.elem)}`;
    case 'map':
      return t.name ?? `map[${typeString(t.key)}]${typeString(t.elem)}`;
    case 'quantity':
      return 'resource.Quantity';
    case 'opaque':
      return t.name;
  }
}

/** Whether the Go type has a name (named types never get cmp's specialised slice diffing). */
export function isNamed(t: GoType): boolean {
  return (t.kind === 'string' || t.kind === 'int' || t.kind === 'slice' || t.kind === 'map') && t.name !== undefined;
}

/**
 * JSON objects read as Go values of a `GoType`: absent fields become zero values, absent or empty lists and
 * maps become nil (the apiserver's semantic equality does not tell nil from empty either).
 */
import { deepEqual } from '../../../shared';
import { parseQuantity } from '../../defaults/quantity';
import { intOrStringType } from './coreTypes';
import type { GoType } from './goTypes';

export type GoValue =
  | { kind: 'prim'; v: string | number | boolean }
  | { kind: 'struct'; fields: GoValue[] }
  | { kind: 'ptr'; elem: GoValue | null }
  | { kind: 'slice'; items: GoValue[] | null }
  | { kind: 'map'; entries: Array<[string, GoValue]> | null }
  | { kind: 'quantity'; text: string; nanos: bigint | undefined }
  | { kind: 'opaque'; json: unknown };

type Json = Record<string, unknown>;

const isEmptyJson = (v: unknown) =>
  v === undefined ||
  v === null ||
  (Array.isArray(v) && v.length === 0) ||
  (typeof v === 'object' && !Array.isArray(v) && Object.keys(v as Json).length === 0);

/** Reads `json` as a value of type `t`; `parent` is the enclosing JSON object (for fields moved by conversion). */
export function readGo(t: GoType, json: unknown, parent?: Json): GoValue {
  switch (t.kind) {
    case 'string':
      return { kind: 'prim', v: json === undefined || json === null ? '' : String(json) };
    case 'int':
      return { kind: 'prim', v: typeof json === 'number' ? json : Number(json ?? 0) || 0 };
    case 'bool':
      return { kind: 'prim', v: json === true };
    case 'quantity': {
      const text = json === undefined || json === null ? '' : String(json);
      return { kind: 'quantity', text, nanos: text ? parseQuantity(text) : 0n };
    }
    case 'opaque':
      return { kind: 'opaque', json: isEmptyJson(json) ? undefined : json };
    case 'ptr':
      return { kind: 'ptr', elem: json === undefined || json === null ? null : readGo(t.elem, json, parent) };
    case 'slice':
      if (!Array.isArray(json) || json.length === 0) return { kind: 'slice', items: null };
      return { kind: 'slice', items: json.map((x) => readGo(t.elem, x, parent)) };
    case 'map': {
      if (json === null || typeof json !== 'object' || Object.keys(json).length === 0) return { kind: 'map', entries: null };
      const keys = Object.keys(json as Json).sort();
      return { kind: 'map', entries: keys.map((k) => [k, readGo(t.elem, (json as Json)[k], json as Json)]) };
    }
    case 'struct': {
      if (t === intOrStringType) {
        // v1 int-or-string: a JSON number or string
        const isStr = typeof json === 'string';
        return {
          kind: 'struct',
          fields: [
            { kind: 'prim', v: isStr ? 1 : 0 },
            { kind: 'prim', v: isStr ? 0 : Number(json ?? 0) },
            { kind: 'prim', v: isStr ? (json as string) : '' },
          ],
        };
      }
      const obj = (json !== null && typeof json === 'object' ? json : {}) as Json;
      return {
        kind: 'struct',
        fields: t.fields.map((f) => {
          if (f.json === undefined) return readGo(f.type, obj, parent); // embedded: fields inline
          const src = f.fromParent ? parent?.[f.json] : obj[f.json];
          return readGo(f.type, src, obj);
        }),
      };
    }
  }
}

/** `reflect.Value.IsZero` */
export function isZero(v: GoValue): boolean {
  switch (v.kind) {
    case 'prim':
      return v.v === '' || v.v === 0 || v.v === false;
    case 'struct':
      return v.fields.every(isZero);
    case 'ptr':
      return v.elem === null;
    case 'slice':
      return v.items === null;
    case 'map':
      return v.entries === null;
    case 'quantity':
      return v.text === '';
    case 'opaque':
      return v.json === undefined;
  }
}

/** Leaf equality: primitives by value, quantities by `Quantity.Equal`, opaque values structurally. */
export function leafEqual(x: GoValue, y: GoValue): boolean {
  if (x.kind === 'prim' && y.kind === 'prim') return x.v === y.v;
  if (x.kind === 'quantity' && y.kind === 'quantity') return x.nanos !== undefined ? x.nanos === y.nanos : x.text === y.text;
  if (x.kind === 'opaque' && y.kind === 'opaque') return deepEqual(x.json, y.json);
  return false;
}

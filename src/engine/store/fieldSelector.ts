/**
 * Field selectors for list and watch (`k8s.io/apimachinery/pkg/fields`, v0.34): `a=b`, `a==b`, `a!=b`, comma
 * for AND, backslash escapes in values. Parsing is `fields.ParseSelector`; each term's field is then checked by
 * the kind's field-label conversion (`pkg/apis/core/v1/conversion.go`, or `runtime.DefaultMetaV1FieldSelectorConversion`
 * for kinds without one) and matched against the kind's selectable fields (`pkg/registry/<kind>/strategy.go`).
 */
import type { Kind, KubeObject } from '../api/types';
import { fieldLabelConverter, selectableFields } from './selectableFields';

export interface FieldRequirement {
  field: string;
  /** `==` is stored as `=`, as `fields.hasTerm` does. */
  operator: '=' | '!=';
  value: string;
}

export interface FieldSelector {
  readonly requirements: readonly FieldRequirement[];
  /** True when the selector has no terms (selects everything). */
  readonly empty: boolean;
  matches(obj: KubeObject): boolean;
  /** The value an `=` term demands for `field`, if there is one. */
  requiresExactMatch(field: string): string | undefined;
  /** `fields.Selector.String()`, values escaped. */
  toString(): string;
}

export type FieldParseResult = { ok: true; selector: FieldSelector } | { ok: false; error: string };

/** `fields.EscapeValue`: `\` `,` `=` get a backslash. */
export function escapeFieldValue(s: string): string {
  return s.replace(/[\\,=]/g, (c) => `\\${c}`);
}

/** `fields.UnescapeValue`. */
export function unescapeFieldValue(s: string): { ok: true; value: string } | { ok: false; error: string } {
  if (!/[\\,=]/.test(s)) return { ok: true, value: s };
  let out = '';
  let inSlash = false;
  for (const c of s) {
    if (inSlash) {
      if (c !== '\\' && c !== ',' && c !== '=') return { ok: false, error: `invalid field selector: invalid escape sequence: \\${c}` };
      out += c;
      inSlash = false;
    } else if (c === '\\') {
      inSlash = true;
    } else if (c === ',' || c === '=') {
      // Go prints the rune with %v, i.e. as its number
      return { ok: false, error: `invalid field selector: unescaped character in value: ${c.codePointAt(0)}` };
    } else {
      out += c;
    }
  }
  if (inSlash) return { ok: false, error: 'invalid field selector: invalid escape sequence: \\' };
  return { ok: true, value: out };
}

/** `fields.splitTerms`: split on commas that are not escaped. */
function splitTerms(s: string): string[] {
  if (s.length === 0) return [];
  const terms: string[] = [];
  let start = 0;
  let inSlash = false;
  for (let i = 0; i < s.length; i++) {
    const c = s[i];
    if (inSlash) inSlash = false;
    else if (c === '\\') inSlash = true;
    else if (c === ',') {
      terms.push(s.slice(start, i));
      start = i + 1;
    }
  }
  terms.push(s.slice(start));
  return terms;
}

/** `fields.splitTerm`: the first position where `!=`, `==` or `=` starts. */
function splitTerm(term: string): [string, string, string] | undefined {
  for (let i = 0; i < term.length; i++) {
    for (const op of ['!=', '==', '=']) {
      if (term.startsWith(op, i)) return [term.slice(0, i), op, term.slice(i + op.length)];
    }
  }
  return undefined;
}

/** `fields.ParseSelector`: syntax only, any field name. Terms come out sorted as text, as Go sorts them. */
export function parseFieldRequirements(text: string): { ok: true; requirements: FieldRequirement[] } | { ok: false; error: string } {
  const parts = splitTerms(text).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  const reqs: FieldRequirement[] = [];
  for (const part of parts) {
    if (part === '') continue;
    const t = splitTerm(part);
    if (!t) return { ok: false, error: `invalid selector: '${text}'; can't understand '${part}'` };
    const v = unescapeFieldValue(t[2]);
    if (!v.ok) return v;
    reqs.push({ field: t[0], operator: t[1] === '!=' ? '!=' : '=', value: v.value });
  }
  return { ok: true, requirements: reqs };
}

function build(kind: Kind, requirements: FieldRequirement[]): FieldSelector {
  const getters = selectableFields(kind);
  const tests = requirements.map((r) => {
    const get = getters[r.field];
    const want = r.value;
    // a field the conversion accepts but the registry does not expose (Pod `status.podIPs`) reads as ""
    if (!get) return r.operator === '=' ? () => want === '' : () => want !== '';
    return r.operator === '=' ? (o: KubeObject) => get(o) === want : (o: KubeObject) => get(o) !== want;
  });
  return {
    requirements,
    empty: requirements.length === 0,
    matches(obj) {
      for (const t of tests) if (!t(obj)) return false;
      return true;
    },
    requiresExactMatch(field) {
      return requirements.find((r) => r.field === field && r.operator === '=')?.value;
    },
    toString() {
      return requirements.map((r) => `${r.field}${r.operator}${escapeFieldValue(r.value)}`).join(',');
    },
  };
}

/**
 * Parses a field selector for `kind` as the apiserver does for `?fieldSelector=`: syntax errors first, then the
 * first unsupported field (in sorted term order), e.g. `field label not supported: spec.foo`. Both reach the
 * client as a 400 BadRequest carrying this text.
 */
export function parseFieldSelector(kind: Kind, text: string): FieldParseResult {
  const parsed = parseFieldRequirements(text);
  if (!parsed.ok) return parsed;
  const convert = fieldLabelConverter(kind);
  const reqs: FieldRequirement[] = [];
  for (const r of parsed.requirements) {
    const c = convert(r.field);
    if (!c.ok) return c;
    reqs.push({ ...r, field: c.field });
  }
  return { ok: true, selector: build(kind, reqs) };
}

/** `fields.OneTermEqualSelector`, e.g. `metadata.name=<name>`. */
export function oneTermEqualSelector(kind: Kind, field: string, value: string): FieldSelector {
  return build(kind, [{ field, operator: '=', value }]);
}

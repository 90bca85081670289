/**
 * Server-side field validation (the `fieldValidation` query parameter, GA in v1.27): what the apiserver does
 * with fields of a request body its types do not have.
 *   Strict — the request fails; Warn (the apiserver's default) — it succeeds with one `Warning` header per
 *   field; Ignore — the fields are dropped silently.
 * kubectl ≥1.25 sends Strict unless `--validate=warn|false` (kubectl `pkg/cmd/util/helpers.go`
 * GetValidationDirective).
 *
 * A create or update body fails while decoding (kubernetes/apiserver `pkg/endpoints/handlers/create.go`,
 * `update.go` → `transformDecodeError` in `rest.go`):
 *   Service in version "v1" cannot be handled as a Service: strict decoding error: unknown field "spec.x"
 * A patch fails after it is applied, when the patched object is converted back into the kind's type
 * (`pkg/endpoints/handlers/patch.go` applyPatchToObject): a 422 whose one cause is the patch itself,
 *   patch: Invalid value: "map[spec:map[x:1]]": strict decoding error: unknown field "spec.x"
 * Several fields are joined with ", " (apimachinery `pkg/runtime/error.go` strictDecodingError.Error).
 */
import { goQuote } from '../../shared/goQuote';
import { type ApiStatus, badRequest } from '../api/status';
import type { Kind } from '../api/types';
import { unknownFields } from './decode';

export type FieldValidation = 'Strict' | 'Warn' | 'Ignore';

/** What a writing request says about field validation, and where its `Warning` headers go. */
export interface FieldValidationOptions {
  /** Absent: the apiserver's default, Warn. */
  fieldValidation?: FieldValidation;
  /** Receives the warnings a Warn request is answered with (`unknown field "spec.x"`). */
  warnings?: string[];
}

/** `runtime.NewStrictDecodingError(errs).Error()` for unknown fields at `paths`. */
export function strictDecodingMessage(paths: readonly string[]): string {
  return `strict decoding error: ${paths.map((p) => `unknown field "${p}"`).join(', ')}`;
}

/** The warnings a Warn request gets back, one per field (`addStrictDecodingWarnings`). */
function warningsFor(paths: readonly string[]): string[] {
  return paths.map((p) => `unknown field "${p}"`);
}

/**
 * Field validation of a create or update body: the 400 under Strict, else undefined (under Warn the
 * warnings are appended to `warnings`).
 */
export function validateBodyFields(kind: Kind, obj: unknown, directive: FieldValidation, warnings?: string[]): ApiStatus | undefined {
  if (directive === 'Ignore') return undefined;
  const paths = unknownFields(kind, obj);
  if (paths.length === 0) return undefined;
  if (directive === 'Warn') {
    warnings?.push(...warningsFor(paths));
    return undefined;
  }
  return badRequest(`${kind} in version "v1" cannot be handled as a ${kind}: ${strictDecodingMessage(paths)}`);
}

/**
 * Field validation of an object a patch produced: the 422 under Strict, else undefined. The patched object's
 * unknown fields are listed after its known ones at each level, as apimachinery's unstructured converter
 * (`pkg/runtime/converter.go` popAndVerifyMatchedKeys) reports them on the way out of a struct; Go walks
 * the map in random order there, we walk it sorted.
 */
export function validatePatchedFields(kind: Kind, patched: unknown, patch: unknown, directive: FieldValidation, warnings?: string[]): ApiStatus | undefined {
  if (directive === 'Ignore') return undefined;
  const paths = unknownFields(kind, patched, 'post');
  if (paths.length === 0) return undefined;
  if (directive === 'Warn') {
    warnings?.push(...warningsFor(paths));
    return undefined;
  }
  const detail = strictDecodingMessage(paths);
  const body = `Invalid value: ${goQuote(goValueText(patch))}: ${detail}`;
  // errors.NewInvalid(schema.GroupKind{}, "", ...): no kind, no name, so kubectl prints "The request is invalid"
  return {
    kind: 'Status',
    apiVersion: 'v1',
    status: 'Failure',
    message: ` "" is invalid: patch: ${body}`,
    reason: 'Invalid',
    code: 422,
    details: { causes: [{ reason: 'FieldValueInvalid', message: body, field: 'patch' }] },
  };
}

/**
 * A decoded JSON value as Go's `fmt.Sprintf("%+v", v)` prints a `map[string]interface{}`: `map[k:v k2:v2]`
 * with keys sorted, lists as `[a b]`, strings bare, null as `<nil>`.
 */
export function goValueText(v: unknown): string {
  if (v === null || v === undefined) return '<nil>';
  if (Array.isArray(v)) return `[${v.map(goValueText).join(' ')}]`;
  if (typeof v === 'object') {
    const m = v as Record<string, unknown>;
    const keys = Object.keys(m).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
    return `map[${keys.map((k) => `${k}:${goValueText(m[k])}`).join(' ')}]`;
  }
  return String(v);
}

/**
 * The apiserver's request-size limit. `MaxRequestBodyBytes` defaults to 3 MiB (kubernetes/kubernetes
 * staging/src/k8s.io/apiserver/pkg/server/config.go: twice etcd's 1.5 MiB request limit, since JSON is
 * larger than the protobuf stored), and a longer body is refused unread with 413
 * `Request entity too large: limit is 3145728` (staging/src/k8s.io/apiserver/pkg/endpoints/handlers/rest.go
 * `limitedReadBody`). kubectl sends compact JSON, so that is what is measured.
 */
import { type ApiStatus, requestEntityTooLarge } from '../api/status';

/** `MaxRequestBodyBytes` */
export const maxRequestBodyBytes = 3 * 1024 * 1024;

/** The 413 Status for a body over the limit. */
export function requestBodyTooLarge(): ApiStatus {
  return requestEntityTooLarge(`limit is ${maxRequestBodyBytes}`);
}

const nonAscii = /[\u0080-\uffff]/;

/** Size in bytes of `value` as the JSON body a client sends (compact, UTF-8). */
export function jsonBodyBytes(value: unknown): number {
  const text = JSON.stringify(value) ?? '';
  // nearly every body is ASCII: one native scan settles it (a character loop cost a write ~0.05 ms at 10,000 pods)
  if (!nonAscii.test(text)) return text.length;
  // UTF-8 length without building a buffer: ASCII counts 1; others 2-4 (surrogate pairs count 2 + 2)
  let n = text.length;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0x80) n += c >= 0x800 && (c < 0xd800 || c > 0xdfff) ? 2 : 1;
  }
  return n;
}

/**
 * Whether the JSON body of `value` is over the limit. A cheap walk first bounds the size from above without
 * serialising: nearly every body is far below the limit, and `JSON.stringify` of a Pod cost each relabel
 * ~20 µs and a 3 KB string of garbage. Only a body the bound cannot clear is measured exactly.
 */
export function exceedsRequestBody(value: unknown): boolean {
  const budget = { left: maxRequestBodyBytes };
  if (withinBound(value, budget, 0)) return false;
  return jsonBodyBytes(value) > maxRequestBodyBytes;
}

/** Deeper than this, the walk gives up and the exact measure decides (it also reports cycles as it always did). */
const maxBoundDepth = 100;

/**
 * Subtracts from `budget.left` an upper bound of the UTF-8 bytes `JSON.stringify` writes for `v`, and says
 * whether the bound stayed within budget. Per UTF-16 unit of a string at most 6 bytes (`\u001f`, or 3 bytes of
 * UTF-8), a number at most 24 characters, and each key or element one separator. False whenever the value is
 * not plain JSON data (toJSON, BigInt, boxed values): the exact measure handles those as before.
 */
function withinBound(v: unknown, budget: { left: number }, depth: number): boolean {
  switch (typeof v) {
    case 'string':
      budget.left -= 2 + 6 * v.length;
      return budget.left >= 0;
    case 'number':
    case 'boolean':
    case 'undefined':
    case 'function':
    case 'symbol':
      // at most 24 characters ("-1.7976931348623157e+308"); undefined in an array is written as null
      budget.left -= 24;
      return budget.left >= 0;
    case 'object':
      break;
    default:
      return false;
  }
  if (v === null) {
    budget.left -= 4;
    return budget.left >= 0;
  }
  if (depth > maxBoundDepth) return false;
  const proto = Object.getPrototypeOf(v);
  if (Array.isArray(v)) {
    if (proto !== Array.prototype) return false;
    budget.left -= 2 + v.length;
    for (let i = 0; i < v.length; i++) if (!withinBound(v[i], budget, depth + 1)) return false;
    return budget.left >= 0;
  }
  if ((proto !== Object.prototype && proto !== null) || 'toJSON' in (v as object)) return false;
  budget.left -= 2;
  const o = v as Record<string, unknown>;
  for (const k in o) {
    // the key, quoted, with its colon and a comma
    budget.left -= 4 + 6 * k.length;
    if (!withinBound(o[k], budget, depth + 1)) return false;
  }
  return budget.left >= 0;
}

/**
 * Whether a YAML document's text cannot become a body under the limit, decided without parsing it: every
 * character that is not whitespace or part of a whole-line comment ends up in the JSON (scalars, keys,
 * flow punctuation), so more of them than the limit means a larger body. Lets a 5 MB document be refused
 * in milliseconds instead of parsed for seconds.
 */
export function yamlTextExceedsRequestBody(text: string): boolean {
  if (text.length <= maxRequestBodyBytes) return false;
  // native regular expressions: a character loop over megabytes is several times slower
  const significant = text.replace(/^[ \t]*#.*$/gm, '').replace(/\s+/g, '');
  return significant.length > maxRequestBodyBytes;
}

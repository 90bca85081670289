/**
 * API errors as the apiserver returns them: a `metav1.Status` with a reason and an HTTP code. Engine calls
 * return these as values (never throw them), and kubectl renders them (`Error from server (NotFound): ...`).
 */
import { type FieldError, errorBody, fieldErrorText } from './fieldErrors';
import { resourceFor } from './resources';
import type { Kind } from './types';

export type StatusReason =
  | 'NotFound'
  | 'AlreadyExists'
  | 'Conflict'
  | 'Invalid'
  | 'BadRequest'
  | 'Forbidden'
  | 'Gone'
  | 'InternalError'
  | 'MethodNotAllowed'
  | 'Expired'
  | 'RequestEntityTooLarge'
  // StatusReasonUnknown: an error that is not a Status (e.g. a strategic merge patch error) reaches the client as
  // a 500 with an empty reason, which kubectl prints as `Error from server: <message>`
  | '';

export interface StatusCause {
  reason: string;
  message: string;
  field?: string;
}

export interface ApiStatus {
  kind: 'Status';
  apiVersion: 'v1';
  status: 'Failure';
  message: string;
  reason: StatusReason;
  code: number;
  details?: { name?: string; group?: string; kind?: string; causes?: StatusCause[] };
}

/** The outcome of every engine API call: a value or an apiserver status. */
export type ApiResult<T> = { ok: true; value: T } | { ok: false; status: ApiStatus };

export const ok = <T>(value: T): ApiResult<T> => ({ ok: true, value });
export const fail = <T = never>(status: ApiStatus): ApiResult<T> => ({ ok: false, status });

function status(reason: StatusReason, code: number, message: string, details?: ApiStatus['details']): ApiStatus {
  return { kind: 'Status', apiVersion: 'v1', status: 'Failure', message, reason, code, ...(details ? { details } : {}) };
}

function qualified(kind: Kind): { resource: string; group: string } {
  const r = resourceFor(kind);
  return { resource: r.group ? `${r.resource}.${r.group}` : r.resource, group: r.group };
}

/** `pods "x" not found` */
export function notFound(kind: Kind, name: string): ApiStatus {
  const q = qualified(kind);
  return status('NotFound', 404, `${q.resource} "${name}" not found`, { name, group: q.group || undefined, kind: resourceFor(kind).resource });
}

/** `pods "x" already exists` */
export function alreadyExists(kind: Kind, name: string): ApiStatus {
  const q = qualified(kind);
  return status('AlreadyExists', 409, `${q.resource} "${name}" already exists`, {
    name,
    group: q.group || undefined,
    kind: resourceFor(kind).resource,
  });
}

/** `Operation cannot be fulfilled on pods "x": <reason>` */
export function conflict(kind: Kind, name: string, reason: string): ApiStatus {
  const q = qualified(kind);
  return status('Conflict', 409, `Operation cannot be fulfilled on ${q.resource} "${name}": ${reason}`, {
    name,
    group: q.group || undefined,
    kind: resourceFor(kind).resource,
  });
}

/**
 * `<Kind>[.group] "name" is invalid: <errors>` (422). The causes keep each field error so kubectl can print
 * `The Service "x" is invalid: spec...` or a `* ` list when there are several.
 */
export function invalid(kind: Kind, name: string, errors: readonly FieldError[]): ApiStatus {
  const r = resourceFor(kind);
  const gk = r.group ? `${kind}.${r.group}` : kind;
  const texts = errors.map(fieldErrorText);
  const agg = texts.length === 1 ? texts[0] : `[${texts.join(', ')}]`;
  return status('Invalid', 422, texts.length ? `${gk} "${name}" is invalid: ${agg}` : `${gk} "${name}" is invalid`, {
    name,
    group: r.group || undefined,
    kind,
    causes: errors.map((e) => ({ reason: e.type, message: errorBody(e), field: e.field })),
  });
}

export function badRequest(message: string): ApiStatus {
  return status('BadRequest', 400, message);
}

export function forbidden(kind: Kind, name: string, reason: string): ApiStatus {
  const q = qualified(kind);
  return status('Forbidden', 403, `${q.resource} "${name}" is forbidden: ${reason}`, { name, group: q.group || undefined, kind: q.resource });
}

/** `Internal error occurred: <message>` */
export function internalError(message: string): ApiStatus {
  return status('InternalError', 500, `Internal error occurred: ${message}`, { causes: [{ reason: '', message }] });
}

/** 410 Gone for a watch from a resourceVersion the watch cache no longer holds. */
export function gone(message: string): ApiStatus {
  return status('Expired', 410, message);
}

/** 413: `errors.NewRequestEntityTooLargeError` (k8s.io/apimachinery pkg/api/errors/errors.go). */
export function requestEntityTooLarge(message: string): ApiStatus {
  return status('RequestEntityTooLarge', 413, `Request entity too large: ${message}`);
}

export function methodNotAllowed(message: string): ApiStatus {
  return status('MethodNotAllowed', 405, message);
}

/**
 * Field errors as the apiserver reports them (`k8s.io/apimachinery/pkg/util/validation/field`).
 * `errorBody` renders `<Type>: <value>: <detail>`; strings are Go-%q quoted, numbers and booleans bare, and
 * anything else as JSON (`["10.96.0.10"]`) — apimachinery v0.34 switched from Go's `%#v`
 * (`[]string{"10.96.0.10"}`, as 1.33 clusters print) to json.Marshal. Required, Forbidden, TooLong and
 * Internal errors never show the value.
 */
import { goJsonMarshal } from '../../shared/goJson';
import { goQuote } from '../../shared/goQuote';

export type FieldErrorType =
  | 'FieldValueNotFound'
  | 'FieldValueRequired'
  | 'FieldValueDuplicate'
  | 'FieldValueInvalid'
  | 'FieldValueNotSupported'
  | 'FieldValueForbidden'
  | 'FieldValueTooLong'
  | 'FieldValueTooMany'
  | 'InternalError'
  | 'FieldValueTypeInvalid';

const typeText: Record<FieldErrorType, string> = {
  FieldValueNotFound: 'Not found',
  FieldValueRequired: 'Required value',
  FieldValueDuplicate: 'Duplicate value',
  FieldValueInvalid: 'Invalid value',
  FieldValueNotSupported: 'Unsupported value',
  FieldValueForbidden: 'Forbidden',
  FieldValueTooLong: 'Too long',
  FieldValueTooMany: 'Too many',
  InternalError: 'Internal error',
  FieldValueTypeInvalid: 'Invalid value',
};

/** A value as Go would print it in a field error; `GoLiteral` carries text that is already in Go syntax. */
export type BadValue = string | number | boolean | null | undefined | readonly string[] | GoLiteral;

export class GoLiteral {
  constructor(readonly text: string) {}
}

export interface FieldError {
  type: FieldErrorType;
  /** Dotted field path with indexes, e.g. `spec.ports[0].nodePort`. */
  field: string;
  badValue?: BadValue;
  /** True when the value must not be printed (Go's `omitValue`). */
  omitValue?: boolean;
  detail: string;
}

function formatValue(v: BadValue): string {
  if (v === null || v === undefined) return 'null';
  if (v instanceof GoLiteral) return v.text;
  if (typeof v === 'string') return goQuote(v);
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  return goJsonMarshal(v);
}

/** `<Type>: <value>: <detail>` as `field.Error.ErrorBody()` prints it. */
export function errorBody(e: FieldError): string {
  let s = typeText[e.type];
  const hidesValue =
    e.type === 'FieldValueRequired' || e.type === 'FieldValueForbidden' || e.type === 'FieldValueTooLong' || e.type === 'InternalError';
  if (!hidesValue && !e.omitValue) s += `: ${formatValue(e.badValue)}`;
  if (e.detail) s += `: ${e.detail}`;
  return s;
}

/** `<field>: <body>`, the text of one cause. */
export function fieldErrorText(e: FieldError): string {
  return e.field ? `${e.field}: ${errorBody(e)}` : errorBody(e);
}

export const field = {
  invalid: (path: string, value: BadValue, detail: string): FieldError => ({ type: 'FieldValueInvalid', field: path, badValue: value, detail }),
  required: (path: string, detail = ''): FieldError => ({ type: 'FieldValueRequired', field: path, detail }),
  forbidden: (path: string, detail: string): FieldError => ({ type: 'FieldValueForbidden', field: path, detail }),
  duplicate: (path: string, value: BadValue): FieldError => ({ type: 'FieldValueDuplicate', field: path, badValue: value, detail: '' }),
  notFound: (path: string, value: BadValue): FieldError => ({ type: 'FieldValueNotFound', field: path, badValue: value, detail: '' }),
  tooLong: (path: string, maxLength: number): FieldError => ({
    type: 'FieldValueTooLong',
    field: path,
    detail: `may not be more than ${maxLength} bytes`,
  }),
  tooMany: (path: string, actual: number, max: number): FieldError => ({
    type: 'FieldValueTooMany',
    field: path,
    badValue: actual,
    detail: `must have at most ${max} items`,
  }),
  /** `Unsupported value: "Foo": supported values: "A", "B"` */
  notSupported: (path: string, value: BadValue, valid: readonly string[]): FieldError => ({
    type: 'FieldValueNotSupported',
    field: path,
    badValue: value,
    detail: valid.length ? `supported values: ${valid.map(goQuote).join(', ')}` : '',
  }),
  internal: (path: string, detail: string): FieldError => ({ type: 'InternalError', field: path, detail }),
};

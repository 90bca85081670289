/**
 * One label selector requirement: `labels.NewRequirement` validation with its exact messages (apimachinery
 * v0.34 `pkg/labels/selector.go`) and `Requirement.String()`. Field errors are printed the way v0.34's
 * `field.Error` does: strings Go-quoted, other values (string lists) as JSON.
 */
import { goQuote } from '../../shared/goQuote';
import { goJsonMarshal } from '../../shared/goJson';
import { isQualifiedName, isValidLabelValue } from '../api/validation/names';

/** `selection.Operator` values: `!` is DoesNotExist, `gt` / `lt` are GreaterThan / LessThan. */
export type Operator = 'in' | 'notin' | '=' | '==' | '!=' | 'exists' | '!' | 'gt' | 'lt';

export interface Requirement {
  key: string;
  operator: Operator;
  values: string[];
}

export type RequirementResult = { ok: true; requirement: Requirement } | { ok: false; error: string };

const int64Min = -(2n ** 63n);
const int64Max = 2n ** 63n - 1n;

/** Go's `strconv.ParseInt(s, 10, 64)`: optional sign, decimal digits, within int64. */
export function parseInt64(s: string): bigint | undefined {
  if (!/^[+-]?[0-9]+$/.test(s)) return undefined;
  const n = BigInt(s);
  return n < int64Min || n > int64Max ? undefined : n;
}

const validOperators: readonly string[] = ['in', 'notin', '=', '==', '!=', 'gt', 'lt', 'exists', '!'];

function invalid(path: string, value: string | readonly string[] | null, detail: string): string {
  const shown = typeof value === 'string' ? goQuote(value) : goJsonMarshal(value);
  return `${path}: Invalid value: ${shown}: ${detail}`;
}

/** `utilerrors.NewAggregate(...).Error()` after `ErrorList.ToAggregate()`: de-duplicated, `[a, b]` when several. */
export function aggregate(msgs: readonly string[]): string {
  const uniq = [...new Set(msgs)];
  return uniq.length === 1 ? uniq[0] : `[${uniq.join(', ')}]`;
}

/**
 * `labels.NewRequirement` with a nil field path. `values` null stands for a Go nil slice (printed `null`).
 * The empty string is a valid value.
 */
export function newRequirement(key: string, op: Operator, values: readonly string[] | null): RequirementResult {
  const vals = values ?? [];
  const errs: string[] = [];
  const keyErrs = isQualifiedName(key);
  if (keyErrs.length) errs.push(invalid('key', key, keyErrs.join('; ')));
  switch (op) {
    case 'in':
    case 'notin':
      if (vals.length === 0) errs.push(invalid('values', values, "for 'in', 'notin' operators, values set can't be empty"));
      break;
    case '=':
    case '==':
    case '!=':
      if (vals.length !== 1) errs.push(invalid('values', values, 'exact-match compatibility requires one single value'));
      break;
    case 'exists':
    case '!':
      if (vals.length !== 0) errs.push(invalid('values', values, 'values set must be empty for exists and does not exist'));
      break;
    case 'gt':
    case 'lt':
      if (vals.length !== 1) errs.push(invalid('values', values, "for 'Gt', 'Lt' operators, exactly one value is required"));
      vals.forEach((v, i) => {
        if (parseInt64(v) === undefined) errs.push(invalid(`values[${i}]`, v, "for 'Gt', 'Lt' operators, the value must be an integer"));
      });
      break;
    default:
      errs.push(
        `operator: Unsupported value: ${goJsonMarshal(op)}: supported values: ${validOperators.map(goQuote).join(', ')}`,
      );
  }
  vals.forEach((v, i) => {
    const e = isValidLabelValue(v);
    if (e.length) errs.push(invalid(`values[${i}][${key}]`, v, e.join('; ')));
  });
  if (errs.length) return { ok: false, error: aggregate(errs) };
  return { ok: true, requirement: { key, operator: op, values: [...vals] } };
}

/** `Requirement.String()`: `!k`, `k`, `k=v`, `k==v`, `k!=v`, `k in (a,b)`, `k notin (a,b)`, `k>1`, `k<1`. */
export function requirementString(r: Requirement): string {
  let s = r.operator === '!' ? `!${r.key}` : r.key;
  switch (r.operator) {
    case '=':
    case '==':
    case '!=':
      s += r.operator;
      break;
    case 'in':
      s += ' in ';
      break;
    case 'notin':
      s += ' notin ';
      break;
    case 'gt':
      s += '>';
      break;
    case 'lt':
      s += '<';
      break;
    default:
      return s;
  }
  const set = r.operator === 'in' || r.operator === 'notin';
  // values are printed sorted, without reordering the requirement itself
  const vals = r.values.length === 1 ? r.values[0] : [...r.values].sort().join(',');
  return set ? `${s}(${vals})` : `${s}${vals}`;
}

/**
 * The conditions of `kubectl wait --for=...` (kubectl `pkg/cmd/wait/wait.go` conditionFuncFor, `condition.go`,
 * `json.go`, `delete.go`, `create.go`): each checks one object and says met, not yet, or fails with an error
 * the command reports as is.
 */
import type { KubeObject } from '../../engine';
import { fail } from '../cli/errors';
import { goQuote } from '../../shared/goQuote';
import { goSprint } from '../../shared/goFmt';
import { JsonPath, JsonPathEvalError } from '../printers/jsonpath/jsonpath';
import { JsonPathSyntaxError } from '../printers/jsonpath/jsonpathParser';
import { relaxedJsonPath } from '../printers/outputPrinters';

export type WaitCondition =
  | { type: 'delete' }
  | { type: 'create' }
  /** Checks a live object: true when met; throws WaitCheckError to stop waiting. */
  | { type: 'check'; check: (obj: KubeObject) => boolean };

/** An error raised while checking (the wait stops and reports it). */
export class WaitCheckError extends Error {}

/** strings.EqualFold for the ASCII values conditions carry. */
const equalFold = (a: string, b: string) => a.toLowerCase() === b.toLowerCase();

/** `ConditionalWait.checkCondition`: `status.conditions[type=name].status` equals the wanted value. */
function conditionCheck(name: string, value: string): (obj: KubeObject) => boolean {
  return (obj) => {
    const o = obj as { metadata?: { generation?: number }; status?: { conditions?: unknown; observedGeneration?: number } };
    const conditions = o.status?.conditions;
    if (!Array.isArray(conditions)) return false;
    for (const c of conditions as Record<string, unknown>[]) {
      if (typeof c.type !== 'string' || !equalFold(c.type, name)) continue;
      if (typeof c.status !== 'string') continue;
      const generation = o.metadata?.generation;
      if (generation !== undefined) {
        const observed = typeof c.observedGeneration === 'number' ? c.observedGeneration : o.status?.observedGeneration;
        if (observed !== undefined && observed < generation) return false;
      }
      return equalFold(c.status, value);
    }
    return false;
  };
}

/** `splitJSONPathInput`: split on single '=' (a doubled `==` stays in the expression). */
function splitJsonPathInput(input: string): string[] {
  const out: string[] = [];
  let cur = '';
  for (let i = 0; i < input.length; i++) {
    if (input[i] === '=') {
      if (i < input.length - 1 && input[i + 1] === '=') {
        cur += '==';
        i++;
        continue;
      }
      out.push(cur);
      cur = '';
      continue;
    }
    cur += input[i];
  }
  out.push(cur);
  return out;
}

/** `JSONPathWait.checkCondition`. */
function jsonPathCheck(jp: JsonPath, value: string | undefined): (obj: KubeObject) => boolean {
  return (obj) => {
    let results: unknown[][];
    try {
      results = jp.findResults(obj);
    } catch (e) {
      if (e instanceof JsonPathEvalError) throw new WaitCheckError(e.message);
      throw e;
    }
    if (results.length === 0 || results[0].length === 0) return false;
    if (results.length > 1) throw new WaitCheckError('given jsonpath expression matches more than one list');
    if (results[0].length > 1) throw new WaitCheckError('given jsonpath expression matches more than one value');
    if (value === undefined) return true;
    const v = results[0][0];
    if (v !== null && typeof v === 'object') throw new WaitCheckError('jsonpath leads to a nested object or list which is not supported');
    return goSprint(v).trim() === value.trim();
  };
}

/** `conditionFuncFor`: parses `--for`. */
export function parseWaitCondition(condition: string): WaitCondition {
  const lower = condition.toLowerCase();
  if (lower === 'delete') return { type: 'delete' };
  if (lower === 'create') return { type: 'create' };
  if (condition.startsWith('condition=')) {
    let name = condition.slice('condition='.length);
    let value = 'true';
    const eq = name.indexOf('=');
    if (eq >= 0) {
      value = name.slice(eq + 1);
      name = name.slice(0, eq);
    }
    return { type: 'check', check: conditionCheck(name, value) };
  }
  if (condition.startsWith('jsonpath=')) {
    const parts = splitJsonPathInput(condition.slice('jsonpath='.length));
    if (parts.length < 1 || parts.length > 2) {
      throw fail("jsonpath wait format must be --for=jsonpath='{.status.readyReplicas}'=3 or --for=jsonpath='{.status.readyReplicas}'");
    }
    const expr = relaxedJsonPath(parts[0]);
    let value: string | undefined;
    if (parts.length === 2) {
      value = parts[1].replace(/^['"]+|['"]+$/g, '');
      if (value === '') throw fail("jsonpath wait has to have a value after equal sign, like --for=jsonpath='{.status.readyReplicas}'=3");
    }
    if (expr === '') throw fail('jsonpath expression cannot be empty');
    let jp: JsonPath;
    try {
      jp = new JsonPath(expr);
    } catch (e) {
      if (e instanceof JsonPathSyntaxError) throw fail(e.message);
      throw e;
    }
    jp.allowMissingKeys = true;
    return { type: 'check', check: jsonPathCheck(jp, value) };
  }
  throw fail(`unrecognized condition: ${goQuote(condition)}`);
}

/**
 * JSONPath evaluation as k8s.io/client-go `util/jsonpath/jsonpath.go` does it on unstructured objects:
 * `FindResults` (with its range/end bookkeeping), the node evaluators, and `PrintResults` (values of one action
 * joined by spaces; maps and lists as compact Go JSON; scalars with fmt.Sprint). Go iterates map keys in random
 * order for `*` and `..`; this port uses sorted keys so output is reproducible.
 */
import { goSprint } from '../../../shared/goFmt';
import { goJsonMarshal, goJsonMarshalIndent } from '../../../shared/goJson';
import { type JsonPathNode, type ListNode, type ParamsEntry, parseJsonPath } from './jsonpathParser';

/** An evaluation error, with the message client-go gives. */
export class JsonPathEvalError extends Error {}

type Value = unknown;

const isNil = (v: Value) => v === null || v === undefined;
const isMap = (v: Value): v is Record<string, unknown> => v !== null && typeof v === 'object' && !Array.isArray(v);
const byteOrder = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
const mapValues = (m: Record<string, unknown>) =>
  Object.keys(m)
    .filter((k) => m[k] !== undefined)
    .sort(byteOrder)
    .map((k) => m[k]);

/** Indexing a Go string yields its bytes (uint8), which have no children. */
const utf8Bytes = (s: string): number[] => [...new TextEncoder().encode(s)];

/** Go type names as `%v` of a reflect.Type prints them for unstructured values. */
export function goTypeName(v: Value): string {
  if (typeof v === 'string') return 'string';
  if (typeof v === 'number') return Number.isInteger(v) ? 'int64' : 'float64';
  if (typeof v === 'boolean') return 'bool';
  if (Array.isArray(v)) return '[]interface {}';
  if (isMap(v)) return 'map[string]interface {}';
  return 'interface {}';
}

/** A parsed JSONPath template. */
export class JsonPath {
  readonly root: ListNode;
  allowMissingKeys = false;
  outputJson = false;
  private beginRange = 0;
  private inRange = 0;
  private endRange = 0;
  private lastEndNode: JsonPathNode | undefined;

  constructor(template: string) {
    this.root = parseJsonPath(template);
  }

  /** Evaluates and prints; throws JsonPathEvalError. */
  execute(data: Value): string {
    this.beginRange = 0;
    this.inRange = 0;
    this.endRange = 0;
    const full = this.findResults(data, this.root.nodes);
    return full.map((r) => this.printResults(r)).join('');
  }

  /** The values each top-level node produced. */
  findResults(data: Value, nodes: JsonPathNode[] = this.root.nodes): Value[][] {
    const cur = [data];
    const full: Value[][] = [];
    for (let i = 0; i < nodes.length; i++) {
      const node = nodes[i];
      const results = this.walk(cur, node);
      // an end node closes the current range block
      if (this.endRange > 0 && this.endRange <= this.inRange) {
        this.endRange--;
        this.lastEndNode = node;
        break;
      }
      if (this.beginRange > 0) {
        this.beginRange--;
        this.inRange++;
        if (results.length > 0) {
          for (const value of results) full.push(...this.findResults(value, nodes.slice(i + 1)));
        } else {
          // still walk the body so the position advances to the end node
          this.findResults(null, nodes.slice(i + 1));
        }
        this.inRange--;
        for (let k = i + 1; k < nodes.length; k++) {
          if (nodes[k] === this.lastEndNode) {
            i = k;
            break;
          }
        }
        continue;
      }
      full.push(results);
    }
    return full;
  }

  /** PrintResults for one action's values. */
  printResults(results: Value[]): string {
    if (this.outputJson) return `${goJsonMarshalIndent(results)}\n`;
    return results.map((r) => (Array.isArray(r) || isMap(r) ? goJsonMarshal(r) : goSprint(r))).join(' ');
  }

  private walk(value: Value[], node: JsonPathNode): Value[] {
    switch (node.type) {
      case 'list':
        return this.evalList(value, node);
      case 'text':
        return [node.text];
      case 'field':
        return this.evalField(value, node.value);
      case 'array':
        return this.evalArray(value, node.params);
      case 'filter':
        return this.evalFilter(value, node);
      case 'int':
      case 'float':
      case 'bool':
        return value.map(() => node.value);
      case 'wildcard':
        return this.evalWildcard(value);
      case 'recursive':
        return this.evalRecursive(value);
      case 'union':
        return node.nodes.flatMap((l) => this.evalList(value, l));
      case 'identifier':
        return this.evalIdentifier(value, node.name);
    }
  }

  private evalList(value: Value[], node: ListNode): Value[] {
    let cur = value;
    for (const n of node.nodes) cur = this.walk(cur, n);
    return cur;
  }

  private evalIdentifier(input: Value[], name: string): Value[] {
    if (name === 'range') {
      this.beginRange++;
      return input;
    }
    if (name === 'end') {
      if (this.inRange > 0) {
        this.endRange++;
        return [];
      }
      throw new JsonPathEvalError('not in range, nothing to end');
    }
    throw new JsonPathEvalError(`unrecognized identifier ${name}`);
  }

  private evalArray(input: Value[], template: readonly ParamsEntry[]): Value[] {
    const result: Value[] = [];
    for (const value of input) {
      if (isNil(value)) continue;
      if (!Array.isArray(value)) throw new JsonPathEvalError(`${goTypeName(value)} is not array or slice`);
      const params = template.map((p) => ({ ...p }));
      const len = value.length;
      if (!params[0].known) params[0].value = 0;
      if (params[0].value < 0) params[0].value += len;
      if (!params[1].known) params[1].value = len;
      if (params[1].value < 0 || (params[1].value === 0 && params[1].derived)) params[1].value += len;
      // requesting zero elements is allowed
      if (params[1].value === params[0].value) return result;
      if (params[0].value >= len || params[0].value < 0) {
        throw new JsonPathEvalError(`array index out of bounds: index ${params[0].value}, length ${len}`);
      }
      if (params[1].value > len || params[1].value < 0) {
        throw new JsonPathEvalError(`array index out of bounds: index ${params[1].value - 1}, length ${len}`);
      }
      if (params[0].value > params[1].value) {
        throw new JsonPathEvalError(`starting index ${params[0].value} is greater than ending index ${params[1].value}`);
      }
      const slice = value.slice(params[0].value, params[1].value);
      let step = 1;
      if (params[2].known) {
        if (params[2].value <= 0) throw new JsonPathEvalError('step must be > 0');
        step = params[2].value;
      }
      for (let i = 0; i < slice.length; i += step) result.push(slice[i]);
    }
    return result;
  }

  private evalField(input: Value[], name: string): Value[] {
    const results: Value[] = [];
    if (input.length === 0) return results;
    for (const value of input) {
      if (isNil(value)) continue;
      if (isMap(value) && Object.hasOwn(value, name) && value[name] !== undefined) results.push(value[name]);
    }
    if (results.length === 0) {
      if (this.allowMissingKeys) return results;
      throw new JsonPathEvalError(`${name} is not found`);
    }
    return results;
  }

  private evalWildcard(input: Value[]): Value[] {
    const results: Value[] = [];
    for (const value of input) {
      if (isNil(value)) continue;
      if (isMap(value)) results.push(...mapValues(value));
      else if (Array.isArray(value)) results.push(...value);
      else if (typeof value === 'string') results.push(...utf8Bytes(value));
    }
    return results;
  }

  private evalRecursive(input: Value[]): Value[] {
    const result: Value[] = [];
    for (const value of input) {
      if (isNil(value)) continue;
      let children: Value[] = [];
      if (isMap(value)) children = mapValues(value);
      else if (Array.isArray(value)) children = value;
      else if (typeof value === 'string') children = utf8Bytes(value);
      if (children.length !== 0) {
        result.push(value);
        result.push(...this.evalRecursive(children));
      }
    }
    return result;
  }

  private evalFilter(input: Value[], node: Extract<JsonPathNode, { type: 'filter' }>): Value[] {
    const results: Value[] = [];
    for (const value of input) {
      if (!Array.isArray(value)) throw new JsonPathEvalError(`${goSprint(value)} is not array or slice and cannot be filtered`);
      for (const item of value) {
        const lefts = this.evalList([item], node.left);
        if (node.operator === 'exists') {
          if (lefts.length > 0) results.push(item);
          continue;
        }
        if (lefts.length === 0) continue;
        if (lefts.length > 1) throw new JsonPathEvalError('can only compare one element at a time');
        const rights = this.evalList([item], node.right);
        if (rights.length === 0) continue;
        if (rights.length > 1) throw new JsonPathEvalError('can only compare one element at a time');
        if (compare(lefts[0], rights[0], node.operator)) results.push(item);
      }
    }
    return results;
  }
}

/** text/template's eq/ne/lt/le/gt/ge on basic kinds (numbers compare across int and float), and `=~`. */
function compare(left: Value, right: Value, op: string): boolean {
  if (op === '=~') {
    if (typeof left !== 'string' || typeof right !== 'string') {
      throw new JsonPathEvalError('regexp search only support string now');
    }
    return new RegExp(right).test(left);
  }
  const kind = (v: Value) => (typeof v === 'number' ? 'number' : typeof v === 'string' ? 'string' : typeof v === 'boolean' ? 'bool' : 'other');
  const lk = kind(left);
  const rk = kind(right);
  if (op === '==' || op === '!=') {
    if (lk !== rk || lk === 'other') throw new JsonPathEvalError('incompatible types for comparison');
    return (left === right) === (op === '==');
  }
  if (lk !== rk) throw new JsonPathEvalError('incompatible types for comparison');
  if (lk === 'bool' || lk === 'other') throw new JsonPathEvalError('invalid type for comparison');
  const a = left as number | string;
  const b = right as number | string;
  switch (op) {
    case '<':
      return a < b;
    case '<=':
      return a <= b;
    case '>':
      return a > b;
    case '>=':
      return a >= b;
  }
  throw new JsonPathEvalError(`unrecognized filter operator ${op}`);
}

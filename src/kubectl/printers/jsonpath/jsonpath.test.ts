/**
 * JSONPath behaviour checked against k8s.io/client-go util/jsonpath (parser.go, jsonpath.go) and the
 * jsonpath printer of cli-runtime pkg/printers/jsonpath.go (missing keys allowed).
 */
import { describe, expect, it } from 'vitest';
import { JsonPath, JsonPathEvalError } from './jsonpath';
import { JsonPathSyntaxError } from './jsonpathParser';

const list = {
  apiVersion: 'v1',
  kind: 'List',
  items: [
    { metadata: { name: 'a', labels: { app: 'x' } }, spec: { ports: [{ port: 80 }, { port: 443 }] }, status: { phase: 'Running' } },
    { metadata: { name: 'b', labels: { app: 'y' } }, spec: { ports: [{ port: 8080 }] }, status: { phase: 'Pending' } },
  ],
};

const run = (template: string, data: unknown = list) => {
  const jp = new JsonPath(template);
  jp.allowMissingKeys = true;
  return jp.execute(data);
};

describe('JsonPath', () => {
  it.each([
    ['{.items[0].metadata.name}', 'a'],
    ['{.items[*].metadata.name}', 'a b'],
    ['{.items[-1].metadata.name}', 'b'],
    ['{.items[0:1].metadata.name}', 'a'],
    ['{.items[*].spec.ports[*].port}', '80 443 8080'],
    ['{.items[?(@.status.phase=="Running")].metadata.name}', 'a'],
    ['{.items[?(@.metadata.labels.app!="x")].metadata.name}', 'b'],
    ['{.items[?(@.spec.ports[0].port>100)].metadata.name}', 'b'],
    ['{range .items[*]}{.metadata.name}{"\\t"}{.status.phase}{"\\n"}{end}', 'a\tRunning\nb\tPending\n'],
    ["{.items[0].metadata['name']}", 'a'],
    ['{.items[0].metadata.labels}', '{"app":"x"}'],
    ['{..port}', '80 443 8080'],
    ['{.kind} has {.items[1].metadata.name}', 'List has b'],
    ['{.items[0].missing}', ''],
    ['{.items[0,1].metadata.name}', 'a b'],
  ])('%s', (template, want) => {
    expect(run(template)).toBe(want);
  });

  it('reports out-of-range indexes like client-go', () => {
    expect(() => run('{.items[5].metadata.name}')).toThrow(new JsonPathEvalError('array index out of bounds: index 5, length 2'));
    expect(() => run('{.items[0].metadata.name}', { items: [] })).toThrow('array index out of bounds: index 0, length 0');
  });

  it('reports parse errors like client-go', () => {
    expect(() => new JsonPath('{.items[0}')).toThrow(JsonPathSyntaxError);
    expect(() => new JsonPath('{.a')).toThrow('unclosed action');
    // only single-quoted dict keys are recognised
    expect(() => new JsonPath('{.items[*].metadata["name"]}')).toThrow('invalid array index "name"');
    expect(() => new JsonPath('{end}').execute({})).toThrow('not in range, nothing to end');
  });

  it('prints JSON for jsonpath-as-json', () => {
    const jp = new JsonPath('{.items[*].metadata.name}');
    jp.outputJson = true;
    expect(jp.execute(list)).toBe('[\n    "a",\n    "b"\n]\n');
  });
});

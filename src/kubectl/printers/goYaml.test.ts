/**
 * `kubectl get -o yaml` formatting: sigs.k8s.io/yaml (JSON → go-yaml v2 Marshal). Key order is go-yaml's
 * keyList.Less (sorter.go), quoting follows resolve.go/encode.go stringv and libyaml's analyze_scalar, long
 * scalars fold at column 80 (emitterc.go write_plain/single_quoted), sequences are not indented under keys.
 */
import { describe, expect, it } from 'vitest';
import { toGoYaml } from './goYaml';
import { compareYamlKeys, resolvesToNonString, stringStyle } from './yamlScalars';

describe('toGoYaml', () => {
  it('prints a Service the way kubectl does', () => {
    const svc = {
      apiVersion: 'v1',
      kind: 'Service',
      metadata: { creationTimestamp: '2026-01-05T09:00:00Z', labels: { ver: '1', app: 'alpaca' }, name: 'alpaca-prod' },
      spec: { clusterIPs: ['10.96.0.1'], ports: [{ port: 8000, protocol: 'TCP', targetPort: 8000 }], selector: {} },
      status: { loadBalancer: {} },
    };
    expect(toGoYaml(svc)).toBe(`apiVersion: v1
kind: Service
metadata:
  creationTimestamp: "2026-01-05T09:00:00Z"
  labels:
    app: alpaca
    ver: "1"
  name: alpaca-prod
spec:
  clusterIPs:
  - 10.96.0.1
  ports:
  - port: 8000
    protocol: TCP
    targetPort: 8000
  selector: {}
status:
  loadBalancer: {}
`);
  });

  it('prints the empty List kubectl get -o yaml prints', () => {
    expect(toGoYaml({ apiVersion: 'v1', items: [], kind: 'List', metadata: { resourceVersion: '' } })).toBe(
      'apiVersion: v1\nitems: []\nkind: List\nmetadata:\n  resourceVersion: ""\n',
    );
  });

  it('uses literal blocks with chomping indicators for multi-line strings', () => {
    expect(toGoYaml({ a: 'x\n', b: 'x\ny', c: 'x\n\n' })).toBe('a: |\n  x\nb: |-\n  x\n  y\nc: |+\n  x\n\n');
  });

  it('folds long plain and single-quoted scalars past column 80, indented under the key', () => {
    const message =
      '0/3 nodes are available: 1 node(s) had untolerated taint {node-role.kubernetes.io/control-plane: }, 2 Insufficient cpu.';
    expect(toGoYaml({ status: { conditions: [{ message, type: 'PodScheduled' }] } })).toBe(`status:
  conditions:
  - message: '0/3 nodes are available: 1 node(s) had untolerated taint {node-role.kubernetes.io/control-plane:
      }, 2 Insufficient cpu.'
    type: PodScheduled
`);
  });

  it('prints nulls, booleans, nested sequences', () => {
    expect(toGoYaml({ a: null, b: true, c: [[1, 2], []] })).toBe('a: null\nb: true\nc:\n- - 1\n  - 2\n- []\n');
  });
});

describe('yaml scalar styles', () => {
  it.each([
    ['1', 'double'],
    ['true', 'double'],
    ['no', 'double'],
    ['', 'double'],
    ['~', 'double'],
    ['1.5', 'double'],
    ['0x1F', 'double'],
    ['2026-01-05', 'double'],
    ['1:20', 'double'],
    ['10.96.0.1', 'plain'],
    ['v1.34.0', 'plain'],
    ['*', 'single'],
    ['a: b', 'single'],
    ['{"a":1}', 'single'],
    [' leading', 'single'],
    ['tab\there', 'double'],
    ['- x', 'single'],
    ['-x', 'plain'],
    ['a #b', 'single'],
    ['a#b', 'plain'],
  ] as const)('%j is %s', (s, style) => {
    expect(stringStyle(s, false)).toBe(style);
  });

  it('resolves YAML 1.1 look-alikes', () => {
    expect(resolvesToNonString('8000')).toBe(true);
    expect(resolvesToNonString('08')).toBe(true);
    expect(resolvesToNonString('alpaca')).toBe(false);
    expect(resolvesToNonString('-')).toBe(false);
  });

  it('sorts keys like go-yaml keyList.Less (digit runs numerically, non-letters first)', () => {
    const keys = ['b10', 'b9', 'app', 'app.kubernetes.io/name', 'App', 'a-b', 'ab'];
    expect([...keys].sort(compareYamlKeys)).toEqual(['App', 'a-b', 'ab', 'app', 'app.kubernetes.io/name', 'b9', 'b10']);
  });

  // go-yaml yaml.v2 encode.go floatv: strconv.FormatFloat(f, 'g', -1, 64), with .inf and .nan
  it("writes floats as strconv 'g' does, with its own spelling of infinities and NaN", () => {
    expect(toGoYaml({ big: 1234567.5, small: 0.5, count: 10000000, inf: Number.POSITIVE_INFINITY, nan: Number.NaN })).toBe(
      'big: 1.2345675e+06\ncount: 10000000\ninf: .inf\nnan: .nan\nsmall: 0.5\n',
    );
  });
});

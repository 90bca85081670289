import { describe, expect, it } from 'vitest';
import { formatScenarioErrors, parseScenario } from './parseScenario';

const minimal = `apiVersion: svcsim.dev/v1alpha1
kind: Scenario
metadata:
  name: tiny
title: Tiny
steps:
  - title: Look
    action:
      run: kubectl get pods
    checks:
      - pods: {selector: app=x, count: 0}
`;

describe('parseScenario', () => {
  it('reads a minimal scenario with defaults', () => {
    const r = parseScenario(minimal);
    if (!r.ok) throw new Error(formatScenarioErrors('tiny', r.errors));
    expect(r.scenario.name).toBe('tiny');
    expect(r.scenario.level).toBe('beginner');
    expect(r.scenario.title).toEqual({ en: 'Tiny' });
    expect(r.scenario.steps[0].action).toEqual({ type: 'run', lines: ['kubectl get pods'] });
    expect(r.scenario.steps[0].checks).toEqual([{ type: 'pods', selector: 'app=x', namespace: 'default', count: 0 }]);
  });

  it('points at the line and column of each problem', () => {
    const text = minimal
      .replace('svcsim.dev/v1alpha1', 'svcsim.dev/v2')
      .replace('title: Tiny', 'title: Tiny\ncolour: red')
      .replace('count: 0}', 'count: lots}');
    const r = parseScenario(text);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(formatScenarioErrors('tiny.svcsim.yaml', r.errors)).toBe(
      [
        'tiny.svcsim.yaml:1:13: apiVersion: must be svcsim.dev/v1alpha1 (this svcsim reads that version of the scenario format)',
        'tiny.svcsim.yaml:6:1: colour: unknown field "colour" (known: apiVersion, kind, metadata, title, description, cluster, manifests, warmUp, steps)',
        'tiny.svcsim.yaml:12:40: steps[0].checks[0].pods.count: must be an integer ≥ 0',
        '',
      ].join('\n'),
    );
  });

  it('reports YAML syntax errors with their position', () => {
    const r = parseScenario('apiVersion: svcsim.dev/v1alpha1\nkind: [Scenario\n');
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.errors[0].line).toBeGreaterThanOrEqual(2);
  });

  it('requires exactly one kind of action and of check, and the required fields', () => {
    const text = minimal.replace('      run: kubectl get pods', '      run: kubectl get pods\n      advance: 30s').replace('- pods: {selector: app=x, count: 0}', '- endpoints: {ready: 1}');
    const r = parseScenario(text);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    const messages = r.errors.map((e) => `${e.line}:${e.column} ${e.path}: ${e.message}`);
    expect(messages).toContain('9:7 steps[0].action: an action has exactly one of run, apply, advance, setReady, relabel, edit');
    expect(messages).toContain('12:20 steps[0].checks[0].endpoints.service: is required');
  });

  it("accepts kind's own Cluster config for nodes, subnets and proxy mode", () => {
    const text = minimal.replace(
      'title: Tiny',
      `title: Tiny
cluster:
  seed: 9
  kind:
    kind: Cluster
    apiVersion: kind.x-k8s.io/v1alpha4
    nodes:
      - role: control-plane
      - role: worker
      - role: worker
        labels: {zone: b}
    networking:
      podSubnet: 10.200.0.0/16
      serviceSubnet: 10.100.0.0/16
      kubeProxyMode: ipvs`,
    );
    const r = parseScenario(text);
    if (!r.ok) throw new Error(formatScenarioErrors('kind', r.errors));
    const c = r.scenario.cluster;
    expect(c.seed).toBe(9);
    expect(c.nodes?.map((n) => n.name)).toEqual(['kind-control-plane', 'kind-worker', 'kind-worker2']);
    expect(c.nodes?.[2].labels).toEqual({ zone: 'b' });
    expect([c.podCIDR, c.serviceCIDR, c.proxyMode]).toEqual(['10.200.0.0/16', '10.100.0.0/16', 'ipvs']);
  });

  it('refuses a kind config with two control planes, with its position', () => {
    const text = minimal.replace('title: Tiny', 'title: Tiny\ncluster:\n  kind:\n    nodes:\n      - role: control-plane\n      - role: control-plane');
    const r = parseScenario(text);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.errors[0]).toMatchObject({ line: 9, column: 7, path: 'cluster.kind.nodes' });
  });

  it('refuses an oversized text before parsing it', () => {
    const r = parseScenario(`# ${'x'.repeat(300 * 1024)}`);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.errors[0].message).toMatch(/larger than 256 KiB/);
  });
});

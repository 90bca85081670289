// The data-plane checks: traffic (what the last svcsim load/trace sent), proxyMode, output counts and docker
// commands, kind's extraPortMappings in a scenario's cluster, and the errors each gives for bad input.
import { describe, expect, it } from 'vitest';
import { formatScenarioErrors, parseScenario } from './parseScenario';
import { ScenarioRun } from './player';

const scenario = (cluster: string, steps: string) => `apiVersion: svcsim.dev/v1alpha1
kind: Scenario
metadata: {name: t}
title: T
cluster:
${cluster}
manifests: |
  apiVersion: apps/v1
  kind: Deployment
  metadata: {name: web}
  spec:
    replicas: 2
    selector: {matchLabels: {app: web}}
    template:
      metadata: {labels: {app: web}}
      spec:
        containers: [{name: nginx, image: "nginx:1.27", ports: [{containerPort: 80}]}]
  ---
  apiVersion: v1
  kind: Service
  metadata: {name: web}
  spec:
    type: NodePort
    selector: {app: web}
    ports: [{port: 80, nodePort: 30080}]
  ---
  apiVersion: v1
  kind: Pod
  metadata: {name: client}
  spec:
    containers: [{name: c, image: "busybox:1.36", command: [sleep, infinity]}]
warmUp: 30s
steps:
${steps}`;

function play(text: string) {
  const r = parseScenario(text);
  if (!r.ok) throw new Error(formatScenarioErrors('t', r.errors));
  const run = new ScenarioRun(r.scenario);
  return r.scenario.steps.map((_, i) => ({ out: run.runAction(i), checks: run.check(i) }));
}

describe('traffic and proxyMode checks', () => {
  it('reads what the last svcsim load sent: how many pods answered, and fails before any traffic', () => {
    const steps = play(
      scenario(
        '  seed: 3',
        `  - title: nothing sent yet
    checks:
      - traffic: {pods: 2}
  - title: load
    action:
      run: svcsim load web -n 40 --from client
    checks:
      - traffic: {outcome: connected, pods: 2}
      - traffic: {pods: 1}
      - proxyMode: {mode: iptables}
      - proxyMode: {mode: ipvs, node: kind-worker}
`,
      ),
    );
    expect(steps[0].checks[0]).toMatchObject({ ok: false, actual: 'no svcsim load or trace has run' });
    expect(steps[1].out.transcript).toContain('40 connections from pod default/client to web:80');
    expect(steps[1].checks.map((c) => c.ok)).toEqual([true, false, true, false]);
    expect(steps[1].checks[1].actual).toContain('40 connected; 2 pods answered');
    expect(steps[1].checks[3]).toMatchObject({ expected: 'kube-proxy mode ipvs on kind-worker', actual: 'kind-worker iptables' });
  });

  it('tells a SNAT from a kept client IP, and a refused localhost from one kind publishes', () => {
    const cluster = `  seed: 3
  kind:
    nodes:
      - role: control-plane
        extraPortMappings: [{containerPort: 30080, hostPort: 8080}]
      - role: worker
      - role: worker`;
    const steps = play(
      scenario(
        cluster,
        `  - title: node IP
    action:
      run: svcsim trace 172.18.0.3:30080 --from host
    checks:
      - traffic: {outcome: connected, clientIP: replaced}
      - traffic: {clientIP: kept}
  - title: unmapped localhost
    action:
      run: svcsim trace localhost:30080 --from host
    checks:
      - traffic: {outcome: refused}
  - title: mapped localhost
    action:
      run: svcsim trace localhost:8080 --from host
    checks:
      - traffic: {outcome: connected}
      - output: {command: docker ps, contains: "0.0.0.0:8080->30080/tcp"}
`,
      ),
    );
    expect(steps[0].checks.map((c) => c.ok)).toEqual([true, false]);
    expect(steps[0].checks[0].actual).toContain('the pod saw 172.18.0.');
    expect(steps[1].checks[0].ok).toBe(true);
    expect(steps[2].out.transcript).toContain('docker publishes localhost:8080 → kind-control-plane 172.18.0.2:30080 (extraPortMappings)');
    expect(steps[2].checks.map((c) => c.ok)).toEqual([true, true]);
  });

  it('counts a text in a command’s output', () => {
    const [step] = play(
      scenario(
        '  seed: 3',
        `  - title: rules
    checks:
      - output: {command: docker exec kind-worker iptables-save -t nat, count: {"default/web -> ": 2}}
      - output: {command: docker exec kind-worker iptables-save -t nat, count: {"default/web -> ": 3}}
`,
      ),
    );
    expect(step.checks.map((c) => c.ok)).toEqual([true, false]);
    expect(step.checks[1].actual).toBe('"default/web -> " 2 times');
  });

  it('evaluating a traffic check sends nothing: the cluster’s random choices stay where they were', () => {
    const text = scenario('  seed: 3', `  - title: load\n    action:\n      run: svcsim load web -n 5 --from client\n    checks:\n      - traffic: {pods: 2}\n`);
    const r = parseScenario(text);
    if (!r.ok) throw new Error('invalid');
    const a = new ScenarioRun(r.scenario);
    a.runAction(0);
    for (let i = 0; i < 5; i++) a.check(0);
    const b = new ScenarioRun(r.scenario);
    b.runAction(0);
    expect(a.cluster.rand.state()).toEqual(b.cluster.rand.state());
  });

  it('gives line:col errors for bad traffic, proxyMode, count and port mappings', () => {
    const r = parseScenario(
      scenario(
        `  kind:
    nodes:
      - role: control-plane
        extraPortMappings: [{containerPort: 70000}]`,
        `  - title: bad
    checks:
      - traffic: {outcome: maybe}
      - traffic: {}
      - proxyMode: {mode: ebpf}
      - output: {command: curl localhost, count: {x: many}}
`,
      ),
    );
    expect(r.ok).toBe(false);
    if (r.ok) return;
    const text = formatScenarioErrors('t', r.errors);
    expect(text).toContain('cluster.kind.nodes[0].extraPortMappings[0].containerPort: must be a port from 1 to 65535, not 70000');
    expect(text).toContain('steps[0].checks[0].traffic.outcome: must be one of connected, refused, timeout, no-route, not "maybe"');
    expect(text).toContain('steps[0].checks[1].traffic: needs outcome, pods or clientIP');
    expect(text).toContain('steps[0].checks[2].proxyMode.mode: must be one of iptables, ipvs, nftables, userspace, not "ebpf"');
    expect(text).toContain('steps[0].checks[3].output.command: must be a kubectl or docker command');
    expect(text).toMatch(/t:\d+:\d+: steps\[0\]\.checks\[3\]\.output\.count\.x: must be an integer/);
  });
});

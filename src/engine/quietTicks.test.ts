/**
 * Advancing costs what changes: quiet probes are not run tick by tick. This pins that skipping them changes
 * nothing a user can read: the same commands on a cluster that runs every probe tick (`tickQuietProbes`) and
 * on one that skips the quiet ones print the same bytes for every object of every kind, the events, the
 * logs and the pods' access logs.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { Cluster } from './cluster';
import { allResources } from './api/resources';
import { ShellSession } from '../cli/shellSession';
import { seedTopologyManifest } from '../scenario/library/seedTopology';

const seedScript = readFileSync(new URL('../cli/testdata/seed.sh', import.meta.url), 'utf8');

/** Pods whose probes go quiet, flip, fail and log: exec with a file the process removes, kuard, nginx. */
const probedWorkloads = `apiVersion: v1
kind: Pod
metadata:
  name: liveness-exec
spec:
  containers:
  - name: liveness
    image: registry.k8s.io/busybox
    args: ["/bin/sh", "-c", "touch /tmp/healthy; sleep 30; rm -f /tmp/healthy; sleep 600"]
    livenessProbe:
      exec:
        command: ["cat", "/tmp/healthy"]
      initialDelaySeconds: 5
      periodSeconds: 5
---
apiVersion: apps/v1
kind: Deployment
metadata:
  name: kuard
spec:
  replicas: 2
  selector:
    matchLabels: {app: kuard}
  template:
    metadata:
      labels: {app: kuard}
    spec:
      containers:
      - name: kuard
        image: gcr.io/kuar-demo/kuard-amd64:blue
        readinessProbe:
          httpGet: {path: /ready, port: 8080}
          periodSeconds: 2
        livenessProbe:
          tcpSocket: {port: 8080}
          periodSeconds: 7
---
apiVersion: v1
kind: Pod
metadata:
  name: web
  labels: {app: web}
spec:
  containers:
  - name: nginx
    image: nginx:1.27
    readinessProbe:
      httpGet: {path: /, port: 80}
      periodSeconds: 3
`;

/** Everything a user can read: every kind as YAML, the events, and each pod's logs. */
function snapshot(s: ShellSession, cluster: Cluster): string {
  let out = '';
  for (const r of allResources) out += s.feed(`kubectl get ${r.resource} -A -o yaml`);
  out += s.feed('kubectl get events -A');
  for (const p of cluster.store.list('Pod')) {
    for (const c of p.spec?.containers ?? []) out += s.feed(`kubectl logs -n ${p.metadata?.namespace} ${p.metadata?.name} -c ${c.name}`);
  }
  return out;
}

/** Runs the steps; what they print (snapshots along the way included) and a final snapshot. */
function run(tickQuietProbes: boolean, steps: (s: ShellSession, c: Cluster, snap: () => string) => string): string {
  const cluster = new Cluster({ seed: 3, tickQuietProbes });
  const s = new ShellSession(cluster, { readFile: (p) => (p === 'probed.yaml' ? probedWorkloads : undefined) });
  return steps(s, cluster, () => snapshot(s, cluster)) + snapshot(s, cluster);
}

describe('skipping quiet probe runs', () => {
  it('changes no byte over 2 h of a cluster with probes that go quiet, flip and fail', () => {
    const steps = (s: ShellSession, c: Cluster, snap: () => string) => {
      let out = '';
      for (const line of seedScript.split('\n')) out += s.feed(line);
      out += s.feed('kubectl apply -f probed.yaml');
      out += s.feed('sleep 61s');
      out += snap();
      const kuard = c.store.list('Pod', 'default').find((p) => p.metadata?.labels?.app === 'kuard');
      c.simulation.setAppHealth('default', kuard?.metadata?.name ?? '', 'ready', false);
      out += s.feed('sleep 17s');
      out += snap();
      c.simulation.setAppHealth('default', kuard?.metadata?.name ?? '', 'ready', true);
      out += s.feed('sleep 40m');
      out += snap();
      c.simulation.stopNode('kind-worker2');
      out += s.feed('sleep 3m');
      c.simulation.startNode('kind-worker2');
      out += s.feed('sleep 30s');
      out += snap();
      out += s.feed('kubectl delete pod web --wait=false');
      out += s.feed('sleep 80m');
      return out;
    };
    const ticked = run(true, steps);
    const skipped = run(false, steps);
    expect(skipped).toBe(ticked);
    // the run exercised what it claims: a liveness restart, readiness flips, access logs of probes
    expect(ticked).toContain('Liveness probe failed');
    expect(ticked).toMatch(/172\.18\.0\.\d+:\d+ GET \/ready/);
    expect(ticked).toContain('Readiness probe failed: HTTP probe failed with statuscode: 500');
  });

  it('changes no byte over 2 h of the playground seed topology', () => {
    // what src/app/simulation.ts does on a fresh page: init with the seed topology, then 15 s
    const drive = (tickQuietProbes: boolean) => {
      const cluster = new Cluster({ tickQuietProbes });
      const s = new ShellSession(cluster, { readFile: () => seedTopologyManifest });
      s.feed('kubectl apply -f seed.yaml');
      s.feed('sleep 15s');
      s.feed('sleep 2h');
      return snapshot(s, cluster);
    };
    expect(drive(false)).toBe(drive(true));
  });

  it('makes sleep 1000000h on the seed clusters cost a handful of timers, not one per probe period', () => {
    const timersFiredDuring = (cluster: Cluster, s: ShellSession, line: string) => {
      let fired = 0;
      const clock = cluster.clock;
      const runOneDue = clock.runOneDue.bind(clock);
      clock.runOneDue = () => {
        const ran = runOneDue();
        if (ran) fired++;
        return ran;
      };
      expect(s.feed(line)).toBe(`$ ${line}\n`);
      clock.runOneDue = runOneDue;
      return fired;
    };
    const cli = new Cluster({ seed: 1 });
    const s = new ShellSession(cli);
    for (const line of seedScript.split('\n')) s.feed(line);
    // tick by tick this was 720 probe runs per hour (CoreDNS liveness and readiness every 10 s); what fires is
    // one-shot: each Event's 1 h TTL (kind's kube-system pods bring ~80 of them) and a few progress checks
    expect(timersFiredDuring(cli, s, 'sleep 1000000h')).toBeLessThan(200);
    expect(s.feed('kubectl get pods -n kube-system -l k8s-app=kube-dns')).toMatch(/coredns-\S+ +1\/1 +Running +0 +114y/);

    // the playground's first state (src/scenario/library/seedTopology.ts, then 15 s): its client idles forever
    const pg = new Cluster({ seed: 1 });
    const ps = new ShellSession(pg, { readFile: () => seedTopologyManifest });
    ps.feed('kubectl apply -f seed.yaml');
    ps.feed('sleep 15s');
    expect(timersFiredDuring(pg, ps, 'sleep 1000000h')).toBeLessThan(200);
    expect(ps.feed('kubectl get pod app')).toMatch(/app +1\/1 +Running +0 +114y/);
  });
});

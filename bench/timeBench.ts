/**
 * Time and rate-limit benchmarks (issue "Solid ground" §1): `sleep 1000000h` on the seed clusters costs what
 * changes, and a request for 100,000 replicas answers at once (the ReplicaSet controller's client rate
 * limit spreads the creations over virtual minutes). CPU time is the process's user + system time.
 */
import { readFileSync } from 'node:fs';
import { Cluster } from '../src/engine/cluster';
import { ShellSession } from '../src/cli/shellSession';
import { seedTopologyManifest } from '../src/scenario/library/seedTopology';
import { startLikePlayground } from '../src/scenario/playgroundStart';
import { ClusterHost } from '../src/worker/clusterHost';
import { atMost, type Figure } from './figures';

const seedScript = readFileSync(new URL('../src/cli/testdata/seed.sh', import.meta.url), 'utf8');

function cpuMs(fn: () => void): number {
  const before = process.cpuUsage();
  fn();
  const d = process.cpuUsage(before);
  return (d.user + d.system) / 1000;
}

/** CPU time (user + system) since `before`, in ms. */
function cpuSince(before: NodeJS.CpuUsage): number {
  const d = process.cpuUsage(before);
  return (d.user + d.system) / 1000;
}

function heapMiB(): number {
  globalThis.gc?.();
  return process.memoryUsage().heapUsed / 2 ** 20;
}

export function sleepBench(): Figure[] {
  const cli = new Cluster({ seed: 1 });
  const shell = new ShellSession(cli);
  for (const line of seedScript.split('\n')) shell.feed(line);
  const cliMs = cpuMs(() => shell.feed('sleep 1000000h'));

  // the playground's start: the seed topology applied, then 15 s (src/app/simulation.ts)
  const host = new ClusterHost();
  host.handle(1, { type: 'init', manifests: seedTopologyManifest });
  host.handle(2, { type: 'advance', ms: 15_000 });
  const restartsBefore = restarts(host.current);
  const hours = 1_000_000;
  const pgMs = cpuMs(() => host.handle(3, { type: 'advance', ms: hours * 3_600_000 }));
  const cycles = restarts(host.current) - restartsBefore;

  // the same with a client pod whose command loops (`while true; do wget …; sleep 1; done`): each round is a
  // connection through the node's rules, so the kubelet follows such a process through 10,000 sleeps, then stops
  const looping = new Cluster({ seed: 1 });
  startLikePlayground(looping);
  const loopShell = new ShellSession(looping);
  loopShell.feed("kubectl run watch --image=busybox:1.36 -- sh -c 'while true; do wget -qO- nginx | grep -c title; sleep 1; done'");
  loopShell.feed('sleep 30');
  const loopMs = cpuMs(() => loopShell.feed(`sleep ${hours}h`));
  const lines = looping.runtime.pod('default', 'watch')?.containers[0]?.log() ?? [];
  return [
    {
      name: '`sleep 1000000h` on the CLI seed cluster (after seed.sh)',
      value: cliMs,
      unit: 'ms CPU',
      ...atMost(cliMs, 1000, 'ms'),
      note: `virtual clock now ${new Date(cli.now()).toISOString().slice(0, 10)}`,
    },
    {
      name: `\`sleep ${hours}h\` on the playground seed topology (+15 s)`,
      value: pgMs,
      unit: 'ms CPU',
      ...atMost(pgMs, 1000, 'ms'),
      note: `${cycles} container restarts on the way; virtual clock now ${new Date(host.current.now()).toISOString().slice(0, 10)}`,
    },
    {
      name: `\`sleep ${hours}h\` beside a client pod looping \`wget\` with \`sleep 1\``,
      value: loopMs,
      unit: 'ms CPU',
      note: `its last log line at ${new Date(lines.at(-1)?.time ?? 0).toISOString()}: 10,000 rounds, then the process runs on quietly`,
    },
  ];
}

function restarts(c: Cluster): number {
  return c.store.list('Pod').reduce((n, p) => n + (p.status?.containerStatuses ?? []).reduce((m, s) => m + (s.restartCount ?? 0), 0), 0);
}

export function bigReplicasBench(): Figure[] {
  const manifest = (replicas: number) =>
    `apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: big\nspec:\n  replicas: ${replicas}\n  selector:\n    matchLabels: {app: big}\n  template:\n    metadata:\n      labels: {app: big}\n    spec:\n      containers:\n      - name: nginx\n        image: nginx:1.27\n`;
  // warm the code paths once with the same command and the same manifest at 3 replicas (module loading and JIT
  // are not the answer being timed; a Service warmed neither the flow-map YAML parse nor a Deployment's apply)
  new ShellSession(new Cluster({ seed: 2 })).feed('kubectl create deployment warm --image=nginx --replicas=3');
  new ClusterHost().handle(0, { type: 'apply', yaml: manifest(3) });
  const heap0 = heapMiB();
  const cluster = new Cluster({ seed: 1 });
  const shell = new ShellSession(cluster);
  const c0 = process.cpuUsage();
  const t0 = performance.now();
  shell.feed('kubectl create deployment big --image=nginx --replicas=100000');
  const kubectlMs = performance.now() - t0;
  const kubectlCpuMs = cpuSince(c0);
  const pods = cluster.store.count('Pod');
  const heap1 = heapMiB();

  const host = new ClusterHost();
  globalThis.gc?.();
  const c1 = process.cpuUsage();
  const t1 = performance.now();
  host.handle(1, { type: 'apply', yaml: manifest(100_000) });
  const editorMs = performance.now() - t1;
  const editorCpuMs = cpuSince(c1);
  const t2 = performance.now();
  host.handle(2, { type: 'advance', ms: 60_000 });
  const minuteMs = performance.now() - t2;
  return [
    {
      name: '100,000 replicas requested (`kubectl create deployment --replicas=100000`): time to the first answer',
      value: kubectlMs,
      unit: 'ms',
      ...atMost(kubectlMs, 100, 'ms'),
      note: `${kubectlCpuMs.toFixed(1)} ms CPU; ${pods} pods at that instant (the replicaset-controller's burst of 30)`,
    },
    { name: 'heap growth at that first answer', value: heap1 - heap0, unit: 'MiB' },
    {
      name: '100,000 replicas applied from the editor (`replicas: 100000`): time to the first answer',
      value: editorMs,
      unit: 'ms',
      ...atMost(editorMs, 100, 'ms'),
      note: `${editorCpuMs.toFixed(1)} ms CPU`,
    },
    {
      name: 'then one virtual minute of that Deployment filling (20 pods/s)',
      value: minuteMs,
      unit: 'ms',
      note: `${host.current.store.count('Pod')} pods after it`,
    },
  ];
}

/**
 * The verbs that take a StatefulSet besides describe and rollout, as kubectl v0.34.0 handles it:
 * - scale through the scale subresource, `statefulset.apps/web scaled`, `--timeout` polling the scale's
 *   status.replicas (kubernetes/kubectl pkg/cmd/scale/scale.go, pkg/scale/scale.go `scaleHasDesiredReplicas`);
 * - set image on the pod template (pkg/polymorphichelpers/updatepodspec.go, which also takes DaemonSets);
 * - logs, exec and port-forward `sts/web` in the pod its selector picks (pkg/polymorphichelpers/helpers.go
 *   `SelectorsForObject`, attachablepodforobject.go, logsforobject.go);
 * - expose refuses it (canbeexposed.go: `cannot expose a StatefulSet.apps`);
 * - `get all` prints it after the ReplicaSets (the `all` category's order in discovery).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createCluster } from '../../engine';
import type { KubectlContext } from '../cli/command';
import { splitCommandLine } from '../commandLine';
import { runKubectl } from '../kubectl';
import { LocalPortRegistry } from '../portforward/portForwardRegistry';

const webYaml = readFileSync(join(__dirname, '..', 'testdata', 'web-statefulset.yaml'), 'utf8');

function webCluster() {
  const cluster = createCluster({ seed: 5 });
  const ctx: KubectlContext = { cluster, readFile: () => webYaml, portForwards: new LocalPortRegistry() };
  const run = (line: string) => runKubectl(ctx, splitCommandLine(line));
  run('apply -f web.yaml');
  run('rollout status sts/web');
  return { cluster, ctx, run };
}

describe('scale statefulset', () => {
  it('sets the replicas and, with --timeout, waits until the status counts them', () => {
    const { cluster, run } = webCluster();
    const r = run('scale sts web --replicas=3 --timeout=1m');
    expect(r.stdout).toBe('statefulset.apps/web scaled\n');
    const got = cluster.get('StatefulSet', 'default', 'web');
    expect(got.ok && [got.value.spec?.replicas, got.value.status?.replicas]).toEqual([3, 3]);
    expect(run('scale statefulset/web --replicas=1').stdout).toBe('statefulset.apps/web scaled\n');
    expect(run('scale sts/web --replicas=5 --current-replicas=2').stderr).toBe('error: Expected replicas to be 2, was 1\n');
  });
});

describe('set image statefulset', () => {
  it('updates the pod template of a StatefulSet (and of a DaemonSet)', () => {
    const { cluster, run } = webCluster();
    expect(run('set image sts/web nginx=registry.k8s.io/nginx-slim:0.24').stdout).toBe('statefulset.apps/web image updated\n');
    const got = cluster.get('StatefulSet', 'default', 'web');
    expect(got.ok && got.value.spec?.template?.spec?.containers?.[0]?.image).toBe('registry.k8s.io/nginx-slim:0.24');
    expect(run('set image sts/web nope=x').stderr).toBe('error: unable to find container named "nope"\n');
    expect(run('set image ds/kindnet -n kube-system kindnet-cni=kindest/kindnetd:v0 --dry-run=client').stdout).toBe('daemonset.apps/kindnet image updated (dry run)\n');
  });
});

describe('TYPE/NAME of a StatefulSet for logs, exec and port-forward', () => {
  it('picks a pod the StatefulSet selects', () => {
    const { ctx, run } = webCluster();
    expect(run('exec sts/web -- hostname').stdout).toMatch(/^web-[01]\n$/);
    const logs = run('logs statefulset/web');
    expect(logs.exitCode).toBe(0);
    expect(logs.stderr).toMatch(/^Found 2 pods, using pod\/web-[01]\n$/);
    const fw = run('port-forward sts/web 8080:80');
    expect(fw.stdout).toBe('Forwarding from 127.0.0.1:8080 -> 80\nForwarding from [::1]:8080 -> 80\n');
    expect(ctx.portForwards?.get(8080)?.pod).toMatch(/^web-[01]$/);
    fw.watch?.stop();
  });
});

describe('expose and get all', () => {
  it('cannot expose a StatefulSet; get all lists it after the ReplicaSets', () => {
    const { run } = webCluster();
    expect(run('expose sts web --port=80').stderr).toBe('error: cannot expose a StatefulSet.apps\n');
    run('create deployment api --image=nginx');
    const out = run('get all').stdout;
    const sections = out.split('\n\n').map((s) => s.split('\n')[1]?.split('/')[0]);
    expect(sections).toEqual(['pod', 'service', 'deployment.apps', 'replicaset.apps', 'statefulset.apps']);
    expect(out).toMatch(/\n\nNAME {19}READY {3}AGE\nstatefulset\.apps\/web {3}2\/2 {5}\S+\n$/);
  });
});

describe('apply of a StatefulSet that switches to OnDelete', () => {
  it('keeps the defaulted rollingUpdate, which OnDelete does not allow: apps/v1 gives updateStrategy no retainKeys, so the patch does not drop it', () => {
    const cluster = createCluster({ seed: 5 });
    const onDelete = webYaml.replace('  replicas: 2\n', '  replicas: 2\n  updateStrategy:\n    type: OnDelete\n');
    let text = webYaml;
    const run = (line: string) => runKubectl({ cluster, readFile: () => text }, splitCommandLine(line));
    run('apply -f web.yaml');
    text = onDelete;
    // pkg/apis/apps/validation ValidateStatefulSetUpdateStrategy; the value printed as apimachinery v0.34 prints it
    expect(run('apply -f web.yaml').stderr).toBe(
      `The StatefulSet "web" is invalid: spec.updateStrategy.rollingUpdate: Invalid value: {"Partition":0,"MaxUnavailable":null}: only allowed for updateStrategy 'RollingUpdate'\n`,
    );
    const got = cluster.get('StatefulSet', 'default', 'web');
    expect(got.ok && got.value.spec?.updateStrategy?.type).toBe('RollingUpdate');
  });
});

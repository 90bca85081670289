/**
 * `kubectl rollout restart | pause | resume | history | undo` on a StatefulSet, as kubectl v0.34.0 does them:
 * restart stamps the template (pkg/polymorphichelpers/objectrestarter.go), pause and resume refuse
 * (objectpauser.go, objectresumer.go: `pausing is not supported`, printed by pkg/cmd/rollout/rollout_pause.go as
 * `error: statefulsets.apps "web" ...`), history lists the ControllerRevisions (history.go `printHistory`) and undo
 * sends a revision's data back (rollback.go `StatefulSetRollbacker`).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createCluster, formatTimestamp } from '../../../engine';
import { splitCommandLine } from '../../commandLine';
import { runKubectl } from '../../kubectl';

const webYaml = readFileSync(join(__dirname, '..', '..', 'testdata', 'web-statefulset.yaml'), 'utf8');

function webCluster() {
  const cluster = createCluster({ seed: 3 });
  const run = (line: string) => runKubectl({ cluster, readFile: () => webYaml }, splitCommandLine(line));
  run('apply -f web.yaml');
  run('rollout status sts/web');
  return { cluster, run };
}

const image = (cluster: ReturnType<typeof createCluster>) => {
  const got = cluster.get('StatefulSet', 'default', 'web');
  if (!got.ok) throw new Error('no StatefulSet');
  return got.value.spec?.template?.spec?.containers?.[0]?.image;
};

describe('rollout restart, pause and resume of a StatefulSet', () => {
  it('restarts by stamping the pod template with restartedAt; pausing and resuming are not supported', () => {
    const { cluster, run } = webCluster();
    const at = formatTimestamp(cluster.now());
    expect(run('rollout restart sts/web').stdout).toBe('statefulset.apps/web restarted\n');
    const got = cluster.get('StatefulSet', 'default', 'web');
    expect(got.ok && got.value.spec?.template?.metadata?.annotations?.['kubectl.kubernetes.io/restartedAt']).toBe(at);
    expect(run('rollout pause sts/web').stderr).toBe('error: statefulsets.apps "web" pausing is not supported\n');
    expect(run('rollout resume statefulset/web').stderr).toBe('error: statefulsets.apps "web" resuming is not supported\n');
  });
});

describe('rollout history of a StatefulSet', () => {
  it('lists the revisions with their change cause, and shows one revision as its pod template', () => {
    const { run } = webCluster();
    expect(run('rollout history sts/web').stdout).toBe('statefulset.apps/web \nREVISION  CHANGE-CAUSE\n1         <none>\n\n');
    // the controller copies the set's annotations onto each new revision
    run('annotate sts web kubernetes.io/change-cause=newer-nginx');
    run('set image sts/web nginx=registry.k8s.io/nginx-slim:0.24');
    expect(run('rollout history sts/web').stdout).toBe('statefulset.apps/web \nREVISION  CHANGE-CAUSE\n1         <none>\n2         newer-nginx\n\n');
    // printTemplate: DescribePodTemplate on a plain buffer, so its tabs stay tabs
    const one = run('rollout history sts/web --revision=1').stdout;
    expect(one.startsWith('statefulset.apps/web with revision #1\nPod Template:\n  Labels:\tapp=nginx\n  Containers:\n   nginx:\n    Image:\tregistry.k8s.io/nginx-slim:0.21\n')).toBe(true);
    expect(run('rollout history sts/web --revision=7').stderr).toBe('error: unable to find the specified revision\n');
  });

  it('prints each revision as the StatefulSet it restores with -o', () => {
    const { run } = webCluster();
    run('set image sts/web nginx=registry.k8s.io/nginx-slim:0.24');
    const out = run('rollout history sts/web --revision=1 -o jsonpath={.kind}/{.metadata.name}:{.spec.template.spec.containers[0].image}').stdout;
    expect(out).toBe('StatefulSet/web:registry.k8s.io/nginx-slim:0.21');
  });
});

describe('rollout undo of a StatefulSet', () => {
  it('needs a previous revision, rolls back to it, and skips a revision the template already matches', () => {
    const { cluster, run } = webCluster();
    expect(run('rollout undo sts/web').stderr).toBe('error: no last revision to roll back to\n');
    run('set image sts/web nginx=registry.k8s.io/nginx-slim:0.24');
    run('rollout status sts/web');
    // rollback.go printPodTemplate: "will roll back to " + the template; the name printer adds " (dry run)"
    const dry = run('rollout undo sts/web --dry-run=client').stdout;
    expect(dry.startsWith('statefulset.apps/web will roll back to Pod Template:\n  Labels:\tapp=nginx\n')).toBe(true);
    expect(dry).toContain('\n    Image:\tregistry.k8s.io/nginx-slim:0.21\n');
    expect(image(cluster)).toBe('registry.k8s.io/nginx-slim:0.24');
    expect(run('rollout undo sts/web').stdout).toBe('statefulset.apps/web rolled back\n');
    expect(image(cluster)).toBe('registry.k8s.io/nginx-slim:0.21');
    run('rollout status sts/web');
    // revision 1 became revision 3 (the controller renumbers an equal revision)
    expect(run('rollout history sts/web').stdout).toBe('statefulset.apps/web \nREVISION  CHANGE-CAUSE\n2         <none>\n3         <none>\n\n');
    expect(run('rollout undo sts/web --to-revision=3').stdout).toBe('statefulset.apps/web skipped rollback (current template already matches revision 3)\n');
    expect(run('rollout undo sts/web --to-revision=9').stderr).toBe('error: unable to find specified revision 9 in history\n');
    expect(run('rollout undo sts/web --to-revision=-1').stderr).toBe('error: unable to find specified revision -1 in history\n');
  });
});

describe('rollout history and undo of a DaemonSet', () => {
  it('say that svcsim keeps no DaemonSet revisions (kubectl reads them from ControllerRevisions the controller here does not write)', () => {
    const { run } = webCluster();
    const message = "error: svcsim: a DaemonSet's rollout history is not simulated (its controller here writes no ControllerRevisions)\n";
    expect(run('rollout history ds/kube-proxy -n kube-system').stderr).toBe(message);
    expect(run('rollout undo ds/kube-proxy -n kube-system').stderr).toBe(message);
    // other kinds keep kubectl's own words
    expect(run('rollout history rs -n kube-system').stderr).toMatch(/^error: no history viewer has been implemented for "ReplicaSet.apps"\n/);
  });
});

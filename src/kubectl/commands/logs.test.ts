/**
 * kubectl logs over the kubelet's runtime view: following new lines, --previous after a restart, multi-container
 * defaulting (kubectl pkg/cmd/logs/logs.go, polymorphichelpers/logsforobject.go v0.34.1).
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { type Cluster, createCluster } from '../../engine';
import type { KubectlContext } from '../cli/command';
import { splitCommandLine } from '../commandLine';
import { runKubectl } from '../kubectl';

let cluster: Cluster;
let ctx: KubectlContext;
const run = (line: string) => runKubectl(ctx, splitCommandLine(line));

beforeEach(() => {
  cluster = createCluster({ seed: 5 });
  ctx = { cluster };
});

describe('logs', () => {
  it('follows what the app writes after the command started', () => {
    run('create deployment web --image=nginx:1.27');
    run(`patch deployment web -p '{"spec":{"template":{"spec":{"containers":[{"name":"nginx","readinessProbe":{"httpGet":{"path":"/","port":80},"periodSeconds":5}}]}}}}'`);
    run('rollout status deployment/web');
    cluster.advance(10_000);
    const r = run('logs -f deploy/web --tail=0');
    expect(r.exitCode).toBe(0);
    expect(r.stdout).toBe('');
    const lines: string[] = [];
    r.watch?.subscribe((c) => lines.push(c.stdout ?? ''));
    cluster.advance(10_000);
    expect(lines).toHaveLength(2);
    for (const l of lines) expect(l).toMatch(/^\S+ - - \[05\/Jan\/2026:09:\d\d:\d\d \+0000\] "GET \/ HTTP\/1\.1" 200 615 "-" "kube-probe\/1\.34" "-"\n$/);
    r.watch?.stop();
    cluster.advance(10_000);
    expect(lines).toHaveLength(2);
  });

  // kubernetes/kubernetes pkg/kubelet/kuberuntime/logs/logs.go: the follow ends once the container is not running
  it('stops following when the container exits, and does not follow one that has exited', () => {
    run(`run bb --image=busybox:1.36 --restart=Never -- sh -c 'echo hi; sleep 5; echo bye'`);
    cluster.advance(3_000);
    const r = run('logs -f bb');
    expect(r.stdout).toBe('hi\n');
    const lines: string[] = [];
    let stopped = false;
    r.watch?.subscribe(
      (c) => lines.push(c.stdout ?? ''),
      () => {
        stopped = true;
      },
    );
    cluster.advance(10_000);
    expect(lines).toEqual(['bye\n']);
    expect(stopped).toBe(true);
    const after = run('logs -f bb');
    expect([after.stdout, after.watch]).toEqual(['hi\nbye\n', undefined]);
  });

  it('reads the previous container after a liveness restart', () => {
    cluster.create('Pod', {
      metadata: { name: 'kuard', namespace: 'default' },
      spec: { containers: [{ name: 'kuard', image: 'gcr.io/kuar-demo/kuard-amd64:blue', livenessProbe: { httpGet: { path: '/healthy', port: 8080 }, periodSeconds: 10 } }] },
    } as never);
    cluster.advance(20_000);
    expect(run('logs kuard --previous').stderr).toBe(
      'Error from server (BadRequest): previous terminated container "kuard" in pod "kuard" not found\n',
    );
    const first = run('logs kuard').stdout;
    expect(first).toContain(' GET /healthy\n');
    cluster.simulation.setAppHealth('default', 'kuard', 'healthy', false);
    cluster.advance(60_000);
    const previous = run('logs kuard --previous').stdout;
    expect(previous.startsWith(first)).toBe(true);
    const current = run('logs kuard').stdout;
    expect(current.split('\n')[0]).toMatch(/^2026\/01\/05 09:\d\d:\d\d Starting kuard version: v0\.10\.0-blue$/);
    expect(current.split('\n')[0]).not.toBe(first.split('\n')[0]);
  });

  it('defaults to the first container and names the others', () => {
    cluster.create('Pod', {
      metadata: { name: 'two', namespace: 'default' },
      spec: { containers: [{ name: 'a', image: 'nginx:1.27' }, { name: 'b', image: 'gcr.io/kuar-demo/kuard-amd64:blue' }] },
    } as never);
    cluster.advance(30_000);
    const r = run('logs two');
    expect(r.stderr).toBe('Defaulted container "a" out of: a, b\n');
    expect(r.stdout.split('\n')[0]).toBe('/docker-entrypoint.sh: /docker-entrypoint.d/ is not empty, will attempt to perform configuration');
    expect(run('logs two b --tail=1').stdout).toMatch(/^2026\/01\/05 09:\d\d:\d\d Serving on HTTP on :8080\n$/);
    expect(run('logs two -c b a').stderr).toBe('error: only one of -c or an inline [CONTAINER] arg is allowed\n');
    expect(run('logs two --all-containers --tail=1').stdout.split('\n')).toHaveLength(3);
  });
});

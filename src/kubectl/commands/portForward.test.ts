/**
 * port-forward against the registry: ports held while the command runs, freed when it stops or the pod goes,
 * `Handling connection for N` per connection (client-go tools/portforward/portforward.go v0.34.1).
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { type Cluster, createCluster } from '../../engine';
import type { KubectlContext, WatchChunk } from '../cli/command';
import { splitCommandLine } from '../commandLine';
import { runKubectl } from '../kubectl';
import { LocalPortRegistry, portForwardsOf } from '../portforward/portForwardRegistry';

let cluster: Cluster;
let ctx: KubectlContext;
const run = (line: string) => runKubectl(ctx, splitCommandLine(line));

beforeEach(() => {
  cluster = createCluster({ seed: 3 });
  ctx = { cluster, portForwards: new LocalPortRegistry() };
  run('run kuard --image=gcr.io/kuar-demo/kuard-amd64:blue --labels=app=kuard');
  cluster.advance(20_000);
});

describe('port-forward', () => {
  it('registers the port, reports connections and frees the port when stopped', () => {
    const r = run('port-forward kuard 48858:8080');
    expect(r.stdout).toBe('Forwarding from 127.0.0.1:48858 -> 8080\nForwarding from [::1]:48858 -> 8080\n');
    const chunks: WatchChunk[] = [];
    r.watch?.subscribe((c) => chunks.push(c));
    const fw = ctx.portForwards?.get(48858);
    expect(fw).toMatchObject({ namespace: 'default', pod: 'kuard', remotePort: 8080 });
    fw?.connect();
    expect(chunks).toEqual([{ stdout: 'Handling connection for 48858\n' }]);
    r.watch?.stop();
    expect(ctx.portForwards?.get(48858)).toBeUndefined();
    expect(run('port-forward kuard 48858:8080').exitCode).toBe(0);
  });

  it('ends with lost connection when the pod is deleted', () => {
    const r = run('port-forward pod/kuard 9000:8080');
    const chunks: WatchChunk[] = [];
    let ended = false;
    r.watch?.subscribe(
      (c) => chunks.push(c),
      () => {
        ended = true;
      },
    );
    run('delete pod kuard');
    expect(chunks).toEqual([{ stderr: 'error: lost connection to pod\n' }]);
    // kubectl exits: the host's prompt comes back
    expect(ended).toBe(true);
    expect(ctx.portForwards?.get(9000)).toBeUndefined();
  });

  it('keeps no registry per cluster outside the host: a bare context gets one of its own', () => {
    const bare: KubectlContext = { cluster };
    expect(portForwardsOf(bare)).not.toBe(portForwardsOf({ cluster }));
    const shared: KubectlContext = { cluster, portForwards: new LocalPortRegistry() };
    expect(portForwardsOf(shared)).toBe(shared.portForwards);
    const first = runKubectl(shared, splitCommandLine('port-forward kuard 7000:8080'));
    expect(first.exitCode).toBe(0);
    expect(runKubectl(shared, splitCommandLine('port-forward kuard 7000:8080')).stderr).toContain('bind: address already in use');
    first.watch?.stop();
  });

  it('picks a reproducible free port for :REMOTE and translates service ports', () => {
    run('expose pod kuard --port=80 --target-port=8080');
    const a = run('port-forward svc/kuard :80');
    expect(a.stdout).toMatch(/^Forwarding from 127\.0\.0\.1:(\d+) -> 8080\nForwarding from \[::1\]:\1 -> 8080\n$/);
    const port = Number(/:(\d+) ->/.exec(a.stdout)?.[1]);
    expect(port).toBeGreaterThanOrEqual(32768);
    expect(port).toBeLessThanOrEqual(60999);
    expect(run('port-forward svc/kuard 8080').stderr).toBe('error: Service kuard does not have a service port 8080\n');
    a.watch?.stop();
  });
});

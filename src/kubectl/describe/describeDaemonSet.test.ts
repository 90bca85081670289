/**
 * `kubectl describe ds` as kubectl 1.34 prints it (kubernetes/kubectl pkg/describe/describe.go
 * `describeDaemonSet`, with `Namespace:` since kubernetes/kubernetes#130862).
 */
import { describe, expect, it } from 'vitest';
import { createCluster } from '../../engine';
import { runKubectl } from '../kubectl';
import { splitCommandLine } from '../commandLine';

function kubectl(line: string): string {
  const cluster = createCluster({ seed: 7 });
  cluster.advance(30_000);
  const r = runKubectl({ cluster }, splitCommandLine(line));
  expect(r.exitCode ?? 0).toBe(0);
  return r.stdout;
}

describe('describe DaemonSet', () => {
  it("describes kube-proxy's DaemonSet: name, namespace, selector, node counts, pod phases, template", () => {
    const out = kubectl('describe ds kube-proxy -n kube-system');
    expect(out.split('\n').slice(0, 4)).toEqual(['Name:           kube-proxy', 'Namespace:      kube-system', 'Selector:       k8s-app=kube-proxy', 'Node-Selector:  kubernetes.io/os=linux']);
    expect(out).toContain('\nDesired Number of Nodes Scheduled: 4\nCurrent Number of Nodes Scheduled: 4\nNumber of Nodes Scheduled with Up-to-date Pods: 4\nNumber of Nodes Scheduled with Available Pods: 4\nNumber of Nodes Misscheduled: 0\n');
    expect(out).toMatch(/\nPods Status: +4 Running \/ 0 Waiting \/ 0 Succeeded \/ 0 Failed\nPod Template:\n {2}Labels: +k8s-app=kube-proxy\n/);
    expect(out).toMatch(/\n {4}Image: +registry\.k8s\.io\/kube-proxy:v1\.34\.\d+\n/);
  });
});

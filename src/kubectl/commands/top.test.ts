/**
 * `kubectl top` against kubernetes/kubectl v0.34.0 pkg/cmd/top/ (top.go, top_pod.go, top_node.go): kind installs
 * no metrics-server, so after Complete and Validate have checked the arguments RunTopPod and RunTopNode find no
 * `metrics.k8s.io` group in discovery and stop with `error: Metrics API not available` (exit 1).
 */
import { describe, expect, it } from 'vitest';
import { createCluster } from '../../engine';
import { splitCommandLine } from '../commandLine';
import { runKubectl } from '../kubectl';
import { renderResult } from '../transcript';

const cluster = createCluster({ seed: 3 });
const k = (line: string) => renderResult(line, runKubectl({ cluster }, splitCommandLine(line))).split('\n').slice(1).join('\n');
const unavailable = '2> error: Metrics API not available\n[exit 1]\n';

describe('kubectl top', () => {
  it('says the Metrics API is not available for pods and nodes, by any of their names', () => {
    for (const line of ['top pod', 'top pods web', 'top po -A --containers', 'top node', 'top nodes kind-worker', 'top no --sort-by=cpu', 'top pod -l app=web']) {
      expect(k(line)).toBe(unavailable);
    }
  });

  it('checks its arguments first', () => {
    expect(k('top pod a b')).toBe("2> error: pod [NAME | -l label]\n2> See 'kubectl top pod -h' for help and examples\n[exit 1]\n");
    expect(k('top node --sort-by=name')).toBe('2> error: --sort-by accepts only cpu or memory\n[exit 1]\n');
    expect(k('top pod web -l app=web')).toBe('2> error: only one of NAME or selector can be provided\n[exit 1]\n');
    expect(k('top node kind-worker -l a=b')).toBe('2> error: only one of NAME or --selector can be provided\n[exit 1]\n');
    // labels.Parse's own error, before discovery is asked
    expect(k("top pod -l 'a in (b'")).toBe("2> error: unable to parse requirement: found '', expected: ',' or ')'\n[exit 1]\n");
  });

  it('alone prints its help to stderr and exits 1', () => {
    expect(k('top')).toMatch(/^2> Display resource \(CPU\/memory\) usage\.\n2> \n2> Available Commands:\n2> {3}node {18}Display resource \(CPU\/memory\) usage of nodes\n/);
    expect(k('top')).toMatch(/\[exit 1\]\n$/);
  });
});

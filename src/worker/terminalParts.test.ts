/** The worker loads kubectl's side after the first graph: a host without it answers cluster commands and says so for terminal ones. */
import { describe, expect, it } from 'vitest';
import { ClusterHost } from './clusterHost';
import { terminalParts } from './terminalParts';

describe('ClusterHost without kubectl loaded', () => {
  it('applies manifests and emits diffs, but asks for kubectl before a terminal command', () => {
    const host = new ClusterHost({ seed: 3 });
    expect(host.takeDiff()?.changes.Node?.added.length).toBeGreaterThan(0);
    const applied = host.handle(1, { type: 'apply', yaml: 'apiVersion: v1\nkind: Service\nmetadata:\n  name: web\nspec:\n  ports:\n  - port: 80\n' });
    expect(applied.ok).toBe(true);
    const terminal = { type: 'terminal', session: 's1', line: 'kubectl get svc web' } as const;
    expect(host.needsTerminalParts(terminal)).toBe(true);
    expect(host.needsTerminalParts({ type: 'complete', line: 'kubectl ge' })).toBe(true);
    expect(host.needsTerminalParts({ type: 'ping' })).toBe(false);
    const refused = host.handle(2, terminal);
    expect(refused).toMatchObject({ ok: false, error: 'kubectl is not loaded in this worker yet' });

    host.installTerminalParts(terminalParts);
    expect(host.needsTerminalParts(terminal)).toBe(false);
    const r = host.handle(3, terminal);
    expect(r.ok).toBe(true);
    expect(r.value?.kind === 'terminal' ? r.value.output.map((c) => c.text).join('') : '').toMatch(/^NAME\s+TYPE\s+CLUSTER-IP/);
  });
});

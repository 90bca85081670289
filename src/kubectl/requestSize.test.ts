/**
 * A manifest too large for one request is refused the way the apiserver refuses it (413, kubernetes/kubernetes
 * staging/src/k8s.io/apiserver/pkg/endpoints/handlers/rest.go), and quickly: the document is not parsed.
 */
import { describe, expect, it } from 'vitest';
import { Cluster } from '../engine';
import { ShellSession } from '../cli/shellSession';
import { ClusterHost } from '../worker/clusterHost';
import { parseManifests } from './manifests';

const small = 'apiVersion: v1\nkind: Service\nmetadata:\n  name: small\nspec:\n  ports:\n  - port: 80\n';
// ends in a YAML syntax error: had the parser run on it, the answer would be that error, not the 413
const huge = `apiVersion: v1\nkind: Pod\nmetadata:\n  name: huge\n  annotations:\n${Array.from({ length: 50_000 }, (_, i) => `    k${i}: ${'v'.repeat(96)}\n`).join('')}spec:\n  containers:\n  - name: c\n    image: "nginx\n`;

describe('a 5 MB manifest', () => {
  it('is refused without parsing it, the other documents still parsed with their lines', () => {
    expect(huge.length).toBeGreaterThan(5_000_000);
    expect(parseManifests(huge.slice(-200))[0].error).toBeDefined();
    const docs = parseManifests(`${small}---\n${huge}---\n${small}`);
    expect(docs.map((d) => [d.index, d.line, !!d.tooLarge, (d.object?.metadata as { name?: string } | undefined)?.name])).toEqual([
      [0, 1, false, 'small'],
      [1, 9, true, undefined],
      [2, 9 + huge.split('\n').length, false, 'small'],
    ]);
  });

  it('gets kubectl the apiserver message', () => {
    const s = new ShellSession(new Cluster({ seed: 1 }), { readFile: () => huge });
    const out = s.feed('kubectl create -f huge.yaml');
    expect(out).toBe('$ kubectl create -f huge.yaml\nError from server (RequestEntityTooLarge): error when creating "huge.yaml": Request entity too large: limit is 3145728\n');
  });

  it('gets the editor an apiserver error on that document', () => {
    const host = new ClusterHost();
    const reply = host.handle(1, { type: 'apply', yaml: huge });
    const value = reply.ok ? reply.value : undefined;
    expect(value?.kind).toBe('apply');
    if (value?.kind === 'apply') {
      expect(value.items).toEqual([{ document: 0, line: 1, error: 'Error from server (RequestEntityTooLarge): Request entity too large: limit is 3145728', errorSource: 'apiserver' }]);
    }
  });
});

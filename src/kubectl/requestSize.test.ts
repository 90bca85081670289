/**
 * A manifest too large for one request is refused the way the apiserver refuses it (413, kubernetes/kubernetes
 * staging/src/k8s.io/apiserver/pkg/endpoints/handlers/rest.go), and quickly: the document is not parsed.
 */
import { describe, expect, it, vi } from 'vitest';
import * as yaml from 'yaml';
import { Cluster } from '../engine';
import { ShellSession } from '../cli/shellSession';
import { ClusterHost } from '../worker/clusterHost';
import { parseManifests } from './manifests';

// every text handed to the YAML parser, to show the oversize document never is
const parsed: string[] = [];
vi.mock('yaml', async (importOriginal) => {
  const orig = await importOriginal<typeof yaml>();
  return {
    ...orig,
    parseAllDocuments: (text: string, ...rest: unknown[]) => {
      parsed.push(text);
      return (orig.parseAllDocuments as (...a: unknown[]) => unknown)(text, ...rest);
    },
  };
});

const small = 'apiVersion: v1\nkind: Service\nmetadata:\n  name: small\nspec:\n  ports:\n  - port: 80\n';
const huge = `apiVersion: v1\nkind: Pod\nmetadata:\n  name: huge\n  annotations:\n${Array.from({ length: 50_000 }, (_, i) => `    k${i}: ${'v'.repeat(96)}\n`).join('')}spec:\n  containers:\n  - name: c\n    image: nginx\n`;

describe('a 5 MB manifest', () => {
  it('is refused without parsing it, the other documents still parsed with their lines', () => {
    expect(huge.length).toBeGreaterThan(5_000_000);
    parsed.length = 0;
    const docs = parseManifests(`${small}---\n${huge}---\n${small}`);
    expect(parsed.every((t) => t.length < 1000)).toBe(true);
    expect(docs.map((d) => [d.index, d.line, !!d.tooLarge, (d.object?.metadata as { name?: string } | undefined)?.name])).toEqual([
      [0, 1, false, 'small'],
      [1, 9, true, undefined],
      [2, 9 + huge.split('\n').length, false, 'small'],
    ]);
  });

  it('gets kubectl the apiserver message', () => {
    const s = new ShellSession(new Cluster({ seed: 1 }), { readFile: () => huge });
    parsed.length = 0;
    const out = s.feed('kubectl create -f huge.yaml');
    expect(parsed).toEqual([]);
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

/**
 * Nesting and alias bombs through kubectl: clear errors in kubectl's shapes, never a stack overflow.
 * `apply -f`: cli-runtime pkg/resource/visitor.go ("error parsing %s: %v") around sigs.k8s.io/yaml YAMLToJSON
 * ("error converting YAML to JSON: %v") and go-yaml's "yaml: line N: ..."; `patch -p`: kubectl
 * pkg/cmd/patch/patch.go ("unable to parse %q: %v"), or the apiserver's JSON decode (encoding/json scanner.go).
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { createCluster } from '../engine';
import { splitCommandLine } from './commandLine';
import { type KubectlContext, runKubectl } from './kubectl';
import { billionLaughs } from './testdata/billionLaughs';
import { maxNestingDepth } from './yamlLimits';

let ctx: KubectlContext;
const files: Record<string, string> = {};
const run = (line: string) => runKubectl(ctx, splitCommandLine(line));

beforeEach(() => {
  ctx = { cluster: createCluster({ seed: 7 }), readFile: (name) => files[name] };
  run('create service clusterip web --tcp=80');
});

describe('apply -f', () => {
  it('reports an alias bomb at its line', () => {
    files['bomb.yaml'] = billionLaughs;
    const r = run('apply -f bomb.yaml');
    expect(r.stderr).toBe('error: error parsing bomb.yaml: error converting YAML to JSON: yaml: line 8: document contains excessive aliasing\n');
    expect(r.exitCode).toBe(1);
  });

  it('reports nesting too deep at its line', () => {
    files['deep.yaml'] = `apiVersion: v1\nkind: Service\nmetadata:\n  name: deep\nspec: ${'['.repeat(10_000)}\n`;
    expect(run('apply -f deep.yaml').stderr).toBe(
      `error: error parsing deep.yaml: error converting YAML to JSON: yaml: line 5: exceeded max depth of ${maxNestingDepth}\n`,
    );
  });
});

describe('patch -p', () => {
  it('refuses JSON nested too deep as the apiserver decodes it', () => {
    const r = run(`patch service web -p '{"metadata":${'['.repeat(10_000)}}'`);
    expect(r.stderr).toBe(`Error from server (BadRequest): invalid character '[' exceeded max depth\n`);
  });

  it('refuses YAML nested too deep, or an alias bomb, before decoding it', () => {
    expect(run(`patch service web -p 'metadata: ${'['.repeat(10_000)}'`).stderr).toMatch(/^error: unable to parse "metadata: \[+": yaml: line 1: exceeded max depth of 100\n$/);
    const bomb = 'metadata: {annotations: {a: &a [x,x,x,x,x,x,x,x,x], b: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a], c: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b], d: [*c,*c,*c,*c,*c,*c,*c,*c,*c]}}';
    expect(run(`patch service web -p '${bomb}'`).stderr).toBe(`error: unable to parse ${JSON.stringify(bomb)}: yaml: document contains excessive aliasing\n`);
  });
});

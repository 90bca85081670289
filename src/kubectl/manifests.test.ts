/**
 * Manifest parsing against hostile input. The limits reproduce go-yaml's (sigs.k8s.io/yaml goyaml.v2
 * decode.go `allowedAliasRatio`, scannerc.go max depth); see yamlLimits.ts.
 */
import { describe, expect, it } from 'vitest';
import { parseManifests } from './manifests';
import { billionLaughs } from './testdata/billionLaughs';
import { maxNestingDepth } from '../shared/yamlLimits';

const pod = (name: string) => `apiVersion: v1\nkind: Pod\nmetadata:\n  name: ${name}\nspec:\n  containers:\n  - name: c\n    image: nginx\n`;


describe('parseManifests', () => {
  it('reads each document with the line it starts on', () => {
    const docs = parseManifests(`${pod('a')}---\n${pod('b')}`);
    expect(docs.map((d) => [d.index, d.line, (d.object?.metadata as { name?: string } | undefined)?.name])).toEqual([
      [0, 1, 'a'],
      [1, 10, 'b'],
    ]);
  });

  // kubectl decodes with sigs.k8s.io/yaml's non-strict Unmarshal (apimachinery pkg/util/yaml/decoder.go): a repeated
  // key is no error and the last value wins (kubernetes/kubernetes#99286, #125885)
  it('keeps the last value of a key given twice, as kubectl does, at every depth', () => {
    const [doc] = parseManifests(`${pod('first')}metadata:\n  name: last\n  labels: {app: a, app: b}\n`);
    expect(doc.error).toBeUndefined();
    expect(doc.object?.metadata).toEqual({ name: 'last', labels: { app: 'b' } });
  });

  // go-yaml's count: through line 7 about 1,033 nodes decoded, 990 from aliases; each `*c` on line 8 adds 911 of
  // both, and after the fifth (column 22) the alias share, 5,540 of 5,590, is over the 99% allowed
  it('reports an alias bomb as a YAML error at the alias where go-yaml gives up', () => {
    // expanding it would not finish within the test's timeout
    const docs = parseManifests(billionLaughs);
    expect(docs).toEqual([{ index: 0, line: 1, error: { message: 'document contains excessive aliasing', line: 8, column: 22 } }]);
  });

  it('accepts ordinary anchors and aliases, more than the yaml package would by default', () => {
    const many = Array.from({ length: 150 }, (_, i) => `  k${i}: *v`).join('\n');
    const docs = parseManifests(`apiVersion: v1\nkind: ConfigMap\nmetadata: {name: m}\nx: &v hello\ndata:\n${many}\n`);
    expect(docs[0].error).toBeUndefined();
    expect((docs[0].object?.data as Record<string, string> | undefined)?.k149).toBe('hello');
  });

  it('reports an alias to its own ancestor', () => {
    expect(parseManifests('a: &a [1, *a]\n')[0].error).toEqual({ message: "anchor 'a' value contains itself", line: 1, column: 11 });
  });

  it('reports nesting deeper than the limit at the bracket that passes it, keeping the documents before', () => {
    const text = `${pod('a')}---\nkind: Pod\nspec: ${'['.repeat(10_000)}\n`;
    const docs = parseManifests(text);
    expect(docs).toHaveLength(2);
    expect(docs[0].object?.kind).toBe('Pod');
    expect(docs[1]).toEqual({
      index: 1,
      line: 9,
      error: { message: `exceeded max depth of ${maxNestingDepth}`, line: 11, column: 'spec: '.length + maxNestingDepth + 1 },
    });
  });

  it('counts block nesting too', () => {
    const text = `a:\n${Array.from({ length: 150 }, (_, i) => `${' '.repeat(i + 1)}- x:`).join('\n')}\n`;
    expect(parseManifests(text)[0].error?.message).toBe(`exceeded max depth of ${maxNestingDepth}`);
  });

  it('accepts nesting up to the limit', () => {
    const n = maxNestingDepth - 1;
    const docs = parseManifests(`apiVersion: v1\nkind: ConfigMap\nmetadata: {name: m}\nx: ${'['.repeat(n)}${']'.repeat(n)}\n`);
    expect(docs[0].error).toBeUndefined();
  });
});

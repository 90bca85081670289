import { describe, expect, it } from 'vitest';
import { parseDocument } from 'yaml';
import { billionLaughs } from '../kubectl/testdata/billionLaughs';
import { aliasingError, exceedsYamlLimits, maxNestingDepth, nestingDepthError } from './yamlLimits';

describe('nestingDepthError', () => {
  it('points at the first collection past the limit, flow or block', () => {
    expect(nestingDepthError(`a: ${'['.repeat(maxNestingDepth + 5)}`)).toEqual({ message: `exceeded max depth of ${maxNestingDepth}`, offset: 3 + maxNestingDepth, documentStart: 0 });
    expect(nestingDepthError(`${'- '.repeat(maxNestingDepth + 1)}x\n`)?.offset).toBe(2 * (maxNestingDepth + 1)); // the node inside the 101st
    expect(nestingDepthError(`a: ${'['.repeat(maxNestingDepth)}`)).toBeUndefined();
  });
});

describe('aliasingError (go-yaml decode.go allowedAliasRatio)', () => {
  it('allows a document where aliases are most but not over 99% of the decoded nodes', () => {
    // 1,000 scalars behind one anchor, aliased 50 times: 50,000 of about 51,000 decodes come from aliases (98%)
    const list = `[${Array(1000).fill('x').join(',')}]`;
    const doc = parseDocument(`a: &a ${list}\nb: [${Array(50).fill('*a').join(',')}]\n`);
    expect(aliasingError(doc)).toBeUndefined();
  });

  it('refuses one where aliases pass 99%', () => {
    const list = `[${Array(1000).fill('x').join(',')}]`;
    const doc = parseDocument(`a: &a ${list}\nb: [${Array(200).fill('*a').join(',')}]\n`);
    expect(aliasingError(doc)?.message).toBe('document contains excessive aliasing');
  });
});

describe('exceedsYamlLimits', () => {
  it('is true for an alias bomb and for deep nesting', () => {
    expect(exceedsYamlLimits(billionLaughs)).toBe(true);
    expect(exceedsYamlLimits(`a: ${'['.repeat(10_000)}`)).toBe(true);
    expect(exceedsYamlLimits(`a:\n${Array.from({ length: 150 }, (_, i) => `${' '.repeat(i + 1)}- x:`).join('\n')}\n`)).toBe(true);
  });

  it('is false for ordinary manifests, with or without aliases', () => {
    expect(exceedsYamlLimits('apiVersion: v1\nkind: Service\nmetadata: {name: web, labels: {app: web}}\nspec:\n  ports: [{port: 80}]\n')).toBe(false);
    expect(exceedsYamlLimits('a: &a {x: 1}\nb: *a\nc: "*not an alias"\n')).toBe(false);
  });
});

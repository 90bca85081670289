import { describe, expect, it } from 'vitest';
import { mergeResults } from './results';

const engine = '## Engine\n\n| a | b |\n';
const ui = '## UI\n\nfigures\n';

describe('RESULTS.md merge', () => {
  it('creates the file with a title when there is none', () => {
    expect(mergeResults('', { sections: { UI: ui } })).toBe('# Benchmark results\n\n## UI\n\nfigures\n');
  });

  it('replaces only its own section and keeps the others byte for byte', () => {
    const before = `# Benchmark results\n\nLatest run on: x.\n\n${engine}\n${ui}`;
    const after = mergeResults(before, { sections: { UI: '## UI\n\nnew figures\n' } });
    expect(after).toBe(`# Benchmark results\n\nLatest run on: x.\n\n${engine}\n## UI\n\nnew figures\n`);
  });

  it('lets the engine run replace its preamble and section while the UI section survives', () => {
    const before = `# Benchmark results\n\nold line\n\n${engine}\n${ui}`;
    const after = mergeResults(before, { preamble: '# Benchmark results\n\nnew line\n', sections: { Engine: '## Engine\n\n| c |\n' } });
    expect(after).toBe(`# Benchmark results\n\nnew line\n\n## Engine\n\n| c |\n\n${ui}`);
  });
});

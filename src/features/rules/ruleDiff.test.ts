import { describe, expect, it } from 'vitest';
import { markChanged, removedLines } from './ruleDiff';

describe('rule line changes', () => {
  it('marks nothing on the first look, then the lines that are new', () => {
    expect(markChanged(undefined, ['a', 'b'])).toEqual([
      { text: 'a', changed: false },
      { text: 'b', changed: false },
    ]);
    expect(markChanged(['a', 'b'], ['a', 'c'])).toEqual([
      { text: 'a', changed: false },
      { text: 'c', changed: true },
    ]);
    expect(removedLines(['a', 'b'], ['a', 'c'])).toEqual(['b']);
  });
});

import { describe, expect, it } from 'vitest';
import { parseNarration } from './narrationMarkdown';

describe('narration Markdown', () => {
  it('reads paragraphs, lists, bold, emphasis and code', () => {
    expect(parseNarration('**kubectl run** makes a `Pod`,\nand *waits*.\n\n- one\n- two `x`')).toEqual([
      {
        type: 'paragraph',
        inlines: [
          { type: 'strong', text: 'kubectl run' },
          { type: 'text', text: ' makes a ' },
          { type: 'code', text: 'Pod' },
          { type: 'text', text: ', and ' },
          { type: 'em', text: 'waits' },
          { type: 'text', text: '.' },
        ],
      },
      { type: 'list', items: [[{ type: 'text', text: 'one' }], [{ type: 'text', text: 'two ' }, { type: 'code', text: 'x' }]] },
    ]);
  });

  it('keeps HTML as text', () => {
    expect(parseNarration('<img src=x onerror=alert(1)>')).toEqual([{ type: 'paragraph', inlines: [{ type: 'text', text: '<img src=x onerror=alert(1)>' }] }]);
  });
});

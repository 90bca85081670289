/** A step's narration: the parsed Markdown as React elements (never as HTML). */
import { Fragment, useMemo } from 'react';
import { type Inline, parseNarration } from './narrationMarkdown';

/** Blocks and inlines have no identity but their place in the text: that place is their key. */
function keyed<T>(items: T[]): Array<{ item: T; key: string }> {
  return items.map((item, n) => ({ item, key: String(n) }));
}

function Inlines({ inlines }: { inlines: Inline[] }) {
  return (
    <>
      {keyed(inlines).map(({ item: i, key }) => {
        if (i.type === 'code') return <code key={key}>{i.text}</code>;
        if (i.type === 'strong') return <strong key={key}>{i.text}</strong>;
        if (i.type === 'em') return <em key={key}>{i.text}</em>;
        return <Fragment key={key}>{i.text}</Fragment>;
      })}
    </>
  );
}

export function Narration({ markdown }: { markdown: string }) {
  const blocks = useMemo(() => keyed(parseNarration(markdown)), [markdown]);
  return (
    <div className="narration">
      {blocks.map(({ item: b, key }) =>
        b.type === 'paragraph' ? (
          <p key={key}>
            <Inlines inlines={b.inlines} />
          </p>
        ) : (
          <ul key={key}>
            {keyed(b.items).map(({ item, key: k }) => (
              <li key={k}>
                <Inlines inlines={item} />
              </li>
            ))}
          </ul>
        ),
      )}
    </div>
  );
}

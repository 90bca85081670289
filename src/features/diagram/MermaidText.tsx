/** Mermaid text to read and copy: a read-only text area and a Copy button that says what happened. */
import { useState } from 'react';
import { testIds } from '../../testids';

export function MermaidText({ text, label }: { text: string; label: string }) {
  const [copied, setCopied] = useState<string | undefined>();
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(text);
      setCopied('Copied.');
    } catch {
      setCopied('The browser did not allow copying: select the text and copy it.');
    }
  };
  return (
    <div className="mermaid-text">
      <textarea readOnly value={text} aria-label={label} data-testid={testIds.diagramText} rows={12} spellCheck={false} onFocus={(e) => e.currentTarget.select()} />
      <div className="panel-controls">
        <button type="button" onClick={() => void copy()} data-testid={testIds.diagramCopy}>
          Copy Mermaid text
        </button>
        <span className="muted" role="status">
          {copied ?? `${text.split('\n').length - 1} lines — paste into any Mermaid editor or Markdown \`\`\`mermaid block.`}
        </span>
      </div>
    </div>
  );
}

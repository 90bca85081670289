/** Mermaid text to read and copy: a read-only text area and a Copy button that says what happened. */
import { useState } from 'react';
import { useT } from '../../i18n/languageStore';
import { testIds } from '../../testids';

export function MermaidText({ text, label }: { text: string; label: string }) {
  const t = useT();
  const [copied, setCopied] = useState<string | undefined>();
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(text);
      setCopied(t('diagram.copied'));
    } catch {
      setCopied(t('diagram.copyDenied'));
    }
  };
  return (
    <div className="mermaid-text">
      <textarea readOnly value={text} aria-label={label} data-testid={testIds.diagramText} rows={12} spellCheck={false} onFocus={(e) => e.currentTarget.select()} />
      <div className="panel-controls">
        <button type="button" onClick={() => void copy()} data-testid={testIds.diagramCopy}>
          {t('diagram.copyText')}
        </button>
        <span className="muted" role="status">
          {copied ?? t('diagram.lines', { count: text.split('\n').length - 1 })}
        </span>
      </div>
    </div>
  );
}

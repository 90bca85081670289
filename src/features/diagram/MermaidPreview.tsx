/**
 * A live preview of Mermaid text, rendered by Mermaid itself (loaded on first use, `securityLevel: 'strict'`).
 * Renders are debounced while the text changes; a text Mermaid cannot read shows why, in the reader's language,
 * then Mermaid's own message as Mermaid wrote it (a tool's output, like kubectl's).
 */
import { useEffect, useRef, useState } from 'react';
import { type MermaidRender, renderMermaid } from '../../adapters/mermaid';
import { useT } from '../../i18n/languageStore';
import { testIds } from '../../testids';

export function MermaidPreview({ text, dark, label }: { text: string; dark: boolean; label: string }) {
  const t = useT();
  const box = useRef<HTMLDivElement>(null);
  const [state, setState] = useState<'loading' | 'ok' | Exclude<MermaidRender, { ok: true }>>('loading');
  useEffect(() => {
    let live = true;
    const id = setTimeout(() => {
      void renderMermaid(text, dark).then((r) => {
        if (!live || !box.current) return;
        if (r.ok) {
          // Mermaid's strict output: its own sanitised SVG, with the diagram's texts encoded
          box.current.innerHTML = r.svg;
          setState('ok');
        } else {
          box.current.replaceChildren();
          setState(r);
        }
      });
    }, 200);
    return () => {
      live = false;
      clearTimeout(id);
    };
  }, [text, dark]);
  return (
    // biome-ignore lint/a11y/noNoninteractiveTabindex: the diagram scrolls inside its box (at 390 px always); a region that scrolls must be reachable by keyboard to be scrolled at all (axe scrollable-region-focusable)
    <figure className="mermaid-preview" tabIndex={0} aria-label={label} aria-busy={state === 'loading'}>
      {state === 'loading' && <p className="muted">{t('diagram.drawingMermaid')}</p>}
      {typeof state === 'object' && (
        <div className="notice-warning" role="status" data-testid={testIds.diagramMermaidError}>
          <p>{state.problem === 'unreadable' ? t('diagram.mermaidUnreadable') : t('diagram.mermaidFailed')}</p>
          {state.problem === 'failed' && <pre className="mermaid-error">{state.detail}</pre>}
        </div>
      )}
      <div ref={box} className="mermaid-svg" data-testid={testIds.diagramPreview} />
    </figure>
  );
}

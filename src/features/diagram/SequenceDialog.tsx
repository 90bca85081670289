/** One connection's path as a Mermaid sequence diagram: the text to copy and Mermaid's drawing of it. */
import { useEffect, useMemo, useRef } from 'react';
import { type SequenceInput, traceToSequence } from '../../diagram/sequenceDiagram';
import { useT } from '../../i18n/languageStore';
import { testIds } from '../../testids';
import { MermaidPreview } from './MermaidPreview';
import { MermaidText } from './MermaidText';
import './diagram.css';

export default function SequenceDialog({ trace, dark, onClose }: { trace: SequenceInput; dark: boolean; onClose(): void }) {
  const t = useT();
  const dialog = useRef<HTMLDialogElement>(null);
  const text = useMemo(() => traceToSequence(trace), [trace]);
  useEffect(() => {
    const d = dialog.current;
    if (d && !d.open) d.showModal();
  }, []);
  return (
    <dialog ref={dialog} className="diagram-dialog" data-testid={testIds.diagramDialog} aria-labelledby="sequence-heading" onClose={onClose}>
      <div className="dialog-head">
        <h2 id="sequence-heading">{t('sequence.heading')}</h2>
        <button type="button" aria-label={t('common.close')} data-testid={testIds.diagramClose} onClick={() => dialog.current?.close()}>
          ×
        </button>
      </div>
      <p>{t('sequence.intro')}</p>
      <MermaidText text={text} label={t('sequence.textLabel')} />
      <MermaidPreview text={text} dark={dark} label={t('sequence.previewLabel')} />
    </dialog>
  );
}

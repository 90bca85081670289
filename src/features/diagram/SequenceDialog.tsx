/** One connection's path as a Mermaid sequence diagram: the text to copy and Mermaid's drawing of it. */
import { useEffect, useMemo, useRef } from 'react';
import { type SequenceInput, traceToSequence } from '../../diagram/sequenceDiagram';
import { testIds } from '../../testids';
import { MermaidPreview } from './MermaidPreview';
import { MermaidText } from './MermaidText';
import './diagram.css';

export default function SequenceDialog({ trace, dark, onClose }: { trace: SequenceInput; dark: boolean; onClose(): void }) {
  const dialog = useRef<HTMLDialogElement>(null);
  const text = useMemo(() => traceToSequence(trace), [trace]);
  useEffect(() => {
    const d = dialog.current;
    if (d && !d.open) d.showModal();
  }, []);
  return (
    <dialog ref={dialog} className="diagram-dialog" data-testid={testIds.diagramDialog} aria-labelledby="sequence-heading" onClose={onClose}>
      <div className="dialog-head">
        <h2 id="sequence-heading">The first connection as a sequence diagram</h2>
        <button type="button" aria-label="Close" data-testid={testIds.diagramClose} onClick={() => dialog.current?.close()}>
          ×
        </button>
      </div>
      <p>From the engine’s trace: the name through CoreDNS, the kube-proxy chains the packet walked on its node, the pod that answered.</p>
      <MermaidText text={text} label="The connection as Mermaid text" />
      <MermaidPreview text={text} dark={dark} label="The connection, drawn by Mermaid" />
    </dialog>
  );
}

/**
 * "Diagram": the cluster as Mermaid text in the seed note's style (copy it; Mermaid draws a live preview),
 * a Mermaid sketch imported as a cluster, and the canvas as a PNG or SVG file.
 */
import { useEffect, useMemo, useRef, useState } from 'react';
import { clusterToMermaid } from '../../diagram/clusterDiagram';
import { useAppStore } from '../../state/store';
import { testIds } from '../../testids';
import { DiagramImport } from './DiagramImport';
import { clusterDiagramInput, downloadCanvas } from './diagramActions';
import { closeDiagram } from './diagramStore';
import { MermaidPreview } from './MermaidPreview';
import { MermaidText } from './MermaidText';
import './diagram.css';

const tabs = [
  { id: 'export', label: 'Export' },
  { id: 'import', label: 'Import' },
  { id: 'image', label: 'Image' },
] as const;
type Tab = (typeof tabs)[number]['id'];

const selectMirror = (s: ReturnType<typeof useAppStore.getState>) => s.mirror;

export default function DiagramDialog({ dark }: { dark: boolean }) {
  const dialog = useRef<HTMLDialogElement>(null);
  const [tab, setTab] = useState<Tab>('export');
  const [imageNote, setImageNote] = useState<string | undefined>();
  const mirror = useAppStore(selectMirror);
  // biome-ignore lint/correctness/useExhaustiveDependencies: the mirror shell changes whenever the cluster does; the input is read from it
  const text = useMemo(() => clusterToMermaid(clusterDiagramInput()), [mirror]);
  useEffect(() => {
    const d = dialog.current;
    if (d && !d.open) d.showModal();
  }, []);
  const image = (format: 'png' | 'svg') => {
    setImageNote(`Drawing the canvas as ${format.toUpperCase()}…`);
    downloadCanvas(format).then(
      (name) => setImageNote(`Saved ${name}.`),
      (e: unknown) => setImageNote(`Could not draw the canvas: ${e instanceof Error ? e.message : String(e)}`),
    );
  };
  return (
    <dialog ref={dialog} className="diagram-dialog" data-testid={testIds.diagramDialog} aria-labelledby="diagram-heading" onClose={closeDiagram}>
      <div className="dialog-head">
        <h2 id="diagram-heading">Diagram</h2>
        <button type="button" aria-label="Close" data-testid={testIds.diagramClose} onClick={() => dialog.current?.close()}>
          ×
        </button>
      </div>
      <div role="tablist" aria-label="Diagram" className="diagram-tabs">
        {tabs.map((t) => (
          <button
            key={t.id}
            type="button"
            role="tab"
            id={`diagram-tab-${t.id}`}
            aria-selected={tab === t.id}
            aria-controls="diagram-tabpanel"
            data-testid={testIds.diagramTab}
            onClick={() => setTab(t.id)}
            onKeyDown={(e) => {
              const i = tabs.findIndex((x) => x.id === tab);
              const next = e.key === 'ArrowRight' ? tabs[(i + 1) % tabs.length] : e.key === 'ArrowLeft' ? tabs[(i + tabs.length - 1) % tabs.length] : undefined;
              if (!next) return;
              e.preventDefault();
              setTab(next.id);
              document.getElementById(`diagram-tab-${next.id}`)?.focus();
            }}
            tabIndex={tab === t.id ? 0 : -1}
          >
            {t.label}
          </button>
        ))}
      </div>
      <div role="tabpanel" id="diagram-tabpanel" aria-labelledby={`diagram-tab-${tab}`} className="diagram-tabpanel">
        {tab === 'export' && (
          <>
            <p>
              The cluster as a Mermaid <code>graph TD</code>, drawn like the seed note: a subgraph per node, each Service with <code>Endpoints</code> links to the pods its
              EndpointSlices list, other pods of its namespace as clients. System namespaces are left out.
            </p>
            <MermaidText text={text} label="The cluster as Mermaid text" />
            <MermaidPreview text={text} dark={dark} label="The cluster, drawn by Mermaid" />
          </>
        )}
        {tab === 'import' && <DiagramImport dark={dark} onApplied={() => dialog.current?.close()} />}
        {tab === 'image' && (
          <>
            <p>The canvas as it is on screen (without the zoom buttons), as a picture for slides or notes.</p>
            <div className="panel-controls">
              <button type="button" onClick={() => image('png')} data-testid={testIds.diagramPng}>
                Download PNG
              </button>
              <button type="button" onClick={() => image('svg')} data-testid={testIds.diagramSvg}>
                Download SVG
              </button>
              <span className="muted" role="status">
                {imageNote}
              </span>
            </div>
          </>
        )}
      </div>
    </dialog>
  );
}

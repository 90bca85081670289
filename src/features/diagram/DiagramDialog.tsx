/**
 * "Diagram": the cluster as Mermaid text in the seed note's style (copy it; Mermaid draws a live preview),
 * a Mermaid sketch imported as a cluster, and the canvas as a PNG or SVG file.
 */
import { useEffect, useMemo, useRef, useState } from 'react';
import { clusterToMermaid } from '../../diagram/clusterDiagram';
import { useT } from '../../i18n/languageStore';
import { richText } from '../../i18n/richText';
import { useAppStore } from '../../state/store';
import { testIds } from '../../testids';
import { DiagramImport } from './DiagramImport';
import { clusterDiagramInput, downloadCanvas } from './diagramActions';
import { closeDiagram } from './diagramStore';
import { MermaidPreview } from './MermaidPreview';
import { MermaidText } from './MermaidText';
import './diagram.css';

const tabs = [
  { id: 'export', label: 'diagram.tab.export' },
  { id: 'import', label: 'diagram.tab.import' },
  { id: 'image', label: 'diagram.tab.image' },
] as const;
type Tab = (typeof tabs)[number]['id'];

const selectMirror = (s: ReturnType<typeof useAppStore.getState>) => s.mirror;

export default function DiagramDialog({ dark }: { dark: boolean }) {
  const t = useT();
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
    setImageNote(t('diagram.drawingCanvas', { format: format.toUpperCase() }));
    downloadCanvas(format).then(
      (name) => setImageNote(t('diagram.saved', { name })),
      (e: unknown) => setImageNote(t('diagram.drawFailed', { error: e instanceof Error ? e.message : String(e) })),
    );
  };
  return (
    <dialog ref={dialog} className="diagram-dialog" data-testid={testIds.diagramDialog} aria-labelledby="diagram-heading" onClose={closeDiagram}>
      <div className="dialog-head">
        <h2 id="diagram-heading">{t('diagram.heading')}</h2>
        <button type="button" aria-label={t('common.close')} data-testid={testIds.diagramClose} onClick={() => dialog.current?.close()}>
          ×
        </button>
      </div>
      <div role="tablist" aria-label={t('diagram.heading')} className="diagram-tabs">
        {tabs.map((tb) => (
          <button
            key={tb.id}
            type="button"
            role="tab"
            id={`diagram-tab-${tb.id}`}
            aria-selected={tab === tb.id}
            aria-controls="diagram-tabpanel"
            data-testid={testIds.diagramTab}
            onClick={() => setTab(tb.id)}
            onKeyDown={(e) => {
              const i = tabs.findIndex((x) => x.id === tab);
              const next = e.key === 'ArrowRight' ? tabs[(i + 1) % tabs.length] : e.key === 'ArrowLeft' ? tabs[(i + tabs.length - 1) % tabs.length] : undefined;
              if (!next) return;
              e.preventDefault();
              setTab(next.id);
              document.getElementById(`diagram-tab-${next.id}`)?.focus();
            }}
            tabIndex={tab === tb.id ? 0 : -1}
          >
            {t(tb.label)}
          </button>
        ))}
      </div>
      <div role="tabpanel" id="diagram-tabpanel" aria-labelledby={`diagram-tab-${tab}`} className="diagram-tabpanel">
        {tab === 'export' && (
          <>
            <p>{richText(t('diagram.exportIntro'))}</p>
            <MermaidText text={text} label={t('diagram.exportTextLabel')} />
            <MermaidPreview text={text} dark={dark} label={t('diagram.exportPreviewLabel')} />
          </>
        )}
        {tab === 'import' && <DiagramImport dark={dark} onApplied={() => dialog.current?.close()} />}
        {tab === 'image' && (
          <>
            <p>{t('diagram.imageIntro')}</p>
            <div className="panel-controls">
              <button type="button" onClick={() => image('png')} data-testid={testIds.diagramPng}>
                {t('diagram.downloadPng')}
              </button>
              <button type="button" onClick={() => image('svg')} data-testid={testIds.diagramSvg}>
                {t('diagram.downloadSvg')}
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

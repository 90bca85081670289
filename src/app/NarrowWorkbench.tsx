/**
 * The workbench on a narrow screen: one column, the panels as tabs (Canvas, Inspector, Editor, Terminal).
 * Every panel stays mounted while hidden, so the terminal keeps its session and the editor its undo history.
 */
import type { ReactNode } from 'react';
import { BottomDock, Dock } from '../features/dock/Dock';
import { EditorPanel } from '../features/editor/EditorPanel';
import { TopologyCanvas } from '../features/topology/TopologyCanvas';
import { testIds } from '../testids';
import { useT } from '../i18n/languageStore';
import { type AppState, useAppStore } from '../state/store';
import type { NarrowPanel } from '../state/uiSlice';

const selectPanel = (s: AppState) => s.narrowPanel;

export function NarrowWorkbench({ dark }: { dark: boolean }) {
  const tab = useAppStore(selectPanel);
  const setTab = useAppStore.getState().setNarrowPanel;
  const t = useT();
  const panels: [NarrowPanel, string, ReactNode][] = [
    ['canvas', t('panels.canvas'), <TopologyCanvas key="canvas" />],
    ['inspector', t('panels.inspector'), <Dock key="dock" />],
    ['editor', t('panels.editor'), <EditorPanel key="editor" dark={dark} />],
    ['terminal', t('panels.terminal'), <BottomDock key="terminal" />],
  ];
  return (
    <div className="narrow-workbench">
      <div className="narrow-tabs" role="tablist" aria-label={t('panels.label')}
>
        {panels.map(([id, label]) => (
          <button
            key={id}
            type="button"
            role="tab"
            id={`narrow-tab-${id}`}
            aria-selected={tab === id}
            aria-controls={`narrow-panel-${id}`}
            data-testid={`${testIds.narrowTab}-${id}`}
            onClick={() => setTab(id)}
          >
            {label}
          </button>
        ))}
      </div>
      {panels.map(([id, , panel]) => (
        <div key={id} id={`narrow-panel-${id}`} className="narrow-panel" role="tabpanel" aria-labelledby={`narrow-tab-${id}`} hidden={tab !== id}>
          {panel}
        </div>
      ))}
    </div>
  );
}

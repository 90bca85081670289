/**
 * The tab strip above the editor (as VS Code's): the manifests tab, then one tab per object being edited, each
 * with a dot while it has changes not applied yet and a close button. Closing a tab with such changes asks first.
 * Plain buttons (the shown one `aria-current`) rather than ARIA tabs: a tab list may hold only tabs, not close buttons.
 */
import { useState } from 'react';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { manifestsTab, type ObjectTab } from '../../state/editorTabsSlice';
import { useAppStore } from '../../state/store';
import { testIds } from '../../testids';
import { useT } from '../../i18n/languageStore';

const selectTabs = (s: { objectTabs: ObjectTab[] }) => s.objectTabs;
const selectActive = (s: { activeTab: string }) => s.activeTab;

export function EditorTabs() {
  const tabs = useAppStore(selectTabs);
  const active = useAppStore(selectActive);
  const [closing, setClosing] = useState<ObjectTab | undefined>(undefined);
  const tr = useT();
  const { setActiveTab, closeObjectTab } = useAppStore.getState();
  const close = (t: ObjectTab) => (t.text === t.saved ? closeObjectTab(t.id) : setClosing(t));
  return (
    <div className="editor-tabs" role="toolbar" aria-label={tr('editor.tabs')} data-testid={testIds.editorTabs}>
      <button
        type="button"
        aria-current={active === manifestsTab ? 'page' : undefined}
        className={`editor-tab${active === manifestsTab ? ' active' : ''}`}
        data-testid={testIds.editorTab}
        data-tab={manifestsTab}
        onClick={() => setActiveTab(manifestsTab)}
      >
        manifests.yaml
      </button>
      {tabs.map((t) => (
        <span key={t.id} className={`editor-tab${active === t.id ? ' active' : ''}`}>
          <button type="button" aria-current={active === t.id ? 'page' : undefined} data-testid={testIds.editorTab} data-tab={t.id} onClick={() => setActiveTab(t.id)}>
            {t.title}
            {t.text !== t.saved ? (
              <span className="editor-tab-dirty" title={tr('editor.dirty')} data-testid={testIds.editorTabDirty}>
                <span aria-hidden="true">●</span>
                <span className="sr-only">{tr('editor.dirtySr')}</span>
              </span>
            ) : null}
          </button>
          <button type="button" className="editor-tab-close" aria-label={tr('editor.closeTab', { title: t.title })} title={tr('common.close')} data-testid={testIds.editorTabClose} onClick={() => close(t)}>
            ×
          </button>
        </span>
      ))}
      {closing ? (
        <ConfirmDialog
          title={tr('editor.closeTabTitle', { title: closing.title })}
          confirmLabel={tr('editor.closeDiscard')}
          cancelLabel={tr('common.cancel')}
          onConfirm={() => {
            closeObjectTab(closing.id);
            setClosing(undefined);
          }}
          onCancel={() => setClosing(undefined)}
        >
          {tr('editor.closeBody')}

        </ConfirmDialog>
      ) : null}
    </div>
  );
}

/** A dock: tabs over registered panels. The side dock's tab lives in the store (selecting opens the Inspector). */
import { useState } from 'react';
import { useAppStore } from '../../state/store';
import type { AppState } from '../../state/store';
import type { DockTab } from '../../state/uiSlice';
import { testIds } from '../../testids';
import { bottomDockTabs, type DockTabDef, dockTabs } from './dockTabs';
import { useT } from '../../i18n/languageStore';

const selectTab = (s: AppState) => s.dockTab;

function DockTabs({ tabs, active, onPick, label, className }: { tabs: readonly DockTabDef[]; active: DockTab; onPick(t: DockTab): void; label: string; className: string }) {
  const current = tabs.find((t) => t.id === active) ?? tabs[0];
  const tr = useT();
  return (
    <section className={className} aria-label={label}>
      <div className="tabs" role="tablist">
        {tabs.map((t) => (
          <button
            key={t.id}
            type="button"
            role="tab"
            aria-selected={t.id === current.id}
            className={t.id === current.id ? 'active' : ''}
            data-testid={`${testIds.dockTab}-${t.id}`}
            onClick={() => onPick(t.id)}
          >
            {tr(t.label)}
          </button>
        ))}
      </div>
      {/* panels stay mounted while hidden, so a terminal keeps its session and its running watch */}
      {tabs.map((t) => (
        <div key={t.id} className="tab-panel" role="tabpanel" hidden={t.id !== current.id} data-testid={`dock-panel-${t.id}`}>
          <t.Panel />
        </div>
      ))}
    </section>
  );
}

export function Dock() {
  const tab = useAppStore(selectTab);
  const t = useT();
  return <DockTabs tabs={dockTabs} active={tab} onPick={(id) => useAppStore.getState().setDockTab(id)} label={t('panels.details')} className="dock" />;
}

export function BottomDock() {
  const [tab, setTab] = useState<DockTab>(bottomDockTabs[0].id);
  const t = useT();
  return <DockTabs tabs={bottomDockTabs} active={tab} onPick={setTab} label={t('panels.terminals')} className="dock bottom-dock" />;

}

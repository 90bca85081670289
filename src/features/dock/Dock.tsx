/** A dock: tabs over registered panels. The side dock's tab lives in the store (selecting opens the Inspector). */
import { Activity, useMemo } from 'react';
import { useAppStore } from '../../state/store';
import type { AppState } from '../../state/store';
import type { DockTab } from '../../state/uiSlice';
import { testIds } from '../../testids';
import { bottomDockTabs, type DockTabDef, dockTabs } from './dockTabs';
import { LocalForwardsContext, useLocalhostTabs } from '../localhost/localhostTabs';
import { useLocalForwards } from '../localhost/useLocalForwards';
import { DockTabIdContext } from './dockTabId';
import { useT } from '../../i18n/languageStore';

const selectTab = (s: AppState) => s.dockTab;
const selectBottomTab = (s: AppState) => s.bottomTab;

/** Exported for its test: the tab strip and the panels, shown one at a time. */
export function DockTabs({ tabs, active, onPick, label, className }: { tabs: readonly DockTabDef[]; active: DockTab; onPick(t: DockTab): void; label: string; className: string }) {
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
            {typeof t.label === 'string' ? tr(t.label) : t.label.text}
          </button>
        ))}
      </div>
      {/* panels stay mounted while hidden, so a terminal keeps its session and its running watch; the others are
          paused (React's Activity keeps their state but drops their effects and subscriptions until shown), so a
          cluster growing to a thousand pods does not re-render hidden lists or make hidden panels query the worker */}
      {tabs.map((t) => (
        <div key={t.id} className="tab-panel" role="tabpanel" hidden={t.id !== current.id} data-testid={`dock-panel-${t.id}`}>
          <DockTabIdContext.Provider value={t.id}>
            {t.runsWhileHidden ? (
              <t.Panel />
            ) : (
              <Activity mode={t.id === current.id ? 'visible' : 'hidden'}>
                <t.Panel />
              </Activity>
            )}
          </DockTabIdContext.Provider>
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
  const tab = useAppStore(selectBottomTab);
  // a "localhost:PORT" tab appears while a kubectl port-forward holds PORT
  const forwards = useLocalForwards();
  const forwarded = useLocalhostTabs(forwards);
  const tabs = useMemo(() => [...bottomDockTabs, ...forwarded], [forwarded]);
  const t = useT();
  return (
    <LocalForwardsContext.Provider value={forwards}>
      <DockTabs tabs={tabs} active={tab} onPick={(id) => useAppStore.getState().setBottomTab(id)} label={t('panels.terminals')} className="dock bottom-dock" />
    </LocalForwardsContext.Provider>
  );
}

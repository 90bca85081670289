/** The side dock: tabs over the registered panels. */
import { useAppStore } from '../../state/store';
import type { AppState } from '../../state/store';
import { testIds } from '../../testids';
import { dockTabs } from './dockTabs';

const selectTab = (s: AppState) => s.dockTab;

export function Dock() {
  const tab = useAppStore(selectTab);
  const active = dockTabs.find((t) => t.id === tab) ?? dockTabs[0];
  return (
    <section className="dock" aria-label="Details">
      <div className="tabs" role="tablist">
        {dockTabs.map((t) => (
          <button
            key={t.id}
            type="button"
            role="tab"
            aria-selected={t.id === active.id}
            className={t.id === active.id ? 'active' : ''}
            data-testid={`${testIds.dockTab}-${t.id}`}
            onClick={() => useAppStore.getState().setDockTab(t.id)}
          >
            {t.label}
          </button>
        ))}
      </div>
      {/* panels stay mounted while hidden, so a terminal keeps its session and its running watch */}
      {dockTabs.map((t) => (
        <div key={t.id} className="tab-panel" role="tabpanel" hidden={t.id !== active.id} data-testid={`dock-panel-${t.id}`}>
          <t.Panel />
        </div>
      ))}
    </section>
  );
}

/** The shell: wires the top bar, the canvas and the dock. Features do the work. */
import { useEffect, useState } from 'react';
import { Inspector } from '../features/inspector/Inspector';
import { TopologyCanvas } from '../features/topology/TopologyCanvas';
import { seedTopologyManifest } from '../scenario/library/seedTopology';
import { useAppStore } from '../state/store';
import type { AppState } from '../state/store';
import { testIds } from '../testids';
import { send } from './simulation';
import { TopBar } from './TopBar';

const selectNotice = (s: AppState) => s.notice;

export function App() {
  const [selected, setSelected] = useState<string | undefined>();
  const notice = useAppStore(selectNotice);
  useEffect(() => {
    void send({ type: 'init', manifests: seedTopologyManifest }).then(() => send({ type: 'advance', ms: 15_000 }));
  }, []);
  return (
    <div className="app" data-testid={testIds.app}>
      <TopBar />
      <main className="workspace">
        <TopologyCanvas selected={selected} onSelect={setSelected} />
        <aside className="dock">
          <Inspector selected={selected} />
        </aside>
      </main>
      {notice && (
        <div className="notice" role="status" data-testid={testIds.notice}>
          {notice}
        </div>
      )}
    </div>
  );
}

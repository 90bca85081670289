/** One bottom-dock tab per port a running `kubectl port-forward` holds, labelled as the browser's address. */
import { createContext, useContext, useMemo } from 'react';
import type { WireLocalForward } from '../../protocol/messages';
import type { DockTab } from '../../state/uiSlice';
import { DockTabIdContext } from '../dock/dockTabId';
import { LocalhostPanel } from './LocalhostPanel';

/** The forwards the dock polled, for the panels of their tabs. */
export const LocalForwardsContext = createContext<WireLocalForward[]>([]);

/** The panel of a `localhost:PORT` tab: the forward of its port. */
export function LocalhostDockPanel() {
  const id = useContext(DockTabIdContext);
  const forward = useContext(LocalForwardsContext).find((f) => `localhost:${f.localPort}` === id);
  return forward ? <LocalhostPanel forward={forward} /> : null;
}

/** The tab definitions of the forwards. */
export function useLocalhostTabs(forwards: WireLocalForward[]): Array<{ id: DockTab; label: { text: string }; Panel: typeof LocalhostDockPanel }> {
  return useMemo(() => forwards.map((f) => ({ id: `localhost:${f.localPort}` as DockTab, label: { text: `localhost:${f.localPort}` }, Panel: LocalhostDockPanel })), [forwards]);
}

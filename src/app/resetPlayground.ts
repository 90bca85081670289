/**
 * Reset: everything the playground started with, and nothing less than the dialog promises: the cluster from
 * the seed topology, the default manifests, no object tabs, the canvas's own layout (dragged node positions
 * forgotten), no selection, no problems from earlier applies.
 */
import { seedTopologyManifest } from '../scenario/library/seedTopology';
import { manifestsTab } from '../state/editorTabsSlice';
import { useAppStore } from '../state/store';
import type { Session } from './session';

export async function resetPlayground(session: Pick<Session, 'reset'>): Promise<void> {
  await session.reset();
  const s = useAppStore.getState();
  s.setEditorTabs([], manifestsTab);
  s.setEditorText(seedTopologyManifest);
  s.setApplyResult([]);
  s.select(undefined);
  s.resetLayout();
}

/**
 * Apply = `kubectl apply -f` on the text of the tab shown (the manifests, or the one object an object tab
 * edits), in one request to the worker and one reply however many documents there are; results land in the
 * problems list and the markers, and one notice sums them up. An object tab applied without error is clean.
 */
import { send } from '../../state/simulation';
import { manifestsTab } from '../../state/editorTabsSlice';
import { useAppStore } from '../../state/store';
import { applyNotice } from './applySummary';

export async function applyEditor(): Promise<void> {
  const { editorText, activeTab, objectTabs, setApplyResult, setNotice, markObjectTabSaved } = useAppStore.getState();
  const tab = activeTab === manifestsTab ? undefined : objectTabs.find((t) => t.id === activeTab);
  const yaml = tab ? tab.text : editorText;
  const reply = await send({ type: 'apply', yaml });
  if (reply.ok && reply.value?.kind === 'apply') {
    setApplyResult(reply.value.items);
    if (tab && reply.value.items.every((i) => !i.error)) markObjectTabSaved(tab.id, yaml);
    const notice = applyNotice(reply.value.items);
    // the problems list keeps every result, errors included: the notice only sums up, then goes
    setNotice(notice.text, notice.failed ? 'error' : 'info', true);
  }
}

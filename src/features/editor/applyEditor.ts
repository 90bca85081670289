/**
 * Apply = `kubectl apply -f` on the editor text, in one request to the worker and one reply however many
 * documents there are; results land in the problems list and the markers, and one notice sums them up.
 */
import { send } from '../../state/simulation';
import { useAppStore } from '../../state/store';
import { applyNotice } from './applySummary';

export async function applyEditor(): Promise<void> {
  const { editorText, setApplyResult, setNotice } = useAppStore.getState();
  const reply = await send({ type: 'apply', yaml: editorText });
  if (reply.ok && reply.value?.kind === 'apply') {
    setApplyResult(reply.value.items);
    const notice = applyNotice(reply.value.items);
    // the problems list keeps every result, errors included: the notice only sums up, then goes
    setNotice(notice.text, notice.failed ? 'error' : 'info', true);
  }
}

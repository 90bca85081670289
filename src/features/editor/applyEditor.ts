/** Apply = `kubectl apply -f` on the editor text; results land in the problems list and the markers. */
import { send } from '../../state/simulation';
import { useAppStore } from '../../state/store';

export async function applyEditor(): Promise<void> {
  const { editorText, setApplyResult, setNotice } = useAppStore.getState();
  const reply = await send({ type: 'apply', yaml: editorText });
  if (reply.ok && reply.value?.kind === 'apply') {
    setApplyResult(reply.value.items);
    const failed = reply.value.items.filter((i) => i.error).length;
    const done = reply.value.items.filter((i) => i.result);
    const summary = done.map((i) => `${i.object} ${i.result}`).join(', ');
    if (failed) setNotice(`${failed} document${failed > 1 ? 's' : ''} rejected${summary ? `; ${summary}` : ''}`);
    else setNotice(summary || 'nothing to apply', 'info');
  }
}

/** Actions on the selected object. Every one is a command to the engine; the UI never edits state itself. */
import { t } from '../../i18n/languageStore';
import { send } from '../../state/simulation';
import { useAppStore } from '../../state/store';
import { parseSelection } from './selection';

/** Delete (graceful) whatever is selected; nodes are not deleted (stop them instead). */
export async function deleteSelected(id: string, gracePeriodSeconds?: number): Promise<void> {
  const ref = parseSelection(id);
  if (!ref || ref.type === 'node') return;
  await send({ type: 'delete', kind: ref.kind, namespace: ref.namespace, name: ref.name, gracePeriodSeconds });
}

/** Adds, changes (value) or removes (null) labels through a merge patch, as `kubectl label` would. */
export async function patchLabels(id: string, labels: Record<string, string | null>): Promise<void> {
  const ref = parseSelection(id);
  if (!ref) return;
  await send({ type: 'patch', kind: ref.kind, namespace: ref.namespace, name: ref.name, patchType: 'merge', patch: { metadata: { labels } } });
}

/** Opens the object's live YAML in the editor, like `kubectl edit`. */
export async function editObject(id: string): Promise<void> {
  const ref = parseSelection(id);
  if (!ref) return;
  const reply = await send({ type: 'objectYaml', kind: ref.kind, namespace: ref.namespace, name: ref.name });
  if (reply.ok && reply.value?.kind === 'text') {
    const s = useAppStore.getState();
    s.openObjectTab(reply.value.text);
    s.setNotice(t('notice.editing', { object: `${ref.kind.toLowerCase()}/${ref.name}` }), 'info');

  }
}

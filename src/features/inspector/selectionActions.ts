/** Actions on the selected object. Every one is a command to the engine; the UI never edits state itself. */
import { t } from '../../i18n/languageStore';
import { send } from '../../state/simulation';
import { useAppStore } from '../../state/store';
import { parseSelection } from './selection';
import { typeIntoShownTerminal } from '../terminal/terminalInput';

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

/** The line the Shell button types: the image's shell in the pod, as a user would start it. */
export function shellCommand(namespace: string | undefined, pod: string): string {
  return `kubectl exec -it ${pod}${inNamespace(namespace)} -- sh`;
}

/** The line the Logs button types: the pod's log, followed as it grows. */
export function logsCommand(namespace: string | undefined, pod: string): string {
  return `kubectl logs -f ${pod}${inNamespace(namespace)}`;
}

// always named: the terminals' kubeconfig may make another namespace the default (`kubectl config set-context`)
const inNamespace = (namespace: string | undefined) => (namespace ? ` -n ${namespace}` : '');

/**
 * "Shell" and "Logs": show the terminal (the bottom dock's tab, or the narrow screen's panel) and type the pod's
 * command (`kubectl exec -it POD -- sh`, `kubectl logs -f POD`) into the terminal tab shown, as a user would; the
 * terminal says what follows (the pod's prompt or log, or that its image has no shell).
 */
export function typeForPod(id: string, command: (namespace: string | undefined, pod: string) => string): void {
  const ref = parseSelection(id);
  if (!ref || ref.type === 'node') return;
  const s = useAppStore.getState();
  s.setBottomTab('terminal');
  s.setNarrowPanel('terminal');
  // the terminal tab may be mounting (its chunk loads after the first graph): try for a couple of seconds
  let tries = 0;
  const attempt = () => {
    if (typeIntoShownTerminal(command(ref.namespace, ref.name)) || ++tries > 120) return;
    requestAnimationFrame(attempt);
  };
  requestAnimationFrame(attempt);
}

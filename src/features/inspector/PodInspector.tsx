/** The selected pod: what kubectl would say of it, its labels (editable), readiness, delete, a shell in it. */
import type { Pod } from 'kubernetes-types/core/v1';
import type { WireObject } from '../../protocol/objects';
import { testIds } from '../../testids';
import { LabelChips } from './LabelChips';
import { ObjectYaml } from './ObjectYaml';
import { ReadinessSection } from './ReadinessSection';
import { PodEnvSection } from './PodEnvSection';
import type { SelectionRef } from './selection';
import { deleteSelected, editObject, logsCommand, patchLabels, shellCommand, typeForPod } from './selectionActions';
import { useT } from '../../i18n/languageStore';

/** Images whose simulated app serves a readiness page that can be flipped (kuard's /ready). */
const flippable = /(^|\/)kuard-amd64:|(^|\/)kuard:/;

/** Each init container with the state its status reports (`check: Running`, `wait: Terminated (Completed)`), in spec order. */
function initContainerStates(pod: Pod): string[] {
  return (pod.spec?.initContainers ?? [])
    .map((c) => {
      const state = pod.status?.initContainerStatuses?.find((s) => s.name === c.name)?.state;
      if (state?.running) return `${c.name}: Running`;
      if (state?.terminated) return `${c.name}: Terminated (${state.terminated.reason ?? state.terminated.exitCode})`;
      return `${c.name}: Waiting${state?.waiting?.reason ? ` (${state.waiting.reason})` : ''}`;
    });
}

/**
 * Why containers wait, where the kubelet says (`app: CreateContainerConfigError: secret "db" not found`), as
 * `kubectl describe pod` shows a waiting state's reason and message; ContainerCreating and PodInitializing say
 * nothing more than the status does.
 */
function waitingMessages(pod: Pod): string[] {
  const statuses = [...(pod.status?.initContainerStatuses ?? []), ...(pod.status?.containerStatuses ?? [])];
  return statuses.flatMap((s) => (s.state?.waiting?.message ? [`${s.name}: ${s.state.waiting.reason}: ${s.state.waiting.message}`] : []));
}

export function PodInspector({ id, ref, obj }: { id: string; ref: SelectionRef; obj: WireObject }) {
  const pod = obj as unknown as Pod;
  const view = obj.view;
  const kuard = (pod.spec?.containers ?? []).find((c) => flippable.test(c.image ?? ''));
  const conditions = pod.status?.conditions ?? [];
  const waiting = waitingMessages(pod);
  const t = useT();
  return (
    <div className="inspector" data-testid={testIds.inspector}>
      <h2>
        <span className="kind-tag">Pod</span> {ref.name}
      </h2>
      <dl className="facts">
        <dt>{t('inspector.namespace')}</dt>
        <dd>{ref.namespace}</dd>
        <dt>{t('inspector.status')}</dt>
        <dd data-testid="pod-status">{view?.status}</dd>
        <dt>{t('inspector.ready')}</dt>
        <dd>{view?.ready}</dd>
        <dt>{t('inspector.restarts')}</dt>
        <dd>{view?.restarts ?? 0}</dd>
        <dt>{t('inspector.ip')}</dt>
        <dd>{pod.status?.podIP ?? '<none>'}</dd>
        <dt>{t('inspector.node')}</dt>
        <dd>{pod.spec?.nodeName ?? '<none>'}</dd>
        <dt>{t('inspector.images')}</dt>
        <dd>{(pod.spec?.containers ?? []).map((c) => c.image).join(', ')}</dd>
        {(pod.spec?.initContainers?.length ?? 0) > 0 && (
          <>
            <dt>{t('inspector.initContainers')}</dt>
            <dd>
              <ul className="init-containers" data-testid={testIds.podInitContainers}>
                {initContainerStates(pod).map((line) => (
                  <li key={line}>{line}</li>
                ))}
              </ul>
            </dd>
          </>
        )}
        {waiting.length > 0 && (
          <>
            <dt>{t('inspector.waiting')}</dt>
            <dd>
              <ul className="pod-waiting" data-testid={testIds.podWaiting}>
                {waiting.map((line) => (
                  <li key={line}>{line}</li>
                ))}
              </ul>
            </dd>
          </>
        )}
      </dl>
      <h3>{t('inspector.labels')}</h3>
      <LabelChips labels={pod.metadata?.labels} what={t('inspector.podLabels')} onChange={(c) => void patchLabels(id, c)} />
      <h3>{t('inspector.conditions')}</h3>
      <ul className="conditions">
        {conditions.map((c) => (
          <li key={c.type} className={c.status === 'True' ? 'ok' : 'bad'}>
            {c.type}: {c.status}
            {c.reason ? ` (${c.reason})` : ''}
          </li>
        ))}
      </ul>
      {kuard && <ReadinessSection ref={ref} pod={pod} container={kuard} />}
      <PodEnvSection namespace={ref.namespace ?? 'default'} name={ref.name} resourceVersion={pod.metadata?.resourceVersion} owned={!!pod.metadata?.ownerReferences?.some((o) => o.controller)} />
      <div className="actions">
        <button type="button" data-testid={testIds.podDelete} onClick={() => void deleteSelected(id)}>
          {t('inspector.delete')}
        </button>
        <button type="button" data-testid={testIds.podDeleteNow} onClick={() => void deleteSelected(id, 0)} title="--grace-period=0 --force">
          {t('inspector.deleteNow')}
        </button>
        <button type="button" data-testid={testIds.podShell} onClick={() => typeForPod(id, shellCommand)} title={shellCommand(ref.namespace, ref.name)}>
          {t('inspector.shell')}
        </button>
        <button type="button" data-testid={testIds.podLogs} onClick={() => typeForPod(id, logsCommand)} title={logsCommand(ref.namespace, ref.name)}>
          {t('inspector.logs')}
        </button>
        <button type="button" data-testid={testIds.editObject} onClick={() => void editObject(id)}>
          {t('inspector.edit')}

        </button>
      </div>
      <ObjectYaml id={id} resourceVersion={pod.metadata?.resourceVersion} />
    </div>
  );
}

/** The selected Deployment: replicas (scale), a rollout with a new image, its status. */
import type { Deployment } from 'kubernetes-types/apps/v1';
import type { WireObject } from '../../protocol/objects';
import { testIds } from '../../testids';
import { ImageRolloutForm } from './ImageRolloutForm';
import { ObjectActions } from './ObjectActions';
import { ScaleControl } from './ScaleControl';
import type { SelectionRef } from './selection';
import { useT } from '../../i18n/languageStore';

export function DeploymentInspector({ id, ref, obj }: { id: string; ref: SelectionRef; obj: WireObject }) {
  const d = obj as unknown as Deployment;
  const t = useT();
  const replicas = d.spec?.replicas ?? 1;
  const workload = { kind: 'Deployment', namespace: ref.namespace, name: ref.name } as const;
  return (
    <div className="inspector" data-testid={testIds.inspector}>
      <h2>
        <span className="kind-tag">Deployment</span> {ref.name}
      </h2>
      <dl className="facts">
        <dt>{t('inspector.ready')}</dt>
        <dd>
          {d.status?.readyReplicas ?? 0}/{replicas}
        </dd>
        <dt>{t('inspector.upToDate')}</dt>
        <dd>{d.status?.updatedReplicas ?? 0}</dd>
        <dt>{t('inspector.available')}</dt>
        <dd>{d.status?.availableReplicas ?? 0}</dd>
        <dt>{t('inspector.strategy')}</dt>
        <dd>{d.spec?.strategy?.type}</dd>
      </dl>
      <ScaleControl workload={workload} replicas={replicas} />
      <ImageRolloutForm workload={workload} containers={d.spec?.template?.spec?.containers ?? []} />
      <ObjectActions id={id} resourceVersion={d.metadata?.resourceVersion} />
    </div>
  );
}

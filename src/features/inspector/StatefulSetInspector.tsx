/**
 * The selected StatefulSet: its status as the controller reports it (ready, current and updated replicas, the two
 * revisions), the governing Service, pod management and update strategy; scale and a rollout with a new image.
 */
import type { StatefulSet } from 'kubernetes-types/apps/v1';
import type { WireObject } from '../../protocol/objects';
import { testIds } from '../../testids';
import { ImageRolloutForm } from './ImageRolloutForm';
import { ObjectActions } from './ObjectActions';
import { ScaleControl } from './ScaleControl';
import type { SelectionRef } from './selection';
import { useT } from '../../i18n/languageStore';

export function StatefulSetInspector({ id, ref, obj }: { id: string; ref: SelectionRef; obj: WireObject }) {
  const s = obj as unknown as StatefulSet;
  const t = useT();
  const replicas = s.spec?.replicas ?? 1;
  const strategy = s.spec?.updateStrategy;
  const partition = strategy?.rollingUpdate?.partition;
  const workload = { kind: 'StatefulSet', namespace: ref.namespace, name: ref.name } as const;
  return (
    <div className="inspector" data-testid={testIds.inspector}>
      <h2>
        <span className="kind-tag">StatefulSet</span> {ref.name}
      </h2>
      <dl className="facts">
        <dt>{t('inspector.ready')}</dt>
        <dd data-testid={testIds.statefulSetReady}>
          {s.status?.readyReplicas ?? 0}/{replicas}
        </dd>
        <dt>{t('inspector.current')}</dt>
        <dd>{s.status?.currentReplicas ?? 0}</dd>
        <dt>{t('inspector.updated')}</dt>
        <dd>{s.status?.updatedReplicas ?? 0}</dd>
        <dt>{t('inspector.governingService')}</dt>
        <dd>{s.spec?.serviceName || '<none>'}</dd>
        <dt>{t('inspector.podManagement')}</dt>
        <dd>{s.spec?.podManagementPolicy}</dd>
        <dt>{t('inspector.updateStrategy')}</dt>
        <dd>{strategy?.type}</dd>
        {/* as kubectl describe prints it: whenever the field is there (RollingUpdate defaults it to 0) */}
        {partition !== undefined && (
          <>
            <dt>{t('inspector.partition')}</dt>
            <dd>{partition}</dd>
          </>
        )}
        <dt>{t('inspector.currentRevision')}</dt>
        <dd>{s.status?.currentRevision ?? '<none>'}</dd>
        <dt>{t('inspector.updateRevision')}</dt>
        <dd>{s.status?.updateRevision ?? '<none>'}</dd>
      </dl>
      <ScaleControl workload={workload} replicas={replicas} />
      <ImageRolloutForm workload={workload} containers={s.spec?.template?.spec?.containers ?? []} />
      <ObjectActions id={id} resourceVersion={s.metadata?.resourceVersion} />
    </div>
  );
}

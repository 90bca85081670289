/** Scale −/+ for a workload with `spec.replicas` (Deployment, StatefulSet): a merge patch, as `kubectl scale` sets the field. */
import { send } from '../../state/simulation';
import { testIds } from '../../testids';
import type { WorkloadRef } from './workloadRef';
import { useT } from '../../i18n/languageStore';

export function ScaleControl({ workload, replicas }: { workload: WorkloadRef; replicas: number }) {
  const t = useT();
  const scale = (n: number) =>
    void send({ type: 'patch', kind: workload.kind, namespace: workload.namespace, name: workload.name, patchType: 'merge', patch: { spec: { replicas: Math.max(0, n) } } });
  return (
    <>
      <h3>{t('inspector.scale')}</h3>
      <div className="actions" data-testid={testIds.scale}>
        <button type="button" onClick={() => scale(replicas - 1)} aria-label={t('inspector.scaleDown')}>
          −
        </button>
        <span className="replicas">{replicas}</span>
        <button type="button" onClick={() => scale(replicas + 1)} aria-label={t('inspector.scaleUp')}>
          +
        </button>
      </div>
    </>
  );
}

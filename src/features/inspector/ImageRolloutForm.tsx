/**
 * A new image for a workload's first container (Deployment, StatefulSet): a merge patch of the pod template, which
 * the workload's controller rolls out as its update strategy says.
 */
import type { Container } from 'kubernetes-types/core/v1';
import { useState } from 'react';
import { send } from '../../state/simulation';
import { testIds } from '../../testids';
import type { WorkloadRef } from './workloadRef';
import { useT } from '../../i18n/languageStore';

export function ImageRolloutForm({ workload, containers }: { workload: WorkloadRef; containers: readonly Container[] }) {
  const t = useT();
  const [image, setImage] = useState(containers[0]?.image ?? '');
  const rollout = () => {
    // a merge patch replaces the whole list: every container goes, the first with its new image
    const next = containers.map((c, i) => (i === 0 ? { ...c, image } : c));
    void send({
      type: 'patch',
      kind: workload.kind,
      namespace: workload.namespace,
      name: workload.name,
      patchType: 'merge',
      patch: { spec: { template: { spec: { containers: next } } } },
    });
  };
  return (
    <>
      <h3>{t('inspector.rolloutTitle')}</h3>
      <form
        className="inline-form"
        onSubmit={(e) => {
          e.preventDefault();
          rollout();
        }}
      >
        <input value={image} onChange={(e) => setImage(e.target.value)} aria-label={t('inspector.image')} data-testid={testIds.rolloutImage} />
        <button type="submit">{t('inspector.rollout')}</button>
      </form>
    </>
  );
}

/** The selected Deployment: replicas (scale), a rollout with a new image, its status. */
import type { Deployment } from 'kubernetes-types/apps/v1';
import { useState } from 'react';
import { send } from '../../state/simulation';
import type { WireObject } from '../../protocol/objects';
import { testIds } from '../../testids';
import { ObjectActions } from './ObjectActions';
import type { SelectionRef } from './selection';
import { useT } from '../../i18n/languageStore';

export function DeploymentInspector({ id, ref, obj }: { id: string; ref: SelectionRef; obj: WireObject }) {
  const d = obj as unknown as Deployment;
  const containers = d.spec?.template?.spec?.containers ?? [];
  const t = useT();
  const [image, setImage] = useState(containers[0]?.image ?? '');
  const replicas = d.spec?.replicas ?? 1;
  const scale = (n: number) =>
    void send({ type: 'patch', kind: 'Deployment', namespace: ref.namespace, name: ref.name, patchType: 'merge', patch: { spec: { replicas: Math.max(0, n) } } });
  const rollout = () => {
    const next = containers.map((c, i) => (i === 0 ? { ...c, image } : c));
    void send({
      type: 'patch',
      kind: 'Deployment',
      namespace: ref.namespace,
      name: ref.name,
      patchType: 'merge',
      patch: { spec: { template: { spec: { containers: next } } } },
    });
  };
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
      <ObjectActions id={id} resourceVersion={d.metadata?.resourceVersion} />
    </div>
  );
}

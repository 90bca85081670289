/**
 * kuard's /ready switch, honest about probes: with a readiness probe, failing /ready takes the pod out of its
 * Services; without one Kubernetes keeps the pod Ready, so the panel says so and offers to add a probe.
 */
import type { Container, Pod } from 'kubernetes-types/core/v1';
import { send } from '../../state/simulation';
import { useAppStore } from '../../state/store';
import { testIds } from '../../testids';
import type { SelectionRef } from './selection';
import { addProbePatch, readinessAdvice } from './readinessAdvice';
import { useT } from '../../i18n/languageStore';

function deploymentOf(namespace: string) {
  return (rs: string) =>
    useAppStore
      .getState()
      .mirror.objects.get(`ReplicaSet/${namespace}/${rs}`)
      ?.metadata.ownerReferences?.find((r) => r.kind === 'Deployment' && r.controller)?.name;
}

export function ReadinessSection({ ref, pod, container }: { ref: SelectionRef; pod: Pod; container: Container }) {
  const namespace = ref.namespace ?? 'default';
  const advice = readinessAdvice(pod, container, deploymentOf(namespace));
  const t = useT();
  const setReady = (ok: boolean) => void send({ type: 'appHealth', namespace, pod: ref.name, check: 'ready', ok });
  return (
    <div className="readiness">
      <h3>{t('readiness.application')}</h3>
      {advice.kind === 'probed' ? (
        <p className="muted">{t('readiness.probed')}</p>
      ) : (
        <p className="muted" data-testid={testIds.noReadinessProbe}>
          <strong>{t('readiness.noProbe')}</strong> {t('readiness.noProbeBody')}{' '}
          {advice.kind === 'deployment'
            ? t('readiness.adviceDeployment', { deployment: advice.deployment })
            : advice.owner
              ? t('readiness.advicePodOwner', { owner: advice.owner })
              : t('readiness.advicePod')}
        </p>
      )}
      <div className="actions">
        <button type="button" data-testid={testIds.readyToggle} data-ready="false" onClick={() => setReady(false)}>
          {t('readiness.fail')}
        </button>
        <button type="button" data-ready="true" onClick={() => setReady(true)}>
          {t('readiness.pass')}
        </button>
        {advice.kind === 'deployment' && (
          <button
            type="button"
            data-testid={testIds.addReadinessProbe}
            title={t('readiness.addProbeTitle', { deployment: advice.deployment })}
            onClick={() =>
              void send({ type: 'patch', kind: 'Deployment', namespace, name: advice.deployment, patchType: 'strategic', patch: addProbePatch(advice.container) })
            }
          >
            {t('readiness.addProbe')}

          </button>
        )}
      </div>
    </div>
  );
}

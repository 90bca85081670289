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
  const setReady = (ok: boolean) => void send({ type: 'appHealth', namespace, pod: ref.name, check: 'ready', ok });
  return (
    <div className="readiness">
      <h3>Application</h3>
      {advice.kind === 'probed' ? (
        <p className="muted">kuard serves /ready; make it fail and the readiness probe takes the pod out of its Services.</p>
      ) : (
        <p className="muted" data-testid={testIds.noReadinessProbe}>
          <strong>No readiness probe:</strong> Kubernetes keeps this pod Ready and in its Services whatever /ready answers.{' '}
          {advice.kind === 'deployment'
            ? `A running pod's probes cannot change: adding one to Deployment ${advice.deployment}'s template rolls out new pods that have it.`
            : `A running pod's probes cannot change: re-create the pod with a readinessProbe${advice.owner ? ` (or change ${advice.owner}'s template)` : ''}.`}
        </p>
      )}
      <div className="actions">
        <button type="button" data-testid={testIds.readyToggle} data-ready="false" onClick={() => setReady(false)}>
          Make /ready fail
        </button>
        <button type="button" data-ready="true" onClick={() => setReady(true)}>
          Make /ready pass
        </button>
        {advice.kind === 'deployment' && (
          <button
            type="button"
            data-testid={testIds.addReadinessProbe}
            title={`GET /ready on :8080 every 2 s, in deployment/${advice.deployment}`}
            onClick={() =>
              void send({ type: 'patch', kind: 'Deployment', namespace, name: advice.deployment, patchType: 'strategic', patch: addProbePatch(advice.container) })
            }
          >
            Add readiness probe
          </button>
        )}
      </div>
    </div>
  );
}

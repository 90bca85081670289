/**
 * The pod's environment, per container, as its process got it (`kubectl exec POD -- env`, computed by the
 * engine's kubelet when the container started), with the Service variables marked. A Service created after
 * the container started is missing from it — the kubelet sets Service variables only at container start — and
 * the section says which ones and how to get them.
 */
import { useEffect, useState } from 'react';
import type { WirePodEnv } from '../../protocol/messages';
import { send } from '../../state/simulation';
import { type AppState, useAppStore } from '../../state/store';
import { testIds } from '../../testids';
import { isServiceEnvVar } from './serviceEnv';
import { useT } from '../../i18n/languageStore';
import './podEnv.css';

const selectServices = (s: AppState) => s.mirror.versions.Service;

export function PodEnvSection({ namespace, name, resourceVersion, owned }: { namespace: string; name: string; resourceVersion?: string; /** A controller (ReplicaSet, DaemonSet…) replaces the pod when it is deleted. */ owned: boolean }) {
  const services = useAppStore(selectServices);
  const [env, setEnv] = useState<WirePodEnv | undefined>(undefined);
  const [error, setError] = useState<string | undefined>(undefined);
  const t = useT();
  // biome-ignore lint/correctness/useExhaustiveDependencies: the pod's resourceVersion (a restart) and Service changes are triggers
  useEffect(() => {
    let live = true;
    void send({ type: 'podEnv', namespace, pod: name }).then((r) => {
      if (!live) return;
      if (r.ok && r.value?.kind === 'podEnv') {
        setEnv(r.value.env);
        setError(undefined);
      } else setError(r.error ?? t('env.none'));
    });
    return () => {
      live = false;
    };
  }, [namespace, name, resourceVersion, services]);
  return (
    <details className="pod-env" data-testid={testIds.podEnv} open>
      <summary>
        <h3>{t('env.title')}</h3>
      </summary>
      {error && <p className="muted">{error}</p>}
      {env?.containers.map((c) => (
        <div key={c.name} className="pod-env-container">
          {env.containers.length > 1 && <h4 className="mono">{c.name}</h4>}
          {c.env ? (
            <pre className="pod-env-lines" data-container={c.name}>
              {c.env.map((l) => (
                <div key={l} className={isServiceEnvVar(l) ? 'env-line env-service' : 'env-line'} data-service={isServiceEnvVar(l) || undefined}>
                  {l}
                </div>
              ))}
            </pre>
          ) : (
            <p className="muted">{t('env.notStarted')}</p>
          )}
        </div>
      ))}
      {env && env.missingServices.length > 0 && (
        <p className="notice-warning" data-testid={testIds.podEnvMissing}>
          {t(env.missingServices.length === 1 ? 'env.missingOne' : 'env.missingMany', { services: env.missingServices.join(', ') })}{' '}
          {owned ? t('env.fixOwned') : t('env.fixBare')} {t('env.orDns')}{' '}
          {/* a DNS name, not words: the same in every language */}
          {`${env.missingServices[0]}.${namespace}.svc.cluster.local.`}
        </p>
      )}
      <p className="muted">
        <code>{`kubectl exec ${name} -- env`}</code>{' '}
        {t('env.same')}
      </p>
    </details>
  );
}

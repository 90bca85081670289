/**
 * The Traffic view: pick a client pod, a target Service and a count; the worker opens that many connections
 * through the client's node rules and counts the pods that answered (a bar per endpoint). The first connection
 * is shown step by step: DNS, each rule it met, DNAT, the hop, the pod.
 */
import { useState } from 'react';
import type { WireTraffic } from '../../protocol/messages';
import { send } from '../../state/simulation';
import { useAppStore } from '../../state/store';
import { testIds } from '../../testids';
import { SequenceButton } from '../diagram/SequenceButton';
import { useRunningPodNames, useSelectedService, useServiceNames } from '../rules/useClusterNames';
import { flightFromTraffic, showFlight, showStep, useTrafficFlight } from './trafficFlight';
import { hostTarget, machineClient } from './hostTarget';
import { useT } from '../../i18n/languageStore';

function servicePort(key: string): number {
  const o = useAppStore.getState().mirror.objects.get(`Service/${key}`) as { spec?: { ports?: { port?: number }[] } } | undefined;
  return o?.spec?.ports?.[0]?.port ?? 80;
}

export function TrafficPanel() {
  const pods = useRunningPodNames();
  const services = useServiceNames();
  const selectedService = useSelectedService();
  const [client, setClient] = useState<string | undefined>(undefined);
  const [target, setTarget] = useState<string | undefined>(undefined);
  const [count, setCount] = useState('100');
  const [result, setResult] = useState<WireTraffic | undefined>(undefined);
  const [sentFrom, setSentFrom] = useState('');
  const [error, setError] = useState<string | undefined>(undefined);
  const [step, setStep] = useState(0);
  const t = useT();
  const chosenTarget = target ?? selectedService ?? (services.includes('default/nginx') ? 'default/nginx' : services[0]);
  const targetNs = chosenTarget?.split('/')[0] ?? 'default';
  const clients = [...pods.filter((p) => p.startsWith(`${targetNs}/`)), machineClient];
  const chosenClient = client && clients.includes(client) ? client : clients[0];
  const goTo = (next: number) => {
    setStep(next);
    showStep(next);
  };

  const sendTraffic = () => {
    const n = Number(count);
    if (!chosenClient || !chosenTarget) return;
    if (!Number.isInteger(n) || n < 1 || n > 10_000) {
      setError(t('traffic.countError'));
      return;
    }
    const [ns, pod] = chosenClient.split('/');
    const [svcNs, svc] = chosenTarget.split('/');
    // from your machine a Service is reached where kind exposes it: its LoadBalancer IP, else a node's NodePort
    const host = chosenClient === machineClient ? hostTarget(useAppStore.getState().mirror.objects, chosenTarget) : undefined;
    const command = host ? { type: 'traffic' as const, namespace: svcNs, pod: '', host: true, to: host.to, port: host.port, count: n } : { type: 'traffic' as const, namespace: ns, pod, to: svc, port: servicePort(chosenTarget), count: n };
    void send(command).then((r) => {
      if (r.ok && r.value?.kind === 'traffic') {
        setResult(r.value.traffic);
        setSentFrom(chosenClient);
        setError(undefined);
        setStep(0);
        showFlight(flightFromTraffic((useTrafficFlight.getState().flight?.id ?? 0) + 1, r.value.traffic));
      } else setError(r.error ?? t('traffic.failed'));
    });
  };

  const max = Math.max(1, ...(result?.endpoints.map((e) => e.count) ?? []), ...Object.values(result?.failed ?? {}));
  const steps = result?.first?.steps ?? [];
  return (
    <div className="traffic-view" data-testid={testIds.trafficView}>
      <div className="panel-controls">
        <label>
          {t('traffic.fromPod')}{' '}
          <select value={chosenClient ?? ''} onChange={(e) => setClient(e.target.value)} data-testid={testIds.trafficClient}>
            {clients.map((p) => (
              <option key={p} value={p}>
                {p === machineClient ? t('traffic.yourMachine') : p}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('traffic.toService')}{' '}
          <select value={chosenTarget ?? ''} onChange={(e) => setTarget(e.target.value)} data-testid={testIds.trafficTarget}>
            {services.map((s) => (
              <option key={s}>{s}</option>
            ))}
          </select>
        </label>
        <label>
          {t('traffic.connections')} <input className="count-input" inputMode="numeric" value={count} onChange={(e) => setCount(e.target.value)} data-testid={testIds.trafficCount} aria-label={t('traffic.connectionsLabel')} />
        </label>
        <button type="button" onClick={sendTraffic} disabled={!chosenClient || !chosenTarget} data-testid={testIds.trafficSend}>
          {t('traffic.send')}
        </button>
        {result && (
          <button type="button" onClick={() => showFlight(undefined)} title={t('traffic.clearTitle')}>
            {t('traffic.clear')}
          </button>
        )}
      </div>
      {clients.length === 1 && <p className="muted">{t('traffic.noClient', { namespace: targetNs })}</p>}
      {error && <p className="notice-warning">{error}</p>}
      {result && (
        <div className="traffic-result">
          <p className="muted">
            {result.first?.client === 'your machine'
              ? t('traffic.summaryHost', { count: result.sent, destination: result.first.destination ?? '', port: result.first.port ?? '', node: result.node ?? t('traffic.noNode'), mode: result.mode ?? '' })
              : t('traffic.summary', { count: result.sent, node: result.node ?? t('traffic.noNode'), mode: result.mode ?? '' })}
          </p>
          <ul className="histogram" data-testid={testIds.trafficHistogram} aria-label={t('traffic.perEndpoint')}>
            {result.endpoints.map((e) => (
              <li key={e.endpoint} className="histogram-row" data-testid={testIds.trafficBar}>
                <span className="histogram-label mono" title={t('traffic.on', { pod: e.pod, node: e.node })}>
                  {e.pod.split('/')[1]} <span className="muted">{e.endpoint}</span>
                </span>
                <span className="histogram-bar" style={{ width: `${(70 * e.count) / max}%` }} />
                <span className="histogram-count mono">{e.count}</span>
              </li>
            ))}
            {Object.entries(result.failed).map(([outcome, n]) => (
              <li key={outcome} className="histogram-row is-failed">
                <span className="histogram-label mono">{outcome}</span>
                <span className="histogram-bar" style={{ width: `${(70 * n) / max}%` }} />
                <span className="histogram-count mono">{n}</span>
              </li>
            ))}
          </ul>
          {steps.length > 0 && (
            <div className="trace-steps" data-testid={testIds.trafficTrace}>
              <div className="panel-controls">
                <strong>{t('traffic.first')}</strong>
                <span className="muted">
                  {result.first?.outcome}
                  {result.first?.pod ? t('traffic.answeredBy', { pod: result.first.pod }) : ''}
                </span>
                <button type="button" onClick={() => goTo(Math.max(0, step - 1))} disabled={step === 0}>
                  {t('traffic.stepBack')}
                </button>
                <button type="button" onClick={() => goTo(Math.min(steps.length - 1, step + 1))} disabled={step >= steps.length - 1} data-testid={testIds.trafficNextStep}>
                  {t('traffic.stepForward')}
                </button>
                {result.first && <SequenceButton trace={{ client: sentFrom, steps: result.first.steps, outcome: result.first.outcome, ...(result.first.pod ? { pod: result.first.pod } : {}) }} />}
              </div>
              <ol className="trace-list">
                {steps.map((s, i) => (
                  // biome-ignore lint/suspicious/noArrayIndexKey: a trace's steps are ordered and never reordered
                  <li key={i} className={`trace-step trace-${s.kind}${i === step ? ' is-current' : ''}${i > step ? ' is-future' : ''}`} aria-current={i === step ? 'step' : undefined}>
                    <span className="trace-kind">{s.kind}</span> <span className="mono">{s.text}</span>
                  </li>
                ))}
              </ol>
            </div>
          )}
        </div>
      )}
    </div>
  );
}

/**
 * kuard's pages as its React client lays them out (kubernetes-up-and-running/kuard `client/src/request.jsx`,
 * `env.jsx`, `probe.jsx`, `dns.jsx`), filled from the simulated app's answers. Text only: every value is
 * rendered by React as text, never as HTML.
 */
import { type FormEvent, useCallback, useEffect, useState } from 'react';
import { useAppStore } from '../../state/store';
import { testIds } from '../../testids';
import { jsonOf, type KuardPageContext, localRequest } from './localhostRequest';

export function KuardRequestPage({ page }: { page: KuardPageContext }) {
  return (
    <div data-testid={testIds.kuardRequest}>
      <div>
        <b>Proto:</b> <samp>{page.requestProto}</samp>
      </div>
      <div>
        <b>Client addr:</b> <samp>{page.requestAddr}</samp>
      </div>
      <div>
        <b>Dump:</b>
      </div>
      <pre className="kuard-pre">{page.requestDump}</pre>
    </div>
  );
}

interface EnvStatus {
  commandLine: string[];
  env: Record<string, string>;
}

export function KuardEnvPage({ port, base }: { port: number; base: string }) {
  const [env, setEnv] = useState<EnvStatus | undefined>(undefined);
  const [error, setError] = useState<string | undefined>(undefined);
  useEffect(() => {
    void localRequest(port, 'GET', `${base}/env/api`).then((r) => {
      const v = jsonOf<EnvStatus>(r);
      if (v) setEnv(v);
      else setError(r.ok ? `HTTP ${r.status}: ${r.body}` : r.message);
    });
  }, [port, base]);
  if (error) return <p className="notice-warning">{error}</p>;
  if (!env) return <p className="muted">Loading…</p>;
  return (
    <div data-testid={testIds.kuardEnv}>
      <dl>
        <dt>Command Line</dt>
        <dd>
          {env.commandLine.map((a, i) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: argv is positional
            <code key={i}>{a} </code>
          ))}
        </dd>
      </dl>
      <table className="kuard-table">
        <thead>
          <tr>
            <th>Key</th>
            <th>Value</th>
          </tr>
        </thead>
        <tbody>
          {Object.entries(env.env).map(([k, v]) => (
            <tr key={k}>
              <td>
                <samp>{k}</samp>
              </td>
              <td>
                <samp>{v}</samp>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

interface ProbeStatus {
  probePath: string;
  failNext: number;
  history: Array<{ id: number; when: string; relWhen: string; code: number }>;
}

/** Whether the pod's containers declare the probe the kubelet would send to this kuard endpoint. */
function useDeclaresProbe(namespace: string, pod: string, which: 'healthy' | 'ready'): boolean {
  return useAppStore((s) => {
    const o = s.mirror.objects.get(`Pod/${namespace}/${pod}`) as { spec?: { containers?: Array<{ livenessProbe?: unknown; readinessProbe?: unknown }> } } | undefined;
    return (o?.spec?.containers ?? []).some((c) => (which === 'ready' ? c.readinessProbe : c.livenessProbe) !== undefined);
  });
}

export function KuardProbePage({ port, base, which, namespace, pod }: { port: number; base: string; which: 'healthy' | 'ready'; namespace: string; pod: string }) {
  const [status, setStatus] = useState<ProbeStatus | undefined>(undefined);
  const [error, setError] = useState<string | undefined>(undefined);
  const declared = useDeclaresProbe(namespace, pod, which);
  const read = useCallback(
    (p: Promise<Awaited<ReturnType<typeof localRequest>>>) =>
      void p.then((r) => {
        const v = jsonOf<ProbeStatus>(r);
        if (v) {
          setStatus(v);
          setError(undefined);
        } else setError(r.ok ? `HTTP ${r.status}: ${r.body}` : r.message);
      }),
    [],
  );
  useEffect(() => read(localRequest(port, 'GET', `${base}/${which}/api`)), [port, base, which, read]);
  const configure = (n: number) => read(localRequest(port, 'PUT', `${base}/${which}/api`, JSON.stringify({ failNext: n })));
  const serverPath = `${base}/${which}`;
  let desc = 'Probe will permanently fail';
  if (status?.failNext === 0) desc = 'Probe will permanently succeed';
  else if ((status?.failNext ?? 0) > 0) desc = `Probe will fail for next ${status?.failNext} calls`;
  const probe = which === 'ready' ? 'readinessProbe' : 'livenessProbe';
  return (
    <div>
      <p>
        Probe is being served on <samp>{serverPath}</samp>
      </p>
      {error && <p className="notice-warning">{error}</p>}
      {status && (
        <p>
          <span data-testid={testIds.kuardProbeStatus}>{desc}</span>
          <br />
          <span className="kuard-probe-controls">
            <button type="button" className="link-button" onClick={() => configure(0)} data-testid={testIds.kuardProbeSucceed}>
              Succeed
            </button>{' '}
            |{' '}
            <button type="button" className="link-button" onClick={() => configure(-1)} data-testid={testIds.kuardProbeFail}>
              Fail
            </button>{' '}
            | Fail for next N calls:{' '}
            {[1, 2, 3, 5, 10].map((n) => (
              <button key={n} type="button" className="link-button" onClick={() => configure(n)}>
                {n}
              </button>
            ))}
          </span>
        </p>
      )}
      <p className="muted" data-testid={testIds.kuardProbeNote}>
        {declared
          ? `${pod} declares a ${probe}: the kubelet calls ${serverPath} on its period, and failing it ${which === 'ready' ? 'takes the pod out of its Services’ endpoints' : 'makes the kubelet restart the container'}.`
          : `${pod} declares no ${probe}: the kubelet never calls ${serverPath}, so failing it changes nothing in the cluster.`}
      </p>
      {status && status.history.length === 0 && <p>No recorded probe history</p>}
      {status && status.history.length > 0 && (
        <table className="kuard-table">
          <thead>
            <tr>
              <th>ID</th>
              <th colSpan={2}>When</th>
              <th>Status</th>
            </tr>
          </thead>
          <tbody>
            {status.history.map((h) => (
              <tr key={h.id}>
                <td>{h.id}</td>
                <td>{h.when}</td>
                <td>{h.relWhen}</td>
                <td>{h.code}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}

export function KuardDnsPage({ port, base }: { port: number; base: string }) {
  const [type, setType] = useState('A');
  const [name, setName] = useState('');
  const [result, setResult] = useState<{ text: string; error: boolean } | undefined>(undefined);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    void localRequest(port, 'POST', `${base}/dns/api`, JSON.stringify({ type, name })).then((r) => {
      const v = jsonOf<{ result: string }>(r);
      if (v) setResult({ text: v.result, error: false });
      else setResult({ text: r.ok ? r.body : r.message, error: true });
    });
  };
  return (
    <div>
      <div className="kuard-panel">
        <div className="kuard-panel-heading">Server side DNS query</div>
        <form className="kuard-form" onSubmit={submit}>
          <label>
            DNS Type <input name="type" value={type} onChange={(e) => setType(e.target.value)} data-testid={testIds.kuardDnsType} autoComplete="off" spellCheck={false} />
          </label>{' '}
          <label>
            Name <input name="name" value={name} onChange={(e) => setName(e.target.value)} data-testid={testIds.kuardDnsName} autoComplete="off" spellCheck={false} />
          </label>{' '}
          <button type="submit" data-testid={testIds.kuardDnsQuery}>
            Query
          </button>
        </form>
      </div>
      {result && (
        <pre className={`kuard-pre${result.error ? ' is-error' : ''}`} data-testid={testIds.kuardDnsResult}>
          {result.text}
        </pre>
      )}
    </div>
  );
}

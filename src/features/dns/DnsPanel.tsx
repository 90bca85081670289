/**
 * The DNS view: from a chosen pod, look up a name of a type as the pod's C library would, through its
 * /etc/resolv.conf (search list, ndots) to CoreDNS. The worker runs the query; this shows every name the search
 * list tried with CoreDNS's reply (NXDOMAIN for each miss) and the answer the pod ends up with.
 */
import { type FormEvent, useState } from 'react';
import type { WireDnsLookup } from '../../protocol/messages';
import { send } from '../../state/simulation';
import { testIds } from '../../testids';
import { useRunningPodNames } from '../rules/useClusterNames';

const types = ['A', 'AAAA', 'SRV', 'PTR', 'CNAME', 'TXT', 'SOA', 'NS'] as const;

const examples: Record<string, string> = {
  A: 'a Service (kubernetes.default), a headless Service (one record per ready pod), or an ExternalName (its CNAME)',
  SRV: '_http._tcp.<service> for a named port',
  PTR: 'an IP address (10.96.0.1): asked as its in-addr.arpa name',
};

export function DnsPanel() {
  const pods = useRunningPodNames();
  const [pod, setPod] = useState<string | undefined>(undefined);
  const [name, setName] = useState('kubernetes.default');
  const [qtype, setQtype] = useState<string>('A');
  const [result, setResult] = useState<WireDnsLookup | undefined>(undefined);
  const [error, setError] = useState<string | undefined>(undefined);
  const chosen = pod && pods.includes(pod) ? pod : pods[0];

  const query = (e: FormEvent) => {
    e.preventDefault();
    if (!chosen) return;
    const [namespace, p] = chosen.split('/');
    void send({ type: 'dnsQuery', namespace, pod: p, name, qtype }).then((r) => {
      if (r.ok && r.value?.kind === 'dns') {
        setResult(r.value.dns);
        setError(undefined);
      } else {
        setError(r.error ?? 'query failed');
        setResult(undefined);
      }
    });
  };

  return (
    <div className="dns-view" data-testid={testIds.dnsView}>
      <form className="panel-controls" onSubmit={query}>
        <label>
          From pod{' '}
          <select value={chosen ?? ''} onChange={(e) => setPod(e.target.value)} data-testid={testIds.dnsPod}>
            {pods.map((p) => (
              <option key={p}>{p}</option>
            ))}
          </select>
        </label>
        <label>
          Name <input value={name} onChange={(e) => setName(e.target.value)} data-testid={testIds.dnsName} autoComplete="off" spellCheck={false} />
        </label>
        <label>
          Type{' '}
          <select value={qtype} onChange={(e) => setQtype(e.target.value)} data-testid={testIds.dnsType}>
            {types.map((t) => (
              <option key={t}>{t}</option>
            ))}
          </select>
        </label>
        <button type="submit" disabled={!chosen} data-testid={testIds.dnsQuery}>
          Query
        </button>
      </form>
      {!chosen && <p className="muted">No running pod to ask from: run one, e.g. kubectl run app --image=busybox -- sleep 3600.</p>}
      {examples[qtype] && <p className="muted">Try {examples[qtype]}.</p>}
      {error && <p className="notice-warning">{error}</p>}
      {result && (
        <div className="dns-result">
          <p className="muted mono">
            nameserver {result.server} · search {result.search.join(' ') || '(none)'} · ndots:{result.ndots}
          </p>
          <ol className="dns-tried" data-testid={testIds.dnsTried}>
            {result.tried.map((t, i) => (
              <li key={t.name} className={i === result.used ? 'is-used' : 'is-miss'}>
                <span className="mono">{t.name}</span> <span className={`dns-rcode rcode-${(t.rcode ?? 'timeout').toLowerCase()}`}>{t.rcode ?? 'no reply (timed out)'}</span>
                {t.flags && <span className="muted mono"> flags: {t.flags}</span>}
                {i === result.used && (
                  <pre className="dns-records" data-testid={testIds.dnsAnswer}>
                    {t.answer.length > 0 ? t.answer.join('\n') : `(no ${qtype} records)${t.authority.length ? `\n;; AUTHORITY\n${t.authority.join('\n')}` : ''}`}
                  </pre>
                )}
              </li>
            ))}
          </ol>
          {result.used === undefined && <p className="notice-warning">{result.server} never answered: is a CoreDNS pod ready behind kube-dns?</p>}
        </div>
      )}
    </div>
  );
}

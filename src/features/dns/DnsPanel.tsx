/**
 * The DNS view: from a chosen pod, look up a name of a type as the pod's C library would, through its
 * /etc/resolv.conf (search list, ndots) to CoreDNS. The worker runs the query; this shows every name the search
 * list tried with CoreDNS's reply (NXDOMAIN for each miss) and the answer the pod ends up with.
 */
import { type FormEvent, useState } from 'react';
import { useT } from '../../i18n/languageStore';
import type { MessageKey } from '../../i18n/translate';
import type { WireDnsLookup } from '../../protocol/messages';
import { send } from '../../state/simulation';
import { testIds } from '../../testids';
import { useRunningPodNames } from '../rules/useClusterNames';

const types = ['A', 'AAAA', 'SRV', 'PTR', 'CNAME', 'TXT', 'SOA', 'NS'] as const;

const examples: Record<string, MessageKey> = {
  A: 'dns.example.A',
  SRV: 'dns.example.SRV',
  PTR: 'dns.example.PTR',
};

export function DnsPanel() {
  const t = useT();
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
        setError(r.error ?? t('dns.failed'));
        setResult(undefined);
      }
    });
  };

  return (
    <div className="dns-view" data-testid={testIds.dnsView}>
      <form className="panel-controls" onSubmit={query}>
        <label>
          {t('dns.fromPod')}{' '}
          <select value={chosen ?? ''} onChange={(e) => setPod(e.target.value)} data-testid={testIds.dnsPod}>
            {pods.map((p) => (
              <option key={p}>{p}</option>
            ))}
          </select>
        </label>
        <label>
          {t('dns.name')} <input value={name} onChange={(e) => setName(e.target.value)} data-testid={testIds.dnsName} autoComplete="off" spellCheck={false} />
        </label>
        <label>
          {t('dns.type')}{' '}
          <select value={qtype} onChange={(e) => setQtype(e.target.value)} data-testid={testIds.dnsType}>
            {types.map((type) => (
              <option key={type}>{type}</option>
            ))}
          </select>
        </label>
        <button type="submit" disabled={!chosen} data-testid={testIds.dnsQuery}>
          {t('dns.query')}
        </button>
      </form>
      {!chosen && <p className="muted">{t('dns.noPod')}</p>}
      {examples[qtype] && <p className="muted">{t('dns.try', { example: t(examples[qtype]) })}</p>}
      {error && <p className="notice-warning">{error}</p>}
      {result && (
        <div className="dns-result">
          <p className="muted mono">
            {t('dns.resolvConf', { server: result.server, search: result.search.join(' ') || t('dns.none'), ndots: result.ndots })}
          </p>
          <ol className="dns-tried" data-testid={testIds.dnsTried}>
            {result.tried.map((tried, i) => (
              <li key={tried.name} className={i === result.used ? 'is-used' : 'is-miss'}>
                <span className="mono">{tried.name}</span> <span className={`dns-rcode rcode-${(tried.rcode ?? 'timeout').toLowerCase()}`}>{tried.rcode ?? t('dns.timedOut')}</span>
                {tried.flags && <span className="muted mono"> flags: {tried.flags}</span>}
                {i === result.used && (
                  <pre className="dns-records" data-testid={testIds.dnsAnswer}>
                    {tried.answer.length > 0 ? tried.answer.join('\n') : `${t('dns.noRecords', { type: qtype })}${tried.authority.length ? `\n;; AUTHORITY\n${tried.authority.join('\n')}` : ''}`}
                  </pre>
                )}
              </li>
            ))}
          </ol>
          {result.used === undefined && <p className="notice-warning">{t('dns.neverAnswered', { server: result.server })}</p>}
        </div>
      )}
    </div>
  );
}

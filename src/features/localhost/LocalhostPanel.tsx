/**
 * The "localhost:PORT" dock tab: what your browser shows at http://localhost:PORT while `kubectl port-forward`
 * holds the port. Every page is a request through the forward to the simulated app (the forward's terminal
 * prints `Handling connection for PORT`). kuard gets its own navigation (Request Details, Server Env, the two
 * probes, DNS Query); any other app's answer is shown as the text it sent.
 */
import { useCallback, useEffect, useState } from 'react';
import { useT } from '../../i18n/languageStore';
import type { WireHttpResponse, WireLocalForward } from '../../protocol/messages';
import { testIds } from '../../testids';
import { KuardDnsPage, KuardEnvPage, KuardProbePage, KuardRequestPage } from './KuardPages';
import { kuardPageContext, localRequest } from './localhostRequest';

type KuardPage = 'request' | 'env' | 'liveness' | 'readiness' | 'dns';

const nav: ReadonlyArray<[KuardPage, string]> = [
  ['request', 'Request Details'],
  ['env', 'Server Env'],
  ['liveness', 'Liveness Probe'],
  ['readiness', 'Readiness Probe'],
  ['dns', 'DNS Query'],
];

export function LocalhostPanel({ forward }: { forward: WireLocalForward }) {
  const t = useT();
  const port = forward.localPort;
  const [index, setIndex] = useState<WireHttpResponse | undefined>(undefined);
  const [page, setPage] = useState<KuardPage>('request');
  const load = useCallback(() => void localRequest(port, 'GET', '/').then(setIndex), [port]);
  useEffect(load, [load]);
  const context = index?.ok ? kuardPageContext(index.body) : undefined;
  return (
    <div className="localhost-view" data-testid={testIds.localhostView}>
      <div className="panel-controls">
        <span className="mono localhost-address">http://localhost:{port}/</span>
        <span className="muted">{t('localhost.forward', { target: `${forward.namespace}/${forward.pod}:${forward.remotePort}` })}</span>
        <button type="button" onClick={load}>
          {t('localhost.reload')}
        </button>
      </div>
      {index && !index.ok && (
        <p className="notice-warning" data-testid={testIds.localhostError}>
          {index.message}
        </p>
      )}
      {index?.ok && !context && (
        <pre className="kuard-pre">
          HTTP {index.status}
          {'\n'}
          {index.body}
        </pre>
      )}
      {context && (
        <div className="kuard">
          <div className="kuard-warning">
            <b>WARNING:</b> This server may expose sensitive and secret information. Be careful.
          </div>
          <h2 className="kuard-hostname">
            <samp data-testid={testIds.kuardHostname}>{context.hostname}</samp>
          </h2>
          <div>
            Demo application version <i>{context.version}</i>
          </div>
          <div>Serving on {context.addrs.join(' ')}</div>
          <div className="kuard-body">
            <nav className="kuard-nav" aria-label={t('localhost.kuardPages')}>
              {nav.map(([id, label]) => (
                <button key={id} type="button" aria-current={page === id ? 'page' : undefined} className={page === id ? 'active' : ''} onClick={() => setPage(id)} data-testid={`${testIds.kuardNav}-${id}`}>
                  {label}
                </button>
              ))}
            </nav>
            <div className="kuard-content">
              {page === 'request' && <KuardRequestPage page={context} />}
              {page === 'env' && <KuardEnvPage port={port} base={context.urlBase} />}
              {page === 'liveness' && <KuardProbePage port={port} base={context.urlBase} which="healthy" namespace={forward.namespace} pod={forward.pod} />}
              {page === 'readiness' && <KuardProbePage port={port} base={context.urlBase} which="ready" namespace={forward.namespace} pod={forward.pod} />}
              {page === 'dns' && <KuardDnsPage port={port} base={context.urlBase} />}
            </div>
          </div>
        </div>
      )}
    </div>
  );
}

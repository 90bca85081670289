/**
 * The Rules view: one node's kube-proxy rules for one Service, in the node's current mode and exactly as the
 * node's tool prints them; lines new since the last look (an endpoint came or went) are highlighted.
 */
import { useT } from '../../i18n/languageStore';
import { useEffect, useRef, useState } from 'react';
import { send } from '../../state/simulation';
import { type AppState, useAppStore } from '../../state/store';
import { testIds } from '../../testids';
import { useNodeProxyStatus } from './proxyStatus';
import { type MarkedLine, markChanged, removedLines } from './ruleDiff';
import { useNodeNames, useSelectedService, useServiceNames } from './useClusterNames';
import { RulesCompare } from './RulesCompare';
import { type ProxyMode, ProxyModeOptions } from './ProxyModeOptions';
import './rulesCompare.css';
import { ScrollablePre } from '../../components/ScrollablePre';

const selectSlices = (s: AppState) => s.mirror.versions.EndpointSlice;
const selectServicesVersion = (s: AppState) => s.mirror.versions.Service;

/** kube-proxy's mode switch: edits the ConfigMap and restarts the DaemonSet, so nodes change one by one. */
function ModeSwitch({ current }: { current: string | undefined }) {
  const [mode, setMode] = useState<ProxyMode>('ipvs');
  const [note, setNote] = useState<string | undefined>(undefined);
  const t = useT();
  return (
    <span className="mode-switch">
      <select value={mode} onChange={(e) => setMode(e.target.value as ProxyMode)} aria-label={t('rules.modeLabel')} data-testid={testIds.proxyModeSelect}>
        <ProxyModeOptions />
      </select>
      <button
        type="button"
        disabled={mode === current}
        data-testid={testIds.proxyModeSwitch}
        title={t('rules.switchTitle')}
        onClick={() => {
          void send({ type: 'proxyMode', mode }).then((r) => setNote(r.ok ? t('rules.switched', { mode }) : r.error));
        }}
      >
        {t('rules.switch')}
      </button>
      {note && <span className="muted"> {note}</span>}
    </span>
  );
}

export function RulesPanel() {
  const t = useT();
  const nodes = useNodeNames();
  const services = useServiceNames();
  const selectedService = useSelectedService();
  const [node, setNode] = useState<string | undefined>(undefined);
  const [service, setService] = useState<string | undefined>(undefined);
  const chosenNode = node ?? nodes.find((n) => n.endsWith('-worker')) ?? nodes[0];
  const chosenService = selectedService ?? service ?? (services.includes('default/nginx') ? 'default/nginx' : services[0]);
  const status = useNodeProxyStatus(chosenNode ?? '');
  const slices = useAppStore(selectSlices);
  const svcVersion = useAppStore(selectServicesVersion);
  const previous = useRef(new Map<string, string[]>());
  const [view, setView] = useState<{ tool: string; mode: string; lines: MarkedLine[]; removed: string[] } | undefined>(undefined);
  const [error, setError] = useState<string | undefined>(undefined);
  const [compare, setCompare] = useState(false);

  // biome-ignore lint/correctness/useExhaustiveDependencies: slices, Service versions and the node's sync count are triggers
  useEffect(() => {
    if (!chosenNode) return;
    let live = true;
    const [namespace, name] = chosenService ? chosenService.split('/') : [undefined, undefined];
    void send({ type: 'nodeRules', node: chosenNode, ...(namespace && name ? { namespace, service: name } : {}) }).then((r) => {
      if (!live) return;
      if (!r.ok || r.value?.kind !== 'rules') {
        setError(r.error ?? t('rules.noRules'));
        return;
      }
      setError(undefined);
      const key = `${chosenNode}|${chosenService ?? ''}|${r.value.mode}`;
      const before = previous.current.get(key);
      const lines = r.value.lines;
      // highlight only what changed: keep the last marking while nothing moved
      if (!before || before.join('\n') !== lines.join('\n')) {
        setView({ tool: r.value.tool, mode: r.value.mode, lines: markChanged(before, lines), removed: removedLines(before, lines) });
        previous.current.set(key, lines);
      }
    });
    return () => {
      live = false;
    };
  }, [chosenNode, chosenService, slices, svcVersion, status?.syncs, status?.mode]);

  return (
    <div className="rules-view" data-testid={testIds.rulesView}>
      <div className="panel-controls">
        <label>
          {t('rules.node')}{' '}
          <select value={chosenNode ?? ''} onChange={(e) => setNode(e.target.value)} data-testid={testIds.rulesNode}>
            {nodes.map((n) => (
              <option key={n}>{n}</option>
            ))}
          </select>
        </label>
        <label>
          Service{' '}
          <select value={chosenService ?? ''} onChange={(e) => setService(e.target.value)} data-testid={testIds.rulesService} disabled={!!selectedService}>
            {services.map((n) => (
              <option key={n}>{n}</option>
            ))}
          </select>
        </label>
        <ModeSwitch current={status?.mode} />
        <button type="button" aria-pressed={compare} onClick={() => setCompare((c) => !c)} data-testid={testIds.rulesCompareToggle}>
          {t('rules.compare')}
        </button>
        {view && (
          <span className="muted" data-testid={testIds.rulesMode}>
            {t('rules.modeLabel')} <strong>{view.mode}</strong> · <code>docker exec {chosenNode} {view.tool}</code>
          </span>
        )}
      </div>
      {status?.configError && <p className="notice-warning">{t('rules.refused', { error: status.configError })}</p>}
      {error && <p className="muted">{error}</p>}
      <div className={compare ? 'rules-columns' : undefined}>
      <ScrollablePre className="rules-lines" data-testid={testIds.rulesLines}>
        {view?.lines.map((l, i) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: lines repeat (IPVS real servers); order is the identity
          <div key={i} className={l.changed ? 'rule-line rule-changed' : 'rule-line'} data-changed={l.changed || undefined}>
            {l.text}
          </div>
        ))}
        {view?.removed.map((l) => (
          <div key={`-${l}`} className="rule-line rule-removed">
            {l}
          </div>
        ))}
      </ScrollablePre>
      {compare && chosenNode && <RulesCompare nodes={nodes} node={chosenNode} service={chosenService} />}
      </div>
      {view && view.lines.length === 0 && <p className="muted">{t('rules.none', { node: chosenNode ?? '' })}</p>}
    </div>
  );
}

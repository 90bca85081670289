/**
 * The Rules view's compare column: the same Service's rules beside the main column — on another node, or on the
 * same node in another mode (rendered by the engine as that mode's kube-proxy would write them from the same
 * Services and EndpointSlices; the node itself keeps its mode).
 */
import { useEffect, useState } from 'react';
import { send } from '../../state/simulation';
import { type AppState, useAppStore } from '../../state/store';
import { testIds } from '../../testids';
import { useNodeProxyStatus } from './proxyStatus';
import { type ProxyMode, ProxyModeOptions } from './ProxyModeOptions';
import { useT } from '../../i18n/languageStore';
import { ScrollablePre } from '../../components/ScrollablePre';


const selectSlices = (s: AppState) => s.mirror.versions.EndpointSlice;
const selectServicesVersion = (s: AppState) => s.mirror.versions.Service;

export function RulesCompare({ nodes, node: mainNode, service }: { nodes: readonly string[]; node: string; service: string | undefined }) {
  const [node, setNode] = useState<string | undefined>(undefined);
  const chosenNode = node && nodes.includes(node) ? node : mainNode;
  const t = useT();
  const status = useNodeProxyStatus(chosenNode);
  const [mode, setMode] = useState<ProxyMode | undefined>(undefined);
  // by default the other classic mode: iptables beside IPVS
  const chosenMode: ProxyMode = mode ?? (status?.mode === 'ipvs' ? 'iptables' : 'ipvs');
  const slices = useAppStore(selectSlices);
  const svcVersion = useAppStore(selectServicesVersion);
  const [view, setView] = useState<{ tool: string; lines: string[] } | undefined>(undefined);
  const [error, setError] = useState<string | undefined>(undefined);

  // biome-ignore lint/correctness/useExhaustiveDependencies: slices, Service versions and the node's sync count are triggers
  useEffect(() => {
    let live = true;
    const [namespace, name] = service ? service.split('/') : [undefined, undefined];
    void send({ type: 'nodeRules', node: chosenNode, mode: chosenMode, ...(namespace && name ? { namespace, service: name } : {}) }).then((r) => {
      if (!live) return;
      if (r.ok && r.value?.kind === 'rules') {
        setView({ tool: r.value.tool, lines: r.value.lines });
        setError(undefined);
      } else setError(r.error ?? t('rules.noRules'));
    });
    return () => {
      live = false;
    };
  }, [chosenNode, chosenMode, service, slices, svcVersion, status?.syncs, status?.mode]);

  const real = status?.mode === chosenMode;
  return (
    <div className="rules-compare" data-testid={testIds.rulesCompare}>
      <div className="panel-controls">
        <label>
          {t('rules.node')}{' '}
          <select value={chosenNode} onChange={(e) => setNode(e.target.value)} data-testid={testIds.rulesCompareNode}>
            {nodes.map((n) => (
              <option key={n}>{n}</option>
            ))}
          </select>
        </label>
        <label>
          {t('rules.compareMode')}{' '}
          <select value={chosenMode} onChange={(e) => setMode(e.target.value as ProxyMode)} data-testid={testIds.rulesCompareMode}>
            <ProxyModeOptions />
          </select>
        </label>
      </div>
      <p className="muted" data-real={real}>
        {real ? (
          <>
            {t('rules.compareLive', { node: chosenNode })} <code>docker exec {chosenNode} {view?.tool}</code>
          </>
        ) : (
          <>
            {t('rules.compareAs', { mode: chosenMode, node: chosenNode, current: status?.mode ?? '…' })} <code>{view?.tool}</code>
          </>
        )}
      </p>
      {error && <p className="muted">{error}</p>}
      <ScrollablePre className="rules-lines" data-testid={testIds.rulesCompareLines}>
        {view?.lines.map((l, i) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: lines repeat (IPVS real servers); order is the identity
          <div key={i} className="rule-line">
            {l}
          </div>
        ))}
      </ScrollablePre>
      {view && view.lines.length === 0 && <p className="muted">{t('rules.compareNone')}</p>}
    </div>
  );
}

/**
 * The NodePorts open on one node, drawn as ports on its box: `<node IP>:<nodePort>` for every NodePort and
 * LoadBalancer Service (only `:<nodePort>` when zoomed out), struck through where `externalTrafficPolicy: Local`
 * finds no local endpoint and the node drops the traffic.
 */
import { memo } from 'react';
import { testIds } from '../../testids';
import { useEntryPoints } from './useEntryPoints';
import { useT } from '../../i18n/languageStore';
import './entryPoints.css';

function NodePortsView({ node, ip }: { node: string; ip: string | undefined }) {
  const ports = useEntryPoints().nodePorts(node);
  const t = useT();
  if (ports.length === 0) return null;
  return (
    <div className="node-ports" data-testid={`${testIds.nodePorts}-${node}`} title={t('entry.openOn', { node })}>
      {ports.map((p) => (
        <span
          key={`${p.service}:${p.nodePort}`}
          className={`node-port-entry${p.answering ? '' : ' not-answering'}`}
          data-testid={testIds.nodePortEntry}
          data-service={p.service}
          data-answering={p.answering}
          title={
            p.answering
              ? t(p.local ? 'entry.openLocal' : 'entry.open', { service: p.service, port: p.nodePort, protocol: p.protocol, node })
              : t('entry.drops', { service: p.service, node })
          }
        >
          <span className="np-ip">{ip}</span>:{p.nodePort}
          <span className="np-svc"> {p.service.split('/')[1]}</span>
          {!p.answering && <span className="np-drop">{t('entry.noLocal')}</span>}
        </span>
      ))}
    </div>
  );
}

export const NodePorts = memo(NodePortsView);

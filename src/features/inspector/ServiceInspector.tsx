/** The selected Service: selector (editable), ports, and its endpoints with their conditions, from the EndpointSlices. */
import { shortPodName } from '../../graph/podLabel';
import type { Service } from 'kubernetes-types/core/v1';
import type { EndpointSlice } from 'kubernetes-types/discovery/v1';
import { useMemo } from 'react';
import { send } from '../../state/simulation';
import { objectsOfKind } from '../../state/clusterMirror';
import { useAppStore } from '../../state/store';
import type { AppState } from '../../state/store';
import type { WireObject } from '../../protocol/objects';
import { testIds } from '../../testids';
import { LabelChips } from './LabelChips';
import { ObjectActions } from './ObjectActions';
import type { SelectionRef } from './selection';
import { useT } from '../../i18n/languageStore';

const selectSlicesVersion = (s: AppState) => s.mirror.versions.EndpointSlice;

export function ServiceInspector({ id, ref, obj }: { id: string; ref: SelectionRef; obj: WireObject }) {
  const svc = obj as unknown as Service;
  const t = useT();
  // re-read the slices only when some slice changed, not on every diff
  const slicesVersion = useAppStore(selectSlicesVersion);
  // biome-ignore lint/correctness/useExhaustiveDependencies: `slicesVersion` is the trigger: the slices changed in place
  const slices = useMemo(
    () =>
      objectsOfKind(useAppStore.getState().mirror, 'EndpointSlice').filter(
        (s) => s.metadata.namespace === ref.namespace && s.metadata.labels?.['kubernetes.io/service-name'] === ref.name,
      ) as unknown as EndpointSlice[],
    [slicesVersion, ref.namespace, ref.name],
  );
  const endpoints = slices.flatMap((s) => (s.endpoints ?? []).map((e) => ({ e, ports: s.ports ?? [] })));
  const ingress = svc.status?.loadBalancer?.ingress?.map((i) => i.ip ?? i.hostname).join(', ');
  return (
    <div className="inspector" data-testid={testIds.inspector}>
      <h2>
        <span className="kind-tag">Service</span> {ref.name}
      </h2>
      <dl className="facts">
        <dt>{t('inspector.type')}</dt>
        <dd>{svc.spec?.type}</dd>
        <dt>ClusterIP</dt>
        <dd>{svc.spec?.clusterIP ?? '<none>'}</dd>
        {svc.spec?.type === 'LoadBalancer' && (
          <>
            <dt>{t('inspector.externalIp')}</dt>
            <dd>{ingress || '<pending>'}</dd>
          </>
        )}
        {svc.spec?.externalName && (
          <>
            <dt>{t('inspector.externalName')}</dt>
            <dd>{svc.spec.externalName}</dd>
          </>
        )}
      </dl>
      <h3>{t('inspector.selector')}</h3>
      <LabelChips
        labels={svc.spec?.selector}
        what={t('inspector.serviceSelector')}
        onChange={(changes) =>
          void send({ type: 'patch', kind: 'Service', namespace: ref.namespace, name: ref.name, patchType: 'merge', patch: { spec: { selector: changes } } })
        }
      />
      <h3>{t('inspector.ports')}</h3>
      <div className="table-fit">
        <table className="grid">
          <thead>
            <tr>
              <th>name</th>
              <th>port</th>
              <th>targetPort</th>
              <th>nodePort</th>
              <th>protocol</th>
            </tr>
          </thead>
          <tbody>
            {(svc.spec?.ports ?? []).map((p) => (
              <tr key={`${p.port}/${p.protocol}`}>
                <td>{p.name ?? '<unset>'}</td>
                <td>{p.port}</td>
                <td>{String(p.targetPort ?? p.port)}</td>
                <td>{p.nodePort ?? ''}</td>
                <td>{p.protocol ?? 'TCP'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <h3>{t('inspector.endpoints')}</h3>
      {/* fits a narrow panel: the pod name shortened as on the canvas, the conditions as short headers */}
      <div className="table-fit">
        <table className="grid endpoints-table" data-testid={testIds.endpointsList}>
          <thead>
            <tr>
              <th>address</th>
              <th>pod</th>
              <th>ready</th>
              <th>serving</th>
              <th>
                <abbr title="terminating">term.</abbr>
              </th>
            </tr>
          </thead>
          <tbody>
            {endpoints.map(({ e }) => (
              <tr key={`${e.addresses.join(',')}-${e.targetRef?.name}`} data-ready={String(e.conditions?.ready !== false)}>
                <td>{e.addresses.join(', ')}</td>
                <td title={e.targetRef?.name}>
                  <span aria-hidden="true">{shortPodName(e.targetRef?.name ?? '')}</span>
                  <span className="sr-only">{e.targetRef?.name}</span>
                </td>
                <td data-label="ready">{String(e.conditions?.ready)}</td>
                <td data-label="serving">{String(e.conditions?.serving)}</td>
                <td data-label="terminating">{String(e.conditions?.terminating)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {endpoints.length === 0 && <p className="muted">{t('inspector.noEndpoints')}</p>}

      <ObjectActions id={id} resourceVersion={svc.metadata?.resourceVersion} />
    </div>
  );
}

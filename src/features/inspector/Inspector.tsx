/** The selected object's summary and the actions on it. Every action is a command to the engine. */
import type { Pod, Service } from 'kubernetes-types/core/v1';
import { send } from '../../app/simulation';
import { useAppStore } from '../../state/store';
import type { AppState } from '../../state/store';
import { testIds } from '../../testids';

const selectObjects = (s: AppState) => s.mirror.objects;

export function Inspector({ selected }: { selected: string | undefined }) {
  const objects = useAppStore(selectObjects);
  if (!selected) return <div className="inspector-empty">Select a pod, a Service or a node on the canvas.</div>;
  const [type, rest] = [selected.slice(0, selected.indexOf(':')), selected.slice(selected.indexOf(':') + 1)];
  if (type === 'pod') {
    const pod = objects[`Pod/${rest}`] as unknown as (Pod & { view?: { status: string; ready: string } }) | undefined;
    if (!pod) return <div className="inspector-empty">{rest} is gone.</div>;
    const [ns, name] = rest.split('/');
    return (
      <div className="inspector">
        <h2>Pod {name}</h2>
        <dl>
          <dt>Namespace</dt>
          <dd>{ns}</dd>
          <dt>Status</dt>
          <dd>{pod.view?.status}</dd>
          <dt>Ready</dt>
          <dd>{pod.view?.ready}</dd>
          <dt>IP</dt>
          <dd>{pod.status?.podIP ?? '<none>'}</dd>
          <dt>Node</dt>
          <dd>{pod.spec?.nodeName ?? '<none>'}</dd>
          <dt>Labels</dt>
          <dd>
            {Object.entries(pod.metadata?.labels ?? {}).map(([k, v]) => (
              <span className="chip" key={k}>
                {k}={v}
              </span>
            ))}
          </dd>
        </dl>
        <div className="actions">
          <button type="button" data-testid={testIds.podDelete} onClick={() => send({ type: 'delete', kind: 'Pod', namespace: ns, name })}>
            Delete pod
          </button>
          <button type="button" onClick={() => send({ type: 'delete', kind: 'Pod', namespace: ns, name, gracePeriodSeconds: 0 })}>
            Delete now
          </button>
        </div>
      </div>
    );
  }
  if (type === 'svc') {
    const svc = objects[`Service/${rest}`] as unknown as Service | undefined;
    if (!svc) return <div className="inspector-empty">{rest} is gone.</div>;
    return (
      <div className="inspector">
        <h2>Service {svc.metadata?.name}</h2>
        <dl>
          <dt>Type</dt>
          <dd>{svc.spec?.type}</dd>
          <dt>ClusterIP</dt>
          <dd>{svc.spec?.clusterIP}</dd>
          <dt>Selector</dt>
          <dd>
            {Object.entries(svc.spec?.selector ?? {}).map(([k, v]) => (
              <span className="chip" key={k}>
                {k}={v}
              </span>
            ))}
          </dd>
        </dl>
      </div>
    );
  }
  return <div className="inspector-empty">{rest}</div>;
}

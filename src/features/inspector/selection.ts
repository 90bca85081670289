/** Selection ids are React Flow ids: `pod:ns/name`, `svc:ns/name`, `node:name`, `deploy:ns/name`, `sts:ns/name`. */
import type { WireKind } from '../../protocol/objects';

export interface SelectionRef {
  type: 'pod' | 'svc' | 'node' | 'deploy' | 'sts';
  kind: WireKind;
  namespace?: string;
  name: string;
  /** The key the object has in the cluster mirror. */
  mirrorKey: string;
}

const kinds = { pod: 'Pod', svc: 'Service', node: 'Node', deploy: 'Deployment', sts: 'StatefulSet' } as const;

export function parseSelection(id: string): SelectionRef | undefined {
  const i = id.indexOf(':');
  const type = id.slice(0, i) as SelectionRef['type'];
  const rest = id.slice(i + 1);
  const kind = Object.hasOwn(kinds, type) ? kinds[type] : undefined;
  if (!kind) return undefined;
  if (type === 'node') return { type, kind, name: rest, mirrorKey: `Node/${rest}` };
  const [namespace, name] = rest.split('/');
  return { type, kind, namespace, name, mirrorKey: `${kind}/${namespace}/${name}` };
}

/**
 * The cluster as Mermaid `graph TD` text in the seed note's style: a `Kubernetes Cluster` subgraph, one subgraph
 * per node holding its pods, each Service with `|Endpoints|` edges to the pods its EndpointSlices list, and the
 * other pods of a Service's namespace drawn as its clients (`|Access Service|`). Which pods back a Service is
 * read from the EndpointSlices the engine wrote, never re-derived from selectors here.
 */
import type { WireObject } from '../protocol/objects';
import { MermaidIds, mermaidEscape, mermaidLabel } from './mermaidText';

export interface DiagramInput {
  nodes: readonly WireObject[];
  pods: readonly WireObject[];
  services: readonly WireObject[];
  endpointSlices: readonly WireObject[];
}

interface SliceEndpoint {
  conditions?: { ready?: boolean };
  targetRef?: { kind?: string; name?: string; namespace?: string };
}

/** Namespaces of the cluster's own machinery, left out so the picture shows the user's workloads. */
export function isSystemNamespace(ns: string): boolean {
  return ns.startsWith('kube-') || ns === 'local-path-storage';
}

const byName = (a: WireObject, b: WireObject) => key(a).localeCompare(key(b));
const key = (o: WireObject) => `${o.metadata.namespace ?? ''}/${o.metadata.name}`;

export function clusterToMermaid(input: DiagramInput): string {
  const ids = new MermaidIds();
  const pods = input.pods.filter((p) => !isSystemNamespace(p.metadata.namespace ?? 'default')).sort(byName);
  const services = input.services.filter((s) => !isSystemNamespace(s.metadata.namespace ?? 'default') && !(s.metadata.namespace === 'default' && s.metadata.name === 'kubernetes')).sort(byName);
  const podId = (ns: string, name: string) => ids.id('pod', `${ns}/${name}`);
  const svcId = (s: WireObject) => ids.id('svc', key(s));
  const podByKey = new Map(pods.map((p) => [key(p), p]));

  // Service → its endpoints (pod key, ready), from the EndpointSlices labelled with its name
  const backends = new Map<string, Map<string, boolean>>();
  for (const slice of [...input.endpointSlices].sort(byName)) {
    const ns = slice.metadata.namespace ?? 'default';
    const svc = slice.metadata.labels?.['kubernetes.io/service-name'];
    if (!svc) continue;
    const m = backends.get(`${ns}/${svc}`) ?? new Map<string, boolean>();
    for (const ep of (slice.endpoints as SliceEndpoint[] | undefined) ?? []) {
      const ref = ep.targetRef;
      if (ref?.kind !== 'Pod' || !ref.name) continue;
      const podKey = `${ref.namespace ?? ns}/${ref.name}`;
      if (!podByKey.has(podKey)) continue;
      m.set(podKey, (m.get(podKey) ?? false) || ep.conditions?.ready !== false);
    }
    backends.set(`${ns}/${svc}`, m);
  }
  const backing = new Set([...backends.values()].flatMap((m) => [...m.keys()]));

  const lines = ['graph TD', `  subgraph cluster[${mermaidLabel('Kubernetes Cluster')}]`];
  for (const s of services) lines.push(`    ${svcId(s)}[${mermaidLabel(`Service ${s.metadata.name}`)}]`);
  const onNode = new Map<string, WireObject[]>();
  for (const p of pods) {
    const node = (p.spec as { nodeName?: string } | undefined)?.nodeName ?? '';
    onNode.set(node, [...(onNode.get(node) ?? []), p]);
  }
  // "name (image)": the image is what the seed note's boxes show, and what an import turns back into a pod
  const podBox = (p: WireObject) => {
    const image = (p.spec as { containers?: { image?: string }[] } | undefined)?.containers?.[0]?.image;
    return `${podId(p.metadata.namespace ?? 'default', p.metadata.name)}[${mermaidLabel(image ? `${p.metadata.name} (${image})` : p.metadata.name)}]`;
  };
  for (const p of onNode.get('') ?? []) lines.push(`    ${podBox(p)}`);
  const nodeNames = [...new Set([...input.nodes.map((n) => n.metadata.name), ...[...onNode.keys()].filter((n) => n)])].sort();
  for (const n of nodeNames) {
    lines.push(`    subgraph ${ids.id('node', n)}[${mermaidLabel(n)}]`);
    for (const p of onNode.get(n) ?? []) lines.push(`      ${podBox(p)}`);
    lines.push('    end');
  }
  for (const s of services) {
    for (const [podKey, ready] of [...(backends.get(key(s)) ?? [])].sort(([a], [b]) => a.localeCompare(b))) {
      const pod = podByKey.get(podKey) as WireObject;
      const [ns, name] = [pod.metadata.namespace ?? 'default', pod.metadata.name];
      lines.push(ready ? `    ${svcId(s)} -->|Endpoints| ${podId(ns, name)}` : `    ${svcId(s)} -.->|${mermaidEscape('Endpoints (not ready)')}| ${podId(ns, name)}`);
    }
  }
  for (const p of pods) {
    if (backing.has(key(p))) continue;
    const ns = p.metadata.namespace ?? 'default';
    for (const s of services) if ((s.metadata.namespace ?? 'default') === ns) lines.push(`    ${podId(ns, p.metadata.name)} -->|Access Service| ${svcId(s)}`);
  }
  lines.push('  end');
  return `${lines.join('\n')}\n`;
}

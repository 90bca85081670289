/**
 * A topology sketch (Mermaid flowchart) → the objects that make it a cluster: innermost subgraphs are nodes
 * (matched by name, else the cluster's worker nodes in order), the box with `Endpoints` edges is a Service,
 * the boxes it points at are pods of the image their text names (`Nginx` → nginx) carrying the label the
 * Service selects, and every other box is a client pod. Whatever has no meaning in a cluster is listed in
 * `unmapped` with its line:col, so the user sees what was left out.
 */
import type { Flowchart, FlowEdge, FlowVertex } from './flowchartParser';

export interface ImportedPod {
  name: string;
  /** The diagram box it came from. */
  vertex: string;
  image: string;
  role: 'backend' | 'client';
  labels: Record<string, string>;
  /** `spec.nodeName`, when the box sits in a subgraph mapped to a node. */
  node?: string;
}

export interface ImportedService {
  name: string;
  vertex: string;
  selector: Record<string, string>;
  backends: string[];
}

export interface DiagramImport {
  /** Subgraph title → node name. */
  nodes: { subgraph: string; node: string }[];
  services: ImportedService[];
  pods: ImportedPod[];
  /** How things were read (for the user), e.g. that `Kubernetes Cluster` is the cluster itself. */
  notes: string[];
  /** What has no meaning in a cluster and was left out, each with line:col. */
  unmapped: string[];
  /** The objects as `kubectl apply -f` YAML. */
  manifests: string;
}

export interface ClusterNodes {
  /** Every node's name. */
  all: readonly string[];
  /** Nodes a sketch's subgraphs may be put on, in order (kind's workers). */
  workers: readonly string[];
}

const endpointsLabel = /endpoints?/i;
const genericService = /^(k8s |kubernetes )?(service|svc)$/i;
const serviceText = /^(service|svc)\b/i;
const defaultTags: Record<string, string> = { nginx: 'nginx:1.27', busybox: 'busybox:1.36', httpd: 'httpd:2.4' };
const imageRef = /^[a-z0-9]+(?:[._-][a-z0-9]+)*(?:\/[a-z0-9]+(?:[._-][a-z0-9]+)*)*(?::[\w][\w.-]{0,127})?$/;

/** A DNS-1123 label made from any text (`Kubernetes Cluster` → `kubernetes-cluster`), '' when nothing is left. */
export function dnsLabel(text: string): string {
  return text
    .toLowerCase()
    .replace(/[^a-z0-9-]+/g, '-')
    .replace(/-+/g, '-')
    .replace(/^-+/, '')
    .slice(0, 63)
    .replace(/-+$/, '');
}

function at(x: { line: number; col: number }): string {
  return `${x.line}:${x.col}`;
}

function edgeText(e: FlowEdge): string {
  return `${e.from} ${e.arrow}${e.label ? `|${e.label}|` : ''} ${e.to}`;
}

/** The notes and unmapped items an import can report: keys of the UI's message catalogs (src/i18n). */
export type ImportMessageKey =
  | 'diagramImport.nestedSubgraph'
  | 'diagramImport.noNodeLeft'
  | 'diagramImport.noImage'
  | 'diagramImport.noNode'
  | 'diagramImport.noPods'
  | 'diagramImport.client'
  | 'diagramImport.link'
  | 'diagramImport.ignored';

/** Words a note in the reader's language: the caller's message lookup (this module knows no language). */
export type ImportWords = (key: ImportMessageKey, params: Record<string, string | number>) => string;

export function importDiagram(chart: Flowchart, cluster: ClusterNodes, t: ImportWords): DiagramImport {
  const notes: string[] = [];
  const unmapped: string[] = [];
  const vertices = [...chart.vertices.values()];

  // subgraphs: the innermost ones are nodes, the ones holding others group them (the cluster itself)
  const nodeOf = new Map<string, string>();
  const nodes: DiagramImport['nodes'] = [];
  const free = cluster.workers.filter((w) => !chart.subgraphs.some((s) => s.title === w));
  for (const sg of chart.subgraphs) {
    if (sg.subgraphs.length > 0) {
      notes.push(t('diagramImport.nestedSubgraph', { title: sg.title }));
      continue;
    }
    const node = cluster.all.includes(sg.title) ? sg.title : free.shift();
    if (!node) {
      unmapped.push(t('diagramImport.noNodeLeft', { at: at(sg), title: sg.title, workers: cluster.workers.length }));
      continue;
    }
    nodes.push({ subgraph: sg.title, node });
    for (const v of sg.vertices) nodeOf.set(v, node);
  }

  // Services: a box with Endpoints edges out of it, or a box whose text says Service
  const isService = (v: FlowVertex) => chart.edges.some((e) => e.from === v.id && endpointsLabel.test(e.label)) || serviceText.test(v.label);
  const serviceVertices = vertices.filter(isService);
  const backendOf = new Map<string, string[]>();
  for (const s of serviceVertices) backendOf.set(s.id, [...new Set(chart.edges.filter((e) => e.from === s.id && !serviceVertices.some((x) => x.id === e.to)).map((e) => e.to))]);
  const backendIds = new Set([...backendOf.values()].flat());

  const taken = new Set<string>();
  const unique = (base: string) => {
    let name = base || 'pod';
    for (let n = 2; taken.has(name); n++) name = `${base}-${n}`;
    taken.add(name);
    return name;
  };

  const pods: ImportedPod[] = [];
  const podByVertex = new Map<string, ImportedPod>();
  for (const v of vertices) {
    if (serviceVertices.includes(v)) continue;
    const backend = backendIds.has(v.id);
    // "name (image)", as an export writes a pod, names both; otherwise the text is the image (`Nginx`)
    const named = /^([^\s()]+) \(([^\s()]+)\)$/.exec(v.label.trim());
    const what = dnsLabel(v.label);
    let image: string;
    if (backend) {
      const ref = (named?.[2] ?? v.label).trim().toLowerCase();
      if (imageRef.test(ref)) image = defaultTags[ref] ?? ref;
      else {
        image = 'nginx:1.27';
        notes.push(t('diagramImport.noImage', { at: at(v), id: v.id, label: v.label }));
      }
    } else image = 'busybox:1.36';
    const base = named ? dnsLabel(named[1] as string) : v.label === v.id || !backend ? dnsLabel(v.label) || dnsLabel(v.id) : `${what}-${dnsLabel(v.id)}`.replace(/^-|-$/g, '');
    const node = nodeOf.get(v.id);
    if (!node) notes.push(t('diagramImport.noNode', { at: at(v), id: v.id }));
    const pod: ImportedPod = { name: unique(base), vertex: v.id, image, role: backend ? 'backend' : 'client', labels: backend ? { app: dnsLabel(image.split(':')[0]?.split('/').pop() ?? '') || 'app' } : { role: 'client' }, ...(node ? { node } : {}) };
    pods.push(pod);
    podByVertex.set(v.id, pod);
  }

  const serviceNames = new Set<string>();
  const services: ImportedService[] = serviceVertices.map((v) => {
    const members = (backendOf.get(v.id) ?? []).map((id) => podByVertex.get(id)).filter((p): p is ImportedPod => !!p);
    const apps = [...new Set(members.map((p) => p.labels.app))];
    const fromText = genericService.test(v.label.trim()) ? '' : dnsLabel(v.label.replace(serviceText, ''));
    let name = fromText || (apps.length === 1 && apps[0] ? apps[0] : '') || dnsLabel(v.id) || 'service';
    for (let n = 2; serviceNames.has(name); n++) name = `${fromText || apps[0] || 'service'}-${n}`;
    serviceNames.add(name);
    let selector: Record<string, string>;
    if (apps.length === 1 && apps[0]) selector = { app: apps[0] };
    else {
      // pods of different images behind one Service: a label of their own that the selector picks
      selector = { service: name };
      for (const p of members) p.labels = { ...p.labels, service: name };
    }
    if (members.length === 0) notes.push(t('diagramImport.noPods', { at: at(v), name, app: selector.app ?? name }));
    return { name, vertex: v.id, selector, backends: members.map((p) => p.name) };
  });

  for (const e of chart.edges) {
    const fromSvc = serviceVertices.some((s) => s.id === e.from);
    const toSvc = serviceVertices.some((s) => s.id === e.to);
    if (fromSvc && !toSvc) continue;
    if (toSvc && !fromSvc && podByVertex.get(e.from)?.role === 'client') {
      const svc = services.find((s) => s.vertex === e.to);
      notes.push(t('diagramImport.client', { at: at(e), from: e.from, service: String(svc?.name), pod: String(podByVertex.get(e.from)?.name) }));
      continue;
    }
    unmapped.push(t('diagramImport.link', { at: at(e), link: edgeText(e) }));
  }
  for (const i of chart.ignored) unmapped.push(t('diagramImport.ignored', { at: at(i), text: i.text }));

  return { nodes, services, pods, notes, unmapped, manifests: toManifests(services, pods) };
}

function labelsYaml(labels: Record<string, string>, indent: string): string {
  return Object.entries(labels)
    .map(([k, v]) => `${indent}${k}: ${v}`)
    .join('\n');
}

function toManifests(services: ImportedService[], pods: ImportedPod[]): string {
  const docs: string[] = [];
  for (const s of services) {
    docs.push(`apiVersion: v1
kind: Service
metadata:
  name: ${s.name}
spec:
  selector:
${labelsYaml(s.selector, '    ')}
  ports:
    - protocol: TCP
      port: 80
      targetPort: 80
`);
  }
  for (const p of pods) {
    const container =
      p.role === 'backend'
        ? `    - name: ${dnsLabel(p.image.split(':')[0]?.split('/').pop() ?? '') || 'app'}
      image: ${p.image}
      ports:
        - containerPort: 80`
        : `    - name: ${p.name}
      image: ${p.image}
      command: ["sleep", "infinity"]`;
    docs.push(`apiVersion: v1
kind: Pod
metadata:
  name: ${p.name}
  labels:
${labelsYaml(p.labels, '    ')}
spec:
${p.node ? `  nodeName: ${p.node}\n` : ''}  containers:
${container}
`);
  }
  return docs.join('---\n');
}

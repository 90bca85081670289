/**
 * The seed diagram through a real cluster: import → apply → the engine schedules, runs and lists endpoints →
 * export reads the same picture back; and the client's request through the rules as a sequence diagram.
 */
import { parseAllDocuments } from 'yaml';
import { describe, expect, it } from 'vitest';
import { Cluster } from '../engine/cluster';
import type { WireObject } from '../protocol/objects';
import { trafficReply } from '../worker/dataPlaneReplies';
import { clusterToMermaid } from './clusterDiagram';
import { type ImportWords, importDiagram } from './diagramImport';
import { parseFlowchart } from './flowchartParser';
import { seedDiagramOneLine } from './seedDiagram';
import { traceToSequence } from './sequenceDiagram';
import { translate } from '../i18n/translate';

/** The notes in English, as the UI words them in that language. */
const english: ImportWords = (key, params) => translate('en', key, params);

const kind = { all: ['kind-control-plane', 'kind-worker', 'kind-worker2', 'kind-worker3'], workers: ['kind-worker', 'kind-worker2', 'kind-worker3'] };

function seedCluster(): Cluster {
  const c = new Cluster();
  const plan = importDiagram(parseFlowchart(seedDiagramOneLine), kind, english);
  for (const doc of parseAllDocuments(plan.manifests)) {
    const obj = doc.toJS();
    const r = c.apply(obj.kind, obj);
    expect(r.ok, JSON.stringify(r)).toBe(true);
  }
  c.advance(30_000);
  return c;
}

const wire = (c: Cluster, kind: 'Node' | 'Pod' | 'Service' | 'EndpointSlice') => c.store.list(kind) as unknown as WireObject[];

describe('the seed diagram through a cluster', () => {
  it('runs the pods on the nodes the subgraphs named, and exports the same topology back', () => {
    const c = seedCluster();
    const pods = wire(c, 'Pod').filter((p) => p.metadata.namespace === 'default');
    expect(pods.map((p) => [p.metadata.name, (p.spec as { nodeName?: string }).nodeName, (p.status as { phase?: string }).phase])).toEqual([
      ['app', 'kind-worker3', 'Running'],
      ['nginx-n1', 'kind-worker', 'Running'],
      ['nginx-n2', 'kind-worker', 'Running'],
      ['nginx-n3', 'kind-worker2', 'Running'],
      ['nginx-n4', 'kind-worker3', 'Running'],
    ]);
    const text = clusterToMermaid({ nodes: wire(c, 'Node'), pods: wire(c, 'Pod'), services: wire(c, 'Service'), endpointSlices: wire(c, 'EndpointSlice') });
    expect(text).toContain('    svc_default_nginx -->|Endpoints| pod_default_nginx_n1\n');
    expect(text).toContain('    pod_default_app -->|Access Service| svc_default_nginx\n');
    expect(text).toContain('    subgraph node_kind_worker3["kind-worker3"]\n      pod_default_app["app (busybox:1.36)"]\n      pod_default_nginx_n4["nginx-n4 (nginx:1.27)"]\n    end\n');
    // and back: the exported text imports to the same pods on the same nodes behind the same Service
    const again = importDiagram(parseFlowchart(text), kind, english);
    expect(again.services).toEqual([{ name: 'nginx', vertex: 'svc_default_nginx', selector: { app: 'nginx' }, backends: ['nginx-n1', 'nginx-n2', 'nginx-n3', 'nginx-n4'] }]);
    expect(again.pods.map((p) => [p.name, p.image, p.node]).sort()).toEqual(pods.map((p) => [p.metadata.name, p.metadata.name === 'app' ? 'busybox:1.36' : 'nginx:1.27', (p.spec as { nodeName?: string }).nodeName]).sort());
    expect(again.unmapped).toEqual([]);
  });

  it('draws the client request as a sequence: the name through CoreDNS, the chains of kube-proxy, the pod', () => {
    const c = seedCluster();
    const r = trafficReply(c, { type: 'traffic', namespace: 'default', pod: 'app', to: 'nginx', port: 80, count: 1 });
    if (r.kind !== 'traffic' || !r.traffic.first) throw new Error('no trace');
    const first = r.traffic.first;
    const text = traceToSequence({ client: 'default/app', steps: first.steps, outcome: first.outcome, ...(first.pod ? { pod: first.pod } : {}) });
    const lines = text.split('\n');
    expect(lines[0]).toBe('sequenceDiagram');
    expect(lines[1]).toBe('  participant client as pod default/app');
    expect(lines[2]).toMatch(/^ {2}participant dns as CoreDNS 10\.96\.0\.10$/);
    expect(lines[3]).toBe('  participant proxy as kube-proxy rules on kind-worker3 (iptables)');
    expect(lines[4]).toBe(`  participant pod as pod ${first.pod}`);
    expect(lines[5]).toBe('  client->>dns: A? nginx');
    expect(text).toMatch(/\n {2}Note over proxy: PREROUTING → KUBE-SERVICES → KUBE-SVC-[A-Z0-9]{16} → KUBE-SEP-[A-Z0-9]{16}\n/);
    expect(text).toMatch(/\n {2}proxy->>proxy: DNAT 10\.9[6-9]\.\d+\.\d+:80 → 10\.244\.\d+\.\d+:80\n/);
    expect(lines.at(-2)).toBe('  pod-->>client: answers (connected)');
  });
});

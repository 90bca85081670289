import { describe, expect, it } from 'vitest';
import { type ClusterNodes, type ImportWords, importDiagram } from './diagramImport';
import { parseFlowchart } from './flowchartParser';
import { seedDiagram, seedDiagramOneLine } from './seedDiagram';
import { translate } from '../i18n/translate';

/** The notes in English, as the UI words them in that language. */
const english: ImportWords = (key, params) => translate('en', key, params);

const kind: ClusterNodes = { all: ['kind-control-plane', 'kind-worker', 'kind-worker2', 'kind-worker3'], workers: ['kind-worker', 'kind-worker2', 'kind-worker3'] };

describe('importDiagram: the seed note diagram', () => {
  for (const [how, text] of [
    ['with its line breaks', seedDiagram],
    ['on one line, as the note prints it', seedDiagramOneLine],
  ] as const) {
    it(`${how}: 3 nodes, 4 nginx pods behind 1 Service, and the APP client`, () => {
      const r = importDiagram(parseFlowchart(text), kind, english);
      expect(r.nodes).toEqual([
        { subgraph: 'Node1', node: 'kind-worker' },
        { subgraph: 'Node2', node: 'kind-worker2' },
        { subgraph: 'Node3', node: 'kind-worker3' },
      ]);
      expect(r.services).toEqual([{ name: 'nginx', vertex: 'A', selector: { app: 'nginx' }, backends: ['nginx-n1', 'nginx-n2', 'nginx-n3', 'nginx-n4'] }]);
      expect(r.pods).toEqual([
        { name: 'nginx-n1', vertex: 'N1', image: 'nginx:1.27', role: 'backend', labels: { app: 'nginx' }, node: 'kind-worker' },
        { name: 'nginx-n2', vertex: 'N2', image: 'nginx:1.27', role: 'backend', labels: { app: 'nginx' }, node: 'kind-worker' },
        { name: 'nginx-n3', vertex: 'N3', image: 'nginx:1.27', role: 'backend', labels: { app: 'nginx' }, node: 'kind-worker2' },
        { name: 'nginx-n4', vertex: 'N4', image: 'nginx:1.27', role: 'backend', labels: { app: 'nginx' }, node: 'kind-worker3' },
        { name: 'app', vertex: 'APP', image: 'busybox:1.36', role: 'client', labels: { role: 'client' }, node: 'kind-worker3' },
      ]);
      expect(r.unmapped).toEqual([]);
      expect(r.notes).toEqual([
        'subgraph "Kubernetes Cluster" holds subgraphs: read as the cluster, not a node',
        // where the link's arrow starts
        `${text === seedDiagram ? '7:5' : `1:${seedDiagramOneLine.indexOf('-->|Access') + 1}`} APP reaches Service nginx: a client pod (try: kubectl exec app -- wget -qO- nginx)`,
      ]);
    });
  }

  it('writes manifests kubectl apply takes: the Service, then one pod per box pinned to its node', () => {
    const { manifests } = importDiagram(parseFlowchart(seedDiagram), kind, english);
    const docs = manifests.split('---\n');
    expect(docs).toHaveLength(6);
    expect(docs[0]).toBe('apiVersion: v1\nkind: Service\nmetadata:\n  name: nginx\nspec:\n  selector:\n    app: nginx\n  ports:\n    - protocol: TCP\n      port: 80\n      targetPort: 80\n');
    expect(docs[1]).toContain('  name: nginx-n1\n  labels:\n    app: nginx\nspec:\n  nodeName: kind-worker\n');
    expect(docs[5]).toContain('image: busybox:1.36\n      command: ["sleep", "infinity"]');
  });
});

describe('importDiagram: what cannot be mapped is said', () => {
  it('lists links between pods, styles and subgraphs beyond the nodes, with line:col', () => {
    const text = 'graph TD\nS[Service] -->|Endpoints| W[Web Server]\nW --> D[(Database)]\nstyle W fill:#f9f\nsubgraph a\nW\nend\nsubgraph b\nD\nend\n';
    const r = importDiagram(parseFlowchart(text), { all: ['n1', 'n0'], workers: ['n1'] }, english);
    expect(r.unmapped).toEqual([
      '8:1 subgraph "b": the cluster has no node left for it (1 workers); its pods are left to the scheduler',
      '3:3 link "W --> D": only a Service\'s links to its pods and a client\'s link to a Service mean something in a cluster',
      '4:1 "style W fill:#f9f": styles, classes and clicks are not part of a cluster',
    ]);
    expect(r.notes).toContain('2:27 box W "Web Server" names no image: its pod runs nginx:1.27');
    expect(r.pods.map((p) => [p.name, p.role, p.node])).toEqual([
      ['web-server-w', 'backend', 'n1'],
      ['database', 'client', undefined],
    ]);
  });

  it('gives pods of different images behind one Service a label of their own to select', () => {
    const r = importDiagram(parseFlowchart('graph LR\nS[Service web] -->|Endpoints| A[nginx]\nS --> B[httpd]\n'), { all: [], workers: [] }, english);
    expect(r.services).toEqual([{ name: 'web', vertex: 'S', selector: { service: 'web' }, backends: ['nginx-a', 'httpd-b'] }]);
    expect(r.pods.map((p) => p.labels)).toEqual([
      { app: 'nginx', service: 'web' },
      { app: 'httpd', service: 'web' },
    ]);
    expect(r.pods.map((p) => p.image)).toEqual(['nginx:1.27', 'httpd:2.4']);
  });
});

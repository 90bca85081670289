// @vitest-environment happy-dom
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { WireObject } from '../protocol/objects';
import { clusterToMermaid } from './clusterDiagram';
import { parseFlowchart } from './flowchartParser';
import { mermaidDiagramType, mermaidFlowchart } from '../adapters/mermaid';

let uid = 0;
const obj = (kind: WireObject['kind'], name: string, namespace: string | undefined, rest: Record<string, unknown> = {}): WireObject => ({
  kind,
  metadata: { name, uid: `u${uid++}`, resourceVersion: '1', ...(namespace ? { namespace } : {}), ...((rest.labels as object) ? { labels: rest.labels as Record<string, string> } : {}) },
  ...rest,
});

function cluster(node: string, pod: string, svc: string, ns = 'default') {
  return {
    nodes: [obj('Node', node, undefined)],
    pods: [obj('Pod', pod, ns, { spec: { nodeName: node, containers: [{ image: 'nginx:1.27' }] } }), obj('Pod', `${pod}-client`, ns, { spec: { nodeName: node } })],
    services: [obj('Service', svc, ns)],
    endpointSlices: [obj('EndpointSlice', `${svc}-abcde`, ns, { labels: { 'kubernetes.io/service-name': svc }, endpoints: [{ conditions: { ready: true }, targetRef: { kind: 'Pod', name: pod, namespace: ns } }] })],
  };
}

describe('clusterToMermaid', () => {
  it('writes the seed note picture: cluster subgraph, a subgraph per node, Endpoints and Access Service edges', async () => {
    const text = clusterToMermaid(cluster('kind-worker', 'web', 'nginx'));
    expect(text).toBe(`graph TD
  subgraph cluster["Kubernetes Cluster"]
    svc_default_nginx["Service nginx"]
    subgraph node_kind_worker["kind-worker"]
      pod_default_web["web (nginx:1.27)"]
      pod_default_web_client["web-client"]
    end
    svc_default_nginx -->|Endpoints| pod_default_web
    pod_default_web_client -->|Access Service| svc_default_nginx
  end
`);
    // Mermaid reads it as written: the pods in the node's subgraph, the two edges with their labels
    const m = await mermaidFlowchart(text);
    expect(m.edges).toEqual([
      ['svc_default_nginx', 'pod_default_web', 'Endpoints'],
      ['pod_default_web_client', 'svc_default_nginx', 'Access Service'],
    ]);
    expect(m.subgraphs).toEqual([
      ['kind-worker', ['pod_default_web', 'pod_default_web_client']],
      ['Kubernetes Cluster', ['node_kind_worker', 'svc_default_nginx']],
    ]);
  });

  it('escapes hostile names: no markup, no statement break, no keyword ids', async () => {
    const text = clusterToMermaid(cluster('end', '<img src=x onerror=alert(1)>"];click A', 'a|b#c;d\nsubgraph'));
    expect(text).not.toMatch(/<img|onerror=alert\(1\)>|\nclick|\nsubgraph a/);
    expect(text).toContain('["#60;img src=x onerror=alert(1)#62;#34;#93;#59;click A (nginx:1.27)"]');
    expect(text).toContain('subgraph node_end["end"]');
    const m = await mermaidFlowchart(text);
    // Mermaid gets the names back as text, entity-coded, and nothing else: 1 Service and 2 pods
    expect(m.vertices).toHaveLength(3);
    expect(parseFlowchart(text).vertices.get('svc_default_a_b_c_d_subgraph')?.label).toBe('Service a|b#c;d\nsubgraph');
  });

  it('gives text Mermaid parses, whatever the names are (fast-check)', async () => {
    const name = fc.string({ minLength: 1, maxLength: 12, unit: fc.oneof(fc.constantFrom(...'<>"\'`#;|[](){}-->&%:\n\t end subgraph graph o x'), fc.string({ unit: 'binary', minLength: 1, maxLength: 1 }), fc.string({ unit: 'grapheme', minLength: 1, maxLength: 1 })) });
    await fc.assert(
      fc.asyncProperty(name, name, name, name, async (node, pod, svc, ns) => {
        const text = clusterToMermaid(cluster(node, pod, svc, ns));
        expect(await mermaidDiagramType(text)).toBe('flowchart-v2');
        // and our own reader agrees on what is where
        const ours = parseFlowchart(text);
        expect(ours.edges).toHaveLength(2);
        expect([...ours.vertices.values()].map((v) => v.label).sort()).toEqual([`${pod}-client`, `${pod} (nginx:1.27)`, `Service ${svc}`].sort());
      }),
      { numRuns: 100 },
    );
  });

  it('leaves out the cluster machinery: kube-system pods and the kubernetes Service', () => {
    const c = cluster('n1', 'web', 'nginx');
    c.pods.push(obj('Pod', 'coredns-1', 'kube-system', { spec: { nodeName: 'n1' } }));
    c.services.push(obj('Service', 'kubernetes', 'default'));
    const text = clusterToMermaid(c);
    expect(text).not.toMatch(/coredns|Service kubernetes/);
  });
});

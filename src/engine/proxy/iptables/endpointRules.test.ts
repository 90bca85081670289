import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { endpointHash, portProtoHash } from '../chainHash';
import { categorizeEndpoints } from '../servicePort';
import { testService, testSlice, trackerWith } from '../testing/fixtures';
import { IptablesProxier } from './iptablesProxier';
import { restoreLine, saveLine } from './iptablesSave';
import type { Rule } from './rule';

const node = { name: 'node-a', ip: '192.168.0.2', clusterCIDR: '10.0.0.0/8' };

/** A random cluster: Services with one or two ports, random endpoints on random nodes, some with affinity. */
const clusterArb = fc.array(
  fc.record({
    ports: fc.integer({ min: 1, max: 2 }),
    affinity: fc.boolean(),
    nodePort: fc.boolean(),
    local: fc.boolean(),
    endpoints: fc.uniqueArray(fc.record({ host: fc.integer({ min: 1, max: 250 }), node: fc.constantFrom('node-a', 'node-b'), ready: fc.boolean() }), { maxLength: 7, selector: (e) => e.host }),
  }),
  { minLength: 1, maxLength: 8 },
);

interface RandomService {
  ports: number;
  affinity: boolean;
  nodePort: boolean;
  local: boolean;
  endpoints: { host: number; node: string; ready: boolean }[];
}

function trackerOf(services: RandomService[]) {
  const svcs = services.map((s, i) =>
    testService(`ns${i}`, `svc${i}`, {
      type: s.nodePort ? 'NodePort' : 'ClusterIP',
      clusterIP: `172.30.0.${i + 1}`,
      ...(s.nodePort && s.local ? { externalTrafficPolicy: 'Local' } : {}),
      ...(s.affinity ? { sessionAffinity: 'ClientIP', sessionAffinityConfig: { clientIP: { timeoutSeconds: 300 } } } : {}),
      ports: Array.from({ length: s.ports }, (_, k) => ({ name: `p${80 + k}`, port: 80 + k, protocol: k ? 'UDP' : 'TCP', ...(s.nodePort ? { nodePort: 30000 + i * 2 + k } : {}) })),
    }),
  );
  const slices = services.flatMap((s, i) =>
    Array.from({ length: s.ports }, (_, k) => {
      const sl = testSlice(
        `ns${i}`,
        `svc${i}`,
        s.endpoints.map((e) => ({ ip: `10.180.${i}.${e.host}`, node: e.node, ready: e.ready })),
        8080 + k,
        `p${80 + k}`,
      );
      return { ...sl, metadata: { ...sl.metadata, name: `svc${i}-${k}` }, ports: [{ name: `p${80 + k}`, port: 8080 + k, protocol: k ? 'UDP' : 'TCP' }] };
    }),
  );
  return trackerWith(svcs, slices);
}

/**
 * The endpoint rules as kube-proxy writes them (kubernetes/kubernetes pkg/proxy/iptables/proxier.go
 * `writeServiceToEndpointRules` and the KUBE-SEP loop of `syncProxyRules`), spelled out as text, with chain names
 * hashed afresh (no cache): what the compact rules must print.
 */
function referenceEndpointLines(name: string, protocol: string, affinity: number, chain: string, eps: { ip: string; endpoint: string }[]): { cascade: string[]; seps: Map<string, string[]> } {
  const proto = protocol.toLowerCase();
  const sep = (ep: string) => `KUBE-SEP-${endpointHash(name, protocol, ep)}`;
  const cascade: string[] = [];
  if (affinity) for (const ep of eps) cascade.push(`-A ${chain} -m comment --comment "${name} -> ${ep.endpoint}" -m recent --name ${sep(ep.endpoint)} --rcheck --seconds ${affinity} --reap -j ${sep(ep.endpoint)}`);
  eps.forEach((ep, i) => {
    const stat = i < eps.length - 1 ? ` -m statistic --mode random --probability ${(1 / (eps.length - i)).toFixed(10)}` : '';
    cascade.push(`-A ${chain} -m comment --comment "${name} -> ${ep.endpoint}"${stat} -j ${sep(ep.endpoint)}`);
  });
  const seps = new Map<string, string[]>();
  for (const ep of eps) {
    const c = sep(ep.endpoint);
    const recent = affinity ? ` -m recent --name ${c} --set` : '';
    seps.set(c, [`-A ${c} -m comment --comment ${name} -s ${ep.ip} -j KUBE-MARK-MASQ`, `-A ${c} -m comment --comment ${name}${recent} -m ${proto} -p ${proto} -j DNAT --to-destination ${ep.endpoint}`]);
  }
  return { cascade, seps };
}

describe('compact endpoint rules', () => {
  it('print, save and walk as the plain rules kube-proxy writes, in a table sorted by chain name', () => {
    fc.assert(
      fc.property(clusterArb, (services) => {
        const t = trackerOf(services);
        const p = new IptablesProxier(node);
        p.sync(t, undefined);
        const nat = p.table('nat');
        for (const svc of t.serviceNames()) {
          for (const info of t.portsOf(svc)) {
            const eps = t.endpointsOf(svc, info.portName);
            const { cluster, local } = categorizeEndpoints(info, eps, node.name);
            const svcChain = `KUBE-SVC-${portProtoHash(info.name, info.protocol)}`;
            const svlChain = `KUBE-SVL-${portProtoHash(info.name, info.protocol)}`;
            for (const [chain, chosen] of [
              [svcChain, cluster],
              [svlChain, local],
            ] as const) {
              if (chosen.length === 0) continue;
              const want = referenceEndpointLines(info.name, info.protocol, info.affinitySeconds, chain, chosen);
              const got = (nat.chains.get(chain) ?? []).map(restoreLine).filter((l) => l.includes(' -> '));
              expect(got).toEqual(want.cascade);
              for (const [sep, lines] of want.seps) {
                const rules = nat.chains.get(sep) ?? [];
                expect(rules.map(restoreLine)).toEqual(lines);
                // the packet walk reads the same rules by name
                expect(p.chain('nat', sep)).toEqual(rules);
                expect(rules.map((r) => p.savedLine(r))).toEqual(rules.map(saveLine));
              }
            }
          }
        }
        // chains: the built-ins, then every other chain once, by name in UTF-16 order
        const names = [...nat.chains.keys()];
        const rest = names.slice(nat.builtins.length);
        expect(names.slice(0, nat.builtins.length)).toEqual(nat.builtins);
        expect(rest).toEqual([...new Set(rest)].sort());
        for (const [c, rules] of nat.chains) for (const r of rules as Rule[]) expect(r.chain).toBe(c);
      }),
      { numRuns: 60 },
    );
  });
});

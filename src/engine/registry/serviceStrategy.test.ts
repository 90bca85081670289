import { describe, expect, it } from 'vitest';
import { cloneJson } from '../shared';
import type { Service } from '../api/types';
import { newAdmissionTestApi } from './admissionTestApi';

/** The seed note's Service. */
const myService = (): Service => ({
  apiVersion: 'v1',
  kind: 'Service',
  metadata: { name: 'my-service' },
  spec: { selector: { app: 'MyApp' }, ports: [{ port: 80, targetPort: 9376 }] },
});

const causes = (r: { ok: boolean; status?: { details?: { causes?: { field?: string; message: string }[] } } }) =>
  (r.status?.details?.causes ?? []).map((c) => `${c.field}: ${c.message}`);

describe('service create: defaults (SetDefaults_Service, initIPFamilyFields)', () => {
  it('defaults the seed note’s my-service', () => {
    const api = newAdmissionTestApi();
    const r = api.create('Service', myService());
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    const { clusterIP, clusterIPs, ...spec } = r.value.spec ?? {};
    expect(spec).toEqual({
      selector: { app: 'MyApp' },
      ports: [{ port: 80, protocol: 'TCP', targetPort: 9376 }],
      sessionAffinity: 'None',
      type: 'ClusterIP',
      internalTrafficPolicy: 'Cluster',
      ipFamilyPolicy: 'SingleStack',
      ipFamilies: ['IPv4'],
    });
    // the address itself comes from the allocator; it is always the first of clusterIPs
    if (clusterIP) expect(clusterIPs).toEqual([clusterIP]);
    expect(r.value.status).toEqual({ loadBalancer: {} });
  });

  it('defaults NodePort and LoadBalancer specifics', () => {
    const api = newAdmissionTestApi();
    const lb = myService();
    lb.spec = { ...lb.spec, type: 'LoadBalancer', sessionAffinity: 'ClientIP' };
    const r = api.create('Service', lb);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.value.spec?.externalTrafficPolicy).toBe('Cluster');
    expect(r.value.spec?.allocateLoadBalancerNodePorts).toBe(true);
    expect(r.value.spec?.sessionAffinityConfig).toEqual({ clientIP: { timeoutSeconds: 10800 } });
  });

  it('keeps the user’s clusterIP and mirrors it into clusterIPs', () => {
    const api = newAdmissionTestApi();
    const svc = myService();
    (svc.spec as { clusterIP?: string }).clusterIP = '10.96.0.20';
    const r = api.create('Service', svc);
    expect(r.ok && [r.value.spec?.clusterIP, r.value.spec?.clusterIPs]).toEqual(['10.96.0.20', ['10.96.0.20']]);
  });

  it('gives a headless Service without selector both families (RequireDualStack)', () => {
    const api = newAdmissionTestApi();
    const r = api.create('Service', { metadata: { name: 'db' }, spec: { clusterIP: 'None' } });
    expect(r.ok && [r.value.spec?.ipFamilyPolicy, r.value.spec?.ipFamilies, r.value.spec?.clusterIPs]).toEqual(['RequireDualStack', ['IPv4', 'IPv6'], ['None']]);
    const withSelector = api.create('Service', { metadata: { name: 'db2' }, spec: { clusterIP: 'None', selector: { app: 'db' } } });
    expect(withSelector.ok && [withSelector.value.spec?.ipFamilyPolicy, withSelector.value.spec?.ipFamilies]).toEqual(['SingleStack', ['IPv4']]);
  });

  it('gives ExternalName Services no IP fields', () => {
    const api = newAdmissionTestApi();
    const r = api.create('Service', { metadata: { name: 'ext' }, spec: { type: 'ExternalName', externalName: 'example.com.' } });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.value.spec?.ipFamilies).toBeUndefined();
    expect(r.value.spec?.ipFamilyPolicy).toBeUndefined();
    expect(r.value.spec?.internalTrafficPolicy).toBeUndefined();
  });

  it('refuses dual-stack on this single-stack cluster (initIPFamilyFields)', () => {
    const api = newAdmissionTestApi();
    const svc = myService();
    (svc.spec as { ipFamilyPolicy?: string }).ipFamilyPolicy = 'RequireDualStack';
    expect(causes(api.create('Service', svc) as never)).toEqual(['spec.ipFamilyPolicy: Invalid value: "RequireDualStack": this cluster is not configured for dual-stack services']);
  });
});

describe('service update (ValidateServiceUpdate)', () => {
  function created(api = newAdmissionTestApi(), mutate?: (s: Service) => void) {
    const svc = myService();
    (svc.spec as { clusterIP?: string }).clusterIP = '10.96.0.20';
    mutate?.(svc);
    const r = api.create('Service', svc);
    if (!r.ok) throw new Error(r.status.message);
    return { api, svc: r.value };
  }

  it('keeps allocated values when a resubmitted manifest leaves them out (patchAllocatedValues)', () => {
    const { api, svc } = created(newAdmissionTestApi(), (s) => {
      (s.spec as { type?: string }).type = 'NodePort';
    });
    const nodePort = svc.spec?.ports?.[0].nodePort;
    const replacement = myService();
    (replacement.spec as { type?: string }).type = 'NodePort';
    (replacement.spec as { selector?: Record<string, string> }).selector = { app: 'MyApp', tier: 'web' };
    const r = api.update('Service', replacement);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.value.spec?.clusterIP).toBe('10.96.0.20');
    expect(r.value.spec?.clusterIPs).toEqual(['10.96.0.20']);
    expect(r.value.spec?.ports?.[0].nodePort).toBe(nodePort);
    expect(r.value.spec?.ipFamilies).toEqual(['IPv4']);
  });

  it.each<[string, string[]]>([
    ['10.96.0.30', ['spec.clusterIPs[0]: Invalid value: ["10.96.0.30"]: may not change once set']],
    ['None', ['spec.clusterIPs[0]: Invalid value: ["None"]: may not change once set']],
  ])('refuses changing clusterIP to %s (values print as JSON since 1.34)', (ip, want) => {
    const { api, svc } = created();
    const next = cloneJson(svc);
    (next.spec as { clusterIP?: string; clusterIPs?: string[] }).clusterIP = ip;
    (next.spec as { clusterIP?: string; clusterIPs?: string[] }).clusterIPs = [ip];
    expect(causes(api.update('Service', next) as never)).toEqual(want);
  });

  it('an update with an empty clusterIPs list keeps the allocated address (NormalizeClusterIPs)', () => {
    const { api, svc } = created();
    const next = cloneJson(svc);
    (next.spec as { clusterIP?: string; clusterIPs?: string[] }).clusterIP = '10.96.0.20';
    (next.spec as { clusterIP?: string; clusterIPs?: string[] }).clusterIPs = [];
    const r = api.update('Service', next);
    expect(r.ok && r.value.spec?.clusterIPs).toEqual(['10.96.0.20']);
  });

  it('drops allocated values when switching to ExternalName (dropTypeDependentFields)', () => {
    const { api, svc } = created();
    const next = cloneJson(svc);
    (next.spec as Record<string, unknown>).type = 'ExternalName';
    (next.spec as Record<string, unknown>).externalName = 'db.example.com';
    (next.spec as Record<string, unknown>).ports = undefined;
    const r = api.update('Service', next);
    expect(r.ok).toBe(true);
    expect(r.ok && [r.value.spec?.clusterIP, r.value.spec?.clusterIPs, r.value.spec?.ipFamilies]).toEqual([undefined, undefined, undefined]);
  });
});

import { describe, expect, it } from 'vitest';
import { Cluster } from '../../cluster';
import type { Service } from '../../api/types';

type Spec = NonNullable<Service['spec']>;

function svc(name: string, spec: Spec): Service {
  return { apiVersion: 'v1', kind: 'Service', metadata: { name, namespace: 'default' }, spec };
}

function create(c: Cluster, name: string, spec: Spec) {
  return c.create('Service', svc(name, spec));
}

function mustCreate(c: Cluster, name: string, spec: Spec): Service {
  const r = create(c, name, spec);
  if (!r.ok) throw new Error(r.status.message);
  return r.value;
}

function stored(c: Cluster, name: string): Service {
  return c.store.get('Service', `default/${name}`) as Service;
}

const web: Spec = { selector: { app: 'web' }, ports: [{ port: 80, targetPort: 8080 }] };

describe('ClusterIP allocation', () => {
  it('fills clusterIP, clusterIPs and the IP family fields (storage/alloc.go initIPFamilyFields)', () => {
    const c = new Cluster({ freezeObjects: true });
    const s = mustCreate(c, 'web', web);
    expect(s.spec?.clusterIPs).toEqual([s.spec?.clusterIP]);
    expect(s.spec?.ipFamilies).toEqual(['IPv4']);
    expect(s.spec?.ipFamilyPolicy).toBe('SingleStack');
    // dynamic allocation avoids the static band 10.96.0.1–10.96.1.0 of the /12
    expect(s.spec?.clusterIP).toMatch(/^10\.(9[6-9]|10\d|11[01])\./);
    expect(s.spec?.clusterIP?.startsWith('10.96.0.')).toBe(false);
  });

  it('is deterministic per seed, and differs between seeds', () => {
    const ip = (seed: number) => mustCreate(new Cluster({ seed, freezeObjects: true }), 'web', web).spec?.clusterIP;
    expect(ip(1)).toBe(ip(1));
    expect(ip(1)).not.toBe(ip(2));
  });

  it('rejects a taken or foreign static IP with the apiserver errors (storage/alloc.go allocClusterIPs)', () => {
    const c = new Cluster({ freezeObjects: true });
    const taken = create(c, 'dns2', { ...web, clusterIP: '10.96.0.10' });
    expect(taken.ok).toBe(false);
    if (!taken.ok) {
      expect(taken.status.code).toBe(422);
      expect(taken.status.message).toBe('Service "dns2" is invalid: spec.clusterIPs: Invalid value: ["10.96.0.10"]: failed to allocate IP 10.96.0.10: provided IP is already allocated');
    }
    const foreign = create(c, 'x', { ...web, clusterIP: '1.1.1.1' });
    if (!foreign.ok) {
      expect(foreign.status.message).toBe('Service "x" is invalid: spec.clusterIPs: Invalid value: ["1.1.1.1"]: failed to allocate IP 1.1.1.1: the provided network does not match the current range');
    } else throw new Error('accepted 1.1.1.1');
    const network = create(c, 'y', { ...web, clusterIP: '10.96.0.0' });
    expect(!network.ok && network.status.message).toBe(
      'Service "y" is invalid: spec.clusterIPs: Invalid value: ["10.96.0.0"]: failed to allocate IP 10.96.0.0: the provided IP (10.96.0.0) is not in the valid range. The range of valid IPs is 10.96.0.0/12',
    );
    const v6 = create(c, 'z', { ...web, clusterIPs: ['fd00::1'], clusterIP: 'fd00::1' });
    expect(!v6.ok && v6.status.message).toBe('Service "z" is invalid: spec.clusterIPs[0]: Invalid value: ["fd00::1"]: IPv6 is not configured on this cluster');
  });

  it('gives a static IP back when the Service is deleted', () => {
    const c = new Cluster({ freezeObjects: true });
    mustCreate(c, 'a', { ...web, clusterIP: '10.96.0.50' });
    expect(create(c, 'b', { ...web, clusterIP: '10.96.0.50' }).ok).toBe(false);
    c.delete('Service', 'default', 'a');
    expect(mustCreate(c, 'b', { ...web, clusterIP: '10.96.0.50' }).spec?.clusterIPs).toEqual(['10.96.0.50']);
  });

  it('allocates nothing for headless and ExternalName Services', () => {
    const c = new Cluster({ freezeObjects: true });
    const headless = mustCreate(c, 'h', { clusterIP: 'None', selector: { app: 'db' } });
    expect(headless.spec?.clusterIPs).toEqual(['None']);
    expect([headless.spec?.ipFamilyPolicy, headless.spec?.ipFamilies]).toEqual(['SingleStack', ['IPv4']]);
    // headless without selector: RequireDualStack, both families even on a single-stack cluster (kubernetes/kubernetes pkg/registry/core/service/storage/alloc.go initIPFamilyFields)
    const bare = mustCreate(c, 'bare', { clusterIP: 'None' });
    expect([bare.spec?.ipFamilyPolicy, bare.spec?.ipFamilies]).toEqual(['RequireDualStack', ['IPv4', 'IPv6']]);
    const ext = mustCreate(c, 'ext', { type: 'ExternalName', externalName: 'example.com' });
    expect(ext.spec?.clusterIP).toBeUndefined();
    expect(ext.spec?.clusterIPs).toBeUndefined();
    expect(ext.spec?.ipFamilies).toBeUndefined();
  });

  it('refuses RequireDualStack on a single-stack cluster', () => {
    const c = new Cluster({ freezeObjects: true });
    const r = create(c, 'd', { ...web, ipFamilyPolicy: 'RequireDualStack' });
    expect(!r.ok && r.status.message).toBe('Service "d" is invalid: spec.ipFamilyPolicy: Invalid value: "RequireDualStack": this cluster is not configured for dual-stack services');
  });

  it('does not hold anything for a dry run', () => {
    const c = new Cluster({ freezeObjects: true });
    expect(c.create('Service', svc('a', { ...web, clusterIP: '10.96.0.60' }), { dryRun: true }).ok).toBe(true);
    expect(create(c, 'a', { ...web, clusterIP: '10.96.0.60' }).ok).toBe(true);
  });

  it('allocates on ExternalName → ClusterIP and releases on ClusterIP → ExternalName', () => {
    const c = new Cluster({ freezeObjects: true });
    const s = mustCreate(c, 'a', { ...web, clusterIP: '10.96.0.70' });
    const toExt = c.update('Service', { ...s, spec: { type: 'ExternalName', externalName: 'example.com', ports: s.spec?.ports } });
    expect(toExt.ok && toExt.value.spec?.clusterIP).toBeUndefined();
    mustCreate(c, 'b', { ...web, clusterIP: '10.96.0.70' });
    const back = c.update('Service', { ...stored(c, 'a'), spec: { ...web } });
    expect(back.ok && back.value.spec?.clusterIP).toMatch(/^10\./);
  });

  it('keeps the allocated IP when an update leaves it out', () => {
    const c = new Cluster({ freezeObjects: true });
    const s = mustCreate(c, 'a', web);
    const r = c.update('Service', { ...s, spec: { ...web, ports: [{ port: 81, targetPort: 8080 }] } });
    expect(r.ok && r.value.spec?.clusterIP).toBe(s.spec?.clusterIP);
    expect(r.ok && r.value.spec?.clusterIPs).toEqual(s.spec?.clusterIPs);
  });
});

describe('NodePort allocation', () => {
  const np: Spec = { type: 'NodePort', selector: { app: 'web' }, ports: [{ port: 8000, targetPort: 8000 }] };

  it('allocates from the dynamic band 30086–32767 (portallocator calculateRangeOffset)', () => {
    const c = new Cluster({ freezeObjects: true });
    const port = mustCreate(c, 'a', np).spec?.ports?.[0].nodePort ?? 0;
    expect(port).toBeGreaterThanOrEqual(30086);
    expect(port).toBeLessThanOrEqual(32767);
  });

  it('rejects a taken or out-of-range nodePort (portallocator errors)', () => {
    const c = new Cluster({ freezeObjects: true });
    mustCreate(c, 'web', { ...np, ports: [{ port: 80, nodePort: 30080 }] });
    const dup = create(c, 'web-dup', { ...np, ports: [{ port: 80, nodePort: 30080 }] });
    expect(!dup.ok && dup.status.message).toBe('Service "web-dup" is invalid: spec.ports[0].nodePort: Invalid value: 30080: provided port is already allocated');
    const bad = create(c, 'bad-nodeport', { ...np, ports: [{ port: 80, nodePort: 25000 }] });
    expect(!bad.ok && bad.status.message).toBe(
      'Service "bad-nodeport" is invalid: spec.ports[0].nodePort: Invalid value: 25000: provided port is not in the valid range. The range of valid ports is 30000-32767',
    );
  });

  it('is all or nothing: a failing request keeps none of its ports', () => {
    const c = new Cluster({ freezeObjects: true });
    mustCreate(c, 'a', { ...np, ports: [{ port: 80, nodePort: 30080 }] });
    const r = create(c, 'b', {
      ...np,
      ports: [
        { name: 'x', port: 81, nodePort: 30081 },
        { name: 'y', port: 82 },
        { name: 'z', port: 83, nodePort: 30080 },
      ],
    });
    expect(r.ok).toBe(false);
    expect(mustCreate(c, 'c', { ...np, ports: [{ port: 81, nodePort: 30081 }] }).spec?.ports?.[0].nodePort).toBe(30081);
  });

  it('shares one nodePort between TCP and UDP of the same port number', () => {
    const c = new Cluster({ freezeObjects: true });
    const s = mustCreate(c, 'dns', {
      ...np,
      ports: [
        { name: 'dns', port: 53, protocol: 'UDP' },
        { name: 'dns-tcp', port: 53, protocol: 'TCP' },
      ],
    });
    const [udp, tcp] = s.spec?.ports ?? [];
    expect(udp.nodePort).toBeDefined();
    expect(tcp.nodePort).toBe(udp.nodePort);
  });

  it('answers an exhausted range with an internal error', () => {
    const c = new Cluster({ freezeObjects: true, nodePortRange: '30000-30001' });
    mustCreate(c, 'a', np);
    mustCreate(c, 'b', np);
    const r = create(c, 'c', np);
    expect(!r.ok && [r.status.code, r.status.message]).toEqual([500, 'Internal error occurred: failed to allocate a nodePort: range is full']);
  });

  it('allocates for LoadBalancer unless allocateLoadBalancerNodePorts is false, plus a healthCheckNodePort for Local', () => {
    const c = new Cluster({ freezeObjects: true });
    const lb = mustCreate(c, 'lb', { ...np, type: 'LoadBalancer' });
    expect(lb.spec?.ports?.[0].nodePort).toBeGreaterThan(0);
    const none = mustCreate(c, 'none', { ...np, type: 'LoadBalancer', allocateLoadBalancerNodePorts: false });
    expect(none.spec?.ports?.[0].nodePort).toBeUndefined();
    const local = mustCreate(c, 'local', { ...np, type: 'LoadBalancer', externalTrafficPolicy: 'Local' });
    expect(local.spec?.healthCheckNodePort).toBeGreaterThan(0);
    expect(local.spec?.healthCheckNodePort).not.toBe(local.spec?.ports?.[0].nodePort);
  });

  it('allocates on ClusterIP → NodePort, and wipes and releases on NodePort → ClusterIP', () => {
    const c = new Cluster({ freezeObjects: true });
    const s = mustCreate(c, 'alpaca-prod', { selector: { app: 'alpaca' }, ports: [{ port: 8000, targetPort: 8000, nodePort: undefined }] });
    const toNp = c.update('Service', { ...s, spec: { ...s.spec, type: 'NodePort' } });
    const port = toNp.ok ? toNp.value.spec?.ports?.[0].nodePort : undefined;
    expect(port).toBeGreaterThan(0);
    // the client left the nodePort in place: it is wiped (dropTypeDependentFields) and released
    const back = c.update('Service', { ...stored(c, 'alpaca-prod'), spec: { ...stored(c, 'alpaca-prod').spec, type: 'ClusterIP' } });
    expect(back.ok && back.value.spec?.ports?.[0].nodePort).toBeUndefined();
    expect(mustCreate(c, 'other', { ...np, ports: [{ port: 80, nodePort: port }] }).spec?.ports?.[0].nodePort).toBe(port);
  });

  it('keeps nodePorts an update leaves out, and releases ports the update drops', () => {
    const c = new Cluster({ freezeObjects: true });
    const s = mustCreate(c, 'a', { ...np, ports: [{ name: 'http', port: 80, nodePort: 30080 }, { name: 'admin', port: 81, nodePort: 30081 }] });
    const r = c.update('Service', { ...s, spec: { ...s.spec, ports: [{ name: 'http', port: 80 }] } });
    expect(r.ok && r.value.spec?.ports?.map((p) => p.nodePort)).toEqual([30080]);
    expect(mustCreate(c, 'b', { ...np, ports: [{ port: 81, nodePort: 30081 }] }).spec?.ports?.[0].nodePort).toBe(30081);
  });
});

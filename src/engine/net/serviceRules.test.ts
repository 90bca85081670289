import { describe, expect, it } from 'vitest';
import { serviceRules } from './serviceRules';
import { nginxCluster } from './testing';

describe('one Service\'s rules on a node', () => {
  it('iptables: the Service\'s KUBE-SERVICES entry, its KUBE-SVC chain and one KUBE-SEP chain per endpoint, nothing of kube-dns', () => {
    const c = nginxCluster(3);
    const r = serviceRules(c, 'kind-worker', 'default', 'nginx');
    expect(r?.mode).toBe('iptables');
    const lines = r?.lines ?? [];
    expect(lines.filter((l) => /^-A KUBE-SVC-\w{16} .*-j KUBE-SEP-/.test(l))).toHaveLength(3);
    expect(new Set(lines.filter((l) => l.startsWith('-A KUBE-SEP-')).map((l) => l.split(' ')[1])).size).toBe(3);
    expect(lines.some((l) => l.startsWith('-A KUBE-SERVICES ') && l.includes('"default/nginx cluster IP"'))).toBe(true);
    expect(lines.some((l) => l.includes('kube-dns'))).toBe(false);
  });

  it('ipvs: the virtual server of the ClusterIP with its real servers only', () => {
    const c = nginxCluster(2, { proxyMode: 'ipvs' });
    const r = serviceRules(c, 'kind-worker', 'default', 'nginx');
    expect(r?.tool).toBe('ipvsadm -Ln');
    expect(r?.lines[0]).toMatch(/^TCP {2}10\.\d+\.\d+\.\d+:80 rr$/);
    expect(r?.lines.slice(1).every((l) => /^ {2}-> 10\.244\./.test(l))).toBe(true);
    expect(r?.lines).toHaveLength(3);
  });

  it('no kube-proxy on an unknown node', () => {
    expect(serviceRules(nginxCluster(1), 'nope', 'default', 'nginx')).toBeUndefined();
  });
});

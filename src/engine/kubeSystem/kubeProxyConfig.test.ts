/**
 * kube-proxy reads config.conf once at start (kubernetes/kubernetes `cmd/kube-proxy/app/server.go`), so a
 * ConfigMap edit takes effect on a node only when its kube-proxy pod is replaced.
 */
import { describe, expect, it } from 'vitest';
import { createCluster } from '../index';
import { splitCommandLine } from '../../kubectl/commandLine';
import { runKubectl } from '../../kubectl/kubectl';
import { goDurationMs, parseKubeProxyConfig } from './kubeProxyConfig';
import { kubeProxyConfigConf } from './kubeProxyManifests';

describe('kube-proxy configuration', () => {
  // Since 1.27 kube-proxy accepts any ipvs.scheduler (kubernetes/kubernetes#114878) and exits when the kernel
  // cannot add a virtual server with it (pkg/proxy/ipvs/proxier.go CanUseIPVSProxier); blank means rr.
  it('reads ipvs.scheduler: blank is rr, a kernel scheduler is kept, another stops kube-proxy in IPVS mode', () => {
    expect(parseKubeProxyConfig('mode: ipvs\nipvs:\n  scheduler: ""\n', 'n', 'p')).toMatchObject({ ipvsScheduler: 'rr' });
    expect(parseKubeProxyConfig('mode: ipvs\nipvs:\n  scheduler: sh\n', 'n', 'p')).toMatchObject({ ipvsScheduler: 'sh' });
    expect(parseKubeProxyConfig('mode: ipvs\nipvs:\n  scheduler: sh\n', 'n', 'p').error).toBeUndefined();
    expect(parseKubeProxyConfig('mode: ipvs\nipvs:\n  scheduler: r\n', 'n', 'p').error).toBe("can't use the IPVS proxier: no such file or directory");
    // the IPVS section is not read in another mode
    expect(parseKubeProxyConfig('mode: iptables\nipvs:\n  scheduler: r\n', 'n', 'p').error).toBeUndefined();
  });

  it('parses kubeadm config.conf with kube-proxy defaults for blanks', () => {
    const c = parseKubeProxyConfig(kubeProxyConfigConf('iptables', '10.244.0.0/16'), 'kind-worker', 'kube-proxy-abcde');
    expect(c).toMatchObject({ mode: 'iptables', configuredMode: 'iptables', minSyncPeriodMs: 1000, syncPeriodMs: 30_000, ipvsScheduler: 'rr', clusterCIDR: '10.244.0.0/16' });
    expect(parseKubeProxyConfig(kubeProxyConfigConf('', '10.244.0.0/16'), 'n', 'p').mode).toBe('iptables');
    expect(parseKubeProxyConfig('mode: ipvs\nipvs:\n  scheduler: lc\n  minSyncPeriod: 5s\n', 'n', 'p')).toMatchObject({ mode: 'ipvs', ipvsScheduler: 'lc', minSyncPeriodMs: 5000 });
    expect(parseKubeProxyConfig('mode: userspace\n', 'n', 'p').error).toMatch(/Invalid value: "userspace": must be iptables, ipvs, nftables or blank/);
    expect(goDurationMs('1m30s')).toBe(90_000);
    expect(goDurationMs('250ms')).toBe(250);
  });

  it('reports the mode each node runs, changing only after the DaemonSet restarts', () => {
    const cluster = createCluster({ seed: 2 });
    const run = (line: string) => runKubectl({ cluster }, splitCommandLine(line));
    expect(cluster.proxyConfig('kind-worker')?.mode).toBe('iptables');
    const cm = cluster.store.get('ConfigMap', 'kube-system/kube-proxy');
    const text = (cm?.data?.['config.conf'] ?? '').replace('mode: iptables', 'mode: ipvs');
    expect(cluster.update('ConfigMap', { ...cm, metadata: { ...cm?.metadata, name: 'kube-proxy' }, data: { ...cm?.data, 'config.conf': text } }).ok).toBe(true);
    cluster.advance(10_000);
    expect(cluster.proxyConfig('kind-worker')?.mode).toBe('iptables');
    expect(run('rollout restart ds/kube-proxy -n kube-system').stdout).toBe('daemonset.apps/kube-proxy restarted\n');
    expect(run('rollout status ds/kube-proxy -n kube-system').stdout).toMatch(/daemon set "kube-proxy" successfully rolled out\n$/);
    for (const n of ['kind-control-plane', 'kind-worker', 'kind-worker2', 'kind-worker3']) expect(cluster.proxyConfig(n)?.mode).toBe('ipvs');
    expect(cluster.proxyConfig('no-such-node')).toBeUndefined();
  });
});

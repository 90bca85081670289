/**
 * Pod networking as the kubelet sets it up: IPs from the node's podCIDR (kindnet: ptp + host-local),
 * resolv.conf (pkg/kubelet/network/dns/dns.go) and the managed /etc/hosts (kubelet_pods.go).
 */
import { describe, expect, it } from 'vitest';
import { boundPod, getPod, mustCreate, podEvents, testCluster, testNode } from './testing';

const sleeper = (name: string) => [{ name, image: 'busybox:1.36', command: ['sleep', '3600'] }];

describe('pod IPs', () => {
  it('are handed out in order per node and a freed IP is not reused at once', () => {
    const c = testCluster();
    // one after the other: pod workers run in parallel, so simultaneous pods get IPs in sandbox order
    for (const n of ['a', 'b', 'c']) {
      mustCreate(c, boundPod(n, sleeper(n)));
      c.advance(2_000);
    }
    c.advance(10_000);
    expect(['a', 'b', 'c'].map((n) => getPod(c, n)?.status?.podIP)).toEqual(['10.244.4.2', '10.244.4.3', '10.244.4.4']);
    c.delete('Pod', 'default', 'b', { gracePeriodSeconds: 0 });
    mustCreate(c, boundPod('b', sleeper('b')));
    c.advance(10_000);
    // round-robin after the last reserved IP: .5, not the freed .3 (seed: re-created pod got .7 after .6)
    expect(getPod(c, 'b')?.status?.podIP).toBe('10.244.4.5');
    expect(getPod(c, 'b')?.status?.podIPs).toEqual([{ ip: '10.244.4.5' }]);
    expect(getPod(c, 'b')?.status?.hostIP).toBe('172.18.0.6');
  });

  it('come from each node’s own podCIDR', () => {
    const c = testCluster();
    mustCreate(c, boundPod('w1', sleeper('w1'), {}, 'kind-worker'));
    mustCreate(c, boundPod('w2', sleeper('w2'), {}, 'kind-worker2'));
    c.advance(10_000);
    expect(getPod(c, 'w1')?.status?.podIP).toMatch(/^10\.244\.1\.\d+$/);
    expect(getPod(c, 'w2')?.status?.podIP).toMatch(/^10\.244\.2\.\d+$/);
  });
});

describe('resolv.conf', () => {
  it('ClusterFirst: namespace search path, kube-dns, ndots:5', () => {
    const c = testCluster();
    mustCreate(c, boundPod('a', sleeper('a')));
    expect(c.simulation.resolvConf('default', 'a')).toBe(
      'search default.svc.cluster.local svc.cluster.local cluster.local\nnameserver 10.96.0.10\noptions ndots:5\n',
    );
  });

  it('host network falls back to Default unless ClusterFirstWithHostNet', () => {
    const c = testCluster();
    mustCreate(c, boundPod('h', sleeper('h'), { hostNetwork: true }));
    mustCreate(c, boundPod('hc', sleeper('hc'), { hostNetwork: true, dnsPolicy: 'ClusterFirstWithHostNet' }));
    expect(c.simulation.resolvConf('default', 'h')).toBe('nameserver 172.18.0.1\noptions edns0 trust-ad ndots:0\n');
    expect(c.simulation.resolvConf('default', 'hc')).toContain('nameserver 10.96.0.10\n');
  });

  it('None uses only dnsConfig; dnsConfig options override by name', () => {
    const c = testCluster();
    mustCreate(
      c,
      boundPod('n', sleeper('n'), { dnsPolicy: 'None', dnsConfig: { nameservers: ['1.1.1.1'], searches: ['example.com'], options: [{ name: 'ndots', value: '2' }] } }),
    );
    mustCreate(c, boundPod('m', sleeper('m'), { dnsConfig: { options: [{ name: 'ndots', value: '1' }, { name: 'edns0' }] } }));
    expect(c.simulation.resolvConf('default', 'n')).toBe('search example.com\nnameserver 1.1.1.1\noptions ndots:2\n');
    expect(c.simulation.resolvConf('default', 'm')).toBe(
      'search default.svc.cluster.local svc.cluster.local cluster.local\nnameserver 10.96.0.10\noptions ndots:1 edns0\n',
    );
  });
});

describe('/etc/hosts', () => {
  it('is the kubelet-managed file with the pod IP and hostname', () => {
    const c = testCluster();
    mustCreate(c, boundPod('alpaca-prod', sleeper('alpaca-prod')));
    expect(c.simulation.hostsFile('default', 'alpaca-prod')).toBeUndefined();
    c.advance(10_000);
    expect(c.simulation.hostsFile('default', 'alpaca-prod')).toBe(
      '# Kubernetes-managed hosts file.\n' +
        '127.0.0.1\tlocalhost\n' +
        '::1\tlocalhost ip6-localhost ip6-loopback\n' +
        'fe00::0\tip6-localnet\n' +
        'fe00::0\tip6-mcastprefix\n' +
        'fe00::1\tip6-allnodes\n' +
        'fe00::2\tip6-allrouters\n' +
        '10.244.4.2\talpaca-prod\n',
    );
  });

  it('uses hostname.subdomain FQDNs and appends hostAliases', () => {
    const c = testCluster();
    mustCreate(c, boundPod('web-0', sleeper('web-0'), { hostname: 'web-0', subdomain: 'web', hostAliases: [{ ip: '10.1.2.3', hostnames: ['foo.local', 'bar.local'] }] }));
    c.advance(10_000);
    const hosts = c.simulation.hostsFile('default', 'web-0') ?? '';
    expect(hosts).toContain('10.244.4.2\tweb-0.web.default.svc.cluster.local\tweb-0\n');
    expect(hosts.endsWith('\n# Entries added by HostAliases.\n10.1.2.3\tfoo.local\tbar.local\n')).toBe(true);
    expect(testNode).toBe('kind-worker4');
  });
});

describe('host network', () => {
  it('gives a hostNetwork pod the node IP without touching the pod IPAM', () => {
    const c = testCluster();
    mustCreate(c, boundPod('h', sleeper('h'), { hostNetwork: true }));
    c.advance(10_000);
    mustCreate(c, boundPod('p', sleeper('p')));
    c.advance(10_000);
    expect(getPod(c, 'h')?.status?.podIP).toBe('172.18.0.6');
    expect(getPod(c, 'p')?.status?.podIP).toBe('10.244.4.2');
  });
});

describe('multi-container pods', () => {
  it('start their containers one after the other and report statuses sorted by name', () => {
    const c = testCluster();
    mustCreate(c, boundPod('two', [
      { name: 'web', image: 'nginx:1.27' },
      { name: 'sidecar', image: 'busybox:1.36', command: ['sleep', '3600'] },
    ]));
    c.advance(30_000);
    const pod = getPod(c, 'two');
    expect(pod?.status?.containerStatuses?.map((s) => s.name)).toEqual(['sidecar', 'web']);
    expect(pod?.status?.containerStatuses?.every((s) => s.ready)).toBe(true);
    const events = podEvents(c, 'two').filter((e) => e.startsWith('Started'));
    expect(events).toEqual(['Started: Started container web', 'Started: Started container sidecar']);
  });
});

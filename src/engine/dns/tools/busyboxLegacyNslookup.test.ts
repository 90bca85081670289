/**
 * busybox 1.28's nslookup (mirror/busybox `networking/nslookup.c` before 1.29: `print_host` prints
 * `%-10s %s` and `Address %u: %s %s` with the reverse name; `bb_error_msg("can't resolve '%s'")`), against
 * CoreDNS's kubernetes plugin answering A and PTR for Service IPs.
 */
import { describe, expect, it } from 'vitest';
import type { Service } from '../../api/types';
import type { DnsCatalog } from '../dnsCatalog';
import type { DnsNetwork } from '../dnsServers';
import { busyboxLegacyNslookup } from './busyboxLegacyNslookup';

const service = (name: string, namespace: string, ip: string): Service => ({
  apiVersion: 'v1',
  kind: 'Service',
  metadata: { name, namespace },
  spec: { clusterIP: ip, clusterIPs: [ip], ports: [{ name: 'dns', port: 53, protocol: 'UDP' }] },
});
const services = [service('kubernetes', 'default', '10.96.0.1'), service('web', 'default', '10.96.5.5'), service('kube-dns', 'kube-system', '10.96.0.10')];
const catalog: DnsCatalog = {
  namespaceExists: (ns) => ns === 'default' || ns === 'kube-system',
  service: (ns, name) => services.find((s) => s.metadata?.namespace === ns && s.metadata?.name === name),
  services: () => services,
  readyEndpoints: () => [],
};
const net: DnsNetwork = {
  catalog,
  plugin: { zone: 'cluster.local', ttl: 30, serial: 1767603600 },
  clusterDnsIP: '10.96.0.10',
  corednsReady: () => true,
  dockerDnsIP: '172.18.0.1',
  dockerHosts: new Map([['kind-control-plane', '172.18.0.2']]),
};
const resolvConf = 'search default.svc.cluster.local svc.cluster.local cluster.local\nnameserver 10.96.0.10\noptions ndots:5\n';
const hosts = '127.0.0.1\tlocalhost\n::1\tlocalhost ip6-localhost ip6-loopback\n10.244.1.5\tclient\n';
const run = (...args: string[]) => busyboxLegacyNslookup({ net, resolvConf, now: Date.UTC(2026, 0, 5, 9) }, args, hosts);
const serverBlock = 'Server:    10.96.0.10\nAddress 1: 10.96.0.10 kube-dns.kube-system.svc.cluster.local\n\n';

describe('busybox 1.28 nslookup', () => {
  it('resolves through the search list and prints the name as typed, each address with its reverse name', () => {
    expect(run('kubernetes.default')).toEqual({
      exitCode: 0,
      stderr: '',
      stdout: `${serverBlock}Name:      kubernetes.default\nAddress 1: 10.96.0.1 kubernetes.default.svc.cluster.local\n`,
    });
    expect(run('web').stdout).toBe(`${serverBlock}Name:      web\nAddress 1: 10.96.5.5 web.default.svc.cluster.local\n`);
  });

  it("says it can't resolve a name on stderr after the server block, exit 1", () => {
    expect(run('myservice.default.svc.cluster.local')).toEqual({ exitCode: 1, stdout: serverBlock, stderr: "nslookup: can't resolve 'myservice.default.svc.cluster.local'\n" });
  });

  it('reads /etc/hosts first, forward and reverse, and takes a server by name', () => {
    expect(run('client').stdout).toBe(`${serverBlock}Name:      client\nAddress 1: 10.244.1.5 client\n`);
    expect(run('web', 'kube-dns.kube-system').stdout).toBe(`${serverBlock}Name:      web\nAddress 1: 10.96.5.5 web.default.svc.cluster.local\n`);
    expect(run('web', 'nowhere')).toEqual({ exitCode: 1, stdout: '', stderr: "nslookup: bad address 'nowhere'\n" });
  });
});

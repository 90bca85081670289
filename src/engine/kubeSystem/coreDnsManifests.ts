/**
 * CoreDNS's ConfigMap as kubeadm 1.32+ renders it (kubernetes/kubernetes
 * `cmd/kubeadm/app/phases/addons/dns/manifests.go` `CoreDNSConfigMap`): the Corefile with the kubernetes plugin
 * (`pods insecure`, `ttl 30`), forward to the node's resolv.conf, and a cache that leaves the cluster domain out.
 */
import type { ConfigMap } from '../api/types';

export function corefile(domain: string): string {
  return `.:53 {
    errors
    health {
       lameduck 5s
    }
    ready
    kubernetes ${domain} in-addr.arpa ip6.arpa {
       pods insecure
       fallthrough in-addr.arpa ip6.arpa
       ttl 30
    }
    prometheus :9153
    forward . /etc/resolv.conf {
       max_concurrent 1000
    }
    cache 30 {
       disable success ${domain}
       disable denial ${domain}
    }
    loop
    reload
    loadbalance
}
`;
}

export function coreDnsConfigMap(domain: string): ConfigMap {
  return { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'coredns', namespace: 'kube-system' }, data: { Corefile: corefile(domain) } };
}

/**
 * The kubelet-managed /etc/hosts (kubelet_pods.go `managedHostsFileContent` / `nodeHostsFileContent`).
 */
import type { Pod } from '../api/types';

const managedHostsHeader = '# Kubernetes-managed hosts file.\n';
const managedHostsHeaderWithHostNetwork = '# Kubernetes-managed hosts file (host network).\n';

/** `GeneratePodHostNameAndDomain`: spec.hostname or the pod name (max 63 chars), and the subdomain FQDN. */
export function podHostnameAndDomain(pod: Pod, clusterDomain: string): { hostname: string; domain: string } {
  let hostname = pod.spec?.hostname || pod.metadata?.name || '';
  if (hostname.length > 63) hostname = hostname.slice(0, 63).replace(/[-.]+$/, '');
  const sub = pod.spec?.subdomain;
  const domain = sub ? `${sub}.${pod.metadata?.namespace || 'default'}.svc.${clusterDomain}` : '';
  return { hostname, domain };
}

function hostAliasEntries(pod: Pod): string {
  const aliases = pod.spec?.hostAliases ?? [];
  if (aliases.length === 0) return '';
  let out = '\n# Entries added by HostAliases.\n';
  for (const a of aliases) out += `${a.ip}\t${(a.hostnames ?? []).join('\t')}\n`;
  return out;
}

/** The /etc/hosts of a pod's containers. `nodeHosts` is the node's own file (used for host-network pods). */
export function podHostsFile(pod: Pod, podIPs: readonly string[], clusterDomain: string, nodeHosts: string): string {
  if (pod.spec?.hostNetwork) return managedHostsHeaderWithHostNetwork + nodeHosts + hostAliasEntries(pod);
  const { hostname, domain } = podHostnameAndDomain(pod, clusterDomain);
  let out = managedHostsHeader;
  out += '127.0.0.1\tlocalhost\n';
  out += '::1\tlocalhost ip6-localhost ip6-loopback\n';
  out += 'fe00::0\tip6-localnet\n';
  out += 'fe00::0\tip6-mcastprefix\n';
  out += 'fe00::1\tip6-allnodes\n';
  out += 'fe00::2\tip6-allrouters\n';
  for (const ip of podIPs) out += domain ? `${ip}\t${hostname}.${domain}\t${hostname}\n` : `${ip}\t${hostname}\n`;
  return out + hostAliasEntries(pod);
}

/** A kind node container's /etc/hosts as Docker writes it (approximation). */
export function kindNodeHostsFile(nodeName: string, nodeIP: string): string {
  return (
    '127.0.0.1\tlocalhost\n' +
    '::1\tlocalhost ip6-localhost ip6-loopback\n' +
    'fe00::0\tip6-localnet\n' +
    'ff00::0\tip6-mcastprefix\n' +
    'ff02::1\tip6-allnodes\n' +
    'ff02::2\tip6-allrouters\n' +
    `${nodeIP}\t${nodeName}\n`
  );
}

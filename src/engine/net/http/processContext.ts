/**
 * What the process serving a request sees of its container (kuard's pages print it): image, hostname, the pod's
 * address, the environment fixed when the container started, its argv, and DNS through the pod's resolv.conf.
 */
import type { Cluster } from '../../cluster';
import { kuardDnsQuery } from '../../dns/kuardDnsQuery';
import { podDnsContext } from '../../dns/podDnsContext';
import type { ProcessContext } from '../../kubelet/apps/app';

/** The context of `container` in a pod; undefined when the pod does not exist. */
export function processContext(cluster: Cluster, namespace: string, pod: string, container: string): ProcessContext | undefined {
  const got = cluster.get('Pod', namespace, pod);
  if (!got.ok) return undefined;
  const spec = got.value.spec?.containers?.find((c) => c.name === container);
  const env = cluster.simulation.containerEnv(namespace, pod, container) ?? [];
  const ip = cluster.runtime.pod(namespace, pod)?.ip;
  const hostname = env.find((e) => e.startsWith('HOSTNAME='))?.slice('HOSTNAME='.length) ?? pod;
  return {
    image: spec?.image ?? '',
    hostname,
    addrs: ip ? [ip] : [],
    env,
    // the kuard image's CMD is ["/kuard"]; a manifest's command replaces it, args follow
    commandLine: [...(spec?.command ?? ['/kuard']), ...(spec?.args ?? [])],
    dnsQuery(type, name) {
      const ctx = podDnsContext(cluster, namespace, pod);
      if (!ctx) return { ok: false, error: 'open /etc/resolv.conf: no such file or directory' };
      const r = kuardDnsQuery(ctx, type, name, ip ?? '127.0.0.1');
      return r.ok ? { ok: true, result: r.result } : r;
    },
  };
}

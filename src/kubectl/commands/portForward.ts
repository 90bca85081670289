/**
 * `kubectl port-forward TYPE/NAME [LOCAL_PORT:]REMOTE_PORT...` (kubectl `pkg/cmd/portforward/portforward.go`,
 * client-go `tools/portforward/portforward.go`). The target is a pod, or the most active pod of a
 * service/deployment/replicaset (named ports and service ports translated to container ports). Each port
 * listens on 127.0.0.1 and ::1 (`Forwarding from 127.0.0.1:48858 -> 8080`) and is registered in the host's
 * port-forward registry; the command then keeps running as a stream that prints
 * `Handling connection for 48858` for each connection, until stopped, or `error: lost connection to pod` when
 * the pod goes away.
 */
import type { WatchEvent } from '../../engine';
import type { Container, Pod, Service } from '../../engine/api/types';
import { ChunkStream } from '../cli/chunkStream';
import type { KubectlCommand, PortForward, WatchStream } from '../cli/command';
import { CommandError, fail, usageError } from '../cli/errors';
import { ephemeralPort, portForwardsOf } from '../portforward/portForwardRegistry';
import { attachablePodForObject } from '../resources/podSelection';
import { fetchInfos, requestFor } from '../resources/resourceBuilder';

/** splitPort: `local:remote`, or the same port twice. */
function splitPort(spec: string): [string, string] {
  const parts = spec.split(':');
  return parts.length === 2 ? [parts[0], parts[1]] : [parts[0], parts[0]];
}

const allContainers = (pod: Pod): Container[] => [...(pod.spec?.containers ?? []), ...(pod.spec?.initContainers ?? [])];

/** `LookupContainerPortNumberByName`. */
function containerPortByName(pod: Pod, name: string): number {
  for (const c of allContainers(pod)) for (const p of c.ports ?? []) if (p.name === name) return p.containerPort;
  throw fail(`Pod '${pod.metadata?.name ?? ''}' does not have a named port '${name}'`);
}

/** `checkUDPPorts`: a port only declared for UDP cannot be forwarded. */
function checkUdp(ports: readonly string[], declared: { port: number; protocol?: string }[], byName: (name: string) => number): void {
  const udp = new Set(declared.filter((p) => p.protocol === 'UDP').map((p) => p.port));
  const tcp = new Set(declared.filter((p) => (p.protocol ?? 'TCP') === 'TCP').map((p) => p.port));
  for (const spec of ports) {
    const [, remote] = splitPort(spec);
    const n = /^\d+$/.test(remote) ? Number(remote) : byName(remote);
    if (udp.has(n) && !tcp.has(n)) throw fail(`UDP protocol is not supported for ${remote}`);
  }
}

/** `convertPodNamedPortToNumber`. */
function podPorts(ports: readonly string[], pod: Pod): string[] {
  checkUdp(
    ports,
    allContainers(pod).flatMap((c) => (c.ports ?? []).map((p) => ({ port: p.containerPort, protocol: p.protocol }))),
    (n) => containerPortByName(pod, n),
  );
  return ports.map((spec) => {
    const [local, remote] = splitPort(spec);
    if (remote === '') throw fail('remote port cannot be empty');
    const container = /^\d+$/.test(remote) ? remote : String(containerPortByName(pod, remote));
    return local !== remote ? `${local}:${container}` : container;
  });
}

/** `translateServicePortToTargetPort`. */
function servicePorts(ports: readonly string[], svc: Service, pod: Pod): string[] {
  const name = svc.metadata?.name ?? '';
  const byName = (n: string) => {
    const p = (svc.spec?.ports ?? []).find((x) => x.name === n);
    if (!p) throw fail(`Service '${name}' does not have a named port '${n}'`);
    return p.port;
  };
  checkUdp(ports, (svc.spec?.ports ?? []).map((p) => ({ port: p.port, protocol: p.protocol })), byName);
  return ports.map((spec) => {
    let [local, remote] = splitPort(spec);
    let portnum: number;
    if (/^\d+$/.test(remote)) portnum = Number(remote);
    else {
      portnum = byName(remote);
      if (local === remote) local = String(portnum);
    }
    const sp = (svc.spec?.ports ?? []).find((p) => p.port === portnum);
    if (!sp) throw fail(`Service ${name} does not have a service port ${portnum}`);
    let container: number;
    if (svc.spec?.clusterIP === 'None') container = portnum;
    else if (typeof sp.targetPort === 'string') container = containerPortByName(pod, sp.targetPort);
    else container = sp.targetPort ? sp.targetPort : sp.port;
    remote = String(container);
    return local !== remote ? `${local}:${remote}` : remote;
  });
}

/** client-go `parsePorts`. */
function parseForwardedPorts(ports: readonly string[]): { local: number; remote: number }[] {
  const parseUint16 = (s: string, what: string) => {
    if (!/^\d+$/.test(s)) throw fail(`error parsing ${what} port '${s}': strconv.ParseUint: parsing "${s}": invalid syntax`);
    const n = Number(s);
    if (n > 65535) throw fail(`error parsing ${what} port '${s}': strconv.ParseUint: parsing "${s}": value out of range`);
    return n;
  };
  return ports.map((spec) => {
    const parts = spec.split(':');
    if (parts.length > 2) throw fail(`invalid port format '${spec}'`);
    const local = parts.length === 1 ? parts[0] : parts[0] || '0';
    const remote = parts.length === 1 ? parts[0] : parts[1];
    const l = parseUint16(local, 'local');
    const r = parseUint16(remote, 'remote');
    if (r === 0) throw fail('remote port must be > 0');
    return { local: l, remote: r };
  });
}

/** `parseAddresses`: listen addresses, sorted, `localhost` meaning both loopbacks. */
function listenAddresses(addresses: readonly string[]): string[] {
  const out = new Set<string>();
  for (const a of addresses) {
    if (a === 'localhost') {
      out.add('127.0.0.1');
      out.add('::1');
    } else if (/^\d{1,3}(\.\d{1,3}){3}$/.test(a) || (a.includes(':') && /^[0-9a-fA-F:.]+$/.test(a))) out.add(a);
    else throw fail(`${a} is not a valid IP`);
  }
  return [...out].sort();
}

export const portForwardCommand: KubectlCommand = {
  name: 'port-forward',
  short: 'Forward one or more local ports to a pod',
  use: 'port-forward TYPE/NAME [options] [LOCAL_PORT:]REMOTE_PORT [...[LOCAL_PORT_N:]REMOTE_PORT_N]',
  flags: [
    { name: 'address', type: 'stringSlice', default: ['localhost'] },
    { name: 'pod-running-timeout', type: 'duration', default: 60_000 },
  ],
  run(env): WatchStream | undefined {
    if (env.args.length < 2) throw usageError(env.path, 'TYPE/NAME and list of ports are required for port-forward');
    const request = requestFor(env, { args: [env.args[0].includes('/') ? env.args[0] : `pods/${env.args[0]}`], namespace: env.namespace, allNamespaces: false, allowEmptySelector: false }, []);
    const { infos, errors } = fetchInfos(env, request, env.namespace);
    if (errors.length > 0) throw new CommandError(errors[0]);
    const { mapping, objects } = infos[0];
    const obj = objects[0];
    const pod = attachablePodForObject(env, obj, mapping.kind, env.flags.duration('pod-running-timeout'));
    const specs = mapping.kind === 'Service' ? servicePorts(env.args.slice(1), obj as Service, pod) : podPorts(env.args.slice(1), pod);
    const namespace = pod.metadata?.namespace ?? env.namespace;
    const name = pod.metadata?.name ?? '';
    const live = env.cluster.get('Pod', namespace, name);
    if (!live.ok) throw new CommandError({ type: 'status', status: live.status });
    if (live.value.status?.phase !== 'Running') {
      throw fail(`unable to forward port because pod is not running. Current status=${live.value.status?.phase ?? ''}`);
    }
    const addresses = listenAddresses(env.flags.strings('address'));
    const ports = parseForwardedPorts(specs);
    const registry = portForwardsOf(env.ctx);
    const held: PortForward[] = [];
    let podWatch: { stop(): void } | undefined;
    const stream = new ChunkStream(() => {
      podWatch?.stop();
      for (const fw of held) registry.remove(fw);
    });
    for (const p of ports) {
      const local = p.local === 0 ? ephemeralPort(registry, `${namespace}/${name}:${p.remote}`) : p.local;
      const forward: PortForward = {
        localPort: local,
        remotePort: p.remote,
        namespace,
        pod: name,
        connect: () => stream.push({ stdout: `Handling connection for ${local}\n` }),
      };
      if (!registry.add(forward)) {
        const errs = addresses.map((a) => {
          const host = a.includes(':') ? `[${a}]` : a;
          return `unable to create listener: Error listen ${a.includes(':') ? 'tcp6' : 'tcp4'} ${host}:${local}: bind: address already in use`;
        });
        env.out.err(`Unable to listen on port ${local}: Listeners failed to create with the following errors: [${errs.join(' ')}]\n`);
        continue;
      }
      held.push(forward);
      for (const a of addresses) env.out.out(`Forwarding from ${a.includes(':') ? `[${a}]` : a}:${local} -> ${p.remote}\n`);
    }
    if (held.length === 0) throw fail(`unable to listen on any of the requested ports: [${ports.map((p) => `{${p.local} ${p.remote}}`).join(' ')}]`);
    // the kubelet's stream ends with the pod: kubectl then exits with ErrLostConnectionToPod
    const uid = live.value.metadata?.uid;
    const watched = env.cluster.watch('Pod', { namespace, fieldSelector: `metadata.name=${name}`, resourceVersion: String(env.cluster.store.resourceVersion) }, (e: WatchEvent) => {
      if (e.type === 'DELETED' || e.object.metadata?.uid !== uid) {
        stream.push({ stderr: 'error: lost connection to pod\n' });
        stream.end();
      }
    });
    if (watched.ok) podWatch = watched.value;
    return stream;
  },
};

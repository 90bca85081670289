/**
 * The kubelets: one controller serving every node, with per-node behaviour (a stopped node's kubelet does
 * nothing). Informer handlers only enqueue `namespace/name` keys; `sync(key)` reconciles one pod from the
 * cache: admit it, follow spec and deletion changes, generate its status from the runtime record and write
 * it when it changed, and delete the pod once it has terminated. Timed work (sandbox, pulls, probes, exits)
 * lives in the pod worker and asks for syncs.
 */
import { cidrAddress, parseCidr } from '../../shared/ipv4';
import type { Node, Pod } from '../api/types';
import type { Controller, ControllerContext } from '../controllers/controller';
import { deepEqual } from '../shared';
import type { SimulationControls } from '../simulation';
import type { ObjectStore } from '../store/objectStore';
import { type ServiceLister, serviceEnvVarMap } from './envvars';
import { ConfigSourceHistory, lastRefresh, type SourceReader, volumeFileText, volumeListing } from './configVolumes';
import { kindNodeHostsFile, podHostsFile } from './hostsFile';
import { type KubeletHost, logPod } from './kubeletHost';
import { NodeAgent } from './nodeAgent';
import { readyNodeStatus } from './nodeStatus';
import { admitPod, applySpecChange, beginTermination, powerOffPod, powerOnPod, tearDownPod } from './podWorker';
import { advanceStart, processExited, stopContainer } from './containerLifecycle';
import { wakeProbes } from './probeManager';
import { allContainers, type ContainerRuntime, type PodRuntime } from './podRuntime';
import type { AppInstance } from './apps/app';
import { execInContainer } from './apps/containerExec';
import { generatePodStatus } from './podStatus';
import { kindNodeResolvConf, podResolvConf } from './resolvConf';
import { clusterDnsNetwork } from '../dns/clusterDnsNetwork';
import { hasDnsTool, runDnsTool } from '../dns/tools/dnsTools';
import { type KubeletRuntimeView, runtimeView } from './runtimeView';

/** When each node's kubelet last reported in (virtual ms); the node lifecycle controller reads it like a Lease. */
export interface KubeletHeartbeats {
  lastHeartbeat(node: string): number | undefined;
  /** Called whenever a kubelet stops or starts, so the node lifecycle controller need not poll. */
  onChange?(listener: (node: string, running: boolean) => void): void;
}

export interface Kubelets {
  controller: Controller;
  heartbeats: KubeletHeartbeats;
  simulation: SimulationControls;
  /** Read access to what runs on the nodes (pod IPs, apps), for networking and `kubectl exec` later. */
  runtime: KubeletRuntimeView;
}

/** Store index of pods by `spec.nodeName` (shared name; adding it twice is harmless). */
export const podsByNodeIndex = 'spec.nodeName';

/** Adds the pods-by-node index to the store unless another component already did. */
export function ensurePodsByNodeIndex(store: ObjectStore): void {
  try {
    store.byIndex('Pod', podsByNodeIndex, '');
  } catch {
    store.addIndex(
      'Pod',
      podsByNodeIndex,
      (o) => {
        const n = (o as Pod).spec?.nodeName;
        return n ? [n] : [];
      },
      ['spec.nodeName'],
    );
  }
}

function podKey(pod: Pod): string {
  return `${pod.metadata?.namespace || 'default'}/${pod.metadata?.name ?? ''}`;
}

/** Builds the kubelets of every node behind one controller, with their heartbeats and simulation controls. */
export function createKubelet(ctx: ControllerContext): Kubelets {
  const queue = ctx.newQueue('kubelet');
  const agents = new Map<string, NodeAgent>();
  const runtime = runtimeView(agents);
  const runtimes = new Map<string, PodRuntime>();
  const listeners: Array<(node: string, running: boolean) => void> = [];
  let writing: string | undefined;
  ensurePodsByNodeIndex(ctx.store);

  const services: ServiceLister = {
    list: (ns) => ctx.store.list('Service', ns),
    get: (ns, name) => ctx.store.get('Service', `${ns}/${name}`),
  };
  // service variables per namespace, rebuilt after any Service change (the kubelet's service lister cache)
  const serviceEnvCache = new Map<string, Map<string, string>>();
  ctx.informer('Service', {
    onAdd: () => serviceEnvCache.clear(),
    onUpdate: () => serviceEnvCache.clear(),
    onDelete: () => serviceEnvCache.clear(),
  });
  // the kubelet's ConfigMap and Secret managers watch what its pods mount; the versions let a volume show what
  // its last refresh wrote
  const configHistory = new ConfigSourceHistory();
  for (const kind of ['ConfigMap', 'Secret'] as const) {
    const key = (o: { metadata?: { namespace?: string; name?: string } }) => `${o.metadata?.namespace ?? ''}/${o.metadata?.name ?? ''}`;
    ctx.informer(kind, {
      onAdd: (o) => configHistory.record(kind, key(o), o, ctx.clock.now()),
      onUpdate: (_old, o) => configHistory.record(kind, key(o), o, ctx.clock.now()),
      onDelete: (o) => configHistory.record(kind, key(o), undefined, ctx.clock.now()),
    });
  }
  const host: KubeletHost = {
    ctx,
    configHistory,
    agent: (n) => agents.get(n),
    requestSync: (pr) => queue.add(pr.key),
    serviceEnv(namespace, links) {
      const key = `${namespace}\u0000${links}`;
      let m = serviceEnvCache.get(key);
      if (!m) {
        m = serviceEnvVarMap(services, namespace, links);
        serviceEnvCache.set(key, m);
      }
      return m;
    },
    kubeletVersion: ctx.config.kubernetesVersion,
    probeFailed(pr, cr, type) {
      const restart = (pr.pod.spec?.restartPolicy || 'Always') !== 'Never';
      const message = `Container ${cr.name} failed ${type.toLowerCase()} probe${restart ? ', will be restarted' : ''}`;
      const probe = type === 'Liveness' ? cr.spec.livenessProbe : cr.spec.startupProbe;
      const graceS = probe?.terminationGracePeriodSeconds ?? pr.pod.spec?.terminationGracePeriodSeconds ?? 30;
      stopContainer(host, pr, cr, message, graceS * 1000, restart);
    },
  };

  function ensureAgent(name: string, node?: Node): NodeAgent | undefined {
    let a = agents.get(name);
    if (a) return a;
    const cfg = ctx.config.nodes.find((n) => n.name === name);
    const ip = node?.status?.addresses?.find((x) => x.type === 'InternalIP')?.address ?? cfg?.ip;
    const cidr = node?.spec?.podCIDR ?? cfg?.podCIDR;
    if (!ip || !cidr) return undefined;
    a = new NodeAgent(name, ip, cidr, ctx.clock.now());
    agents.set(name, a);
    return a;
  }

  ctx.informer('Node', {
    onAdd: (n) => ensureAgent(n.metadata?.name ?? '', n),
    onUpdate: (_o, n) => ensureAgent(n.metadata?.name ?? '', n),
  });
  ctx.informer('Pod', {
    onAdd: (p) => {
      if (p.spec?.nodeName) queue.add(podKey(p));
    },
    onUpdate: (_old, p) => {
      const key = podKey(p);
      // our own status writes need no second look; everything else (bind, delete, spec, others' status) does
      if (key === writing || (!p.spec?.nodeName && !runtimes.has(key))) return;
      queue.add(key);
    },
    onDelete: (p) => {
      if (runtimes.has(podKey(p))) queue.add(podKey(p));
    },
  });

  function forget(pr: PodRuntime): void {
    tearDownPod(host, pr);
    runtimes.delete(pr.key);
    agents.get(pr.node)?.pods.delete(pr.key);
  }

  function sync(key: string): string | undefined {
    const pod = ctx.store.get('Pod', key);
    let pr = runtimes.get(key);
    if (pr && (!pod || pod.metadata?.uid !== pr.uid)) {
      forget(pr);
      pr = undefined;
    }
    if (!pod) return undefined;
    const nodeName = pod.spec?.nodeName;
    const agent = nodeName ? agents.get(nodeName) : undefined;
    // a stopped node's kubelet does nothing: its pods keep their last status until it returns
    if (!nodeName || !agent?.running) return undefined;
    const deleting = !!pod.metadata?.deletionTimestamp;
    if (!pr) {
      const phase = pod.status?.phase;
      if (phase === 'Succeeded' || phase === 'Failed') {
        if (deleting) ctx.api.delete('Pod', pod.metadata?.namespace, pod.metadata?.name ?? '', { gracePeriodSeconds: 0, preconditions: { uid: pod.metadata?.uid } });
        return undefined;
      }
      pr = admitPod(host, pod, nodeName);
      runtimes.set(key, pr);
      agent.pods.set(key, pr);
    }
    pr.pod = pod;
    // whatever changed (deletion, spec) may change what the probes see
    wakeProbes(host, pr);
    applySpecChange(host, pr, pod);
    // computePodActions: a sidecar whose startup probe just passed lets the next init container start
    if (!pr.initialized) advanceStart(host, pr);
    if (deleting) {
      const graceS = pod.metadata?.deletionGracePeriodSeconds ?? pod.spec?.terminationGracePeriodSeconds ?? 30;
      beginTermination(host, pr, graceS * 1000);
    }
    const status = generatePodStatus(pr, agent.ip, ctx.clock.now());
    pr.statusCache = status as Pod['status'];
    if (!deepEqual(status, pod.status)) {
      writing = key;
      const res = ctx.api.updateStatus('Pod', { ...pod, status } as Pod, { handOver: true });
      writing = undefined;
      if (!res.ok) return res.status.message;
      pr.pod = res.value;
    }
    if (pr.terminal && deleting && !pr.deleteSent) {
      pr.deleteSent = true;
      logPod(host, pr, `deleting terminated pod ${key}`);
      ctx.api.delete('Pod', pod.metadata?.namespace, pod.metadata?.name ?? '', { gracePeriodSeconds: 0, preconditions: { uid: pr.uid } });
    }
    return undefined;
  }

  function enqueueNodePods(node: string): void {
    for (const k of ctx.store.byIndex('Pod', podsByNodeIndex, node)) queue.add(k);
    for (const k of agents.get(node)?.pods.keys() ?? []) queue.add(k);
  }

  function stopNode(name: string): boolean {
    const a = agents.get(name);
    if (!a) return false;
    if (!a.running) return true;
    a.running = false;
    a.stoppedAt = ctx.clock.now();
    for (const pr of a.pods.values()) powerOffPod(pr);
    ctx.log.write(`kubelet/${name}`, `node ${name} powered off`, `Node/${name}`);
    for (const l of listeners) l(name, false);
    return true;
  }

  function startNode(name: string): boolean {
    const a = agents.get(name);
    if (!a) return false;
    if (a.running) return true;
    const stoppedAt = a.stoppedAt ?? ctx.clock.now();
    a.running = true;
    a.startedAt = ctx.clock.now();
    a.stoppedAt = undefined;
    a.pullFreeAt = 0;
    a.ipam.reset();
    const node = ctx.store.get('Node', name);
    if (node) {
      const src = { component: 'kubelet', host: name };
      ctx.recorder.event(node, 'Node', src, 'Normal', 'Starting', 'Starting kubelet.');
      const res = ctx.api.updateStatus('Node', { ...node, status: readyNodeStatus(node, ctx.clock.now()) });
      if (res.ok) ctx.recorder.event(res.value, 'Node', src, 'Normal', 'NodeReady', `Node ${name} status is now: NodeReady`);
    }
    ctx.log.write(`kubelet/${name}`, `node ${name} powered on`, `Node/${name}`);
    for (const pr of [...a.pods.values()]) {
      // what happened to the pod while the kubelet was away (deleted, marked for deletion)
      const latest = ctx.store.get('Pod', pr.key);
      if (!latest || latest.metadata?.uid !== pr.uid) {
        forget(pr);
        continue;
      }
      pr.pod = latest;
      powerOnPod(host, pr, stoppedAt);
    }
    enqueueNodePods(name);
    for (const l of listeners) l(name, true);
    return true;
  }

  function podRuntime(namespace: string, pod: string): PodRuntime | undefined {
    return runtimes.get(`${namespace || 'default'}/${pod}`);
  }

  /** A pod's container (app or init) by name; the first app container when `container` is unset. */
  function containerRuntime(pr: PodRuntime | undefined, container: string | undefined): ContainerRuntime | undefined {
    return pr && (container ? allContainers(pr).find((c) => c.name === container) : pr.containers[0]);
  }

  /**
   * A started container's ConfigMap and Secret volumes as it sees them now: read as of the last periodic refresh
   * (or, for a subPath, as of the container's start).
   */
  function volumeView(namespace: string, pod: string, container: string | undefined) {
    const pr = podRuntime(namespace, pod);
    const cr = containerRuntime(pr, container);
    if (!pr || pr.volumesMountedAt === undefined || !cr?.attempt) return undefined;
    const mountedAt = pr.volumesMountedAt;
    const startedAt = cr.attempt.startedAt;
    const now = ctx.clock.now();
    const ns = pr.pod.metadata?.namespace ?? 'default';
    const readAt = (at: 'refresh' | 'containerStart'): SourceReader => {
      const t = at === 'refresh' ? lastRefresh(mountedAt, now) : startedAt;
      return (kind, name) => configHistory.asOf(kind, `${ns}/${name}`, t);
    };
    return { pod: pr.pod, container: cr.spec, readAt };
  }

  /** The app instance of a running container (the first one when `container` is unset). */
  function runningInstance(namespace: string, pod: string, container: string | undefined): AppInstance | undefined {
    const cr = containerRuntime(podRuntime(namespace, pod), container);
    return cr?.phase === 'running' ? cr.attempt?.instance : undefined;
  }

  function clusterDNS(): string {
    const cidr = parseCidr(ctx.config.serviceCIDR);
    return cidr ? cidrAddress(cidr, 10) : '10.96.0.10';
  }

  const simulation: SimulationControls = {
    stopNode,
    startNode,
    isNodeRunning: (name) => agents.get(name)?.running ?? false,
    setAppHealth(namespace, pod, check, ok, container) {
      const pr = podRuntime(namespace, pod);
      const cr = containerRuntime(pr, container);
      const inst = cr?.attempt?.instance;
      if (!inst || (cr.phase !== 'running' && cr.phase !== 'stopping')) return false;
      if (check === 'ready') inst.ready = ok;
      else inst.healthy = ok;
      if (pr) wakeProbes(host, pr);
      return true;
    },
    containerEnv(namespace, pod, container) {
      const cr = containerRuntime(podRuntime(namespace, pod), container);
      return cr?.attempt ? [...cr.attempt.env] : undefined;
    },
    resolvConf(namespace, pod) {
      const p = ctx.store.get('Pod', `${namespace || 'default'}/${pod}`);
      const a = p?.spec?.nodeName ? agents.get(p.spec.nodeName) : undefined;
      if (!p || !a) return undefined;
      return podResolvConf(p, { clusterDNS: [clusterDNS()], clusterDomain: ctx.config.clusterDomain, host: kindNodeResolvConf(a.ip) });
    },
    hostsFile(namespace, pod) {
      const pr = podRuntime(namespace, pod);
      const a = pr && agents.get(pr.node);
      const ip = pr?.sandbox?.ip;
      if (!pr || !a || !ip) return undefined;
      return podHostsFile(pr.pod, [ip], ctx.config.clusterDomain, kindNodeHostsFile(a.name, a.ip));
    },
    volumeFile(namespace, pod, container, path) {
      const v = volumeView(namespace, pod, container);
      return v && volumeFileText(v.pod, v.container, path, v.readAt);
    },
    volumeListing(namespace, pod, container, path) {
      const v = volumeView(namespace, pod, container);
      return v && volumeListing(v.pod, v.container, path, v.readAt('refresh'));
    },
    containerExec(namespace, pod, container, argv) {
      const inst = runningInstance(namespace, pod, container);
      return inst && execInContainer(inst, argv);
    },
    containerCoreutils(namespace, pod, container) {
      return runningInstance(namespace, pod, container)?.app.coreutils;
    },
    containerUid(namespace, pod, container) {
      return runningInstance(namespace, pod, container)?.app.user.uid;
    },
    mainProcessArgv(namespace, pod, container) {
      const cr = containerRuntime(podRuntime(namespace, pod), container);
      const a = cr?.phase === 'running' ? cr.attempt : undefined;
      return a?.app.argv?.(a.process);
    },
    setContainerFile(namespace, pod, container, path, present) {
      const pr = podRuntime(namespace, pod);
      const inst = runningInstance(namespace, pod, container);
      if (!pr || !inst) return false;
      if (present) inst.files.add(path);
      else inst.files.delete(path);
      // a probe that reads the file answers differently now: quiet probe workers go back on their grid
      wakeProbes(host, pr);
      return true;
    },
    endMainProcess(namespace, pod, container, exitCode) {
      const pr = podRuntime(namespace, pod);
      const cr = containerRuntime(pr, container);
      if (!pr || cr?.phase !== 'running') return false;
      processExited(host, pr, cr, exitCode, false);
      return true;
    },
    dnsTool(namespace, pod, container, argv) {
      const inst = runningInstance(namespace, pod, container);
      // most commands a container runs are not its DNS tools: tell before building resolv.conf and the DNS view
      if (!inst || !hasDnsTool(inst.app.dnsTools, argv[0] ?? '')) return undefined;
      const resolvConf = simulation.resolvConf(namespace, pod) ?? '';
      const hosts = simulation.hostsFile(namespace, pod) ?? '';
      const net = clusterDnsNetwork(ctx.store, ctx.config, clusterDNS(), runtime);
      const clientIP = podRuntime(namespace, pod)?.sandbox?.ip;
      return runDnsTool(inst.app.dnsTools, { net, resolvConf, now: ctx.clock.now(), clientIP }, argv, hosts);
    },
  };

  return {
    controller: { name: 'kubelet', queue, sync },
    heartbeats: {
      lastHeartbeat: (node) => agents.get(node)?.lastHeartbeat(ctx.clock.now()),
      onChange: (l) => listeners.push(l),
    },
    simulation,
    runtime,
  };
}

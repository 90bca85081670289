/** `kubectl describe pod` (`describePod` in kubectl `pkg/describe/describe.go`). */
import type { Cluster } from '../../engine';
import type { Container, Pod } from '../../engine/api/types';
import { byteOrder, formatLabelSelector } from '../printers/labels';
import { formatRFC1123Z, translateTimestampSince } from '../printers/timestamps';
import { describeContainers, describeVolumes } from './containers';
import { describeEvents, searchEvents } from './describeEvents';
import { printAnnotationsMultiline, printLabelsMultiline, printTolerationsMultiline } from './describeHelpers';
import { LEVEL_0, LEVEL_1, type PrefixWriter, tabbedString } from './prefixWriter';

/** `Kind/name` of the controlling owner, as printController. */
export function controlledBy(meta: Pod['metadata']): string {
  const ref = (meta?.ownerReferences ?? []).find((r) => r.controller);
  return ref ? `${ref.kind}/${ref.name}` : '';
}

/** kubectl's qos.GetPodQOS: the status value, else computed from requests and limits. */
export function podQOS(pod: Pod): string {
  if (pod.status?.qosClass) return pod.status.qosClass;
  const supported = new Set(['cpu', 'memory']);
  const requests = new Map<string, string>();
  const limits = new Map<string, string>();
  let guaranteed = true;
  const all: Container[] = [...(pod.spec?.containers ?? []), ...(pod.spec?.initContainers ?? [])];
  for (const c of all) {
    for (const [k, v] of Object.entries(c.resources?.requests ?? {})) if (supported.has(k) && String(v) !== '0') requests.set(k, String(v));
    const cl = Object.entries(c.resources?.limits ?? {}).filter(([k, v]) => supported.has(k) && String(v) !== '0');
    for (const [k, v] of cl) limits.set(k, String(v));
    if (cl.length !== supported.size) guaranteed = false;
  }
  if (requests.size === 0 && limits.size === 0) return 'BestEffort';
  if (guaranteed) {
    for (const [k, v] of requests) if (limits.get(k) !== v) guaranteed = false;
  }
  return guaranteed && limits.size === supported.size ? 'Guaranteed' : 'Burstable';
}

function describePodIPs(pod: Pod, w: PrefixWriter): void {
  const ips = pod.status?.podIPs ?? [];
  if (ips.length === 0) {
    w.write(LEVEL_0, 'IPs:\t<none>\n');
    return;
  }
  w.write(LEVEL_0, 'IPs:\n');
  for (const ip of ips) w.write(LEVEL_1, `IP:\t${ip.ip}\n`);
}

/** Renders a pod description; events are looked up in the cluster. */
export function describePod(pod: Pod, cluster: Cluster): string {
  const now = cluster.now();
  // PodDescriber clears the kind from the reference, so events match on name, namespace and uid
  const events = searchEvents(cluster, pod, undefined);
  return tabbedString((w) => {
    const spec = pod.spec ?? { containers: [] };
    const status = pod.status ?? {};
    const meta = pod.metadata ?? {};
    w.write(LEVEL_0, `Name:\t${meta.name ?? ''}\n`);
    w.write(LEVEL_0, `Namespace:\t${meta.namespace ?? ''}\n`);
    if (spec.priority !== undefined && spec.priority !== null) w.write(LEVEL_0, `Priority:\t${spec.priority}\n`);
    if (spec.priorityClassName) w.write(LEVEL_0, `Priority Class Name:\t${spec.priorityClassName}\n`);
    if (spec.runtimeClassName) w.write(LEVEL_0, `Runtime Class Name:\t${spec.runtimeClassName}\n`);
    if (spec.serviceAccountName) w.write(LEVEL_0, `Service Account:\t${spec.serviceAccountName}\n`);
    w.write(LEVEL_0, spec.nodeName ? `Node:\t${spec.nodeName}/${status.hostIP ?? ''}\n` : 'Node:\t<none>\n');
    if (status.startTime) w.write(LEVEL_0, `Start Time:\t${formatRFC1123Z(status.startTime)}\n`);
    printLabelsMultiline(w, 'Labels', meta.labels);
    printAnnotationsMultiline(w, 'Annotations', meta.annotations);
    if (meta.deletionTimestamp && status.phase !== 'Failed' && status.phase !== 'Succeeded') {
      w.write(LEVEL_0, `Status:\tTerminating (lasts ${translateTimestampSince(meta.deletionTimestamp, now)})\n`);
      w.write(LEVEL_0, `Termination Grace Period:\t${meta.deletionGracePeriodSeconds ?? 0}s\n`);
    } else {
      w.write(LEVEL_0, `Status:\t${status.phase ?? ''}\n`);
    }
    if (status.reason) w.write(LEVEL_0, `Reason:\t${status.reason}\n`);
    if (status.message) w.write(LEVEL_0, `Message:\t${status.message}\n`);
    const seccomp = spec.securityContext?.seccompProfile;
    if (seccomp) {
      w.write(LEVEL_0, `SeccompProfile:\t${seccomp.type}\n`);
      if (seccomp.type === 'Localhost') w.write(LEVEL_0, `LocalhostProfile:\t${seccomp.localhostProfile ?? ''}\n`);
    }
    w.write(LEVEL_0, `IP:\t${status.podIP ?? ''}\n`);
    describePodIPs(pod, w);
    const owner = controlledBy(meta);
    if (owner) w.write(LEVEL_0, `Controlled By:\t${owner}\n`);
    if (status.nominatedNodeName) w.write(LEVEL_0, `NominatedNodeName:\t${status.nominatedNodeName}\n`);
    if (spec.initContainers?.length) describeContainers('Init Containers', spec.initContainers, status.initContainerStatuses, pod, w, '');
    describeContainers('Containers', spec.containers ?? [], status.containerStatuses, pod, w, '');
    // describe.go: the ephemeral containers' common fields, described like containers
    if (spec.ephemeralContainers?.length) describeContainers('Ephemeral Containers', spec.ephemeralContainers, status.ephemeralContainerStatuses, pod, w, '');
    if (spec.readinessGates?.length) {
      w.write(LEVEL_0, 'Readiness Gates:\n  Type\tStatus\n');
      for (const g of spec.readinessGates) {
        const c = (status.conditions ?? []).find((x) => x.type === g.conditionType);
        w.write(LEVEL_1, `${g.conditionType} \t${c ? c.status : '<none>'} \n`);
      }
    }
    if (status.conditions?.length) {
      w.write(LEVEL_0, 'Conditions:\n  Type\tStatus\n');
      for (const c of status.conditions) w.write(LEVEL_1, `${c.type} \t${c.status} \n`);
    }
    describeVolumes(spec.volumes, w, '');
    w.write(LEVEL_0, `QoS Class:\t${podQOS(pod)}\n`);
    printLabelsMultiline(w, 'Node-Selectors', spec.nodeSelector);
    printTolerationsMultiline(w, 'Tolerations', spec.tolerations);
    const tscs = [...(spec.topologySpreadConstraints ?? [])].sort((a, b) => byteOrder(a.topologyKey, b.topologyKey));
    if (tscs.length > 0) {
      w.write(LEVEL_0, 'Topology Spread Constraints:\t');
      tscs.forEach((t, i) => {
        if (i !== 0) w.write(LEVEL_0, '\t');
        const selector = t.labelSelector ? ` for selector ${formatLabelSelector(t.labelSelector)}` : '';
        w.write(LEVEL_0, `${t.topologyKey}:${t.whenUnsatisfiable} when max skew ${t.maxSkew} is exceeded${selector}\n`);
      });
    }
    describeEvents(events, w, now);
  });
}

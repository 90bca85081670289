/**
 * `kubectl describe namespace` and `node` (`describeNamespace`, `describeNode`, `describeNodeResource` in
 * kubectl `pkg/describe/describe.go`). The simulated server has no ResourceQuota, LimitRange or Lease objects:
 * namespaces show `No resource quota.` / `No LimitRange resource.` as kubectl does for empty lists, and the
 * node Lease block is derived from the kubelet's last Ready heartbeat.
 */
import type { Cluster } from '../../engine';
import type { Namespace, Node, Pod } from '../../engine/api/types';
import { byteOrder } from '../printers/labels';
import { type Quantity, addQuantity, formatQuantity, milliValue, parseQuantity, quantityValue } from '../printers/quantity';
import { nodeRoles } from '../printers/table/clusterTables';
import { formatRFC1123Z, translateTimestampSince } from '../printers/timestamps';
import { describeEvents, searchEvents } from './describeEvents';
import { printAnnotationsMultiline, printLabelsMultiline, printTaintsMultiline } from './describeHelpers';
import { LEVEL_0, LEVEL_1, type PrefixWriter, tabbedString } from './prefixWriter';

/** Describes a namespace (no quotas or limit ranges exist in the simulation). */
export function describeNamespace(ns: Namespace): string {
  return tabbedString((w) => {
    w.write(LEVEL_0, `Name:\t${ns.metadata?.name ?? ''}\n`);
    printLabelsMultiline(w, 'Labels', ns.metadata?.labels);
    printAnnotationsMultiline(w, 'Annotations', ns.metadata?.annotations);
    w.write(LEVEL_0, `Status:\t${ns.status?.phase ?? ''}\n`);
    if (ns.status?.conditions?.length) {
      w.write(LEVEL_0, 'Conditions:\n');
      w.write(LEVEL_1, 'Type\tStatus\tLastTransitionTime\tReason\tMessage\n');
      w.write(LEVEL_1, '----\t------\t------------------\t------\t-------\n');
      for (const c of ns.status.conditions) {
        w.write(LEVEL_1, `${c.type}\t${c.status}\t${formatRFC1123Z(c.lastTransitionTime)}\t${c.reason ?? ''}\t${c.message ?? ''}\n`);
      }
    }
    // DescribeResourceQuotas and DescribeLimitRanges with empty lists
    w.write(LEVEL_0, '\n');
    w.write(LEVEL_0, 'No resource quota.\n');
    w.write(LEVEL_0, '\n');
    w.write(LEVEL_0, 'No LimitRange resource.\n');
  });
}

/** resourcehelper.PodRequestsAndLimits, simplified: sum of app containers, max with each init container. */
function podRequestsAndLimits(pod: Pod): { reqs: Map<string, Quantity>; limits: Map<string, Quantity> } {
  const sum = (which: 'requests' | 'limits') => {
    const total = new Map<string, Quantity>();
    for (const c of pod.spec?.containers ?? []) {
      for (const [k, v] of Object.entries(c.resources?.[which] ?? {})) {
        const q = parseQuantity(String(v));
        if (q) total.set(k, addQuantity(total.get(k), q));
      }
    }
    for (const c of pod.spec?.initContainers ?? []) {
      for (const [k, v] of Object.entries(c.resources?.[which] ?? {})) {
        const q = parseQuantity(String(v));
        const cur = total.get(k);
        if (q && (!cur || q.nanos > cur.nanos)) total.set(k, q);
      }
    }
    return total;
  };
  return { reqs: sum('requests'), limits: sum('limits') };
}

const percent = (part: bigint, whole: bigint) => (whole === 0n ? 0 : Math.trunc((Number(part) / Number(whole)) * 100));

function describeNodeResource(pods: readonly Pod[], node: Node, w: PrefixWriter, now: number): void {
  w.write(LEVEL_0, `Non-terminated Pods:\t(${pods.length} in total)\n`);
  w.write(LEVEL_1, 'Namespace\tName\t\tCPU Requests\tCPU Limits\tMemory Requests\tMemory Limits\tAge\n');
  w.write(LEVEL_1, '---------\t----\t\t------------\t----------\t---------------\t-------------\t---\n');
  const alloc = Object.keys(node.status?.allocatable ?? {}).length > 0 ? node.status?.allocatable : node.status?.capacity;
  const allocCpu = parseQuantity(String(alloc?.cpu ?? '0'));
  const allocMem = parseQuantity(String(alloc?.memory ?? '0'));
  const allocEph = parseQuantity(String(alloc?.['ephemeral-storage'] ?? '0'));
  const totalReqs = new Map<string, Quantity>();
  const totalLimits = new Map<string, Quantity>();
  for (const pod of pods) {
    const { reqs, limits } = podRequestsAndLimits(pod);
    for (const [k, q] of reqs) totalReqs.set(k, addQuantity(totalReqs.get(k), q));
    for (const [k, q] of limits) totalLimits.set(k, addQuantity(totalLimits.get(k), q));
    const cpuReq = reqs.get('cpu');
    const cpuLim = limits.get('cpu');
    const memReq = reqs.get('memory');
    const memLim = limits.get('memory');
    w.write(
      LEVEL_1,
      `${pod.metadata?.namespace ?? ''}\t${pod.metadata?.name ?? ''}\t\t${formatQuantity(cpuReq)} (${percent(milliValue(cpuReq), milliValue(allocCpu))}%)\t${formatQuantity(cpuLim)} (${percent(milliValue(cpuLim), milliValue(allocCpu))}%)\t${formatQuantity(memReq)} (${percent(quantityValue(memReq), quantityValue(allocMem))}%)\t${formatQuantity(memLim)} (${percent(quantityValue(memLim), quantityValue(allocMem))}%)\t${translateTimestampSince(pod.metadata?.creationTimestamp, now)}\n`,
    );
  }
  w.write(LEVEL_0, 'Allocated resources:\n  (Total limits may be over 100 percent, i.e., overcommitted.)\n');
  w.write(LEVEL_1, 'Resource\tRequests\tLimits\n');
  w.write(LEVEL_1, '--------\t--------\t------\n');
  const line = (name: string, allocQ: Quantity | undefined, milli: boolean) => {
    const r = totalReqs.get(name);
    const l = totalLimits.get(name);
    const v = milli ? milliValue : quantityValue;
    w.write(LEVEL_1, `${name}\t${formatQuantity(r)} (${percent(v(r), v(allocQ))}%)\t${formatQuantity(l)} (${percent(v(l), v(allocQ))}%)\n`);
  };
  line('cpu', allocCpu, true);
  line('memory', allocMem, false);
  line('ephemeral-storage', allocEph, false);
  const huge = Object.keys(alloc ?? {})
    .filter((k) => k.startsWith('hugepages-'))
    .sort(byteOrder);
  for (const h of huge) line(h, parseQuantity(String(alloc?.[h] ?? '0')), false);
}

/** Describes a node with its non-terminated pods and resource totals. */
export function describeNode(node: Node, cluster: Cluster): string {
  const now = cluster.now();
  const meta = node.metadata ?? {};
  const listed = cluster.list('Pod', {});
  const pods = (listed.ok ? listed.value.items : []).filter(
    (p) => p.spec?.nodeName === meta.name && p.status?.phase !== 'Succeeded' && p.status?.phase !== 'Failed',
  );
  // events are recorded against the node's uid by controllers and against its name by the kubelet
  const events = [...searchEvents(cluster, node, 'Node'), ...searchEvents(cluster, { ...node, metadata: { ...meta, uid: meta.name } }, 'Node')];
  return tabbedString((w) => {
    w.write(LEVEL_0, `Name:\t${meta.name ?? ''}\n`);
    const roles = nodeRoles(node);
    w.write(LEVEL_0, `Roles:\t${roles.length > 0 ? roles.join(',') : '<none>'}\n`);
    printLabelsMultiline(w, 'Labels', meta.labels);
    printAnnotationsMultiline(w, 'Annotations', meta.annotations);
    w.write(LEVEL_0, `CreationTimestamp:\t${formatRFC1123Z(meta.creationTimestamp)}\n`);
    printTaintsMultiline(w, 'Taints', node.spec?.taints);
    w.write(LEVEL_0, `Unschedulable:\t${node.spec?.unschedulable === true}\n`);
    const ready = (node.status?.conditions ?? []).find((c) => c.type === 'Ready');
    w.write(LEVEL_0, 'Lease:\n');
    w.write(LEVEL_1, `HolderIdentity:\t${meta.name ?? ''}\n`);
    w.write(LEVEL_1, 'AcquireTime:\t<unset>\n');
    w.write(LEVEL_1, `RenewTime:\t${formatRFC1123Z(ready?.lastHeartbeatTime)}\n`);
    const conditions = node.status?.conditions ?? [];
    if (conditions.length > 0) {
      w.write(LEVEL_0, 'Conditions:\n  Type\tStatus\tLastHeartbeatTime\tLastTransitionTime\tReason\tMessage\n');
      w.write(LEVEL_1, '----\t------\t-----------------\t------------------\t------\t-------\n');
      for (const c of conditions) {
        w.write(
          LEVEL_1,
          `${c.type} \t${c.status} \t${formatRFC1123Z(c.lastHeartbeatTime)} \t${formatRFC1123Z(c.lastTransitionTime)} \t${c.reason ?? ''} \t${c.message ?? ''}\n`,
        );
      }
    }
    w.write(LEVEL_0, 'Addresses:\n');
    for (const a of node.status?.addresses ?? []) w.write(LEVEL_1, `${a.type}:\t${a.address}\n`);
    for (const [title, list] of [['Capacity', node.status?.capacity], ['Allocatable', node.status?.allocatable]] as const) {
      const keys = Object.keys(list ?? {}).sort(byteOrder);
      if (keys.length === 0) continue;
      w.write(LEVEL_0, `${title}:\n`);
      for (const k of keys) w.write(LEVEL_0, `  ${k}:\t${formatQuantity(parseQuantity(String(list?.[k])))}\n`);
    }
    const info = node.status?.nodeInfo;
    w.write(LEVEL_0, 'System Info:\n');
    w.write(LEVEL_0, `  Machine ID:\t${info?.machineID ?? ''}\n`);
    w.write(LEVEL_0, `  System UUID:\t${info?.systemUUID ?? ''}\n`);
    w.write(LEVEL_0, `  Boot ID:\t${info?.bootID ?? ''}\n`);
    w.write(LEVEL_0, `  Kernel Version:\t${info?.kernelVersion ?? ''}\n`);
    w.write(LEVEL_0, `  OS Image:\t${info?.osImage ?? ''}\n`);
    w.write(LEVEL_0, `  Operating System:\t${info?.operatingSystem ?? ''}\n`);
    w.write(LEVEL_0, `  Architecture:\t${info?.architecture ?? ''}\n`);
    w.write(LEVEL_0, `  Container Runtime Version:\t${info?.containerRuntimeVersion ?? ''}\n`);
    w.write(LEVEL_0, `  Kubelet Version:\t${info?.kubeletVersion ?? ''}\n`);
    w.write(LEVEL_0, `  Kube-Proxy Version:\t${info?.kubeProxyVersion ?? ''}\n`);
    if (node.spec?.podCIDR) w.write(LEVEL_0, `PodCIDR:\t${node.spec.podCIDR}\n`);
    if (node.spec?.podCIDRs?.length) w.write(LEVEL_0, `PodCIDRs:\t${node.spec.podCIDRs.join(',')}\n`);
    if (node.spec?.providerID) w.write(LEVEL_0, `ProviderID:\t${node.spec.providerID}\n`);
    describeNodeResource(pods, node, w, now);
    describeEvents(events, w, now);
  });
}

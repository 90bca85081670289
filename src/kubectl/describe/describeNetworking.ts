/**
 * `kubectl describe service`, `endpoints` and `endpointslice` (`describeService`, `formatEndpointSlices`,
 * `describeEndpoints`, `describeEndpointSliceV1` in kubectl `pkg/describe/describe.go`). Since kubectl 1.31 the
 * Service's Endpoints lines come from its EndpointSlices, so describing a Service sends no Endpoints request.
 */
import type { Cluster } from '../../engine';
import type { EndpointSlice, Endpoints, Service } from '../../engine/api/types';
import { formatLabels } from '../printers/labels';
import { joinHostPort } from '../printers/table/endpointsTable';
import { describeEvents, searchEvents } from './describeEvents';
import { printAnnotationsMultiline, printLabelsMultiline } from './describeHelpers';
import { LEVEL_0, LEVEL_1, LEVEL_2, LEVEL_3, tabbedString } from './prefixWriter';

/** `formatEndpointSlices(slices, {portName})`: ready endpoints as `ip:port`, at most 3, then ` + N more...`. */
export function formatEndpointSlices(slices: readonly EndpointSlice[], portName: string | undefined): string {
  if (slices.length === 0) return '<none>';
  const list: string[] = [];
  const max = 3;
  let more = false;
  let count = 0;
  const isReady = (e: { conditions?: { ready?: boolean | null } }) => e.conditions?.ready === undefined || e.conditions?.ready === null || e.conditions.ready;
  for (const slice of slices) {
    if ((slice.ports ?? []).length === 0) {
      // headless services may have no ports
      for (const e of slice.endpoints ?? []) {
        if (list.length === max) more = true;
        if (!isReady(e)) continue;
        if (!more) list.push(e.addresses[0]);
        count++;
      }
      continue;
    }
    for (const port of slice.ports ?? []) {
      if (portName !== undefined && (port.name ?? '') !== portName) continue;
      for (const e of slice.endpoints ?? []) {
        if (list.length === max) more = true;
        if (!isReady(e)) continue;
        if (!more) list.push(joinHostPort(e.addresses[0], port.port ?? 0));
        count++;
      }
    }
  }
  const ret = list.join(',');
  return more ? `${ret} + ${count - max} more...` : ret;
}

/** Describes a Service; its EndpointSlices are listed by the `kubernetes.io/service-name` label. */
export function describeService(svc: Service, cluster: Cluster): string {
  const meta = svc.metadata ?? {};
  const listed = cluster.list('EndpointSlice', { namespace: meta.namespace, labelSelector: `kubernetes.io/service-name=${meta.name}` });
  const slices = listed.ok ? listed.value.items : [];
  const events = searchEvents(cluster, svc, 'Service');
  const spec = svc.spec ?? {};
  return tabbedString((w) => {
    w.write(LEVEL_0, `Name:\t${meta.name ?? ''}\n`);
    w.write(LEVEL_0, `Namespace:\t${meta.namespace ?? ''}\n`);
    printLabelsMultiline(w, 'Labels', meta.labels);
    printAnnotationsMultiline(w, 'Annotations', meta.annotations);
    w.write(LEVEL_0, `Selector:\t${formatLabels(spec.selector)}\n`);
    w.write(LEVEL_0, `Type:\t${spec.type ?? ''}\n`);
    if (spec.ipFamilyPolicy) w.write(LEVEL_0, `IP Family Policy:\t${spec.ipFamilyPolicy}\n`);
    w.write(LEVEL_0, `IP Families:\t${spec.ipFamilies?.length ? spec.ipFamilies.join(',') : '<none>'}\n`);
    w.write(LEVEL_0, `IP:\t${spec.clusterIP ?? ''}\n`);
    w.write(LEVEL_0, `IPs:\t${spec.clusterIPs?.length ? spec.clusterIPs.join(',') : '<none>'}\n`);
    if (spec.externalIPs?.length) w.write(LEVEL_0, `External IPs:\t${spec.externalIPs.join(',')}\n`);
    if (spec.loadBalancerIP) w.write(LEVEL_0, `Desired LoadBalancer IP:\t${spec.loadBalancerIP}\n`);
    if (spec.externalName) w.write(LEVEL_0, `External Name:\t${spec.externalName}\n`);
    const ingress = svc.status?.loadBalancer?.ingress ?? [];
    if (ingress.length > 0) {
      const list = ingress.map((i) => (i.ip ? (i.ipMode ? `${i.ip} (${i.ipMode})` : i.ip) : (i.hostname ?? ''))).join(', ');
      w.write(LEVEL_0, `LoadBalancer Ingress:\t${list}\n`);
    }
    for (const sp of spec.ports ?? []) {
      const name = sp.name || '<unset>';
      w.write(LEVEL_0, `Port:\t${name}\t${sp.port}/${sp.protocol ?? ''}\n`);
      w.write(LEVEL_0, `TargetPort:\t${sp.targetPort ?? 0}/${sp.protocol ?? ''}\n`);
      if (sp.nodePort) w.write(LEVEL_0, `NodePort:\t${name}\t${sp.nodePort}/${sp.protocol ?? ''}\n`);
      w.write(LEVEL_0, `Endpoints:\t${formatEndpointSlices(slices, sp.name ?? '')}\n`);
    }
    w.write(LEVEL_0, `Session Affinity:\t${spec.sessionAffinity ?? ''}\n`);
    if (spec.externalTrafficPolicy) w.write(LEVEL_0, `External Traffic Policy:\t${spec.externalTrafficPolicy}\n`);
    if (spec.internalTrafficPolicy) w.write(LEVEL_0, `Internal Traffic Policy:\t${spec.internalTrafficPolicy}\n`);
    if (spec.healthCheckNodePort) w.write(LEVEL_0, `HealthCheck NodePort:\t${spec.healthCheckNodePort}\n`);
    if (spec.loadBalancerSourceRanges?.length) w.write(LEVEL_0, `LoadBalancer Source Ranges:\t${spec.loadBalancerSourceRanges.join(',')}\n`);
    if (spec.trafficDistribution) w.write(LEVEL_0, `Traffic Distribution:\t${spec.trafficDistribution}\n`);
    describeEvents(events, w, cluster.now());
  });
}

/** Describes an Endpoints object subset by subset. */
export function describeEndpoints(ep: Endpoints, cluster: Cluster): string {
  const meta = ep.metadata ?? {};
  const events = searchEvents(cluster, ep, 'Endpoints');
  return tabbedString((w) => {
    w.write(LEVEL_0, `Name:\t${meta.name ?? ''}\n`);
    w.write(LEVEL_0, `Namespace:\t${meta.namespace ?? ''}\n`);
    printLabelsMultiline(w, 'Labels', meta.labels);
    printAnnotationsMultiline(w, 'Annotations', meta.annotations);
    w.write(LEVEL_0, 'Subsets:\n');
    for (const subset of ep.subsets ?? []) {
      w.write(LEVEL_1, `Addresses:\t${(subset.addresses ?? []).map((a) => a.ip).join(',') || '<none>'}\n`);
      w.write(LEVEL_1, `NotReadyAddresses:\t${(subset.notReadyAddresses ?? []).map((a) => a.ip).join(',') || '<none>'}\n`);
      if ((subset.ports ?? []).length > 0) {
        w.write(LEVEL_1, 'Ports:\n');
        w.write(LEVEL_2, 'Name\tPort\tProtocol\n');
        w.write(LEVEL_2, '----\t----\t--------\n');
        for (const p of subset.ports ?? []) w.write(LEVEL_2, `${p.name || '<unset>'}\t${p.port}\t${p.protocol ?? ''}\n`);
      }
      w.write(LEVEL_0, '\n');
    }
    describeEvents(events, w, cluster.now());
  });
}

/** Describes a discovery.k8s.io/v1 EndpointSlice. */
export function describeEndpointSlice(slice: EndpointSlice, cluster: Cluster): string {
  const meta = slice.metadata ?? {};
  const events = searchEvents(cluster, slice, 'EndpointSlice');
  return tabbedString((w) => {
    w.write(LEVEL_0, `Name:\t${meta.name ?? ''}\n`);
    w.write(LEVEL_0, `Namespace:\t${meta.namespace ?? ''}\n`);
    printLabelsMultiline(w, 'Labels', meta.labels);
    printAnnotationsMultiline(w, 'Annotations', meta.annotations);
    w.write(LEVEL_0, `AddressType:\t${slice.addressType ?? ''}\n`);
    if ((slice.ports ?? []).length === 0) w.write(LEVEL_0, 'Ports: <unset>\n');
    else {
      w.write(LEVEL_0, 'Ports:\n');
      w.write(LEVEL_1, 'Name\tPort\tProtocol\n');
      w.write(LEVEL_1, '----\t----\t--------\n');
      for (const p of slice.ports ?? []) {
        const port = p.port === undefined || p.port === null ? '<unset>' : String(p.port);
        w.write(LEVEL_1, `${p.name || '<unset>'}\t${port}\t${p.protocol ?? ''}\n`);
      }
    }
    if ((slice.endpoints ?? []).length === 0) w.write(LEVEL_0, 'Endpoints: <none>\n');
    else {
      w.write(LEVEL_0, 'Endpoints:\n');
      for (const e of slice.endpoints ?? []) {
        w.write(LEVEL_1, `- Addresses:\t${(e.addresses ?? []).join(', ') || '<none>'}\n`);
        w.write(LEVEL_2, 'Conditions:\n');
        const ready = e.conditions?.ready;
        w.write(LEVEL_3, `Ready:\t${ready === undefined || ready === null ? '<unset>' : String(ready)}\n`);
        w.write(LEVEL_2, `Hostname:\t${e.hostname ?? '<unset>'}\n`);
        if (e.targetRef) w.write(LEVEL_2, `TargetRef:\t${e.targetRef.kind ?? ''}/${e.targetRef.name ?? ''}\n`);
        w.write(LEVEL_2, `NodeName:\t${e.nodeName ?? '<unset>'}\n`);
        w.write(LEVEL_2, `Zone:\t${e.zone ?? '<unset>'}\n`);
      }
    }
    describeEvents(events, w, cluster.now());
  });
}

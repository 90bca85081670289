/**
 * `ValidateService` / `ValidateServiceUpdate` (`pkg/apis/core/validation/validation.go`): type,
 * ports, selector, session affinity, cluster IPs, external IPs, node ports, traffic policies. The order of the
 * checks follows the Go code, since it decides the order of the `* ` lines kubectl prints.
 */
import type { Service, ServicePort, ServiceSpec } from '../types';
import { externallyAccessible, needsHealthCheck } from '../defaults/service';
import { type FieldError, field, GoLiteral } from '../fieldErrors';
import { validatePortNumOrName } from './container';
import { isValidPortNum, parseIP, validateCIDR, validateIP } from './formats';
import { validateLabels } from './labels';
import { isDNS1123Label, isDNS1123Subdomain, isQualifiedName, nameIsDNS1035Label } from './names';
import { validateObjectMeta, validateObjectMetaUpdate } from './objectMeta';
import { isHeadless, validateClusterIPsRelatedFields, validateClusterIPsUpdate, validateIPFamiliesForCluster, validateIPFamiliesUpdate } from './serviceClusterIPs';

type Json = Record<string, unknown>;

const serviceTypes = ['ClusterIP', 'ExternalName', 'LoadBalancer', 'NodePort'];
const protocols = ['SCTP', 'TCP', 'UDP'];
const maxClientIPServiceAffinitySeconds = 86400;

/** `ValidateNonSpecialIP`: no unspecified, loopback or link-local addresses (external IPs, endpoints). */
export function validateNonSpecialIP(ip: string, path: string): FieldError[] {
  const p = parseIP(ip);
  if (!p) return [field.invalid(path, ip, 'must be a valid IP address')];
  const errs: FieldError[] = [];
  const b = p.bytes;
  if (b.every((x) => x === 0)) errs.push(field.invalid(path, ip, `may not be unspecified (${ip})`));
  const v4 = p.family === 'IPv4';
  if ((v4 && b[0] === 127) || (!v4 && b.slice(0, 15).every((x) => x === 0) && b[15] === 1)) {
    errs.push(field.invalid(path, ip, 'may not be in the loopback range (127.0.0.0/8, ::1/128)'));
  }
  if ((v4 && b[0] === 169 && b[1] === 254) || (!v4 && b[0] === 0xfe && (b[1] & 0xc0) === 0x80)) {
    errs.push(field.invalid(path, ip, 'may not be in the link-local range (169.254.0.0/16, fe80::/10)'));
  }
  if ((v4 && b[0] === 224 && b[1] === 0 && b[2] === 0) || (!v4 && b[0] === 0xff && (b[1] & 0x0f) === 2)) {
    errs.push(field.invalid(path, ip, 'may not be in the link-local multicast range (224.0.0.0/24, ff02::/10)'));
  }
  return errs;
}

/** The internal `core.ServicePort` key used for duplicate detection, as the 1.34 apiserver JSON-encodes it. */
function servicePortKey(protocol: string, port: number): GoLiteral {
  return new GoLiteral(`{"Name":"","Protocol":${JSON.stringify(protocol)},"AppProtocol":null,"Port":${port},"TargetPort":0,"NodePort":0}`);
}

function validateServicePort(sp: ServicePort, requireName: boolean, names: Set<string>, path: string): FieldError[] {
  const errs: FieldError[] = [];
  if (requireName && !sp.name) errs.push(field.required(`${path}.name`));
  else if (sp.name) {
    for (const msg of isDNS1123Label(sp.name)) errs.push(field.invalid(`${path}.name`, sp.name, msg));
    if (names.has(sp.name)) errs.push(field.duplicate(`${path}.name`, sp.name));
    else names.add(sp.name);
  }
  for (const msg of isValidPortNum(sp.port)) errs.push(field.invalid(`${path}.port`, sp.port ?? 0, msg));
  if (!sp.protocol) errs.push(field.required(`${path}.protocol`));
  else if (!protocols.includes(sp.protocol)) errs.push(field.notSupported(`${path}.protocol`, sp.protocol, protocols));
  errs.push(...validatePortNumOrName(sp.targetPort as number | string | undefined, `${path}.targetPort`));
  if (sp.appProtocol !== undefined) for (const msg of isQualifiedName(sp.appProtocol)) errs.push(field.invalid(`${path}.appProtocol`, sp.appProtocol, msg));
  return errs;
}

function validateTrafficPolicies(spec: ServiceSpec & Json): FieldError[] {
  const errs: FieldError[] = [];
  if (!externallyAccessible(spec)) {
    if (spec.externalTrafficPolicy) errs.push(field.invalid('spec.externalTrafficPolicy', spec.externalTrafficPolicy, 'may only be set for externally-accessible services'));
  } else if (!spec.externalTrafficPolicy) {
    errs.push(field.required('spec.externalTrafficPolicy'));
  } else if (!['Cluster', 'Local'].includes(spec.externalTrafficPolicy)) {
    errs.push(field.notSupported('spec.externalTrafficPolicy', spec.externalTrafficPolicy, ['Cluster', 'Local']));
  }
  const hc = spec.healthCheckNodePort ?? 0;
  if (!needsHealthCheck(spec)) {
    if (hc !== 0) errs.push(field.invalid('spec.healthCheckNodePort', hc, "may only be set when `type` is 'LoadBalancer' and `externalTrafficPolicy` is 'Local'"));
  } else if (hc !== 0) {
    // 0 is not "Required" here: Kubernetes allocates the port before validating, the simulation after
    for (const msg of isValidPortNum(hc)) errs.push(field.invalid('spec.healthCheckNodePort', hc, msg));
  }
  if (spec.internalTrafficPolicy === undefined && ['NodePort', 'LoadBalancer', 'ClusterIP'].includes(spec.type ?? '')) {
    errs.push(field.required('spec.internalTrafficPolicy'));
  }
  if (spec.internalTrafficPolicy !== undefined && !['Cluster', 'Local'].includes(spec.internalTrafficPolicy)) {
    errs.push(field.notSupported('spec.internalTrafficPolicy', spec.internalTrafficPolicy, ['Cluster', 'Local']));
  }
  // PreferSameZone and PreferSameNode are beta and on by default in 1.34
  const td = spec.trafficDistribution as string | undefined;
  if (td !== undefined && !['PreferClose', 'PreferSameZone', 'PreferSameNode'].includes(td)) {
    errs.push(field.notSupported('spec.trafficDistribution', td, ['PreferClose', 'PreferSameZone', 'PreferSameNode']));
  }
  return errs;
}

/** `ValidateService` plus the IP-family checks of the REST storage (`serviceCIDR` gives the cluster's families). */
export function validateService(svc: Service, serviceCIDR: string): FieldError[] {
  const spec = (svc.spec ?? {}) as ServiceSpec & Json;
  const errs = validateObjectMeta(svc.metadata, true, nameIsDNS1035Label);
  const ports = spec.ports ?? [];
  const headless = isHeadless(spec);
  if (ports.length === 0 && !headless && spec.type !== 'ExternalName') errs.push(field.required('spec.ports'));
  if (spec.type === 'LoadBalancer' && headless) errs.push(field.invalid('spec.clusterIPs[0]', 'None', "may not be set to 'None' for LoadBalancer services"));
  if (spec.type === 'NodePort' && headless) errs.push(field.invalid('spec.clusterIPs[0]', 'None', "may not be set to 'None' for NodePort services"));
  if (spec.type === 'ExternalName') {
    if ((spec.clusterIPs ?? []).length > 0) errs.push(field.forbidden('spec.clusterIPs', 'may not be set for ExternalName services'));
    if ((spec.ipFamilies ?? []).length > 0) errs.push(field.forbidden('spec.ipFamilies', 'may not be set for ExternalName services'));
    if (spec.ipFamilyPolicy !== undefined) errs.push(field.forbidden('spec.ipFamilyPolicy', 'may not be set for ExternalName services'));
    // a CNAME may end in one dot to mark it fully qualified
    const cname = (spec.externalName ?? '').replace(/\.$/, '');
    if (cname) for (const msg of isDNS1123Subdomain(cname)) errs.push(field.invalid('spec.externalName', cname, msg));
    else errs.push(field.required('spec.externalName'));
  }
  const names = new Set<string>();
  ports.forEach((p, i) => {
    errs.push(...validateServicePort(p, ports.length > 1, names, `spec.ports[${i}]`));
  });
  if (spec.selector) errs.push(...validateLabels(spec.selector, 'spec.selector'));
  if (!spec.sessionAffinity) errs.push(field.required('spec.sessionAffinity'));
  else if (!['ClientIP', 'None'].includes(spec.sessionAffinity)) errs.push(field.notSupported('spec.sessionAffinity', spec.sessionAffinity, ['ClientIP', 'None']));
  if (spec.sessionAffinity === 'ClientIP') {
    const cfg = spec.sessionAffinityConfig;
    const required = 'when session affinity type is ClientIP';
    if (!cfg) errs.push(field.required('spec.sessionAffinityConfig', required));
    else if (!cfg.clientIP) errs.push(field.required('spec.sessionAffinityConfig.clientIP', required));
    else if (cfg.clientIP.timeoutSeconds === undefined) errs.push(field.required('spec.sessionAffinityConfig.clientIP.timeoutSeconds', required));
    else {
      const t = cfg.clientIP.timeoutSeconds;
      if (t <= 0 || t > maxClientIPServiceAffinitySeconds) {
        errs.push(field.invalid('spec.sessionAffinityConfig.clientIP.timeoutSeconds', t, `must be greater than 0 and less than ${maxClientIPServiceAffinitySeconds}`));
      }
    }
  } else if (spec.sessionAffinity === 'None' && spec.sessionAffinityConfig) {
    errs.push(field.forbidden('spec.sessionAffinityConfig', 'must not be set when session affinity is None'));
  }
  errs.push(...validateClusterIPsRelatedFields(spec));
  (spec.externalIPs ?? []).forEach((ip, i) => {
    const e = validateIP(`spec.externalIPs[${i}]`, ip);
    errs.push(...(e.length ? e : validateNonSpecialIP(ip, `spec.externalIPs[${i}]`)));
  });
  if (!spec.type) errs.push(field.required('spec.type'));
  else if (!serviceTypes.includes(spec.type)) errs.push(field.notSupported('spec.type', spec.type, serviceTypes));
  if (spec.type === 'ClusterIP') {
    ports.forEach((p, i) => {
      if (p.nodePort) errs.push(field.forbidden(`spec.ports[${i}].nodePort`, "may not be used when `type` is 'ClusterIP'"));
    });
  }
  const nodePorts = new Set<string>();
  ports.forEach((p, i) => {
    if (!p.nodePort) return;
    const key = `${p.protocol}/${p.nodePort}`;
    if (nodePorts.has(key)) errs.push(field.duplicate(`spec.ports[${i}].nodePort`, p.nodePort));
    nodePorts.add(key);
  });
  const seenPorts = new Set<string>();
  ports.forEach((p, i) => {
    const key = `${p.protocol ?? ''}/${p.port}`;
    if (seenPorts.has(key)) errs.push(field.duplicate(`spec.ports[${i}]`, servicePortKey(p.protocol ?? '', p.port ?? 0)));
    seenPorts.add(key);
  });
  const ranges = spec.loadBalancerSourceRanges ?? [];
  if (ranges.length > 0) {
    if (spec.type !== 'LoadBalancer') errs.push(field.forbidden('spec.LoadBalancerSourceRanges', "may only be used when `type` is 'LoadBalancer'"));
    ranges.forEach((r, i) => {
      errs.push(...validateCIDR(`spec.LoadBalancerSourceRanges[${i}]`, r.trim()));
    });
  }
  if (spec.allocateLoadBalancerNodePorts !== undefined && spec.type !== 'LoadBalancer') {
    errs.push(field.forbidden('spec.allocateLoadBalancerNodePorts', "may only be used when `type` is 'LoadBalancer'"));
  }
  if (spec.type === 'LoadBalancer' && spec.allocateLoadBalancerNodePorts === undefined) errs.push(field.required('allocateLoadBalancerNodePorts'));
  if (spec.loadBalancerClass !== undefined) {
    if (spec.type === 'LoadBalancer') for (const msg of isQualifiedName(spec.loadBalancerClass)) errs.push(field.invalid('spec.loadBalancerClass', spec.loadBalancerClass, msg));
    else errs.push(field.forbidden('spec.loadBalancerClass', "may only be used when `type` is 'LoadBalancer'"));
  }
  errs.push(...validateTrafficPolicies(spec));
  errs.push(...validateIPFamiliesForCluster(spec, serviceCIDR));
  return errs;
}

/** `ValidateServiceUpdate`: immutable cluster IPs and families, load balancer class, health-check port. */
export function validateServiceUpdate(svc: Service, old: Service, serviceCIDR: string): FieldError[] {
  const spec = svc.spec ?? {};
  const oldSpec = old.spec ?? {};
  const errs = validateObjectMetaUpdate(svc.metadata, old.metadata);
  errs.push(...validateClusterIPsUpdate(spec, oldSpec));
  errs.push(...validateIPFamiliesUpdate(spec, oldSpec));
  if (spec.type === 'LoadBalancer' && oldSpec.type === 'LoadBalancer' && spec.loadBalancerClass !== oldSpec.loadBalancerClass) {
    errs.push(field.invalid('spec.loadBalancerClass', spec.loadBalancerClass ?? null, 'may not change once set'));
  }
  if (needsHealthCheck(oldSpec) && needsHealthCheck(spec) && spec.healthCheckNodePort !== oldSpec.healthCheckNodePort) {
    errs.push(field.forbidden('spec.healthCheckNodePort', 'field is immutable'));
  }
  errs.push(...validateService(svc, serviceCIDR));
  return errs;
}

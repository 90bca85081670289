import { describe, expect, it } from 'vitest';
import type { Service, ServiceSpec } from '../types';
import { fieldErrorText } from '../fieldErrors';
import { defaultService } from '../defaults/service';
import { initIPFamilyFields } from '../defaults/serviceIPFamilies';
import { normalizeClusterIPs } from '../defaults/serviceUpdate';
import { validateService } from './service';

/** Runs what the strategy runs before validation, then `ValidateService`. */
function errorsFor(spec: ServiceSpec, name = 'svc'): string[] {
  const svc: Service = { metadata: { name, namespace: 'default' }, spec: structuredClone(spec) };
  normalizeClusterIPs(svc.spec as ServiceSpec);
  defaultService(svc);
  initIPFamilyFields(svc.spec as ServiceSpec, ['IPv4']);
  return validateService(svc, '10.96.0.0/12').map(fieldErrorText);
}

const port = (p: number, extra: Record<string, unknown> = {}) => ({ port: p, ...extra });

// ValidateService (pkg/apis/core/validation/validation.go; name checks from apimachinery
// pkg/util/validation/validation.go); JSON values as of 1.34.
describe('ValidateService', () => {
  it.each<[string, ServiceSpec, string[]]>([
    ['a valid ClusterIP service', { selector: { app: 'a' }, ports: [port(80)] }, []],
    ['ports are required', { selector: { app: 'a' } }, ['spec.ports: Required value']],
    ['but not for headless services', { clusterIP: 'None', selector: { app: 'a' } }, []],
    ['names are required with several ports', { ports: [port(80, { name: 'http' }), port(443)] }, ['spec.ports[1].name: Required value']],
    ['names are unique', { ports: [port(80, { name: 'http' }), port(81, { name: 'http' })] }, ['spec.ports[1].name: Duplicate value: "http"']],
    [
      'protocol/port pairs are unique',
      { ports: [port(80, { name: 'a' }), port(80, { name: 'b' })] },
      ['spec.ports[1]: Duplicate value: {"Name":"","Protocol":"TCP","AppProtocol":null,"Port":80,"TargetPort":0,"NodePort":0}'],
    ],
    ['port range', { ports: [port(0, { targetPort: 80 })] }, ['spec.ports[0].port: Invalid value: 0: must be between 1 and 65535, inclusive']],
    ['targetPort range', { ports: [port(80, { targetPort: 70000 })] }, ['spec.ports[0].targetPort: Invalid value: 70000: must be between 1 and 65535, inclusive']],
    ['targetPort names', { ports: [port(80, { targetPort: 'web--port' })] }, ['spec.ports[0].targetPort: Invalid value: "web--port": must not contain consecutive hyphens']],
    ['protocol values', { ports: [port(80, { protocol: 'HTTP' })] }, ['spec.ports[0].protocol: Unsupported value: "HTTP": supported values: "SCTP", "TCP", "UDP"']],
    ['nodePort on a ClusterIP service', { ports: [port(80, { nodePort: 30080 })] }, ["spec.ports[0].nodePort: Forbidden: may not be used when `type` is 'ClusterIP'"]],
    [
      'duplicate nodePorts',
      { type: 'NodePort', ports: [port(80, { name: 'a', nodePort: 30080 }), port(81, { name: 'b', nodePort: 30080 })] },
      ['spec.ports[1].nodePort: Duplicate value: 30080'],
    ],
    ['unknown type', { type: 'Foo', ports: [port(80)] }, ['spec.type: Unsupported value: "Foo": supported values: "ClusterIP", "ExternalName", "LoadBalancer", "NodePort"']],
    ['headless NodePort', { type: 'NodePort', clusterIP: 'None', ports: [port(80)] }, [`spec.clusterIPs[0]: Invalid value: "None": may not be set to 'None' for NodePort services`]],
    [
      'headless LoadBalancer',
      { type: 'LoadBalancer', clusterIP: 'None', ports: [port(80)] },
      [`spec.clusterIPs[0]: Invalid value: "None": may not be set to 'None' for LoadBalancer services`],
    ],
    ['clusterIP and clusterIPs disagree', { clusterIP: '10.96.0.5', clusterIPs: ['10.96.0.6'], ports: [port(80)] }, ['spec.clusterIPs: Invalid value: ["10.96.0.6"]: first value must match `clusterIP`']],
    [
      "'None' must be alone",
      { clusterIP: 'None', clusterIPs: ['None', '10.96.0.6'], ports: [port(80)] },
      ["spec.clusterIPs: Invalid value: [\"None\",\"10.96.0.6\"]: 'None' must be the first and only value"],
    ],
    [
      'at most two cluster IPs',
      { clusterIP: '10.96.0.5', clusterIPs: ['10.96.0.5', 'fd00::5', '10.96.0.6'], ipFamilyPolicy: 'RequireDualStack', ports: [port(80)] },
      ['spec.clusterIPs: Invalid value: ["10.96.0.5","fd00::5","10.96.0.6"]: may only hold up to 2 values', 'spec.clusterIPs[1]: Invalid value: ["10.96.0.5","fd00::5","10.96.0.6"]: IPv6 is not configured on this cluster'],
    ],
    ['a malformed clusterIP', { clusterIP: '10.96.0', ports: [port(80)] }, ['spec.clusterIPs[0]: Invalid value: "10.96.0": must be a valid IP address, (e.g. 10.9.8.7 or 2001:db8::ffff)']],
    ['ExternalName needs a name', { type: 'ExternalName' }, ['spec.externalName: Required value']],
    ['ExternalName accepts a trailing dot', { type: 'ExternalName', externalName: 'db.example.com.' }, []],
    [
      'ExternalName is a DNS subdomain',
      { type: 'ExternalName', externalName: 'DB.example.com' },
      [
        `spec.externalName: Invalid value: "DB.example.com": a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')`,
      ],
    ],
    ['ExternalName with a cluster IP', { type: 'ExternalName', externalName: 'a.b', clusterIP: '10.96.0.9' }, ['spec.clusterIPs: Forbidden: may not be set for ExternalName services']],
    ['session affinity values', { sessionAffinity: 'Sticky', ports: [port(80)] }, ['spec.sessionAffinity: Unsupported value: "Sticky": supported values: "ClientIP", "None"']],
    [
      'ClientIP timeout range',
      { sessionAffinity: 'ClientIP', sessionAffinityConfig: { clientIP: { timeoutSeconds: 90000 } }, ports: [port(80)] },
      ['spec.sessionAffinityConfig.clientIP.timeoutSeconds: Invalid value: 90000: must be greater than 0 and less than 86400'],
    ],
    [
      'externalTrafficPolicy only for externally accessible services',
      { externalTrafficPolicy: 'Local', ports: [port(80)] },
      ['spec.externalTrafficPolicy: Invalid value: "Local": may only be set for externally-accessible services'],
    ],
    ['internalTrafficPolicy values', { internalTrafficPolicy: 'Node', ports: [port(80)] }, ['spec.internalTrafficPolicy: Unsupported value: "Node": supported values: "Cluster", "Local"']],
    ['external IPs are not loopback', { externalIPs: ['127.0.0.1'], ports: [port(80)] }, ['spec.externalIPs[0]: Invalid value: "127.0.0.1": may not be in the loopback range (127.0.0.0/8, ::1/128)']],
    ['source ranges only for load balancers', { loadBalancerSourceRanges: ['10.0.0.0/8'], ports: [port(80)] }, ["spec.LoadBalancerSourceRanges: Forbidden: may only be used when `type` is 'LoadBalancer'"]],
    ['selector labels', { selector: { app: 'my app' }, ports: [port(80)] }, [expect.stringMatching(/^spec\.selector: Invalid value: "my app": a valid label must be/) as unknown as string]],
  ])('%s', (_name, spec, want) => {
    expect(errorsFor(spec)).toEqual(want);
  });

  it('names are DNS-1035 labels', () => {
    expect(errorsFor({ ports: [port(80)] }, '1web')).toEqual([
      `metadata.name: Invalid value: "1web": a DNS-1035 label must consist of lower case alphanumeric characters or '-', start with an alphabetic character, and end with an alphanumeric character (e.g. 'my-name',  or 'abc-123', regex used for validation is '[a-z]([-a-z0-9]*[a-z0-9])?')`,
    ]);
  });

  it('sessionAffinityConfig with affinity None, when defaulting is bypassed', () => {
    const svc: Service = {
      metadata: { name: 's', namespace: 'default' },
      spec: { type: 'ClusterIP', sessionAffinity: 'None', sessionAffinityConfig: { clientIP: { timeoutSeconds: 10 } }, ports: [{ port: 80, protocol: 'TCP', targetPort: 80 }], internalTrafficPolicy: 'Cluster' },
    };
    expect(validateService(svc, '10.96.0.0/12').map(fieldErrorText)).toEqual(['spec.sessionAffinityConfig: Forbidden: must not be set when session affinity is None']);
  });
});

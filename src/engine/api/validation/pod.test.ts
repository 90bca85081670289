import { describe, expect, it } from 'vitest';
import type { Container, Pod } from '../types';
import { fieldErrorText } from '../fieldErrors';
import { newAdmissionTestApi } from '../../registry/admissionTestApi';

type Spec = NonNullable<Pod['spec']>;

/** Creates a pod through the apiserver (so it is defaulted first) and returns the field error lines. */
function createErrors(spec: Partial<Spec>, name = 'p'): string[] {
  const api = newAdmissionTestApi();
  const r = api.create('Pod', { apiVersion: 'v1', kind: 'Pod', metadata: { name }, spec: spec as Spec });
  if (r.ok) return [];
  return (r.status.details?.causes ?? []).map((c) => (c.field ? `${c.field}: ${c.message}` : c.message));
}

const ctr = (c: Partial<Container>): Container => ({ name: 'web', image: 'nginx', ...c });

// Messages from pkg/apis/core/validation/validation.go (Kubernetes 1.34) unless noted.
describe('ValidatePodSpec through pod create', () => {
  it.each<[string, Partial<Spec>, string[]]>([
    ['containers required', { containers: [] }, ['spec.containers: Required value']],
    ['image required', { containers: [ctr({ image: '' })] }, ['spec.containers[0].image: Required value']],
    ['container name required', { containers: [ctr({ name: '' })] }, ['spec.containers[0].name: Required value']],
    [
      'container name is a DNS-1123 label',
      { containers: [ctr({ name: 'Web' })] },
      [
        `spec.containers[0].name: Invalid value: "Web": a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and must start and end with an alphanumeric character (e.g. 'my-name',  or '123-abc', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?')`,
      ],
    ],
    ['container names unique', { containers: [ctr({}), ctr({})] }, ['spec.containers[1].name: Duplicate value: "web"']],
    ['containerPort range', { containers: [ctr({ ports: [{ containerPort: 70000 }] })] }, ['spec.containers[0].ports[0].containerPort: Invalid value: 70000: must be between 1 and 65535, inclusive']],
    ['containerPort required', { containers: [ctr({ ports: [{ containerPort: 0 }] })] }, ['spec.containers[0].ports[0].containerPort: Required value']],
    [
      'port name is an IANA_SVC_NAME',
      { containers: [ctr({ ports: [{ containerPort: 80, name: 'HTTP_1' }] })] },
      [
        'spec.containers[0].ports[0].name: Invalid value: "HTTP_1": must contain only alpha-numeric characters (a-z, 0-9), and hyphens (-)',
        'spec.containers[0].ports[0].name: Invalid value: "HTTP_1": must contain at least one letter (a-z)',
      ],
    ],
    [
      'port names unique',
      { containers: [ctr({ ports: [{ containerPort: 80, name: 'http' }, { containerPort: 81, name: 'http' }] })] },
      ['spec.containers[0].ports[1].name: Duplicate value: "http"'],
    ],
    [
      'port protocol values',
      { containers: [ctr({ ports: [{ containerPort: 80, protocol: 'HTTP' }] })] },
      ['spec.containers[0].ports[0].protocol: Unsupported value: "HTTP": supported values: "SCTP", "TCP", "UDP"'],
    ],
    [
      'duplicate host ports across containers',
      { containers: [ctr({ ports: [{ containerPort: 80, hostPort: 8080 }] }), ctr({ name: 'b', ports: [{ containerPort: 81, hostPort: 8080 }] })] },
      ['spec.containers[1].ports[0].hostPort: Duplicate value: "TCP//8080"'],
    ],
    [
      'restartPolicy values',
      { containers: [ctr({})], restartPolicy: 'Sometimes' },
      ['spec.restartPolicy: Unsupported value: "Sometimes": supported values: "Always", "OnFailure", "Never"'],
    ],
    [
      'dnsPolicy values',
      { containers: [ctr({})], dnsPolicy: 'Cluster' },
      ['spec.dnsPolicy: Unsupported value: "Cluster": supported values: "ClusterFirstWithHostNet", "ClusterFirst", "Default", "None"'],
    ],
    ['dnsPolicy None needs dnsConfig', { containers: [ctr({})], dnsPolicy: 'None' }, ['spec.dnsConfig: Required value: must provide `dnsConfig` when `dnsPolicy` is None']],
    ['env name required', { containers: [ctr({ env: [{ name: '' }] })] }, ['spec.containers[0].env[0].name: Required value']],
    [
      'env names are printable ASCII without "=" (relaxed validation, 1.34)',
      { containers: [ctr({ env: [{ name: 'A=B', value: 'x' }] })] },
      [`spec.containers[0].env[0].name: Invalid value: "A=B": a valid environment variable name must consist only of printable ASCII characters other than '='`],
    ],
    [
      'probe needs exactly one handler',
      { containers: [ctr({ readinessProbe: {} })] },
      ['spec.containers[0].readinessProbe: Required value: must specify a handler type'],
    ],
    [
      'probe with two handlers',
      { containers: [ctr({ livenessProbe: { exec: { command: ['true'] }, tcpSocket: { port: 80 } } })] },
      ['spec.containers[0].livenessProbe.tcpSocket: Forbidden: may not specify more than 1 handler type'],
    ],
    [
      'liveness successThreshold must be 1',
      { containers: [ctr({ livenessProbe: { tcpSocket: { port: 80 }, successThreshold: 2 } })] },
      ['spec.containers[0].livenessProbe.successThreshold: Invalid value: 2: must be 1'],
    ],
    [
      'negative probe thresholds',
      { containers: [ctr({ readinessProbe: { tcpSocket: { port: 80 }, failureThreshold: -1 } })] },
      ['spec.containers[0].readinessProbe.failureThreshold: Invalid value: -1: must be greater than or equal to 0'],
    ],
    [
      'probe port name',
      { containers: [ctr({ readinessProbe: { httpGet: { port: 'Web_Port' } } })] },
      [
        'spec.containers[0].readinessProbe.httpGet.port: Invalid value: "Web_Port": must contain only alpha-numeric characters (a-z, 0-9), and hyphens (-)',
      ],
    ],
    [
      'requests above limits',
      { containers: [ctr({ resources: { limits: { cpu: '1' }, requests: { cpu: '2' } } })] },
      ['spec.containers[0].resources.requests: Invalid value: "2": must be less than or equal to cpu limit of 1'],
    ],
    ['volume mount of an unknown volume', { containers: [ctr({ volumeMounts: [{ name: 'data', mountPath: '/data' }] })] }, ['spec.containers[0].volumeMounts[0].name: Not found: "data"']],
    ['activeDeadlineSeconds range', { containers: [ctr({})], activeDeadlineSeconds: 0 }, ['spec.activeDeadlineSeconds: Invalid value: 0: must be between 1 and 2147483647, inclusive']],
    [
      'tolerationSeconds only with NoExecute',
      { containers: [ctr({})], tolerations: [{ key: 'k', operator: 'Exists', effect: 'NoSchedule', tolerationSeconds: 5 }] },
      ["spec.tolerations[0].effect: Invalid value: \"NoSchedule\": effect must be 'NoExecute' when `tolerationSeconds` is set"],
    ],
  ])('%s', (_name, spec, want) => {
    expect(createErrors(spec)).toEqual(want);
  });

  it('accepts the kubectl-run pod', () => {
    expect(createErrors({ containers: [ctr({ ports: [{ containerPort: 8000 }] })] })).toEqual([]);
  });

  it('pod names are DNS-1123 subdomains', () => {
    expect(createErrors({ containers: [ctr({})] }, 'My_Pod')[0]).toMatch(/^metadata\.name: Invalid value: "My_Pod": a lowercase RFC 1123 subdomain/);
  });

  it('field errors render as the apiserver words them', () => {
    const api = newAdmissionTestApi();
    const r = api.create('Pod', { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'p' }, spec: { containers: [{ name: 'c', image: '' }] } });
    expect(!r.ok && r.status.message).toBe('Pod "p" is invalid: spec.containers[0].image: Required value');
    expect(fieldErrorText({ type: 'FieldValueRequired', field: 'spec.containers[0].image', detail: '' })).toBe('spec.containers[0].image: Required value');
  });
});

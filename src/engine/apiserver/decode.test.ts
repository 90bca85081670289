import { describe, expect, it } from 'vitest';
import { decodeError } from './decode';

// encoding/json UnmarshalTypeError: "json: cannot unmarshal <json type> into Go struct field <Struct>.<path> of type <Go type>",
// wrapped by the apiserver's decoder as `<Kind> in version "v1" cannot be handled as a <Kind>: <err>`.
describe('decodeError', () => {
  it('accepts well-typed objects, nulls and int-or-string fields', () => {
    expect(decodeError('Pod', { metadata: { name: 'a', labels: { app: 'x' } }, spec: { containers: [{ name: 'c', image: 'nginx', ports: [{ containerPort: 80 }] }] } })).toBeUndefined();
    expect(decodeError('Service', { spec: { ports: [{ port: 80, targetPort: 'http' }], selector: null } })).toBeUndefined();
    expect(decodeError('Pod', { spec: { containers: [{ name: 'c', resources: { limits: { cpu: 1, memory: '64Mi' } } }] } })).toBeUndefined();
  });

  it('names the innermost struct and the full path of a mistyped field', () => {
    expect(decodeError('Pod', { spec: false })?.message).toBe(
      'Pod in version "v1" cannot be handled as a Pod: json: cannot unmarshal bool into Go struct field Pod.spec of type v1.PodSpec',
    );
    expect(decodeError('Pod', { spec: { containers: [{ name: 'c', ports: [{ containerPort: '80' }] }] } })?.message).toBe(
      'Pod in version "v1" cannot be handled as a Pod: json: cannot unmarshal string into Go struct field ContainerPort.spec.containers.ports.containerPort of type int32',
    );
    expect(decodeError('Deployment', { spec: { replicas: 'two' } })?.message).toBe(
      'Deployment in version "v1" cannot be handled as a Deployment: json: cannot unmarshal string into Go struct field DeploymentSpec.spec.replicas of type int32',
    );
    expect(decodeError('Service', { metadata: { labels: { app: 1 } } })?.message).toBe(
      'Service in version "v1" cannot be handled as a Service: json: cannot unmarshal number into Go struct field ObjectMeta.metadata.labels of type string',
    );
    expect(decodeError('Pod', { spec: { containers: {} } })?.code).toBe(400);
  });
});

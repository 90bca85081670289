import { describe, expect, it } from 'vitest';
import { decodeError, unknownFields, withoutUnknownFields } from './decode';
import { goValueText, validateBodyFields, validatePatchedFields } from './fieldValidation';

// Messages: kubernetes/apiserver pkg/endpoints/handlers/rest.go transformDecodeError and patch.go
// applyPatchToObject; apimachinery pkg/runtime/error.go strictDecodingError, pkg/runtime/converter.go (paths).
const svc = { apiVersion: 'v1', kind: 'Service', metadata: { name: 'web', lables: { a: 'b' } }, spec: { ports: [{ port: 80, tragetPort: 8080 }], bogus: { x: 1 } } };

describe('server-side field validation', () => {
  it('lists unknown fields in body order with apimachinery paths, without looking inside them', () => {
    expect(unknownFields('Service', svc)).toEqual(['metadata.lables', 'spec.bogus', 'spec.ports[0].tragetPort']);
    expect(unknownFields('Service', svc, 'post')).toEqual(['metadata.lables', 'spec.ports[0].tragetPort', 'spec.bogus']);
    expect(unknownFields('Pod', { spec: { resources: { limits: { cpu: 1 } }, containers: [{ name: 'c', resizePolicy: [] }] } })).toEqual([]);
  });

  it('finds an unknown field alone deep inside arrays and maps (the quick walk that says whether there is one)', () => {
    const pod = { spec: { containers: [{ name: 'a' }, { name: 'b', ports: [{ containerPort: 80 }, { containerPort: 81, hostPrt: 1 }] }] } };
    expect(unknownFields('Pod', pod)).toEqual(['spec.containers[1].ports[1].hostPrt']);
    const withMap = { spec: { overhead: { cpu: '1' }, nodeSelector: { a: 'b' }, containers: [{ name: 'a', resources: { limits: { cpu: 1 } } }], tolerations: [{ key: 'k', efect: 'NoSchedule' }] } };
    expect(unknownFields('Pod', withMap)).toEqual(['spec.tolerations[0].efect']);
    expect(unknownFields('Pod', { metadata: { name: 'p', labels: { any: 'x' }, annotations: { 'a/b': 'c' } } })).toEqual([]);
  });

  it('fails a Strict create with the decoder message, warns under Warn, says nothing under Ignore', () => {
    expect(validateBodyFields('Service', svc, 'Strict')?.message).toBe(
      'Service in version "v1" cannot be handled as a Service: strict decoding error: unknown field "metadata.lables", unknown field "spec.bogus", unknown field "spec.ports[0].tragetPort"',
    );
    expect(validateBodyFields('Service', svc, 'Strict')?.code).toBe(400);
    const warnings: string[] = [];
    expect(validateBodyFields('Service', svc, 'Warn', warnings)).toBeUndefined();
    expect(warnings).toEqual(['unknown field "metadata.lables"', 'unknown field "spec.bogus"', 'unknown field "spec.ports[0].tragetPort"']);
    expect(validateBodyFields('Service', svc, 'Ignore', warnings)).toBeUndefined();
    expect(warnings).toHaveLength(3);
  });

  it('fails a Strict patch with a 422 on "patch" that quotes the patch as Go prints a map', () => {
    const patch = { spec: { ports: [{ port: 80, tragetPort: 8080 }], note: 'a "b"\n', x: null } };
    const s = validatePatchedFields('Service', { spec: { ports: [{ port: 80, tragetPort: 8080 }] } }, patch, 'Strict');
    expect(s?.code).toBe(422);
    expect(s?.details?.causes).toEqual([
      { reason: 'FieldValueInvalid', field: 'patch', message: 'Invalid value: "map[spec:map[note:a \\"b\\"\\n ports:[map[port:80 tragetPort:8080]] x:<nil>]]": strict decoding error: unknown field "spec.ports[0].tragetPort"' },
    ]);
    expect(goValueText({ b: [1, true], a: 'x' })).toBe('map[a:x b:[1 true]]');
  });

  it('stores what the Go types can hold: unknown fields are dropped, the rest is shared', () => {
    const pruned = withoutUnknownFields('Service', svc);
    expect(pruned).toEqual({ apiVersion: 'v1', kind: 'Service', metadata: { name: 'web' }, spec: { ports: [{ port: 80 }] } });
    expect(svc.spec.ports[0].tragetPort).toBe(8080);
    const clean = { metadata: { name: 'a' }, spec: { ports: [{ port: 80 }] } };
    expect(withoutUnknownFields('Service', clean)).toBe(clean);
  });

  it('refuses a fraction for an integer field, as encoding/json does', () => {
    expect(decodeError('Deployment', { spec: { replicas: 1.5 } })?.message).toBe(
      'Deployment in version "v1" cannot be handled as a Deployment: json: cannot unmarshal number 1.5 into Go struct field DeploymentSpec.spec.replicas of type int32',
    );
    expect(decodeError('Pod', { spec: { terminationGracePeriodSeconds: 'x' } })?.message).toContain('of type int64');
  });
});

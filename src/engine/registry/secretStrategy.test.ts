/**
 * Secret admission end to end through the simulated apiserver: kubernetes/kubernetes
 * `pkg/registry/core/secret/strategy.go`, the v1 conversion's stringData merge (`pkg/apis/core/v1/conversion.go`
 * `Convert_v1_Secret_To_core_Secret`), `SetDefaults_Secret` (`pkg/apis/core/v1/defaults.go`) and
 * `ValidateSecret` / `ValidateSecretUpdate` (`pkg/apis/core/validation/validation.go`, 1.34), messages rendered
 * as apimachinery v0.34 `pkg/util/validation/field/errors.go` renders them.
 */
import { describe, expect, it } from 'vitest';
import { decodeError } from '../apiserver/decode';
import type { Secret } from '../api/types';
import { newAdmissionTestApi } from './admissionTestApi';

const secret = (extra: Partial<Secret> & Record<string, unknown> = {}): Secret => ({ apiVersion: 'v1', kind: 'Secret', metadata: { name: 's' }, ...extra });

const refusal = (r: { ok: boolean; status?: { message: string } }) => (r.ok ? 'accepted' : r.status?.message);

describe('Secret admission', () => {
  it('merges stringData into data as base64, stores no stringData, and defaults the type to Opaque', () => {
    const api = newAdmissionTestApi();
    const r = api.create('Secret', secret({ data: { username: 'YWRtaW4=', password: 'b2xk' }, stringData: { password: 's3cr3t', 'note.txt': 'héllo' } }));
    if (!r.ok) throw new Error(r.status.message);
    expect(r.value.data).toEqual({ username: 'YWRtaW4=', password: 'czNjcjN0', 'note.txt': 'aMOpbGxv' });
    expect('stringData' in r.value).toBe(false);
    expect(r.value.type).toBe('Opaque');
  });

  it('requires the keys of each well-known type', () => {
    const api = newAdmissionTestApi();
    expect(refusal(api.create('Secret', secret({ type: 'kubernetes.io/tls', data: { 'tls.crt': 'YQ==' } })))).toBe('Secret "s" is invalid: data[tls.key]: Required value');
    expect(refusal(api.create('Secret', secret({ type: 'kubernetes.io/basic-auth', data: {} })))).toBe(
      'Secret "s" is invalid: [data[username]: Required value, data[password]: Required value]',
    );
    // an empty password is enough: "username or password might be empty, but the field must be present"
    expect(refusal(api.create('Secret', secret({ metadata: { name: 'b' }, type: 'kubernetes.io/basic-auth', stringData: { password: '' } })))).toBe('accepted');
    expect(refusal(api.create('Secret', secret({ type: 'kubernetes.io/ssh-auth', stringData: { 'ssh-privatekey': '' } })))).toBe(
      'Secret "s" is invalid: data[ssh-privatekey]: Required value',
    );
    expect(refusal(api.create('Secret', secret({ type: 'kubernetes.io/service-account-token' })))).toBe(
      'Secret "s" is invalid: metadata.annotations[kubernetes.io/service-account.name]: Required value',
    );
  });

  it('wants a .dockerconfigjson that unmarshals into a map, with its contents redacted in the message', () => {
    const api = newAdmissionTestApi();
    expect(refusal(api.create('Secret', secret({ type: 'kubernetes.io/dockerconfigjson', stringData: { '.dockerconfigjson': '{auths:' } })))).toBe(
      `Secret "s" is invalid: data[.dockerconfigjson]: Invalid value: "<secret contents redacted>": invalid character 'a' looking for beginning of object key string`,
    );
    expect(refusal(api.create('Secret', secret({ type: 'kubernetes.io/dockerconfigjson', stringData: { '.dockerconfigjson': '{"auths":{}}' } })))).toBe('accepted');
  });

  it('checks data keys as config keys and the decoded size against 1 MiB', () => {
    const api = newAdmissionTestApi();
    expect(refusal(api.create('Secret', secret({ stringData: { 'bad key': 'x' } })))).toBe(
      `Secret "s" is invalid: data[bad key]: Invalid value: "bad key": a valid config key must consist of alphanumeric characters, '-', '_' or '.' (e.g. 'key.name',  or 'KEY_NAME',  or 'key-name', regex used for validation is '[-._a-zA-Z0-9]+')`,
    );
    expect(refusal(api.create('Secret', secret({ stringData: { big: 'x'.repeat(1024 * 1024 + 1) } })))).toBe('Secret "s" is invalid: data: Too long: may not be more than 1048576 bytes');
  });

  // ValidateSecretUpdate ends with ValidateSecret of the new object, so the new type's keys are required too
  it('keeps the type, and the data of an immutable Secret', () => {
    const api = newAdmissionTestApi();
    const r = api.create('Secret', secret({ immutable: true, stringData: { a: '1' } }));
    if (!r.ok) throw new Error(r.status.message);
    expect(refusal(api.update('Secret', { ...r.value, type: 'kubernetes.io/basic-auth', immutable: false, data: { a: 'Mg==' } }))).toBe(
      'Secret "s" is invalid: [type: Invalid value: "kubernetes.io/basic-auth": field is immutable, immutable: Forbidden: field is immutable when `immutable` is set, data: Forbidden: field is immutable when `immutable` is set, data[username]: Required value, data[password]: Required value]',
    );
    expect(refusal(api.update('Secret', { ...r.value, metadata: { ...r.value.metadata, labels: { a: 'b' } } }))).toBe('accepted');
  });
});

describe('Secret decoding', () => {
  // encoding/json decodes []byte as base64 (encoding/base64 CorruptInputError); a number is an UnmarshalTypeError
  it('refuses data that is not base64, quoting the offset', () => {
    expect(decodeError('Secret', secret({ data: { a: 'YWRtaW4=', b: 'not base64' } }))?.message).toBe(
      'Secret in version "v1" cannot be handled as a Secret: illegal base64 data at input byte 3',
    );
    expect(decodeError('Secret', secret({ data: { a: 1 } } as never))?.message).toBe(
      'Secret in version "v1" cannot be handled as a Secret: json: cannot unmarshal number into Go struct field Secret.data of type []uint8',
    );
    expect(decodeError('ConfigMap', { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'c' }, binaryData: { a: 'abc' } })?.message).toBe(
      'ConfigMap in version "v1" cannot be handled as a ConfigMap: illegal base64 data at input byte 0',
    );
  });
});

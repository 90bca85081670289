import { describe, expect, it } from 'vitest';
import { fieldErrorText } from '../fieldErrors';
import type { Pod } from '../types';
import { newAdmissionTestApi } from '../../registry/admissionTestApi';
import { validateObjectMeta, validateObjectMetaUpdate } from './objectMeta';
import { nameIsDNS1035Label, nameIsDNSLabel, nameIsDNSSubdomain } from './names';

const texts = (errs: ReturnType<typeof validateObjectMeta>) => errs.map(fieldErrorText);

describe('ValidateObjectMeta (apimachinery pkg/api/validation/objectmeta.go)', () => {
  it('requires a name or generateName', () => {
    expect(texts(validateObjectMeta({ namespace: 'default' }, true, nameIsDNSSubdomain))).toEqual([
      'metadata.name: Required value: name or generateName is required',
    ]);
  });

  it('validates the name with the kind’s rule', () => {
    // Service names are DNS-1035 labels, namespaces DNS-1123 labels (apimachinery pkg/util/validation/validation.go)
    expect(texts(validateObjectMeta({ name: 'web.v1', namespace: 'default' }, true, nameIsDNS1035Label))[0]).toMatch(
      /^metadata\.name: Invalid value: "web\.v1": a DNS-1035 label must consist/,
    );
    expect(texts(validateObjectMeta({ name: 'team.a' }, false, nameIsDNSLabel))).toEqual(['metadata.name: Invalid value: "team.a": must not contain dots']);
  });

  it('validates generateName as a prefix', () => {
    expect(texts(validateObjectMeta({ name: 'webx', generateName: 'Web-', namespace: 'default' }, true, nameIsDNSSubdomain))[0]).toMatch(
      /^metadata\.generateName: Invalid value: "Web-": a lowercase RFC 1123 subdomain/,
    );
  });

  it('reports labels at metadata.labels', () => {
    expect(texts(validateObjectMeta({ name: 'p', namespace: 'default', labels: { app: 'bad value' } }, true, nameIsDNSSubdomain))).toEqual([
      `metadata.labels: Invalid value: "bad value": a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyValue',  or 'my_value',  or '12345', regex used for validation is '(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?')`,
    ]);
  });

  it('checks annotation keys case-insensitively and their total size', () => {
    expect(texts(validateObjectMeta({ name: 'p', namespace: 'default', annotations: { 'Example.COM/Key': 'v' } }, true, nameIsDNSSubdomain))).toEqual([]);
    const big = { a: 'x'.repeat(256 * 1024) };
    expect(texts(validateObjectMeta({ name: 'p', namespace: 'default', annotations: big }, true, nameIsDNSSubdomain))).toEqual([
      'metadata.annotations: Too long: may not be more than 262144 bytes',
    ]);
  });

  it('forbids a namespace on cluster-scoped kinds and requires one on namespaced kinds', () => {
    expect(texts(validateObjectMeta({ name: 'n', namespace: 'x' }, false, nameIsDNSSubdomain))).toEqual(['metadata.namespace: Forbidden: not allowed on this type']);
    expect(texts(validateObjectMeta({ name: 'n' }, true, nameIsDNSSubdomain))).toEqual(['metadata.namespace: Required value']);
  });

  it('checks finalizer names (core adds the standard-name rule)', () => {
    expect(texts(validateObjectMeta({ name: 'n', namespace: 'default', finalizers: ['custom'] }, true, nameIsDNSSubdomain))).toEqual([
      'metadata.finalizers[0]: Invalid value: "custom": name is neither a standard finalizer name nor is it fully qualified',
    ]);
  });
});

describe('ValidateObjectMetaUpdate', () => {
  it('keeps identity fields immutable', () => {
    expect(texts(validateObjectMetaUpdate({ name: 'b', uid: 'u1' }, { name: 'a', uid: 'u1' }))).toEqual(['metadata.name: Invalid value: "b": field is immutable']);
  });

  it('refuses new finalizers once deletion started', () => {
    const old = { name: 'a', deletionTimestamp: '2026-01-05T09:00:00Z', finalizers: ['a.io/x'] };
    expect(texts(validateObjectMetaUpdate({ ...old, finalizers: ['a.io/x', 'b.io/y'] }, old))).toEqual([
      'metadata.finalizers: Forbidden: no new finalizers can be added if the object is being deleted, found new finalizers []string{"b.io/y"}',
    ]);
  });
});

describe('through the apiserver', () => {
  it('renders the 422 as kubectl prints it', () => {
    const api = newAdmissionTestApi();
    const pod: Pod = { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'p', labels: { 'bad key!': 'x' } }, spec: { containers: [{ name: 'c', image: 'nginx' }] } };
    const r = api.create('Pod', pod);
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.status.reason).toBe('Invalid');
      expect(r.status.message).toMatch(/^Pod "p" is invalid: metadata\.labels: Invalid value: "bad key!": name part must consist/);
    }
  });
});

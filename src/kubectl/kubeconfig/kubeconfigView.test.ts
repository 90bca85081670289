/**
 * The v1 Config `kubectl config view` prints, against client-go v0.34.0 tools/clientcmd/api/helpers.go
 * (MinifyConfig's errors, RedactSecrets + ShortenConfig: DATA+OMITTED for certificate data, REDACTED for a token)
 * and tools/clientcmd/api/v1/types.go (field order, `namespace` omitted when empty, lists sorted by name).
 */
import { describe, expect, it } from 'vitest';
import { CommandError } from '../cli/errors';
import type { Kubeconfig } from './kubeconfig';
import { kubeconfigView } from './kubeconfigView';

function config(): Kubeconfig {
  return {
    clusters: new Map([['kind-kind', { server: 'https://127.0.0.1:6443', certificateAuthorityData: 'Q0E=' }]]),
    users: new Map([
      ['kind-kind', { clientCertificateData: 'Q0VSVA==', clientKeyData: 'S0VZ' }],
      ['bot', { token: 'abc' }],
    ]),
    contexts: new Map([
      ['kind-kind', { cluster: 'kind-kind', user: 'kind-kind', namespace: '' }],
      ['bot', { cluster: 'kind-kind', user: 'bot', namespace: 'ci' }],
      ['lost', { cluster: 'gone', user: '', namespace: '' }],
    ]),
    currentContext: 'kind-kind',
  };
}

const error = (f: () => unknown) => {
  try {
    f();
  } catch (e) {
    return e instanceof CommandError ? e.message : String(e);
  }
  return undefined;
};

describe('kubeconfigView', () => {
  it('omits certificate data and redacts tokens unless raw', () => {
    const v = kubeconfigView(config(), { minify: false, raw: false, context: '' });
    expect(v.users).toEqual([
      { name: 'bot', user: { token: 'REDACTED' } },
      { name: 'kind-kind', user: { 'client-certificate-data': 'DATA+OMITTED', 'client-key-data': 'DATA+OMITTED' } },
    ]);
    expect(v.contexts).toEqual([
      { name: 'bot', context: { cluster: 'kind-kind', user: 'bot', namespace: 'ci' } },
      { name: 'kind-kind', context: { cluster: 'kind-kind', user: 'kind-kind' } },
      { name: 'lost', context: { cluster: 'gone', user: '' } },
    ]);
    const raw = kubeconfigView(config(), { minify: false, raw: true, context: '' });
    expect(raw.users).toEqual([
      { name: 'bot', user: { token: 'abc' } },
      { name: 'kind-kind', user: { 'client-certificate-data': 'Q0VSVA==', 'client-key-data': 'S0VZ' } },
    ]);
  });

  it('minifies to the current context, or the one --context names, with MinifyConfig errors', () => {
    const v = kubeconfigView(config(), { minify: true, raw: false, context: 'bot' });
    expect(v['current-context']).toBe('bot');
    expect((v.users as unknown[]).length).toBe(1);
    expect(error(() => kubeconfigView(config(), { minify: true, raw: false, context: 'nope' }))).toBe('cannot locate context nope');
    expect(error(() => kubeconfigView(config(), { minify: true, raw: false, context: 'lost' }))).toBe('cannot locate cluster gone');
    expect(error(() => kubeconfigView({ ...config(), currentContext: '' }, { minify: true, raw: false, context: '' }))).toBe('current-context must exist in order to minify');
  });
});

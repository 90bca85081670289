// distribution/reference normalize.go ParseNormalizedNamed and reference.go Parse: the errors the kubelet quotes
import { describe, expect, it } from 'vitest';
import { normalizedNameError, referenceRegexp } from './imageReference';

describe('normalizedNameError', () => {
  it('accepts the references images are written with', () => {
    for (const image of ['nginx', 'nginx:1.27', 'busybox:1.28', 'registry.k8s.io/e2e-test-images/agnhost:2.53', 'localhost:5000/app', 'gcr.io/kuar-demo/kuard-amd64:blue', `nginx@sha256:${'a'.repeat(64)}`]) {
      expect(normalizedNameError(image)).toBeUndefined();
    }
  });

  it('names the repository that has capitals, as the kubelet reports it', () => {
    expect(normalizedNameError('Nginx:1.27')).toBe('invalid reference format: repository name (library/Nginx) must be lowercase');
    expect(normalizedNameError('unsloth/gemma-3-4b-it-GGUF:Q4_K_XL')).toBe('invalid reference format: repository name (unsloth/gemma-3-4b-it-GGUF) must be lowercase');
  });

  it('refuses what does not parse, and a bare 64-hex identifier', () => {
    expect(normalizedNameError('registry.hub.docker.com/library//nginx:latest')).toBe('invalid reference format');
    expect(normalizedNameError(':sha-0b293ab')).toBe('invalid reference format');
    expect(normalizedNameError('a'.repeat(64))).toBe(`invalid repository name (${'a'.repeat(64)}), cannot specify 64-byte hexadecimal strings`);
    expect(referenceRegexp.test('nginx:1.27')).toBe(true);
  });
});

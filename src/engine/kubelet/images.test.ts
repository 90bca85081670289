import { describe, expect, it } from 'vitest';
import { defaultPullPolicy, isPreloadedOnKindNode, statusImage, statusImageId } from './images';

// Shapes from real `kubectl get pod -o yaml` output on containerd (kind 1.34):
//   image: docker.io/library/nginx:latest   imageID: docker.io/library/nginx@sha256:<64 hex>
describe('image references', () => {
  it('normalizes Docker Hub short names the way containerd reports them', () => {
    expect(statusImage('nginx')).toBe('docker.io/library/nginx:latest');
    expect(statusImage('nginx:1.27')).toBe('docker.io/library/nginx:1.27');
    expect(statusImage('nicolaka/netshoot')).toBe('docker.io/nicolaka/netshoot:latest');
    expect(statusImage('gcr.io/kuar-demo/kuard-amd64:blue')).toBe('gcr.io/kuar-demo/kuard-amd64:blue');
    expect(statusImage('localhost:5000/app')).toBe('localhost:5000/app:latest');
  });

  it('gives a stable sha256 image ID on the repository', () => {
    const id = statusImageId('nginx');
    expect(id).toMatch(/^docker\.io\/library\/nginx@sha256:[0-9a-f]{64}$/);
    expect(statusImageId('nginx:latest')).toBe(id);
    expect(statusImageId('nginx:1.27')).not.toBe(id);
  });

  it('defaults the pull policy like SetDefaults_Container', () => {
    expect(defaultPullPolicy('nginx')).toBe('Always');
    expect(defaultPullPolicy('nginx:latest')).toBe('Always');
    expect(defaultPullPolicy('nginx:1.27')).toBe('IfNotPresent');
  });

  it('knows what a kind node image preloads', () => {
    expect(isPreloadedOnKindNode('registry.k8s.io/coredns/coredns:v1.12.1')).toBe(true);
    expect(isPreloadedOnKindNode('nginx')).toBe(false);
  });
});

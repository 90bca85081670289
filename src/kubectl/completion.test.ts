import { describe, expect, it } from 'vitest';
import { Cluster } from '../engine';
import { complete } from './completion';

describe('terminal completion', () => {
  const cluster = new Cluster({ seed: 1 });
  cluster.create('Service', { metadata: { name: 'alpaca-prod' }, spec: { selector: { app: 'alpaca' }, ports: [{ port: 8000 }] } });

  it('completes verbs, resource types and names', () => {
    expect(complete(cluster, 'kubectl ge').items).toEqual(['get']);
    expect(complete(cluster, 'kubectl get end').items).toEqual(['endpoints', 'endpointslice', 'endpointslices']);
    const names = complete(cluster, 'kubectl get svc a');
    expect(names.items).toEqual(['alpaca-prod']);
    expect(names.replaceFrom).toBe('kubectl get svc '.length);
    expect(complete(cluster, 'kubectl describe service ').items).toEqual(['alpaca-prod', 'kubernetes']);
  });

  it('completes flags and namespaced names', () => {
    expect(complete(cluster, 'kubectl get pods --wat').items).toContain('--watch');
    expect(complete(cluster, 'k get svc -n kube-system k').items).toEqual(['kube-dns']);
  });
});

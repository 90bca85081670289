import { describe, expect, it } from 'vitest';
import { Cluster } from '../engine';
import { complete } from './completion';
import { splitCommandLine } from './commandLine';
import { KubeconfigFile } from './kubeconfig/kubeconfig';
import { runKubectl } from './kubectl';

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

  it('completes subcommands of command groups, then their arguments', () => {
    expect(complete(cluster, 'kubectl rollout st').items).toEqual(['status']);
    expect(complete(cluster, 'kubectl rollout status deploy').items).toEqual(['deploy', 'deployment', 'deployments']);
    expect(complete(cluster, 'kubectl create service n').items).toEqual(['nodeport']);
    expect(complete(cluster, 'kubectl create ').items).toEqual(['configmap', 'deployment', 'namespace', 'secret', 'service']);
    expect(complete(cluster, 'kubectl create secret ').items).toEqual(['docker-registry', 'generic', 'tls']);
    expect(complete(cluster, 'kubectl create secret generic x --from-').items).toEqual(['--from-env-file', '--from-file', '--from-literal']);
    expect(complete(cluster, 'kubectl get secr').items).toEqual(['secret', 'secrets']);
    expect(complete(cluster, 'kubectl drain kind-worker').items).toEqual(['kind-worker', 'kind-worker2', 'kind-worker3']);
  });

  it('completes flags and namespaced names', () => {
    expect(complete(cluster, 'kubectl get pods --wat').items).toContain('--watch');
    expect(complete(cluster, 'k get svc -n kube-system k').items).toEqual(['kube-dns']);
  });

  it('completes names in the kubeconfig namespace, contexts for the config commands, and top pod|node', () => {
    const kubeconfig = new KubeconfigFile();
    runKubectl({ cluster, kubeconfig }, splitCommandLine('config set-context --current --namespace=kube-system'));
    expect(complete(cluster, 'kubectl get svc k', kubeconfig).items).toEqual(['kube-dns']);
    expect(complete(cluster, 'kubectl get svc -n default k', kubeconfig).items).toEqual(['kubernetes']);
    expect(complete(cluster, 'kubectl config use', kubeconfig).items).toEqual(['use-context']);
    expect(complete(cluster, 'kubectl config set-c', kubeconfig).items).toEqual(['set-context']);
    expect(complete(cluster, 'kubectl config use-context k', kubeconfig).items).toEqual(['kind-kind']);
    expect(complete(cluster, 'kubectl config view --m', kubeconfig).items).toEqual(['--merge', '--minify']);
    expect(complete(cluster, 'kubectl auth ', kubeconfig).items).toEqual(['can-i', 'whoami']);
    expect(complete(cluster, 'kubectl top no', kubeconfig).items).toEqual(['node']);
    expect(complete(cluster, 'kubectl top node kind-c', kubeconfig).items).toEqual(['kind-control-plane']);
    expect(complete(cluster, 'kubectl top pod cored', kubeconfig).items.length).toBe(2);
  });
});

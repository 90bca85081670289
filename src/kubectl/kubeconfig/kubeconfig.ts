/**
 * The kubeconfig kubectl reads (`~/.kube/config`; client-go v0.34.0 `tools/clientcmd/api/types.go` Config):
 * named clusters, users and contexts and the current context. svcsim holds it outside the engine, which models
 * the cluster and not its clients: each host (the browser's terminals, `svcsim shell`, a transcript) keeps one
 * {@link KubeconfigFile} per cluster and hands it to every kubectl run in {@link KubectlContext}, as every terminal
 * of a machine reads the same file.
 */
import type { Cluster } from '../../engine';
import type { KubectlContext } from '../cli/command';
import { kindCredentials } from './kindCredentials';

/** A cluster entry: where the API server is and the CA it is verified with (base64 of the PEM, as `[]byte`). */
export interface KubeconfigCluster {
  server: string;
  certificateAuthorityData: string;
}

/** A user entry (`AuthInfo`): kind's has a client certificate and key (base64 of the PEMs). */
export interface KubeconfigUser {
  clientCertificateData?: string;
  clientKeyData?: string;
  token?: string;
}

/** A context: a cluster and a user by name, and the namespace kubectl works in when `-n` is not given. */
export interface KubeconfigContext {
  cluster: string;
  user: string;
  /** Empty: kubectl falls back to `default` (clientcmd `DirectClientConfig.Namespace`). */
  namespace: string;
}

export interface Kubeconfig {
  clusters: Map<string, KubeconfigCluster>;
  users: Map<string, KubeconfigUser>;
  contexts: Map<string, KubeconfigContext>;
  currentContext: string;
}

/** The API server URL kind publishes on the host (`cluster-info` prints the same). */
export function apiServerUrl(ctx: KubectlContext): string {
  return ctx.serverUrl ?? 'https://127.0.0.1:6443';
}

/**
 * What `kind create cluster` writes for a cluster named NAME (sigs.k8s.io/kind v0.32.0
 * `pkg/cluster/internal/kubeconfig`, KINDFromRawKubeadm): kubeadm's admin.conf with the cluster, the user and the
 * context all renamed `kind-NAME`, the server made the host's published address, and that context current.
 */
export function kindKubeconfig(cluster: Cluster, server: string): Kubeconfig {
  const key = `kind-${cluster.config.name}`;
  const creds = kindCredentials(cluster);
  return {
    clusters: new Map([[key, { server, certificateAuthorityData: creds.certificateAuthorityData }]]),
    users: new Map([[key, { clientCertificateData: creds.clientCertificateData, clientKeyData: creds.clientKeyData }]]),
    contexts: new Map([[key, { cluster: key, user: key, namespace: '' }]]),
    currentContext: key,
  };
}

/**
 * The kubeconfig file of one cluster's machine. Its first read finds what kind wrote when it created the cluster;
 * `kubectl config set-context` and `use-context` change it in place, and every later read sees the change.
 */
export class KubeconfigFile {
  private config: Kubeconfig | undefined;

  read(cluster: Cluster, server: string): Kubeconfig {
    this.config ??= kindKubeconfig(cluster, server);
    return this.config;
  }
}

/** The kubeconfig a kubectl run reads: the host's file, or (a host without one) what kind wrote, for this run only. */
export function kubeconfigOf(ctx: KubectlContext): Kubeconfig {
  return (ctx.kubeconfig ?? new KubeconfigFile()).read(ctx.cluster, apiServerUrl(ctx));
}

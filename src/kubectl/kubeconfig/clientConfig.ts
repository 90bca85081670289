/**
 * What a kubectl command that talks to the API server takes from the kubeconfig (client-go v0.34.0
 * `tools/clientcmd/client_config.go` DirectClientConfig, with kubectl's `--context` and `-n` overrides): the
 * namespace it works in when `-n` is not given (the context's, else `default`), and whether the context leads to
 * the simulated cluster at all. A context naming no cluster in the kubeconfig gets clientcmd's ClusterDefaults,
 * `http://localhost:8080`, where nothing listens.
 */
import { CommandError, fail } from '../cli/errors';
import type { Kubeconfig, KubeconfigContext } from './kubeconfig';

export interface ClientConfig {
  /** The namespace of the run: `-n`, else the context's, else `default` (`DirectClientConfig.Namespace`). */
  namespace: string;
  /**
   * Why the command cannot reach the simulated API server, if it cannot: the context is missing, it names no
   * cluster of the kubeconfig (the request goes to localhost:8080), or no user (it would go anonymously).
   */
  problem?: { reason: 'context' | 'refused' | 'anonymous'; error: CommandError };
}

/** `errContextNotFound` through kubectl's checkErr (IsConfigurationInvalid → `Error in configuration: `). */
function contextNotFound(name: string): CommandError {
  return new CommandError({ type: 'exitStatus', message: `Error in configuration: context was not found for specified context: ${name}`, code: 1 });
}

/**
 * The connection failure of a request to clientcmd's default server (kubectl `pkg/cmd/util/helpers.go`
 * StandardErrorMessage for a refused *url.Error). The klog lines discovery logs before it are left out.
 */
function refused(): CommandError {
  return new CommandError({ type: 'exitStatus', message: 'The connection to the server localhost:8080 was refused - did you specify the right host or port?', code: 1 });
}

/**
 * The client configuration of one run: `contextFlag` is `--context`, `namespaceFlag` is `-n` (both '' when
 * absent). Most commands ask for the namespace first (`ToRawKubeConfigLoader().Namespace()`, which checks the
 * config unless -n overrides it); `restConfigFirst` is for those that build their REST client first (`version`).
 */
export function clientConfig(config: Kubeconfig, contextFlag: string, namespaceFlag: string, restConfigFirst = false): ClientConfig {
  const name = contextFlag || config.currentContext;
  const context: KubeconfigContext | undefined = name ? config.contexts.get(name) : undefined;
  const namespace = namespaceFlag || context?.namespace || 'default';
  if (name && !context) {
    // ClientConfig's getContext fails first on a --context it cannot find; ConfirmUsable (inside Namespace(),
    // or after getContext for a missing current-context) says it in its own words
    const viaRestConfig = (restConfigFirst || namespaceFlag !== '') && contextFlag !== '';
    return { namespace, problem: { reason: 'context', error: viaRestConfig ? fail(`context "${name}" does not exist`) : contextNotFound(name) } };
  }
  if (!context || !config.clusters.has(context.cluster)) return { namespace, problem: { reason: 'refused', error: refused() } };
  if (!config.users.has(context.user)) {
    const user = [...config.users.keys()][0] ?? '';
    const message = `the context "${name}" names no user of the kubeconfig, so kubectl would call the API server anonymously (as system:anonymous), which svcsim does not simulate yet; give it kind's user: kubectl config set-context ${name} --user=${user}`;
    return { namespace, problem: { reason: 'anonymous', error: fail(message) } };
  }
  return { namespace };
}

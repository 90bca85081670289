/**
 * The `kubectl config` subcommands svcsim does not simulate (kubectl v0.34.0 `pkg/cmd/config/`): they edit
 * clusters and users, which the simulation has one of each of (kind's), or name the kubeconfig file on disk. They
 * are listed in `kubectl config --help` as kubectl lists them, and refused by name when run.
 */
import type { KubectlCommand } from '../../cli/command';

function notSimulated(name: string, use: string, short: string): KubectlCommand {
  return {
    name,
    short,
    use: `config ${use}`,
    flags: [],
    notSimulated: true,
    run: () => undefined,
  };
}

export const deleteClusterCommand = notSimulated('delete-cluster', 'delete-cluster NAME', 'Delete the specified cluster from the kubeconfig');
export const deleteContextCommand = notSimulated('delete-context', 'delete-context NAME', 'Delete the specified context from the kubeconfig');
export const deleteUserCommand = notSimulated('delete-user', 'delete-user NAME', 'Delete the specified user from the kubeconfig');
export const renameContextCommand = notSimulated('rename-context', 'rename-context CONTEXT_NAME NEW_NAME', 'Rename a context from the kubeconfig file');
export const setPropertyCommand = notSimulated('set', 'set PROPERTY_NAME PROPERTY_VALUE', 'Set an individual value in a kubeconfig file');
export const setClusterCommand = notSimulated(
  'set-cluster',
  'set-cluster NAME [--server=server] [--certificate-authority=path/to/certificate/authority] [--insecure-skip-tls-verify=true] [--tls-server-name=example.com]',
  'Set a cluster entry in kubeconfig',
);
export const setCredentialsCommand = notSimulated('set-credentials', 'set-credentials NAME', 'Set a user entry in kubeconfig');
export const unsetCommand = notSimulated('unset', 'unset PROPERTY_NAME', 'Unset an individual value in a kubeconfig file');

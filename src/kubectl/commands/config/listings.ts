/**
 * The read-only listings of `kubectl config` (kubectl v0.34.0 `pkg/cmd/config/current_context.go`,
 * get_clusters.go, get_users.go): the current context's name, and the names of the clusters and users under a
 * `NAME` header. get-clusters ranges over a Go map, in no fixed order; the names are printed sorted here, as
 * get-users sorts them.
 */
import type { KubectlCommand } from '../../cli/command';
import { fail } from '../../cli/errors';

export const currentContextCommand: KubectlCommand = {
  name: 'current-context',
  short: 'Display the current-context',
  use: 'config current-context',
  flags: [],
  clientOnly: true,
  run(env) {
    if (env.kubeconfig.currentContext === '') throw fail('current-context is not set');
    env.out.out(`${env.kubeconfig.currentContext}\n`);
    return undefined;
  },
};

export const getClustersCommand: KubectlCommand = {
  name: 'get-clusters',
  short: 'Display clusters defined in the kubeconfig',
  use: 'config get-clusters',
  flags: [],
  clientOnly: true,
  run(env) {
    env.out.out(`NAME\n${[...env.kubeconfig.clusters.keys()].sort().map((n) => `${n}\n`).join('')}`);
    return undefined;
  },
};

export const getUsersCommand: KubectlCommand = {
  name: 'get-users',
  short: 'Display users defined in the kubeconfig',
  use: 'config get-users',
  flags: [],
  clientOnly: true,
  run(env) {
    env.out.out(`NAME\n${[...env.kubeconfig.users.keys()].sort().map((n) => `${n}\n`).join('')}`);
    return undefined;
  },
};

/**
 * `kubectl config` (kubectl v0.34.0 `pkg/cmd/config/config.go`): the command group over the kubeconfig. Run alone
 * it prints its help to stderr and exits 1 (DefaultSubCommandRun). Subcommands are listed as cobra sorts them.
 */
import type { KubectlCommand } from '../../cli/command';
import { runCommandGroup } from '../../cli/help';
import { setContextCommand, useContextCommand } from './contextEdits';
import { getContextsCommand } from './getContexts';
import { currentContextCommand, getClustersCommand, getUsersCommand } from './listings';
import {
  deleteClusterCommand,
  deleteContextCommand,
  deleteUserCommand,
  renameContextCommand,
  setClusterCommand,
  setCredentialsCommand,
  setPropertyCommand,
  unsetCommand,
} from './notSimulated';
import { viewCommand } from './view';

export const configCommand: KubectlCommand = {
  name: 'config',
  short: 'Modify kubeconfig files',
  use: 'config SUBCOMMAND',
  subcommands: [
    currentContextCommand,
    deleteClusterCommand,
    deleteContextCommand,
    deleteUserCommand,
    getClustersCommand,
    getContextsCommand,
    getUsersCommand,
    renameContextCommand,
    setPropertyCommand,
    setClusterCommand,
    setContextCommand,
    setCredentialsCommand,
    unsetCommand,
    useContextCommand,
    viewCommand,
  ],
  flags: [],
  clientOnly: true,
  run: (env) => runCommandGroup(env, configCommand),
};

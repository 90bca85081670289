/**
 * `kubectl auth` (kubectl v0.34.0 `pkg/cmd/auth/auth.go`): `can-i` and `whoami` for kind's admin user; `reconcile`
 * (RBAC objects, which the simulated API server does not serve) is not simulated. Run alone it prints its help to
 * stderr and exits 1 (DefaultSubCommandRun).
 */
import type { KubectlCommand } from '../../cli/command';
import { runCommandGroup } from '../../cli/help';
import { canICommand } from './canI';
import { whoamiCommand } from './whoami';

const reconcileCommand: KubectlCommand = {
  name: 'reconcile',
  short: 'Reconciles rules for RBAC role, role binding, cluster role, and cluster role binding objects',
  use: 'auth reconcile -f FILENAME',
  flags: [],
  notSimulated: true,
  run: () => undefined,
};

export const authCommand: KubectlCommand = {
  name: 'auth',
  short: 'Inspect authorization',
  use: 'auth',
  subcommands: [canICommand, reconcileCommand, whoamiCommand],
  flags: [],
  // the group alone only prints its help; its subcommands reach the server
  clientOnly: true,
  run: (env) => runCommandGroup(env, authCommand),
};

/**
 * `kubectl rollout` (kubectl `pkg/cmd/rollout/rollout.go`): the command group for managing Deployment
 * rollouts. Run alone it prints its help to stderr and exits 1 (DefaultSubCommandRun).
 */
import type { KubectlCommand } from '../../cli/command';
import { runCommandGroup } from '../../cli/help';
import { rolloutHistoryCommand } from './rolloutHistory';
import { rolloutPauseCommand, rolloutRestartCommand, rolloutResumeCommand } from './rolloutPatchVerbs';
import { rolloutStatusCommand } from './rolloutStatus';
import { rolloutUndoCommand } from './rolloutUndo';

export const rolloutCommand: KubectlCommand = {
  name: 'rollout',
  short: 'Manage the rollout of a resource',
  use: 'rollout SUBCOMMAND',
  subcommands: [rolloutHistoryCommand, rolloutPauseCommand, rolloutRestartCommand, rolloutResumeCommand, rolloutStatusCommand, rolloutUndoCommand],
  flags: [],
  run: (env) => runCommandGroup(env, rolloutCommand),
};

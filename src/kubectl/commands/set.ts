/**
 * `kubectl set` (kubectl `pkg/cmd/set/set.go`): a command group; only `set image` is simulated. Run alone it
 * prints its help to stderr and exits 1 (DefaultSubCommandRun).
 */
import type { KubectlCommand } from '../cli/command';
import { runCommandGroup } from '../cli/help';
import { setImageCommand } from './setImage';

export const setCommand: KubectlCommand = {
  name: 'set',
  short: 'Set specific features on objects',
  use: 'set SUBCOMMAND',
  subcommands: [setImageCommand],
  flags: [],
  run: (env) => runCommandGroup(env, setCommand),
};

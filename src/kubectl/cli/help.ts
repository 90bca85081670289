/**
 * Short help texts for `-h` and for command groups run without a subcommand (kubectl's cobra help is longer;
 * the simulation prints the description, the subcommands and the usage line).
 */
import type { CommandEnv, KubectlCommand } from './command';
import { CommandError, usageError } from './errors';

/** The help of one command. */
export function commandHelp(cmd: KubectlCommand): string {
  const subs = cmd.subcommands?.length ? `\nAvailable Commands:\n${cmd.subcommands.map((c) => `  ${c.name.padEnd(22)}${c.short}`).join('\n')}\n` : '';
  return `${cmd.short}.\n${subs}\nUsage:\n  kubectl ${cmd.use}\n`;
}

/**
 * `cmdutil.DefaultSubCommandRun(streams.ErrOut)` for command groups (`rollout`, `set`, `create service`): extra
 * words are `unknown command "..."` (RequireNoArguments), otherwise the help goes to stderr and kubectl exits 1.
 */
export function runCommandGroup(env: CommandEnv, cmd: KubectlCommand): undefined {
  if (env.args.length > 0) throw usageError(env.path, `unknown command "${env.args.join(' ')}"`);
  env.out.err(commandHelp(cmd));
  throw new CommandError({ type: 'exit' });
}

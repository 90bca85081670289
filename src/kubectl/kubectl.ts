/**
 * The kubectl emulator's entry point: parses a command line the way kubectl's cobra root does (persistent flags
 * anywhere, the verb found by skipping flags), runs the verb against the simulated cluster, and returns what a
 * terminal would show: ordered stdout/stderr chunks and the exit code, plus a stream for `--watch`. Errors are
 * rendered as kubectl's CheckErr renders them; nothing escapes as an exception.
 */
import type { KubectlContext, WatchStream } from './cli/command';
import { CommandError, flagError, renderError } from './cli/errors';
import { FlagParseError, parseFlags } from './cli/flags';
import { globalFlags } from './cli/globalFlags';
import { commandHelp } from './cli/help';
import { Output, type OutputChunk } from './cli/output';
import { suggestionsFor } from './cli/suggestions';
import { commands, kubectlVerbs } from './commands/commandList';

export type { KubectlContext, WatchStream, WatchChunk } from './cli/command';
export type { OutputChunk } from './cli/output';
export { splitCommandLine } from './commandLine';

export interface KubectlResult {
  stdout: string;
  stderr: string;
  exitCode: number;
  /** stdout and stderr in the order they were written. */
  output: OutputChunk[];
  /** Present while `get --watch` keeps printing. */
  watch?: WatchStream;
}

/** cobra's stripFlags + Find: the first word that is neither a flag nor a flag's value. */
function findVerb(args: readonly string[]): number {
  const valued = new Set(globalFlags.filter((f) => f.type !== 'bool').flatMap((f) => [`--${f.name}`, ...(f.shorthand ? [`-${f.shorthand}`] : [])]));
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (a === '--') return -1;
    if (!a.startsWith('-')) return i;
    if (!a.includes('=') && valued.has(a)) i++;
  }
  return -1;
}

function rootHelp(): string {
  return `kubectl controls the Kubernetes cluster manager.

 Find more information at: https://kubernetes.io/docs/reference/kubectl/

Simulated commands:
${commands.map((c) => `  ${c.name.padEnd(14)}${c.short}`).join('\n')}

Usage:
  kubectl [flags] [options]
`;
}

/** Runs one kubectl command line (already split into words, without the leading `kubectl`). */
export function runKubectl(ctx: KubectlContext, args: string[]): KubectlResult {
  const out = new Output();
  let exitCode = 0;
  let watch: WatchStream | undefined;
  try {
    watch = dispatch(ctx, args, out);
  } catch (e) {
    if (e instanceof CommandError) {
      const r = renderError(e.error);
      out.err(r.text);
      exitCode = r.exitCode;
    } else {
      out.err(`error: ${e instanceof Error ? e.message : String(e)}\n`);
      exitCode = 1;
    }
  }
  return { stdout: out.text('stdout'), stderr: out.text('stderr'), exitCode, output: out.chunks, watch };
}

function dispatch(ctx: KubectlContext, args: string[], out: Output): WatchStream | undefined {
  const at = findVerb(args);
  if (at < 0) {
    try {
      const parsed = parseFlags(args, globalFlags);
      if (parsed.args.length === 0) out.out(rootHelp());
    } catch (e) {
      if (e instanceof FlagParseError) throw flagError('kubectl', e.message);
      throw e;
    }
    return undefined;
  }
  const verb = args[at];
  const verbCmd = commands.find((c) => c.name === verb || c.aliases?.includes(verb));
  if (!verbCmd) {
    if (kubectlVerbs.some((v) => v.name === verb)) {
      throw new CommandError({ type: 'message', message: `"kubectl ${verb}" is not simulated yet` });
    }
    const suggestions = suggestionsFor(verb, kubectlVerbs);
    const hint = suggestions.length > 0 ? `\n\nDid you mean this?\n${suggestions.map((s) => `\t${s}\n`).join('')}` : '';
    throw new CommandError({ type: 'message', message: `unknown command "${verb}" for "kubectl"${hint}` });
  }
  let path = `kubectl ${verbCmd.name}`;
  let rest = [...args.slice(0, at), ...args.slice(at + 1)];
  let cmd = verbCmd;
  // cobra's Find walks nested subcommands (`create service nodeport`, `rollout status`)
  for (;;) {
    const subAt = cmd.subcommands ? findVerb(rest) : -1;
    const sub = subAt >= 0 ? cmd.subcommands?.find((c) => c.name === rest[subAt] || c.aliases?.includes(rest[subAt])) : undefined;
    if (!sub) break;
    cmd = sub;
    path = `${path} ${sub.name}`;
    rest = [...rest.slice(0, subAt), ...rest.slice(subAt + 1)];
  }
  let parsed: ReturnType<typeof parseFlags>;
  try {
    parsed = parseFlags(rest, [...cmd.flags, ...globalFlags.filter((g) => !cmd.flags.some((f) => f.name === g.name || (f.shorthand && f.shorthand === g.shorthand)))]);
  } catch (e) {
    if (e instanceof FlagParseError) throw flagError(path, e.message);
    throw e;
  }
  if (parsed.help) {
    out.out(commandHelp(cmd));
    return undefined;
  }
  const missing = (cmd.requiredFlags ?? []).filter((f) => !parsed.flags.changed(f));
  if (missing.length > 0) throw new CommandError({ type: 'message', message: `required flag(s) ${missing.map((m) => `"${m}"`).join(', ')} not set` });
  const namespace = parsed.flags.string('namespace');
  const warned = new Set<string>();
  const result = cmd.run({
    ctx,
    cluster: ctx.cluster,
    out,
    path,
    flags: parsed.flags,
    args: parsed.args,
    argsLenAtDash: parsed.argsLenAtDash,
    namespace: namespace || 'default',
    explicitNamespace: parsed.flags.changed('namespace'),
    warn(message) {
      if (warned.has(message)) return;
      warned.add(message);
      out.err(`Warning: ${message}\n`);
    },
  });
  if (parsed.flags.bool('warnings-as-errors') && warned.size > 0) {
    throw new CommandError({ type: 'message', message: `${warned.size} warning${warned.size === 1 ? '' : 's'} received` });
  }
  return result;
}

/**
 * The kubectl emulator's entry point: parses a command line the way kubectl's cobra root does (persistent flags
 * anywhere, the verb found by skipping flags), runs the verb against the simulated cluster, and returns what a
 * terminal would show: ordered stdout/stderr chunks and the exit code, plus a stream for `--watch`. Errors are
 * rendered as kubectl's CheckErr renders them; nothing escapes as an exception.
 */
import { type AttachedInput, type CommandRun, type KubectlContext, type TimeWait, type WatchStream, isAttached, isWaiting } from './cli/command';
import { CommandError, flagError, renderError } from './cli/errors';
import { FlagParseError, parseFlags } from './cli/flags';
import { globalFlags } from './cli/globalFlags';
import { commandHelp } from './cli/help';
import { Output, type OutputChunk } from './cli/output';
import { suggestionsFor } from './cli/suggestions';
import { commands, kubectlVerbs } from './commands/commandList';
import { clientConfig } from './kubeconfig/clientConfig';
import { kubeconfigOf } from './kubeconfig/kubeconfig';

export type { KubectlContext, TimeWait, WatchStream, WatchChunk } from './cli/command';
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
  /** Present when the command took the terminal's input (`exec -it POD -- sh`): the lines that follow go to it. */
  attached?: AttachedInput;
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
  let run = startKubectl(ctx, args);
  // virtual time moves in one go: the waits a command blocks in are `Cluster.runUntil` calls
  while (run.type === 'waiting') {
    let met: boolean;
    try {
      met = ctx.cluster.runUntil(run.wait.until, run.wait.maxMs);
    } catch (e) {
      // a refused wait (past the last timestamp) fails the command as the wait inside it would have
      run = run.fail(e);
      continue;
    }
    run = run.resume(met);
  }
  return run.result;
}

/**
 * A kubectl run that may block on virtual time: `done` with its result, or `waiting` in a {@link TimeWait}.
 * The host moves time as it likes (in slices in the browser) and resumes with whether the wait's condition
 * held; `interrupt` is Ctrl+C: the command ends where it is (exit status 130), printing nothing more.
 */
export type KubectlRun =
  | { type: 'done'; result: KubectlResult }
  | {
      type: 'waiting';
      wait: TimeWait;
      resume(met: boolean): KubectlRun;
      /** The wait itself failed (a refused advance): the error is thrown into the command where it waits. */
      fail(error: unknown): KubectlRun;
      interrupt(): KubectlResult;
    };

/** Starts one kubectl command line; see {@link KubectlRun}. */
export function startKubectl(ctx: KubectlContext, args: string[]): KubectlRun {
  const out = new Output();
  const result = (exitCode: number, watch?: WatchStream | AttachedInput): KubectlResult => ({
    stdout: out.text('stdout'),
    stderr: out.text('stderr'),
    exitCode,
    output: out.chunks,
    ...(isAttached(watch) ? { attached: watch } : { watch }),
  });
  const failed = (e: unknown): KubectlRun => {
    if (e instanceof CommandError) {
      const r = renderError(e.error);
      out.err(r.text);
      return { type: 'done', result: result(r.exitCode) };
    }
    out.err(`error: ${e instanceof Error ? e.message : String(e)}\n`);
    return { type: 'done', result: result(1) };
  };
  let run: CommandRun;
  try {
    run = dispatch(ctx, args, out);
  } catch (e) {
    return failed(e);
  }
  if (!isWaiting(run)) return { type: 'done', result: result(0, run) };
  const waiting = run;
  const step = (next: () => IteratorResult<TimeWait, WatchStream | AttachedInput | undefined>): KubectlRun => {
    try {
      const it = next();
      if (it.done) return { type: 'done', result: result(0, it.value) };
      return {
        type: 'waiting',
        wait: it.value,
        resume: (met) => step(() => waiting.next(met)),
        fail: (error) => step(() => waiting.throw(error)),
        interrupt: () => {
          try {
            // runs the command's finally blocks: its watches stop
            waiting.return(undefined);
          } catch {
            // a command failing while it is torn down changes nothing for a user who pressed Ctrl+C
          }
          return result(130);
        },
      };
    } catch (e) {
      return failed(e);
    }
  };
  return step(() => waiting.next(false));
}

function dispatch(ctx: KubectlContext, args: string[], out: Output): CommandRun {
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
  if (cmd.notSimulated) throw new CommandError({ type: 'message', message: `"${path}" is not simulated yet` });
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
  // the kubeconfig's context gives the namespace when -n does not, and decides whether the server is reached
  const kubeconfig = kubeconfigOf(ctx);
  const client = clientConfig(kubeconfig, parsed.flags.string('context'), parsed.flags.string('namespace'));
  if (client.problem && !cmd.clientOnly) throw client.problem.error;
  const warned = new Set<string>();
  const result = cmd.run({
    ctx,
    cluster: ctx.cluster,
    out,
    path,
    flags: parsed.flags,
    args: parsed.args,
    argsLenAtDash: parsed.argsLenAtDash,
    namespace: client.namespace,
    explicitNamespace: parsed.flags.changed('namespace'),
    kubeconfig,
    warn(message) {
      if (warned.has(message)) return;
      warned.add(message);
      out.err(`Warning: ${message}\n`);
    },
  });
  const warningsAsErrors = () => {
    if (parsed.flags.bool('warnings-as-errors') && warned.size > 0) {
      throw new CommandError({ type: 'message', message: `${warned.size} warning${warned.size === 1 ? '' : 's'} received` });
    }
  };
  if (!isWaiting(result)) {
    warningsAsErrors();
    return result;
  }
  // a waiting command's warnings are all in once it has finished
  return (function* () {
    const r = yield* result;
    warningsAsErrors();
    return r;
  })();
}

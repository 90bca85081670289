/**
 * What runs inside a simulated container for `kubectl exec`: one command, `sh -c SCRIPT` in the image's shell,
 * or an interactive shell (`kubectl exec -it POD -- sh`, `kubectl run -it`) that takes the terminal's lines until
 * `exit`, prompting as the image's shell does. The shell language itself is containerScript.ts.
 */
import type { Pod } from '../../engine/api/types';
import type { AttachedInput } from '../cli/command';
import { CommandError, fail } from '../cli/errors';
import type { OutputChunk } from '../cli/output';
import { Output } from '../cli/output';
import { scriptCommands } from '../../engine/kubelet/apps/shellSyntax';
import { type InShell, type Shell, shellFor } from '../../engine/kubelet/apps/commandNotRun';
import { type ContainerIo, newShellState, runAtOnce, runOne, runScript, type ScriptRun } from './containerScript';

export type { ContainerIo } from './containerScript';

/** kubectl exec's error for a remote command that ended with a non-zero status. */
export function exitWith(code: number): CommandError {
  return new CommandError({ type: 'exitStatus', message: `command terminated with exit code ${code}`, code });
}

/**
 * Runs the command in the simulated container. `sh -c SCRIPT` (and `bash -c` where the image has bash) runs
 * the script's commands one by one with `;`, `&&` and `||`, its variables expanded from the process
 * environment; a command the shell cannot find ends with its "not found" and status 127.
 */
export function runInContainer(io: ContainerIo, pod: Pod, container: string, command: string[]): void {
  const ns = pod.metadata?.namespace ?? 'default';
  const name = pod.metadata?.name ?? '';
  const environ = io.cluster.simulation.containerEnv?.(ns, name, container);
  if (!environ) throw fail(`unable to upgrade connection: container not found ("${container}")`);
  const shell = shellFor(command[0], io.cluster.simulation.containerCoreutils?.(ns, name, container));
  if (!shell) {
    const code = runOne(io, pod, container, command, environ, undefined);
    if (code !== 0) throw exitWith(code);
    return;
  }
  const c = command.indexOf('-c');
  // no script and no stdin: the shell reads end of input and exits 0
  if (c < 0) return;
  const { status } = runAtOnce(runScript(io, pod, container, environ, { shell, argv0: command[0], interactive: false, line: 1 }, command[c + 1] ?? '', 0, newShellState()));
  if (status !== 0) throw exitWith(status);
}

/** One line read by an attached shell: what it printed, the status of its last command, and whether the shell ended. */
export interface ShellLineResult {
  output: OutputChunk[];
  exitCode: number;
  ended: boolean;
  /**
   * The line's script reached a `sleep`: the host lets that much virtual time pass, as it does for its own
   * `sleep`, then calls `resume` for what the script does next (the output so far is in `output`). Ctrl+C during
   * the sleep ends the line instead (`interrupt`).
   */
  sleepMs?: number;
  resume?: (cluster: ContainerIo["cluster"]) => ShellLineResult;
}

/** Who the attached shell is and where it runs. */
export interface ShellTarget {
  namespace: string;
  pod: string;
  container: string;
  /** The container's ID when the shell started: a restarted container has a new one, and the shell died with the old. */
  containerID: string | undefined;
  shell: Shell;
  /** What the shell was started as (`sh`, `/bin/bash`). */
  argv0: string;
  /** Whether it reads a terminal (`-t`): then it prompts, and interactive shells word some messages differently. */
  tty: boolean;
  hostname: string;
  root: boolean;
  /**
   * What happens once the shell has exited with `status`: kubectl's end of the session, printed to `out`; returns
   * kubectl's exit status.
   */
  onExit(cluster: ContainerIo['cluster'], status: number, out: Output): number;
  /**
   * The terminal went away with the shell at `status` (the last command's): kubectl is gone and prints nothing;
   * what it means for the container is the target's (an exec'd shell just ends with its session).
   */
  onHangup?(cluster: ContainerIo['cluster'], status: number): void;
}

/**
 * A shell whose input is the terminal: the one `kubectl exec -i [-t] POD -- sh` starts, or the container's own
 * main process under `kubectl run -it` / `kubectl attach -it`. Each line runs in the container; the `exit` builtin
 * ends it. With a terminal (`-t`) it prompts as the image's shell does for root: busybox ash's default PS1
 * `\w \$ ` (`/ # `), dash's `# `, bash's Debian `\u@\h:\w\$ `; without one it prompts for nothing.
 */
export class AttachedShell implements AttachedInput {
  readonly attached = true;
  private status = 0;
  private lines = 0;
  private readonly state = newShellState();
  /** The lines of a compound command not closed yet (`for i in 1 2; do` …): the shell reads on before running it. */
  private unfinished: string | undefined;
  /** The line being run, stopped at a `sleep`. */
  private running: ScriptRun | undefined;

  constructor(private readonly t: ShellTarget) {}

  /** What the shell prints before reading a line: PS1, or PS2 (`> `, every shell's default) inside a compound command. */
  get prompt(): string {
    const { tty, root, shell, hostname } = this.t;
    if (!tty) return '';
    if (this.unfinished !== undefined) return '> ';
    const mark = root ? '#' : '$';
    if (shell === 'busybox') return `/ ${mark} `;
    if (shell === 'bash' && root) return `root@${hostname.split('.')[0]}:/# `;
    return `${mark} `;
  }

  hangup(cluster: ContainerIo['cluster']): void {
    this.unfinished = undefined;
    this.running = undefined;
    this.t.onHangup?.(cluster, this.status);
  }

  /** Ctrl+C while the line sleeps: the foreground command and the loop around it stop, status 130 (128 + SIGINT). */
  interrupt(status = 130): void {
    this.running = undefined;
    this.status = status;
  }

  /** Runs one line of input, up to its end or its first `sleep`. */
  run(cluster: ContainerIo['cluster'], text: string): ShellLineResult {
    const t = this.t;
    this.lines++;
    this.running = undefined;
    const out = new Output();
    const target = this.container(cluster);
    if (!target) return this.killed(out);
    const script = this.unfinished === undefined ? text : `${this.unfinished}\n${text}`;
    if (scriptCommands(script).open) {
      this.unfinished = script;
      return { output: [], exitCode: this.status, ended: false };
    }
    this.unfinished = undefined;
    const inShell: InShell = { shell: t.shell, argv0: t.argv0, interactive: t.tty, line: this.lines };
    const run = runScript({ cluster, out }, target.pod, t.container, target.environ, inShell, script, this.status, this.state);
    this.running = run;
    return this.carryOn(cluster, run, out);
  }

  /** The container the shell runs in, unless it was killed (the pod deleted, the container restarted). */
  private container(cluster: ContainerIo['cluster']): { pod: Pod; environ: readonly string[] } | undefined {
    const t = this.t;
    const got = cluster.get('Pod', t.namespace, t.pod);
    const pod = got.ok ? got.value : undefined;
    const statuses = [...(pod?.status?.containerStatuses ?? []), ...(pod?.status?.ephemeralContainerStatuses ?? [])];
    const same = statuses.find((c) => c.name === t.container)?.containerID === t.containerID;
    const environ = pod && same ? cluster.simulation.containerEnv?.(t.namespace, t.pod, t.container) : undefined;
    return pod && environ ? { pod, environ } : undefined;
  }

  /** The shell died with its container. */
  private killed(out: Output): ShellLineResult {
    this.running = undefined;
    out.err('command terminated with exit code 137\n');
    return { output: out.chunks, exitCode: 137, ended: true };
  }

  /** Runs `run` on to its next `sleep` or its end; what it printed meanwhile goes with the result. */
  private carryOn(cluster: ContainerIo['cluster'], run: ScriptRun, out: Output): ShellLineResult {
    const step = run.next();
    const output = out.chunks.splice(0);
    if (!step.done) {
      return {
        output,
        exitCode: 0,
        ended: false,
        sleepMs: step.value.sleepMs,
        resume: (c) => {
          // interrupted, or another line came: this one is over
          if (this.running !== run) return { output: [], exitCode: this.status, ended: false };
          if (!this.container(c)) return this.killed(out);
          return this.carryOn(c, run, out);
        },
      };
    }
    this.running = undefined;
    const r = step.value;
    this.status = r.status;
    if (!r.exited) return { output, exitCode: r.status, ended: false };
    // interactive bash says `exit` as it leaves (builtins/exit.def)
    const end = new Output();
    for (const c of output) end.write(c.stream, c.text);
    if (this.t.shell === 'bash' && this.t.tty) end.err('exit\n');
    const exitCode = this.t.onExit(cluster, r.status, end);
    return { output: end.chunks, exitCode, ended: true };
  }
}

/** The image's shell for `argv` when it would read its input (no `-c` script), else undefined. */
export function interactiveShell(io: ContainerIo, pod: Pod, container: string, argv: readonly string[]): Pick<ShellTarget, 'shell' | 'argv0'> | undefined {
  const shell = argv.length > 0 ? shellFor(argv[0], io.cluster.simulation.containerCoreutils?.(pod.metadata?.namespace ?? 'default', pod.metadata?.name ?? '', container)) : undefined;
  return shell && !argv.includes('-c') ? { shell, argv0: argv[0] } : undefined;
}

/** Who a shell in `container` of `pod` runs as and on which host, for its prompt. */
export function shellIdentity(io: ContainerIo, pod: Pod, container: string): Pick<ShellTarget, 'namespace' | 'pod' | 'container' | 'containerID' | 'hostname' | 'root'> {
  const namespace = pod.metadata?.namespace ?? 'default';
  const name = pod.metadata?.name ?? '';
  return {
    namespace,
    pod: name,
    container,
    containerID: [...(pod.status?.containerStatuses ?? []), ...(pod.status?.ephemeralContainerStatuses ?? [])].find((c) => c.name === container)?.containerID,
    hostname: pod.spec?.hostname || name,
    root: io.cluster.simulation.containerUid?.(namespace, name, container) === 0,
  };
}

/**
 * The shell `kubectl exec -i` starts when the command is the image's shell with no script, or undefined when
 * the command is something else (it runs to its end). When it exits, kubectl reports a non-zero status as
 * `command terminated with exit code N` (pkg/cmd/exec/exec.go).
 */
export function attachShell(io: ContainerIo, pod: Pod, container: string, command: string[], tty: boolean): AttachedShell | undefined {
  const shell = interactiveShell(io, pod, container, command);
  if (!shell) return undefined;
  return new AttachedShell({
    ...shellIdentity(io, pod, container),
    ...shell,
    tty,
    onExit: (_cluster, status, out) => {
      if (status !== 0) out.err(`command terminated with exit code ${status}\n`);
      return status;
    },
  });
}

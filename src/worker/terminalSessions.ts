/**
 * Terminal sessions in the worker: each browser terminal tab runs kubectl here, against the same cluster.
 * A `get -w` keeps streaming into its tab until interrupted (Ctrl+C), so one tab can watch Endpoints while
 * another deletes the pod. Lists and loops on a line run as bash runs them (terminalList.ts); pipelines, into
 * kubectl too, and here-documents run through the shared src/kubectl/shell/terminalPipeline.ts.
 */
import { advanceRefusal, type Cluster } from '../engine';
import { type KubectlContext, type KubectlResult, runKubectl, splitCommandLine, startKubectl, type WatchStream } from '../kubectl/kubectl';
import type { AttachedInput, AttachedLineResult } from '../kubectl/cli/command';
import type { ReplyValue, TerminalChunk } from '../protocol/messages';
import { LocalPortRegistry } from '../kubectl/portforward/portForwardRegistry';
import { KubeconfigFile } from '../kubectl/kubeconfig/kubeconfig';
import { expandVariables, parseAssignment, parseSleepDuration } from '../kubectl/shellWords';
import { KubectlWaitCommand } from './kubectlWaitCommand';
import { AdvanceWork, type RunningCommand } from './runningCommand';
import { type PipeEnd, runPipedLine } from '../kubectl/shell/terminalPipeline';
import { runDocker } from '../kubectl/docker/docker';
import { runSvcsim } from '../kubectl/svcsim/svcsimCommand';
import { capturePiped, type FilterResult } from '../kubectl/shell/pipeline';
import { scriptOf } from '../kubectl/shell/shellLists';
import { runBuiltin } from '../kubectl/shell/builtins';
import { runTerminalList } from './terminalList';
import { hostCurl } from '../kubectl/portforward/hostCurl';

/** Output of a session's foreground watch; `ended`: the watch finished by itself, the prompt comes back. */
export type StreamSink = (session: string, chunks: TerminalChunk[], ended?: boolean) => void;

export interface TerminalResult {
  output: TerminalChunk[];
  exitCode: number;
  watching: boolean;
  /** `kubectl edit` in the browser: the object's YAML to open in the editor. */
  editorText?: string;
  /** The prompt of the shell the session's input now goes to (`kubectl exec -it POD -- sh`); absent: the terminal's own. */
  prompt?: string;
  /** The line left a compound command open (`for … do` without `done`): the next lines continue it, after bash's `> `. */
  continuation?: boolean;
}


export class TerminalSessions {
  private watches = new Map<string, WatchStream>();
  /** The shell each session's lines go to, while one is attached (`kubectl exec -it POD -- sh` until `exit`). */
  private shells = new Map<string, AttachedInput>();
  private variables = new Map<string, Map<string, string>>();
  /** Each session's last exit status (`$?`). */
  private statuses = new Map<string, number>();
  /** The lines of a compound command still open in each session, read on until it closes (bash's PS2). */
  private openLines = new Map<string, string[]>();

  private varsOf(session: string): Map<string, string> {
    let v = this.variables.get(session);
    if (!v) {
      v = new Map();
      this.variables.set(session, v);
    }
    return v;
  }

  constructor(
    private readonly cluster: () => Cluster,
    private readonly sink: StreamSink,
    private readonly context: () => Omit<KubectlContext, 'cluster'> = () => ({}),
  ) {}

  /** The localhost ports `kubectl port-forward` holds: one registry per cluster, shared by every terminal. */
  private forwards: { cluster: Cluster; registry: LocalPortRegistry } | undefined;

  /** The current cluster's localhost ports (a new cluster starts with none held). */
  portForwards(): LocalPortRegistry {
    const cluster = this.cluster();
    if (this.forwards?.cluster !== cluster) this.forwards = { cluster, registry: new LocalPortRegistry() };
    return this.forwards.registry;
  }

  /** The kubeconfig (`~/.kube/config`) every terminal's kubectl reads: one per cluster, as kind writes it. */
  private kubeconfigs: { cluster: Cluster; file: KubeconfigFile } | undefined;

  /** The current cluster's kubeconfig (a new cluster starts with the one kind wrote for it). */
  kubeconfig(): KubeconfigFile {
    const cluster = this.cluster();
    if (this.kubeconfigs?.cluster !== cluster) this.kubeconfigs = { cluster, file: new KubeconfigFile() };
    return this.kubeconfigs.file;
  }

  /** What every kubectl run of these terminals gets: the host's context, the cluster, its port registry and kubeconfig. */
  private kubectlContext(extra: Partial<KubectlContext> = {}): KubectlContext {
    return { portForwards: this.portForwards(), kubeconfig: this.kubeconfig(), ...this.context(), ...extra, cluster: this.cluster() };
  }

  /**
   * Runs one command line. A `sleep` comes back as a running command to work on in slices (Ctrl+C ends it);
   * `stopAfterMs` replays one that was interrupted after that much virtual time.
   */
  run(session: string, line: string, stopAfterMs?: number): TerminalResult | RunningCommand {
    const r = this.runLine(session, line, stopAfterMs);
    if ('slice' in r) return withStatus(r, (status) => this.statuses.set(session, status));
    this.statuses.set(session, r.exitCode);
    const prompt = this.shells.get(session)?.prompt;
    return prompt === undefined ? r : { ...r, prompt };
  }

  /** The prompt of the shell attached to `session`, if one is. */
  prompt(session: string): string | undefined {
    return this.shells.get(session)?.prompt;
  }

  private runLine(session: string, line: string, stopAfterMs?: number): TerminalResult | RunningCommand {
    // a shell in a container reads the line as it is: its own `;`, pipes and loops
    const shell = this.shells.get(session);
    if (shell) {
      this.interrupt(session);
      return this.runInShell(session, shell, line, stopAfterMs);
    }
    const before = this.openLines.get(session);
    const text = before ? [...before, line].join('\n') : line;
    const script = scriptOf(text);
    if (script.kind === 'open') {
      // as bash reads on after `for i in 0 1; do` + Enter: nothing runs until `done` closes it
      this.openLines.set(session, [...(before ?? []), line]);
      return { output: [], exitCode: this.statuses.get(session) ?? 0, watching: false, continuation: true };
    }
    this.openLines.delete(session);
    if (script.kind === 'refused') return { output: [{ stream: 'stderr', text: script.message }], exitCode: 2, watching: false };
    if (script.kind === 'single') return this.runCommand(session, script.line, stopAfterMs);
    this.interrupt(session);
    const vars = this.varsOf(session);
    return runTerminalList(this.cluster(), session, text.trim(), script.commands, this.statuses.get(session) ?? 0, {
      statement: (command, status, budget) => {
        this.statuses.set(session, status);
        return this.runCommand(session, command, budget);
      },
      vars,
      substitute: (command) => this.substitute(command),
      sink: (chunks) => this.sink(session, chunks),
      closeAttached: () => {
        const attached = this.shells.has(session);
        if (attached) this.hangup(session);
        return attached;
      },
      stopWatch: () => this.interrupt(session),
    }, stopAfterMs);
  }

  /**
   * One simple command: a pipeline, an assignment, or a command and its words. `stdin` is what a pipe or a
   * here-document gives it to read (kubectl's `-f -`).
   */
  private runCommand(session: string, line: string, stopAfterMs?: number, stdin?: string): TerminalResult | RunningCommand {
    // `… | grep x`, `… | kubectl apply -f -`, `kubectl apply -f - <<EOF`: the shared pipeline runs each command
    // through this method, the last one as any command runs (a `delete -f -` that waits takes virtual time)
    const expanded: TerminalChunk[] = [];
    const piped = runPipedLine(line, {
      run: (command, input) => this.runToEnd(session, command, input),
      expand: (text) => this.expand(session, text, expanded),
      stopWatch: () => this.interrupt(session),
    });
    if (piped) return this.pipeEnd(session, piped, expanded, stopAfterMs);
    this.interrupt(session);
    const vars = this.varsOf(session);
    // NAME=$(kubectl …) and NAME=value set a variable of this terminal; $NAME expands, as in the seed note
    const assignment = parseAssignment(line);
    if (assignment && (assignment.command !== undefined || splitCommandLine(line.trim()).length === 1)) {
      const status = this.statuses.get(session);
      if (assignment.command === undefined) {
        vars.set(assignment.name, expandVariables(assignment.value ?? '', vars, status));
        return { output: [], exitCode: 0, watching: false };
      }
      const r = this.substitute(expandVariables(assignment.command, vars, status));
      vars.set(assignment.name, r.stdout.replace(/\n+$/, ''));
      return { output: r.stderr ? [{ stream: 'stderr', text: r.stderr }] : [], exitCode: r.exitCode, watching: false };
    }
    // `$(kubectl …)` in the line: its stderr shows before what the command prints
    const substituted: TerminalChunk[] = [];
    const words = splitCommandLine(this.expand(session, line.trim(), substituted));
    return this.shownFirst(session, substituted, this.runWords(session, line, words, stopAfterMs, stdin));
  }

  /** `$NAME`, `${NAME}`, `$?` and `$(kubectl …)` in `text`; the substitutions' stderr is added to `stderr`. */
  private expand(session: string, text: string, stderr: TerminalChunk[]): string {
    return expandVariables(text, this.varsOf(session), this.statuses.get(session), (command) => {
      const r = this.substitute(command);
      if (r.stderr) stderr.push({ stream: 'stderr', text: r.stderr });
      return r.stdout;
    });
  }

  /** Output that came before a command (a substitution's stderr, a pipeline's first stages), shown before its own. */
  private shownFirst(session: string, before: TerminalChunk[], r: TerminalResult | RunningCommand): TerminalResult | RunningCommand {
    if (before.length === 0) return r;
    if (!('slice' in r)) return { ...r, output: [...before, ...r.output] };
    this.sink(session, before);
    return r;
  }

  /** A pipeline's end: what it printed, or its last command run as any command runs, after what came before it. */
  private pipeEnd(session: string, end: PipeEnd, expanded: TerminalChunk[], stopAfterMs: number | undefined): TerminalResult | RunningCommand {
    if (end.kind === 'done') return { output: [...expanded, ...end.output], exitCode: end.exitCode, watching: false };
    const before = [...expanded, ...end.output];
    return this.shownFirst(session, before, this.runCommand(session, end.command, stopAfterMs, end.stdin));
  }

  /** A command and its words, expanded. */
  private runWords(session: string, line: string, words: string[], stopAfterMs?: number, stdin?: string): TerminalResult | RunningCommand {
    const [head, ...rest] = words;
    if (!head) return { output: [], exitCode: 0, watching: false };
    const builtin = runBuiltin(words);
    if (builtin) return { output: builtin.stdout ? [{ stream: 'stdout', text: builtin.stdout }] : [], exitCode: builtin.exitCode, watching: false };
    if (head === 'sleep') {
      const ms = parseSleepDuration(rest[0] ?? '');
      if (ms === undefined) return { output: [{ stream: 'stderr', text: `sleep: invalid time interval '${rest[0] ?? ''}'\n` }], exitCode: 1, watching: false };
      const refused = advanceRefusal(this.cluster().now(), ms, `sleep ${rest[0]}`);
      if (refused) return { output: [{ stream: 'stderr', text: `sleep: ${refused}\n` }], exitCode: 1, watching: false };
      return sleepCommand(this.cluster(), session, line.trim(), ms, stopAfterMs);
    }
    if (head === 'docker' || head === 'svcsim') {
      const r = head === 'docker' ? runDocker(this.cluster(), rest) : runSvcsim(this.cluster(), rest);
      const output: TerminalChunk[] = [];
      if (r.stdout) output.push({ stream: 'stdout', text: r.stdout });
      if (r.stderr) output.push({ stream: 'stderr', text: r.stderr });
      return { output, exitCode: r.exitCode, watching: false };
    }
    if (head === 'curl') {
      // curl on your machine: localhost:PORT reaches a pod while a port-forward in any terminal holds PORT
      const r = hostCurl(this.cluster(), this.portForwards(), rest);
      return { output: r.chunks, exitCode: r.exitCode, watching: false };
    }
    if (head !== 'kubectl' && head !== 'k') {
      return {
        output: [{ stream: 'stderr', text: `${head}: command not found (try kubectl, k, docker, svcsim, curl, sleep, echo, true, false, clear, help)\n` }],
        exitCode: 127,
        watching: false,
      };
    }
    // In the browser `kubectl edit` opens the object in the Monaco editor; Apply there saves it.
    let editorText: string | undefined;
    const editor = (current: string) => {
      editorText = current;
      return undefined;
    };
    const started = startKubectl(this.kubectlContext(stdin === undefined ? { editor } : { editor, stdin }), rest);
    const present = (r: KubectlResult) => this.present(session, r, editorText);
    if (started.type === 'waiting') return new KubectlWaitCommand(this.cluster(), session, line.trim(), started, present, stopAfterMs);
    return present(started.result);
  }

  /**
   * A line for the attached shell: it runs in the container at this instant, except a `sleep`, which moves
   * virtual time as the terminal's own does (time passes while the shell waits). `exit` detaches the terminal.
   */
  private runInShell(session: string, shell: AttachedInput, line: string, stopAfterMs?: number): TerminalResult | RunningCommand {
    const r = shell.run(this.cluster(), line);
    if (r.ended) this.shells.delete(session);
    if (r.sleepMs === undefined) return { output: r.output, exitCode: r.exitCode, watching: false };
    const refused = advanceRefusal(this.cluster().now(), r.sleepMs, line.trim());
    if (refused) {
      shell.interrupt(1);
      return { output: [...r.output, { stream: 'stderr', text: `sleep: ${refused}\n` }], exitCode: 1, watching: false };
    }
    // what the line printed before its first sleep shows now; the rest as virtual time reaches it
    if (r.output.length) this.sink(session, r.output);
    return new ShellLineCommand(this.cluster(), session, line.trim(), shell, r, stopAfterMs, {
      sink: (chunks) => this.sink(session, chunks),
      ended: () => this.shells.delete(session),
    });
  }

  /** `$(command)`: kubectl (alone or piped into filters) run at once; its stdout is the value. */
  private substitute(command: string): FilterResult {
    return capturePiped(command, (inner, stdin) => {
      const words = splitCommandLine(inner);
      if (words[0] !== 'kubectl' && words[0] !== 'k') return { stdout: '', stderr: 'only kubectl can run inside $(...)\n', exitCode: 1 };
      const k = runKubectl(this.kubectlContext(stdin === undefined ? {} : { stdin }), words.slice(1));
      k.watch?.stop();
      return k;
    });
  }

  /** A pipeline's command, run to its end (a piped `sleep` or wait is not sliced: its output must be whole). */
  private runToEnd(session: string, command: string, stdin: string | undefined): TerminalResult {
    const r = this.runCommand(session, command, undefined, stdin);
    if (!('slice' in r)) return r;
    while (!r.slice(Number.POSITIVE_INFINITY));
    const v = r.outcome().value;
    return v.kind === 'terminal' ? { output: v.output, exitCode: v.exitCode, watching: v.watching } : { output: [], exitCode: 0, watching: false };
  }

  /** What a finished kubectl run shows in the terminal; a watch it left running keeps streaming into the session. */
  private present(session: string, r: KubectlResult, editorText: string | undefined): TerminalResult {
    if (editorText !== undefined) {
      return {
        output: [{ stream: 'stdout', text: 'Opened in the editor: change it and press Apply (Ctrl/Cmd+Enter) to save.\n' }],
        exitCode: 0,
        watching: false,
        editorText,
      };
    }
    if (r.watch) {
      this.watches.set(session, r.watch);
      const watch = r.watch;
      watch.subscribe(
        (chunk) => {
          const chunks: TerminalChunk[] = [];
          if (chunk.stderr) chunks.push({ stream: 'stderr', text: chunk.stderr });
          if (chunk.stdout) chunks.push({ stream: 'stdout', text: chunk.stdout });
          if (chunks.length) this.sink(session, chunks);
        },
        () => {
          if (this.watches.get(session) !== watch) return;
          this.watches.delete(session);
          this.sink(session, [], true);
        },
      );
    }
    // `kubectl exec -it POD -- sh`, `kubectl run -it`: the session's next lines go to the shell
    if (r.attached) {
      this.shells.set(session, r.attached);
      return { output: r.output, exitCode: r.exitCode, watching: false, prompt: r.attached.prompt };
    }
    return { output: r.output, exitCode: r.exitCode, watching: !!r.watch };
  }

  /**
   * The session's terminal was closed: its watch stops and the shell attached to it, if any, loses its input (as
   * closing a terminal window hangs up what runs in it), so a later terminal never lands in that shell.
   */
  hangup(session: string): void {
    this.interrupt(session);
    const shell = this.shells.get(session);
    if (!shell) return;
    this.shells.delete(session);
    shell.hangup(this.cluster());
  }

  /** Stops the session's foreground watch, if any. */
  interrupt(session: string): boolean {
    // Ctrl+C at bash's `> ` drops the compound command typed so far
    this.openLines.delete(session);
    const w = this.watches.get(session);
    if (!w) return false;
    w.stop();
    this.watches.delete(session);
    return true;
  }

  /** Stops everything (the cluster is being rebuilt). */
  reset(): void {
    for (const w of this.watches.values()) w.stop();
    this.watches.clear();
    this.variables.clear();
    this.statuses.clear();
    this.openLines.clear();
    this.shells.clear();
  }
}

/**
 * A line of a pod's shell that sleeps (`sleep 5`, `while true; do wget -qO- web; sleep 1; done`): virtual time
 * passes for each sleep as for the terminal's own, and what the line prints between them streams into the
 * terminal as that time comes. Ctrl+C stops the sleep and the line. A replay stops after the virtual time the
 * interrupted run covered (`stopAfterMs`), summed over its sleeps.
 */
class ShellLineCommand implements RunningCommand {
  private work: AdvanceWork;
  /** Virtual ms covered by the sleeps already done. */
  private elapsed = 0;
  private result: { output: TerminalChunk[]; exitCode: number } | undefined;
  private interrupted = false;
  /** The shell ended in the line (`exit`, its container killed): the terminal's own prompt comes back. */
  private ended = false;

  constructor(
    private readonly cluster: Cluster,
    readonly session: string,
    readonly label: string,
    private readonly shell: AttachedInput,
    private current: AttachedLineResult,
    private readonly stopAfterMs: number | undefined,
    private readonly host: { sink(chunks: TerminalChunk[]): void; ended(): void },
  ) {
    this.work = this.sleep(current.sleepMs ?? 0);
  }

  /** The advance of the next sleep, stopping where a replay says the run it repeats was interrupted. */
  private sleep(ms: number): AdvanceWork {
    return new AdvanceWork(this.cluster, ms, this.stopAfterMs === undefined ? undefined : Math.max(0, this.stopAfterMs - this.elapsed));
  }

  slice(maxSteps: number): boolean {
    if (this.result) return true;
    if (!this.work.slice(maxSteps)) return false;
    this.elapsed += this.work.doneMs;
    if (this.work.wasInterrupted) {
      this.interrupted = true;
      this.shell.interrupt();
      this.result = { output: [], exitCode: 130 };
      return true;
    }
    const next = this.current.resume?.(this.cluster) ?? { output: [], exitCode: 0, ended: false };
    if (next.ended) {
      this.ended = true;
      this.host.ended();
    }
    if (next.sleepMs === undefined) {
      this.result = { output: next.output, exitCode: next.exitCode };
      return true;
    }
    const refused = advanceRefusal(this.cluster.now(), next.sleepMs, this.label);
    if (refused) {
      this.shell.interrupt(1);
      this.result = { output: [...next.output, { stream: 'stderr', text: `sleep: ${refused}\n` }], exitCode: 1 };
      return true;
    }
    if (next.output.length) this.host.sink(next.output);
    this.current = next;
    this.work = this.sleep(next.sleepMs);
    return false;
  }

  progress(): { fraction: number; doneMs: number } {
    const p = this.work.progress();
    return { fraction: p.fraction, doneMs: this.elapsed + p.doneMs };
  }

  interrupt(): void {
    this.work.interrupt();
  }

  outcome(): { value: ReplyValue; interruptedAfterMs?: number } {
    const r = this.result ?? { output: [], exitCode: 0 };
    const value: ReplyValue = { kind: 'terminal', output: r.output, exitCode: r.exitCode, watching: false, ...(this.ended ? {} : { prompt: this.shell.prompt }) };
    return this.interrupted ? { value, interruptedAfterMs: this.elapsed } : { value };
  }
}

/** A running command whose exit status, once it has finished, is `record`ed (the session's `$?`). */
function withStatus(running: RunningCommand, record: (status: number) => void): RunningCommand {
  return {
    label: running.label,
    session: running.session,
    slice: (maxSteps) => running.slice(maxSteps),
    progress: () => running.progress(),
    interrupt: () => running.interrupt(),
    outcome: () => {
      const o = running.outcome();
      if (o.value.kind === 'terminal') record(o.value.exitCode);
      return o;
    },
  };
}

/**
 * `sleep` in a terminal: virtual time moves, in slices. Ctrl+C ends it as in bash: the terminal prints `^C` and
 * a new prompt, and the exit status is 130 (128 + SIGINT).
 */
function sleepCommand(cluster: Cluster, session: string, label: string, ms: number, stopAfterMs?: number): RunningCommand {
  const work = new AdvanceWork(cluster, ms, stopAfterMs);
  return {
    label,
    session,
    slice: (n) => work.slice(n),
    progress: () => work.progress(),
    interrupt: () => work.interrupt(),
    outcome: () => ({
      value: { kind: 'terminal', output: [], exitCode: work.wasInterrupted ? 130 : 0, watching: false },
      ...(work.wasInterrupted ? { interruptedAfterMs: work.doneMs } : {}),
    }),
  };
}

/**
 * A scripted shell session around the simulated cluster: the engine of `svcsim shell`. It reads one line at a
 * time and writes a transcript: `$ ` and the command as read, then what the command printed (stdout and
 * stderr in the order they happened). Virtual time moves only with `sleep` and inside commands that wait.
 * Background watches (`kubectl get ... -w &`) keep printing where their events happen in the script. Lists and
 * loops (`a && b`, `for i in 0 1; do …; done`) run as bash runs them (src/kubectl/shell/shellLists.ts); a compound
 * command over several lines is read on, each further line shown after `> ` as bash's PS2, and so is a
 * here-document's body (`kubectl apply -f - <<EOF`) up to its delimiter (scriptReader.ts).
 * Pipelines (`… | grep x`, `… | kubectl apply -f -`) run through src/kubectl/shell/terminalPipeline.ts.
 */
import { advanceRefusal, type Cluster } from '../engine';
import { type KubectlContext, runKubectl, splitCommandLine, type WatchStream } from '../kubectl/kubectl';
import type { AttachedInput, AttachedLineResult } from '../kubectl/cli/command';
import { editorFrom } from './kubeEditor';
import { LocalPortRegistry } from '../kubectl/portforward/portForwardRegistry';
import { KubeconfigFile } from '../kubectl/kubeconfig/kubeconfig';
import { applyFilters, capturePiped, pipedWatchMessage } from '../kubectl/shell/pipeline';
import { type PipeEnd, runPipedLine, type StageResult } from '../kubectl/shell/terminalPipeline';
import { type ReadCommand, ScriptReader } from './scriptReader';
import { interactiveInList, type ListHost, runList, scriptOf, unexpectedEnd } from '../kubectl/shell/shellLists';
import { runBuiltin } from '../kubectl/shell/builtins';
import type { ScriptCommand } from '../engine/kubelet/apps/shellSyntax';
import { backgroundSuffix, expandVariables, parseAssignment, parseSleepDuration } from '../kubectl/shellWords';
import { runDocker } from '../kubectl/docker/docker';
import { runSvcsim } from '../kubectl/svcsim/svcsimCommand';
import { hostCurl } from '../kubectl/portforward/hostCurl';

interface Job {
  id: number;
  pid: number;
  command: string;
  stream: WatchStream;
}

export interface ShellOptions {
  /** Reads files for `kubectl apply -f FILE` (the Node entry reads the disk). */
  readFile?: (path: string) => string | undefined;
}

export class ShellSession {
  private vars = new Map<string, string>();
  private jobs: Job[] = [];
  private nextJob = 1;
  private nextPid = 1001;
  private readonly reader = new ScriptReader();
  /** Background output produced while a foreground command runs waits until that command has printed. */
  private holding = false;
  private held = '';
  private transcript: string[] = [];
  private lastStatus = 0;
  /** The localhost ports `kubectl port-forward` holds in this session's cluster. */
  private readonly portForwards = new LocalPortRegistry();
  /** The session's kubeconfig (`kubectl config set-context` holds for the commands after it). */
  private readonly kubeconfig = new KubeconfigFile();
  /** The stdout of a command whose output feeds a pipeline (`kubectl get pods | grep web`). */
  private capture: string | undefined;
  /** A watch ran while its stdout was captured: the pipeline or loop around it says it cannot be piped. */
  private pipedWatch = false;
  /** A foreground watch ran (and was stopped as Ctrl+C would): Ctrl+C also ends the list it ran in. */
  private streamed = false;
  /** The shell the script's lines go to while one is attached (`kubectl exec -it POD -- sh` until `exit`). */
  private shell: AttachedInput | undefined;

  constructor(
    readonly cluster: Cluster,
    private readonly options: ShellOptions = {},
  ) {}

  /** Feeds one physical line of the script; returns what the transcript gained. */
  feed(rawLine: string): string {
    const start = this.transcript.length;
    const read = this.reader.read(rawLine.replace(/\r$/, ''), this.shell !== undefined);
    if (read) this.run(read);
    return this.transcript.slice(start).join('');
  }

  /** Ends the session: stops background watches. */
  close(): string {
    const start = this.transcript.length;
    const read = this.reader.end(this.shell !== undefined);
    if (read) this.run(read);
    for (const j of this.jobs) j.stream.stop();
    this.jobs = [];
    return this.transcript.slice(start).join('');
  }

  /** Shows the lines read (the first after the prompt, the others after PS2, `> `) and runs them. */
  private run({ lines: [first, ...rest], text, warnings }: ReadCommand): void {
    this.write(`${this.prompt()}${first}\n${rest.map((l) => `> ${l}\n`).join('')}`);
    this.write(warnings);
    this.execute(text);
  }

  /** What the transcript shows before a line: `$ `, or the attached shell's prompt (`/ # `). */
  private prompt(): string {
    return this.shell ? this.shell.prompt : '$ ';
  }

  /** Exit status of the last command (`$?`). */
  get status(): number {
    return this.lastStatus;
  }

  private write(text: string): void {
    if (text) this.transcript.push(text);
  }

  private stdout(text: string): void {
    if (this.capture !== undefined) this.capture += text;
    else this.write(text);
  }

  /** A pipeline's command run to its end with its stdout captured (its stderr is written as it comes). */
  private runStage(command: string, stdin: string | undefined): StageResult {
    const outer = this.capture;
    this.capture = '';
    let stdout = '';
    try {
      this.runLine(command, stdin);
    } finally {
      stdout = this.capture ?? '';
      this.capture = outer;
    }
    const watching = this.pipedWatch;
    this.pipedWatch = false;
    return { output: [{ stream: 'stdout', text: stdout }], exitCode: this.lastStatus, watching };
  }

  /** A pipeline's end: what it printed, or its last command, run as any command runs. */
  private pipeEnd(end: PipeEnd): void {
    for (const c of end.output) {
      if (c.stream === 'stdout') this.stdout(c.text);
      else this.write(c.text);
    }
    if (end.kind === 'done') this.lastStatus = end.exitCode;
    else this.runLine(end.command, end.stdin);
  }

  private background(text: string): void {
    if (this.holding) this.held += text;
    else this.write(text);
  }

  private execute(line: string): void {
    // a shell in a container reads the line as it is: its own `;`, pipes and loops
    if (this.shell) {
      this.inShell(this.shell, line);
      return;
    }
    const script = scriptOf(line);
    if (script.kind === 'open' || script.kind === 'refused') {
      // only the end of the script leaves a compound command open: feed reads on until it closes
      this.write(script.kind === 'open' ? unexpectedEnd() : script.message);
      this.lastStatus = 2;
      return;
    }
    if (script.kind === 'list') this.runList(script.commands);
    else this.runLine(script.line);
  }

  /**
   * Runs a list, each simple command as a line of its own. A foreground watch ends the list (its Ctrl+C would);
   * an interactive session started in it gets its input closed at once, with svcsim's word for it.
   */
  private runList(commands: readonly ScriptCommand[]): void {
    // the capture of the pipelines around the loops whose output is piped on (`done | grep x`), outermost first
    const outer: Array<string | undefined> = [];
    const host: ListHost = {
      vars: this.vars,
      substitute: (command) => this.runCapture(command),
      say: (text) => this.write(text),
      gather: () => {
        outer.push(this.capture);
        this.capture = '';
      },
      filter: (filters) => {
        const f = applyFilters(filters, this.capture ?? '');
        this.capture = outer.pop();
        this.write(f.stderr);
        this.stdout(f.stdout);
        return f.exitCode;
      },
    };
    const run = runList(commands, host, this.lastStatus);
    let step = run.next();
    while (!step.done) {
      this.lastStatus = step.value.status;
      this.streamed = false;
      this.runLine(step.value.command);
      if (this.shell) {
        this.shell.hangup(this.cluster);
        this.shell = undefined;
        this.write(interactiveInList);
        this.lastStatus = 1;
      }
      if (this.pipedWatch) {
        // a watch in a loop whose output is piped on: refused as a watch in a pipeline of its own is
        this.write(pipedWatchMessage);
        this.pipedWatch = false;
        this.lastStatus = 1;
      }
      if (this.streamed) {
        // the watch was stopped as by Ctrl+C, which ends the list (a watch is never gathered: see kubectl)
        this.streamed = false;
        run.return(this.lastStatus);
        return;
      }
      step = run.next(this.lastStatus);
    }
    this.lastStatus = step.value;
  }

  /** One simple command (a pipeline, an assignment, a command and its words); `stdin` is what a pipe gives it to read. */
  private runLine(line: string, stdin?: string): void {
    const piped = runPipedLine(line, {
      run: (command, input) => this.runStage(command, input),
      expand: (text) => expandVariables(text, this.vars, this.lastStatus, (command) => this.runCapture(command)),
      // a watch whose stdout was captured is stopped at once (kubectl below)
      stopWatch: () => {},
    });
    if (piped) {
      this.pipeEnd(piped);
      return;
    }
    // NAME=value (one word) or NAME=$(command) is an assignment; NAME=value command ... scopes NAME to the command
    const candidate = parseAssignment(line);
    const assignment = candidate && (candidate.command !== undefined || splitCommandLine(line).length === 1) ? candidate : undefined;
    if (assignment) {
      if (assignment.command !== undefined) {
        const r = this.runCapture(expandVariables(assignment.command, this.vars, this.lastStatus));
        this.vars.set(assignment.name, r.replace(/\n+$/, ''));
      } else {
        this.vars.set(assignment.name, expandVariables(assignment.value ?? '', this.vars, this.lastStatus));
      }
      this.lastStatus = 0;
      return;
    }
    const { command: full, background } = backgroundSuffix(expandVariables(line, this.vars, this.lastStatus, (command) => this.runCapture(command)));
    // `export NAME=value` sets a variable; `NAME=value cmd` sets it for one command (KUBE_EDITOR=... kubectl edit)
    if (full.startsWith('export ')) {
      const a = parseAssignment(full.slice(7));
      if (a) this.vars.set(a.name, a.value ?? '');
      this.lastStatus = 0;
      return;
    }
    let words = splitCommandLine(full);
    const scoped = new Map<string, string>();
    while (words.length > 1 && /^[A-Za-z_][A-Za-z0-9_]*=/.test(words[0])) {
      const eq = words[0].indexOf('=');
      scoped.set(words[0].slice(0, eq), words[0].slice(eq + 1));
      words = words.slice(1);
    }
    const command = words.join(' ');
    const [head, ...rest] = words;
    const builtin = runBuiltin(words);
    if (builtin) {
      this.stdout(builtin.stdout);
      this.lastStatus = builtin.exitCode;
      return;
    }
    switch (head) {
      case 'kubectl':
      case 'k':
        this.kubectl(rest, command, background, scoped, stdin);
        return;
      case 'sleep': {
        const ms = parseSleepDuration(rest[0] ?? '');
        if (ms === undefined) {
          this.write(`sleep: invalid time interval '${rest[0] ?? ''}'\n`);
          this.lastStatus = 1;
          return;
        }
        const refused = advanceRefusal(this.cluster.now(), ms, `sleep ${rest[0]}`);
        if (refused) {
          this.write(`sleep: ${refused}\n`);
          this.lastStatus = 1;
          return;
        }
        this.cluster.advance(ms);
        this.lastStatus = 0;
        return;
      }
      case 'docker': {
        const r = runDocker(this.cluster, rest);
        this.stdout(r.stdout);
        this.write(r.stderr);
        this.lastStatus = r.exitCode;
        return;
      }
      case 'svcsim': {
        const r = runSvcsim(this.cluster, rest);
        this.stdout(r.stdout);
        this.write(r.stderr);
        this.lastStatus = r.exitCode;
        return;
      }
      case 'curl': {
        // curl on your machine: localhost:PORT reaches a pod while a background port-forward holds PORT; the
        // forward's `Handling connection for PORT` is printed as the connection opens, before curl's output
        const r = hostCurl(this.cluster, this.portForwards, rest);
        for (const c of r.chunks) {
          if (c.stream === 'stdout') this.stdout(c.text);
          else this.write(c.text);
        }
        this.lastStatus = r.exitCode;
        return;
      }
      case 'jobs':
        this.printJobs();
        return;
      case 'kill':
        this.kill(rest);
        return;
      case 'wait':
        // Background watches never end, and other background commands already finished: nothing to wait for.
        this.lastStatus = 0;
        return;
      case undefined:
        return;
      default:
        this.write(`svcsim: ${head}: command not found (this shell runs kubectl, k, docker, svcsim, curl, sleep, jobs, kill, wait, echo, true and false)\n`);
        this.lastStatus = 127;
    }
  }

  private context(scoped: ReadonlyMap<string, string> = new Map(), stdin?: string): KubectlContext {
    const readFile = this.options.readFile ?? (() => undefined);
    const editorCommand = scoped.get('KUBE_EDITOR') ?? this.vars.get('KUBE_EDITOR') ?? scoped.get('EDITOR') ?? this.vars.get('EDITOR');
    const ctx: KubectlContext = { cluster: this.cluster, readFile: this.options.readFile, portForwards: this.portForwards, kubeconfig: this.kubeconfig };
    if (stdin !== undefined) ctx.stdin = stdin;
    if (editorCommand) {
      const built = editorFrom(editorCommand, readFile);
      if (built.editor) ctx.editor = built.editor;
      else
        ctx.editor = () => {
          this.write(`${built.error}\n`);
          return undefined;
        };
    }
    return ctx;
  }

  private kubectl(args: string[], command: string, background: boolean, scoped: ReadonlyMap<string, string>, stdin: string | undefined): void {
    this.holding = true;
    let result: ReturnType<typeof runKubectl>;
    try {
      result = runKubectl(this.context(scoped, stdin), args);
    } finally {
      this.holding = false;
    }
    if (background) {
      const id = this.nextJob++;
      const pid = this.nextPid++;
      this.write(`[${id}] ${pid}\n`);
      for (const c of result.output) this.write(c.text);
      if (result.watch) {
        const stream = result.watch;
        const job = { id, pid, command: `${command} &`, stream };
        this.jobs.push(job);
        // a job that ends by itself (`logs -f` of a container that exited) is reported Done, as bash does
        stream.subscribe(
          (chunk) => this.background((chunk.stdout ?? '') + (chunk.stderr ?? '')),
          () => {
            const last = this.jobs[this.jobs.length - 1] === job;
            this.jobs = this.jobs.filter((j) => j !== job);
            this.background(`[${id}]${last ? '+' : '-'}  ${'Done'.padEnd(24)}${command}\n`);
          },
        );
      } else {
        this.write(`[${id}]+  ${(result.exitCode === 0 ? 'Done' : `Exit ${result.exitCode}`).padEnd(24)}${command}\n`);
      }
    } else {
      for (const c of result.output) {
        if (c.stream === 'stdout') this.stdout(c.text);
        else this.write(c.text);
      }
      // as in the browser terminal: the watch's output is not filtered, the pipeline fails (saying so)
      if (result.watch && this.capture !== undefined) this.pipedWatch = true;
      if (result.watch) {
        // A foreground watch in a script would block forever; like a user pressing Ctrl+C, stop it here.
        result.watch.stop();
        if (this.capture === undefined) this.streamed = true;
      }
      // `kubectl exec -it POD -- sh`: as with `bash < script`, the shell reads the script's next lines
      if (result.attached && this.capture === undefined) this.shell = result.attached;
    }
    this.lastStatus = result.exitCode;
    if (this.held) {
      this.write(this.held);
      this.held = '';
    }
  }

  /**
   * A line for the attached shell: it runs in the container at this instant, except a `sleep`, which moves
   * virtual time as the script's own does; `exit` detaches.
   */
  private inShell(shell: AttachedInput, line: string): void {
    // a line that sleeps (`sleep 5`, a loop with a sleep in it) goes on once the virtual time has passed
    for (let r: AttachedLineResult | undefined = shell.run(this.cluster, line); r; ) {
      for (const c of r.output) {
        if (c.stream === 'stdout') this.stdout(c.text);
        else this.write(c.text);
      }
      if (r.ended) this.shell = undefined;
      this.lastStatus = r.exitCode;
      if (r.sleepMs === undefined) return;
      const refused = advanceRefusal(this.cluster.now(), r.sleepMs, line);
      if (refused) {
        shell.interrupt(1);
        this.write(`sleep: ${refused}\n`);
        this.lastStatus = 1;
        return;
      }
      this.cluster.advance(r.sleepMs);
      r = r.resume?.(this.cluster);
    }
  }

  /** Runs a command for `$(...)`: its stdout is the value; stderr still reaches the transcript. */
  private runCapture(command: string): string {
    const r = capturePiped(command, (inner, stdin) => {
      const words = splitCommandLine(inner);
      if (words[0] !== 'kubectl' && words[0] !== 'k') return { stdout: '', stderr: 'svcsim: only kubectl can run inside $(...)\n', exitCode: 1 };
      const k = runKubectl(this.context(new Map(), stdin), words.slice(1));
      k.watch?.stop();
      return k;
    });
    if (r.stderr) this.write(r.stderr);
    this.lastStatus = r.exitCode;
    return r.stdout;
  }

  private printJobs(): void {
    this.jobs.forEach((j, i) => {
      const mark = i === this.jobs.length - 1 ? '+' : i === this.jobs.length - 2 ? '-' : ' ';
      this.write(`[${j.id}]${mark}  ${'Running'.padEnd(24)}${j.command}\n`);
    });
    this.lastStatus = 0;
  }

  private kill(args: string[]): void {
    const spec = args.find((a) => !a.startsWith('-')) ?? '';
    const m = /^%(\d+)$/.exec(spec);
    const job = m ? this.jobs.find((j) => j.id === Number(m[1])) : this.jobs.find((j) => String(j.pid) === spec);
    if (!job) {
      this.write(`svcsim: kill: ${spec}: no such job\n`);
      this.lastStatus = 1;
      return;
    }
    job.stream.stop();
    const last = this.jobs[this.jobs.length - 1] === job;
    this.jobs = this.jobs.filter((j) => j !== job);
    this.write(`[${job.id}]${last ? '+' : '-'}  ${'Terminated'.padEnd(24)}${job.command.replace(/ &$/, '')}\n`);
    this.lastStatus = 0;
  }
}

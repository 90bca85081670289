/**
 * The shell a scenario's `run:` lines go through, the same in the headless runner and in the browser's worker:
 * `kubectl …` (or `k …`), `docker ps|exec` (a kind node's rules), `svcsim load|trace` (traffic; what it sent is
 * kept for the step's traffic checks), `sleep DURATION`, a watch sent to the background with a trailing `&` (its rows print
 * as the cluster changes, after the command that caused them, as bash prints a job's output), `kill %N`, and
 * pipes into grep/head/tail/wc/sort/uniq and kubectl (`… | kubectl apply -f -`). The transcript reads as a terminal does: `$ line`, then the output.
 */
import { advanceRefusal, type Cluster } from '../engine';
import { type KubectlContext, runKubectl, splitCommandLine, type WatchStream } from '../kubectl/kubectl';
import { runDocker } from '../kubectl/docker/docker';
import { KubeconfigFile } from '../kubectl/kubeconfig/kubeconfig';
import { capturePiped } from '../kubectl/shell/pipeline';
import { runSvcsim, type TrafficObservation } from '../kubectl/svcsim/svcsimCommand';
import { backgroundSuffix, parseSleepDuration } from '../kubectl/shellWords';

interface Job {
  id: number;
  command: string;
  stream: WatchStream;
}

export interface ShellOutcome {
  /** Everything printed while the line ran (background rows included), prompt and line first. */
  transcript: string;
  exitCode: number;
}

export class ScenarioShell {
  private jobs: Job[] = [];
  private nextJob = 1;
  private out = '';
  private holding = false;
  private held = '';
  /** The kubeconfig the scenario's kubectl lines read: a `kubectl config set-context` holds for the lines after it. */
  private readonly kubeconfig = new KubeconfigFile();
  /** What the last `svcsim load` or `svcsim trace` sent, for `traffic` checks. */
  lastTraffic: TrafficObservation | undefined;

  constructor(private readonly cluster: Cluster) {}

  /** Runs one line; `extra` adds to kubectl's context (an editor for `kubectl edit`, files for `apply -f`). */
  run(line: string, extra: Partial<KubectlContext> = {}): ShellOutcome {
    this.print(`$ ${line}\n`);
    const exitCode = this.execute(line.trim(), extra);
    return { transcript: this.take(), exitCode };
  }

  /** What background watches printed since the last call (time moved without a command, a UI action). */
  take(): string {
    const t = this.out;
    this.out = '';
    return t;
  }

  /** Stops every background watch (the scenario is left or rebuilt). */
  close(): void {
    for (const j of this.jobs) j.stream.stop();
    this.jobs = [];
  }

  private print(text: string): void {
    this.out += text;
  }

  private background(text: string): void {
    if (this.holding) this.held += text;
    else this.out += text;
  }

  private execute(line: string, extra: Partial<KubectlContext>): number {
    const { command, background } = backgroundSuffix(line);
    const words = splitCommandLine(command);
    const [head, ...rest] = words;
    if (head === 'sleep') {
      const ms = parseSleepDuration(rest[0] ?? '');
      const refused = ms === undefined ? `invalid time interval '${rest[0] ?? ''}'` : advanceRefusal(this.cluster.now(), ms, `sleep ${rest[0]}`);
      if (refused || ms === undefined) {
        this.print(`sleep: ${refused}\n`);
        return 1;
      }
      this.cluster.advance(ms);
      return 0;
    }
    if (head === 'kill') return this.kill(rest);
    if (head !== 'kubectl' && head !== 'k' && head !== 'docker' && head !== 'svcsim') {
      this.print(`svcsim: ${head ?? ''}: command not found (a scenario runs kubectl, k, docker, svcsim, sleep and kill)\n`);
      return 127;
    }
    const ctx: KubectlContext = { cluster: this.cluster, kubeconfig: this.kubeconfig, ...extra };
    if (background && (head === 'kubectl' || head === 'k')) return this.startJob(command, rest, ctx);
    this.holding = true;
    let result: { stdout: string; stderr: string; exitCode: number };
    try {
      result = capturePiped(command, (c, stdin) => {
        const [tool, ...args] = splitCommandLine(c);
        if (tool === 'docker') return runDocker(this.cluster, args);
        if (tool === 'svcsim')
          return runSvcsim(this.cluster, args, (o) => {
            this.lastTraffic = o;
          });
        const k = runKubectl(stdin === undefined ? ctx : { ...ctx, stdin }, args);
        // a foreground watch in a scenario would never end: it stops as Ctrl+C would, after its first rows
        k.watch?.stop();
        return { stdout: k.output.map((o) => o.text).join(''), stderr: '', exitCode: k.exitCode };
      });
    } finally {
      this.holding = false;
    }
    this.print(result.stdout + result.stderr);
    this.print(this.held);
    this.held = '';
    return result.exitCode;
  }

  private startJob(command: string, args: string[], ctx: KubectlContext): number {
    const id = this.nextJob++;
    this.print(`[${id}] ${1000 + id}\n`);
    const k = runKubectl(ctx, args);
    for (const c of k.output) this.print(c.text);
    if (k.watch) {
      this.jobs.push({ id, command, stream: k.watch });
      k.watch.subscribe((chunk) => this.background((chunk.stdout ?? '') + (chunk.stderr ?? '')));
    } else {
      this.print(`[${id}]+  ${(k.exitCode === 0 ? 'Done' : `Exit ${k.exitCode}`).padEnd(24)}${command}\n`);
    }
    return k.exitCode;
  }

  private kill(args: string[]): number {
    const m = /^%(\d+)$/.exec(args.find((a) => !a.startsWith('-')) ?? '');
    const job = m ? this.jobs.find((j) => j.id === Number(m[1])) : undefined;
    if (!job) {
      this.print(`svcsim: kill: ${args.join(' ')}: no such job\n`);
      return 1;
    }
    job.stream.stop();
    const last = this.jobs[this.jobs.length - 1] === job;
    this.jobs = this.jobs.filter((j) => j !== job);
    this.print(`[${job.id}]${last ? '+' : '-'}  ${'Terminated'.padEnd(24)}${job.command}\n`);
    return 0;
  }
}

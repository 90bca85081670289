/**
 * A list or loop typed into a browser terminal (`kubectl delete pod web-0 && kubectl get pods`, `for i in 0 1;
 * do kubectl exec "web-$i" -- hostname; done`): each simple command runs as a line of the terminal's own, and one
 * that takes virtual time (`sleep`, `kubectl wait`, a `delete` waiting for its objects) runs in slices as it would
 * alone, what the list printed before it streaming into the terminal first. Ctrl+C ends the command and the list,
 * as bash's SIGINT does; a replay (`stopAfterMs`) stops at the same virtual time, summed over the list.
 */
import type { Cluster } from '../engine';
import type { ScriptCommand } from '../engine/kubelet/apps/shellSyntax';
import type { ReplyValue, TerminalChunk } from '../protocol/messages';
import { applyFilters, type FilterResult, pipedWatchMessage } from '../kubectl/shell/pipeline';
import { interactiveInList, type ListHost, type ListRun, type ListStatement, runList } from '../kubectl/shell/shellLists';
import type { RunningCommand } from './runningCommand';
import type { TerminalResult } from './terminalSessions';

/** What a list needs of the terminal session it runs in. */
export interface ListTerminal {
  /** Runs one simple command as a line of the session, `$?` being `status`; a replay's time budget is `stopAfterMs`. */
  statement(command: string, status: number, stopAfterMs: number | undefined): TerminalResult | RunningCommand;
  readonly vars: Map<string, string>;
  /** `$(command)`: kubectl run at once, its stdout the value. */
  substitute(command: string): FilterResult;
  /** Shows output in the session's terminal now. */
  sink(chunks: TerminalChunk[]): void;
  /** Closes the input of a session the command just attached to a shell (`kubectl exec -it`); whether there was one. */
  closeAttached(): boolean;
  /** Stops the session's foreground watch. */
  stopWatch(): void;
}

/** Runs the list: its result when no command in it takes virtual time, else the list as a running command. */
export function runTerminalList(
  cluster: Cluster,
  session: string,
  label: string,
  commands: readonly ScriptCommand[],
  status: number,
  terminal: ListTerminal,
  stopAfterMs: number | undefined,
): TerminalResult | RunningCommand {
  const list = new TerminalList(cluster, session, label, commands, status, terminal, stopAfterMs);
  return list.finished ?? list;
}

class TerminalList implements RunningCommand {
  private readonly run: ListRun;
  private readonly start: number;
  /** Output not shown yet: streamed when a command starts taking time, the rest in the reply. */
  private output: TerminalChunk[] = [];
  /** The stdout of the loops whose output is piped on (`done | grep x`), innermost last. */
  private gathered: string[] = [];
  /** The command taking virtual time now. */
  private current: RunningCommand | undefined;
  private interrupted = false;
  private result: TerminalResult | undefined;
  private interruptedAfterMs: number | undefined;
  private editorText: string | undefined;

  constructor(
    private readonly cluster: Cluster,
    readonly session: string,
    readonly label: string,
    commands: readonly ScriptCommand[],
    status: number,
    private readonly terminal: ListTerminal,
    private readonly stopAfterMs: number | undefined,
  ) {
    this.start = cluster.now();
    const host: ListHost = {
      vars: terminal.vars,
      substitute: (command) => {
        const r = terminal.substitute(command);
        this.print([{ stream: 'stderr', text: r.stderr }]);
        return r.stdout;
      },
      say: (text) => this.print([{ stream: 'stderr', text }]),
      gather: () => this.gathered.push(''),
      filter: (filters) => {
        const f = applyFilters(filters, this.gathered.pop() ?? '');
        this.print([
          { stream: 'stderr', text: f.stderr },
          { stream: 'stdout', text: f.stdout },
        ]);
        return f.exitCode;
      },
    };
    this.run = runList(commands, host, status);
    this.advance(this.run.next());
  }

  /** The list's result once it has ended. */
  get finished(): TerminalResult | undefined {
    return this.result;
  }

  /** Runs statements until one takes virtual time (it is then {@link current}) or the list ends. */
  private advance(first: IteratorResult<ListStatement, number>): void {
    for (let step = first; ; ) {
      if (step.done) {
        this.end(step.value);
        return;
      }
      const elapsed = this.cluster.now() - this.start;
      const r = this.terminal.statement(step.value.command, step.value.status, this.stopAfterMs === undefined ? undefined : Math.max(0, this.stopAfterMs - elapsed));
      if ('slice' in r) {
        this.current = r;
        const shown = this.output;
        this.output = [];
        if (shown.length) this.terminal.sink(shown);
        return;
      }
      const status = this.took(r);
      if (this.result) return;
      step = this.run.next(status);
    }
  }

  /**
   * What a command left: its output, and its status for the list. A watch keeps the terminal until Ctrl+C, which
   * ends the list: what follows it does not run. An interactive session started here has its input closed.
   */
  private took(r: TerminalResult): number {
    if (r.editorText !== undefined) this.editorText = r.editorText;
    this.print(r.output);
    if (this.terminal.closeAttached()) {
      this.print([{ stream: 'stderr', text: interactiveInList }]);
      return 1;
    }
    if (!r.watching) return r.exitCode;
    if (this.gathered.length > 0) {
      // a watch in a loop whose output is piped on: refused as a watch in a pipeline of its own is
      this.terminal.stopWatch();
      this.print([{ stream: 'stderr', text: pipedWatchMessage }]);
      return 1;
    }
    this.run.return(r.exitCode);
    this.end(r.exitCode, true);
    return r.exitCode;
  }

  private print(chunks: readonly TerminalChunk[]): void {
    for (const c of chunks) {
      if (!c.text) continue;
      if (c.stream === 'stdout' && this.gathered.length > 0) this.gathered[this.gathered.length - 1] += c.text;
      else this.output.push(c);
    }
  }

  private end(exitCode: number, watching = false): void {
    const editor = this.editorText === undefined ? {} : { editorText: this.editorText };
    this.result = { output: this.output, exitCode, watching, ...editor };
    this.current = undefined;
  }

  slice(maxSteps: number): boolean {
    const current = this.current;
    if (this.result || !current) return true;
    if (!current.slice(maxSteps)) return false;
    this.current = undefined;
    const { value, interruptedAfterMs } = current.outcome();
    const status = this.took(terminalResult(value));
    if (this.result) return true;
    if (interruptedAfterMs !== undefined || this.interrupted) {
      // Ctrl+C (or the replay of one) ends the list with the command
      this.run.return(130);
      this.interruptedAfterMs = this.cluster.now() - this.start;
      this.end(130);
      return true;
    }
    this.advance(this.run.next(status));
    return this.result !== undefined;
  }

  progress(): { fraction: number; doneMs: number } {
    return { fraction: this.current?.progress().fraction ?? 1, doneMs: this.cluster.now() - this.start };
  }

  interrupt(): void {
    this.interrupted = true;
    this.current?.interrupt();
  }

  outcome(): { value: ReplyValue; interruptedAfterMs?: number } {
    const r = this.result ?? { output: [], exitCode: 0, watching: false };
    const value: ReplyValue = { kind: 'terminal', ...r };
    return this.interruptedAfterMs === undefined ? { value } : { value, interruptedAfterMs: this.interruptedAfterMs };
  }
}

/** A finished command's reply value as the terminal's result. */
function terminalResult(value: ReplyValue): TerminalResult {
  if (value.kind !== 'terminal') return { output: [], exitCode: 0, watching: false };
  const { output, exitCode, watching, editorText } = value;
  return { output, exitCode, watching, ...(editorText === undefined ? {} : { editorText }) };
}

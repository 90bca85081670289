/**
 * The worker's front while the engine's code loads. The first graph a fresh playground shows is always the
 * same — the seed topology (src/protocol/seedStart.ts) after 15 s — so it is computed at build time
 * (src/worker/firstGraph.ts) and shipped as data: the worker posts it at once instead of fetching ~300 kB of
 * engine before anything is drawn. Only the exact commands the data was made from are answered here, in their
 * order; the first other command (and everything after it) waits for the engine, which then runs the answered
 * commands itself (the engine is deterministic, so it reaches the state these answers describe) before it
 * answers the waiting ones. A ping is answered here too: nothing has run, so the time is the last answer's.
 * The empty cluster a new worker starts with is not posted here: the seed's `init` replaces it at once (its diff
 * resets the page's mirror), and on any other start the engine posts it before its first answer.
 */
import type { ClusterDiff, Command, CommandEnvelope, Reply, WorkerMessage } from '../protocol/messages';

/** One answered command: the diff of what it changed (if anything) and its reply (id 0, replaced on answer). */
export interface FirstGraphStep {
  command: Command;
  diff?: ClusterDiff;
  reply: Reply;
  /** The cluster's virtual time once it has run. */
  time: number;
}

export interface FirstGraph {
  /** A new cluster's virtual time. */
  time: number;
  steps: FirstGraphStep[];
}

/** Commands compare by their JSON: the page sends them built from the same literals. */
const same = (a: Command, b: Command) => JSON.stringify(a) === JSON.stringify(b);

export class FirstGraphFront {
  private answered = 0;
  private declined = false;

  constructor(
    private readonly graph: FirstGraph,
    private readonly post: (msg: WorkerMessage) => void,
  ) {}

  /** Answers `envelope` from the first graph and returns true, or returns false: the engine must answer it. */
  receive({ id, command }: CommandEnvelope): boolean {
    if (command.type === 'ping') {
      this.post({ type: 'reply', id, ok: true, value: { kind: 'pong', time: this.time } });
      return true;
    }
    const step = this.declined ? undefined : this.graph.steps[this.answered];
    if (!step || !same(step.command, command)) {
      // order is the log's order: once one command waits for the engine, every later one does too
      this.declined = true;
      return false;
    }
    this.answered++;
    if (step.diff) this.post(step.diff);
    this.post({ ...step.reply, id });
    return true;
  }

  /** The commands answered here, oldest first: the engine runs them before anything else. */
  get replay(): Command[] {
    return this.graph.steps.slice(0, this.answered).map((s) => s.command);
  }

  private get time(): number {
    return this.answered ? this.graph.steps[this.answered - 1].time : this.graph.time;
  }
}

/**
 * The worker's front while the engine's code loads. The first graph a fresh playground shows is always the
 * same — the seed topology (src/scenario/library/seedStart.ts) after 15 s — so it is computed at build time
 * (src/worker/firstGraph.ts) and shipped as data: the worker posts it at once instead of fetching ~300 kB of
 * engine before anything is drawn. Only the exact commands the data was made from are answered here, in their
 * order. A question (a command that changes nothing) asked meanwhile is kept in its place among them, for the
 * engine to answer against the cluster as it was when it was asked; the first other command that changes
 * something (and everything after it) waits for the engine. The engine runs what was handed over, in order,
 * before anything else: it is deterministic, so it reaches the state these answers describe. A ping is
 * answered here: nothing has run, so the time is the last answer's.
 * The empty cluster a new worker starts with is not posted here: the seed's `init` replaces it at once (its diff
 * resets the page's mirror), and on any other start the engine posts it before its first answer.
 */
import { type ClusterDiff, type Command, type CommandEnvelope, isMutating, type Reply, type WorkerMessage } from '../protocol/messages';

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

/** What the front took before the engine came, in the order it came: answered commands and kept questions. */
export type HandedOver = { type: 'answered'; command: Command } | { type: 'question'; envelope: CommandEnvelope };

/** Commands compare by their JSON: the page sends them built from the same literals. */
const same = (a: Command, b: Command) => JSON.stringify(a) === JSON.stringify(b);

export class FirstGraphFront {
  private answered = 0;
  private declined = false;
  private readonly taken: HandedOver[] = [];

  constructor(
    private readonly graph: FirstGraph,
    private readonly post: (msg: WorkerMessage) => void,
  ) {}

  /** Takes `envelope` (answered now, or kept for the engine) and returns true, or returns false: the engine must have it, after everything before it. */
  receive(envelope: CommandEnvelope): boolean {
    const { id, command } = envelope;
    if (command.type === 'ping') {
      this.post({ type: 'reply', id, ok: true, value: { kind: 'pong', time: this.time } });
      return true;
    }
    if (this.declined) return false;
    if (!isMutating(command)) {
      this.taken.push({ type: 'question', envelope });
      return true;
    }
    const step = this.graph.steps[this.answered];
    if (!step || !same(step.command, command)) {
      // order is the log's order: once one command waits for the engine, every later one does too
      this.declined = true;
      return false;
    }
    this.answered++;
    this.taken.push({ type: 'answered', command });
    if (step.diff) this.post(step.diff);
    this.post({ ...step.reply, id });
    return true;
  }

  /** What the engine runs before anything else, oldest first. */
  get handedOver(): readonly HandedOver[] {
    return this.taken;
  }

  private get time(): number {
    return this.answered ? this.graph.steps[this.answered - 1].time : this.graph.time;
  }
}

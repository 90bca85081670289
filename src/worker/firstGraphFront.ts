/**
 * The worker's front while the engine's code loads. The first graph of the common starts is known before the
 * page opens — the seed topology (src/scenario/library/seedStart.ts) after 15 s, and each built-in scenario at
 * each of its steps (what an embed on a slide opens) — so it is computed at build time (src/worker/firstGraph.ts)
 * and shipped as data, each start's in a small chunk of its own: the worker fetches the one the page's commands
 * ask for and posts it, instead of fetching ~300 kB of engine before anything is drawn (src/worker/bakedOpenings.ts
 * says which commands have an answer baked).
 *
 * Only the exact commands the data was made from are answered here, in their order. A question (a command that
 * changes nothing) asked meanwhile is kept in its place among them, for the engine to answer against the cluster
 * as it was when it was asked; the first other command that changes something (and everything after it) waits for
 * the engine. The engine runs what was handed over, in order, before anything else: it is deterministic, so it
 * reaches the state these answers describe. A ping is answered here: nothing has run, so the time is the last
 * answer's. Commands that come while an answer is being fetched wait for it, in order.
 *
 * The empty cluster a new worker starts with is not posted here: the first answered command is an `init`, which
 * replaces it (its diff resets the page's mirror); on any other start the engine posts it before its first answer.
 * A bare `init` is answered without its diff (the default cluster, ~9 kB of data): on a scenario's start the
 * scenario's reset diff follows at once and replaces it; otherwise the engine posts it when it takes over.
 */
import { type ClusterDiff, type Command, type CommandEnvelope, isMutating, type Reply, type WorkerMessage } from '../protocol/messages';

/** One answered command: the diff of what it changed (if anything) and its reply (id 0, replaced on answer). */
export interface FirstGraphStep {
  command: Command;
  diff?: ClusterDiff;
  reply: Reply;
  /** The cluster's virtual time once it has run. */
  time: number;
  /** The diff was left out of the data: the engine posts it, unless a reset diff replaces it first. */
  diffLeftOut?: true;
}

export interface FirstGraph {
  /** A new cluster's virtual time. */
  time: number;
  steps: FirstGraphStep[];
}

/** The baked answer to `command` once `answered` have been answered: at hand, being fetched, or none. */
export type BakedAnswer = FirstGraphStep | Promise<FirstGraphStep | undefined> | undefined;

export interface Openings {
  /** A new cluster's virtual time (what a ping before any answer reports). */
  readonly startTime: number;
  next(answered: readonly Command[], command: Command): BakedAnswer;
}

/** What the front took before the engine came, in the order it came: answered commands and kept questions. */
export type HandedOver = { type: 'answered'; command: Command; diffOwed?: boolean } | { type: 'question'; envelope: CommandEnvelope };

export class FirstGraphFront {
  private readonly answered: Command[] = [];
  private time: number;
  private declined = false;
  /** An answer being fetched: what comes meanwhile waits in `queue`. */
  private fetching: Promise<void> | undefined;
  private readonly queue: CommandEnvelope[] = [];
  private readonly taken: HandedOver[] = [];

  constructor(
    private readonly openings: Openings,
    private readonly post: (msg: WorkerMessage) => void,
    /** The engine must have `envelope`, after everything before it. */
    private readonly decline: (envelope: CommandEnvelope) => void,
  ) {
    this.time = openings.startTime;
  }

  receive(envelope: CommandEnvelope): void {
    if (envelope.command.type === 'ping') {
      this.post({ type: 'reply', id: envelope.id, ok: true, value: { kind: 'pong', time: this.time } });
      return;
    }
    // no long command runs here, so nothing waits for the page to draw
    if (envelope.command.type === 'drawn') return;
    if (this.fetching) this.queue.push(envelope);
    else this.take(envelope);
  }

  /** Resolves once no answer is being fetched (the engine takes over then). */
  async settled(): Promise<void> {
    while (this.fetching) await this.fetching;
  }

  /** What the engine runs before anything else, oldest first. */
  get handedOver(): readonly HandedOver[] {
    return this.taken;
  }

  private take(envelope: CommandEnvelope): void {
    const { command } = envelope;
    if (this.declined) {
      this.decline(envelope);
      return;
    }
    if (!isMutating(command)) {
      this.taken.push({ type: 'question', envelope });
      return;
    }
    const found = this.openings.next(this.answered, command);
    if (found instanceof Promise) {
      this.fetching = found
        .then(
          (step) => (step ? this.answer(envelope, step) : this.refuse(envelope)),
          // a chunk that did not load: the engine answers instead
          () => this.refuse(envelope),
        )
        .then(() => {
          this.fetching = undefined;
          while (!this.fetching && this.queue.length) this.take(this.queue.shift() as CommandEnvelope);
        });
      return;
    }
    if (found) this.answer(envelope, found);
    else this.refuse(envelope);
  }

  private answer(envelope: CommandEnvelope, step: FirstGraphStep): void {
    this.answered.push(envelope.command);
    this.time = step.time;
    // a reset replaces the page's whole mirror: a diff still owed before it would only be replaced
    if (step.diff?.reset) for (const h of this.taken) if (h.type === 'answered') h.diffOwed = false;
    this.taken.push({ type: 'answered', command: envelope.command, ...(step.diffLeftOut ? { diffOwed: true } : {}) });
    if (step.diff) this.post(step.diff);
    this.post({ ...step.reply, id: envelope.id });
  }

  /** Order is the log's order: once one command waits for the engine, every later one does too. */
  private refuse(envelope: CommandEnvelope): void {
    this.declined = true;
    this.decline(envelope);
  }
}

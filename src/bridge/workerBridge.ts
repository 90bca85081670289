/**
 * The main-thread side of the simulation worker: typed request/reply over postMessage, diffs delivered in
 * one batch per animation frame (at most `maxObjectsPerFrame` objects a frame, so a cluster growing by
 * thousands of pods is drawn over several frames instead of blocking one), and crash recovery. Every command
 * that changes the cluster is logged; if the worker throws or stops answering its heartbeat, a new worker is started and the log is replayed. The
 * engine is deterministic, so the rebuilt cluster is the same cluster.
 */
import { type ClusterDiff, type Command, type CommandEnvelope, type Reply, type TerminalChunk, type WorkerMessage, isMutating } from '../protocol/messages';
import { diffSize } from '../protocol/diffChunks';
import { CommandLog } from './commandLog';

export type DiffListener = (diffs: ClusterDiff[]) => void;

export interface BridgeEvents {
  onDiffs: DiffListener;
  /** Output a terminal's foreground watch produced as the cluster changed. */
  onTerminalStream?(session: string, chunks: TerminalChunk[]): void;
  /** The worker was replaced; `replayed` commands rebuilt its cluster. */
  onRestart?(reason: string, replayed: number): void;
}

interface Pending {
  command: Command;
  resolve(r: Reply): void;
}

/** Objects applied per animation frame; a larger backlog waits for the next frames, in order. */
const maxObjectsPerFrame = 100;
const heartbeatEveryMs = 2000;
const heartbeatTimeoutMs = 15000;

/** What arrived from the worker and waits for a frame: a diff, or a reply that must not overtake the diffs before it. */
type Inbound = { diff: ClusterDiff } | { resolve(): void };

export class WorkerBridge {
  private worker!: Worker;
  private nextId = 1;
  private pending = new Map<number, Pending>();
  private inbox: Inbound[] = [];
  private frame: number | undefined;
  private readonly log = new CommandLog();
  private lastHeard = 0;
  private heartbeat: ReturnType<typeof setInterval> | undefined;
  private restarting = false;

  constructor(
    private readonly createWorker: () => Worker,
    private readonly events: BridgeEvents,
  ) {
    this.worker = this.spawn();
    this.heartbeat = setInterval(() => this.checkHeartbeat(), heartbeatEveryMs);
  }

  /** Sends a command and resolves with the worker's reply. */
  send(command: Command): Promise<Reply> {
    if (isMutating(command)) this.log.record(command);
    return this.post(command);
  }

  /** Test and diagnostics hook: kill the worker as if it had crashed. */
  crashForTest(): void {
    this.worker.terminate();
    void this.restart('the worker was terminated');
  }

  /** How many commands a restart would replay. */
  get loggedCommands(): number {
    return this.log.size;
  }

  dispose(): void {
    this.worker.terminate();
    if (this.heartbeat) clearInterval(this.heartbeat);
    if (this.frame !== undefined) cancelAnimationFrame(this.frame);
  }

  private post(command: Command): Promise<Reply> {
    const id = this.nextId++;
    const envelope: CommandEnvelope = { id, command };
    return new Promise((resolve) => {
      this.pending.set(id, { command, resolve });
      this.worker.postMessage(envelope);
    });
  }

  private spawn(): Worker {
    const w = this.createWorker();
    this.lastHeard = performance.now();
    w.onmessage = (ev: MessageEvent<WorkerMessage>) => this.receive(ev.data);
    w.onerror = (ev) => {
      ev.preventDefault();
      void this.restart(ev.message || 'the simulation worker failed');
    };
    return w;
  }

  private checkHeartbeat(): void {
    if (this.restarting) return;
    if (performance.now() - this.lastHeard > heartbeatTimeoutMs) {
      this.worker.terminate();
      void this.restart('the simulation stopped answering');
      return;
    }
    if (this.pending.size === 0) void this.post({ type: 'ping' });
  }

  private async restart(reason: string): Promise<void> {
    if (this.restarting) return;
    this.restarting = true;
    // Whatever was in flight dies with the old worker.
    for (const [id, p] of this.pending) p.resolve({ type: 'reply', id, ok: false, error: `the simulation restarted (${reason})` });
    this.pending.clear();
    // replies already received are answers; only the old worker's diffs die
    for (const item of this.inbox) if ('resolve' in item) item.resolve();
    this.inbox = [];
    this.worker = this.spawn();
    const commands = this.log.entries();
    for (const c of commands) await this.post(c);
    this.restarting = false;
    this.events.onRestart?.(reason, commands.length);
  }

  private schedule(): void {
    this.frame ??= requestAnimationFrame(() => {
      this.frame = undefined;
      this.deliver();
    });
  }

  /** One frame's worth of the inbox, in arrival order: diffs up to the budget, and the replies between them. */
  private deliver(): void {
    let batch: ClusterDiff[] = [];
    let used = 0;
    while (this.inbox.length) {
      const item = this.inbox[0];
      if ('diff' in item) {
        const size = diffSize(item.diff);
        if (used > 0 && used + size > maxObjectsPerFrame) break;
        batch.push(item.diff);
        used += size;
      } else {
        if (batch.length) this.events.onDiffs(batch);
        batch = [];
        item.resolve();
      }
      this.inbox.shift();
    }
    if (batch.length) this.events.onDiffs(batch);
    if (this.inbox.length) this.schedule();
  }

  private receive(msg: WorkerMessage): void {
    this.lastHeard = performance.now();
    if (msg.type === 'diff') {
      this.inbox.push({ diff: msg });
      this.schedule();
      return;
    }
    if (msg.type === 'terminalStream') {
      if (!this.restarting) this.events.onTerminalStream?.(msg.session, msg.chunks);
      return;
    }
    // a long command is still running: hearing it is all that matters (lastHeard above)
    if (msg.type === 'busy') return;
    if (msg.type === 'reply') {
      const p = this.pending.get(msg.id);
      this.pending.delete(msg.id);
      if (!p) return;
      // Replies wait for the diffs sent before them, so a caller sees the cluster the reply describes.
      if (this.inbox.length === 0) p.resolve(msg);
      else this.inbox.push({ resolve: () => p.resolve(msg) });
      return;
    }
    void this.restart(msg.error);
  }
}

/**
 * The main-thread side of the simulation worker: typed request/reply over postMessage, and diffs delivered
 * in one batch per animation frame (however many the worker sent in between).
 */
import type { ClusterDiff, Command, CommandEnvelope, Reply, WorkerMessage } from '../protocol/messages';

export type DiffListener = (diffs: ClusterDiff[]) => void;

export class WorkerBridge {
  private worker: Worker;
  private nextId = 1;
  private pending = new Map<number, (r: Reply) => void>();
  private queued: ClusterDiff[] = [];
  private frame: number | undefined;

  constructor(
    private readonly createWorker: () => Worker,
    private readonly onDiffs: DiffListener,
    private readonly onFatal: (message: string) => void = () => {},
  ) {
    this.worker = this.spawn();
  }

  /** Sends a command and resolves with the worker's reply. */
  send(command: Command): Promise<Reply> {
    const id = this.nextId++;
    const envelope: CommandEnvelope = { id, command };
    return new Promise((resolve) => {
      this.pending.set(id, resolve);
      this.worker.postMessage(envelope);
    });
  }

  dispose(): void {
    this.worker.terminate();
    if (this.frame !== undefined) cancelAnimationFrame(this.frame);
  }

  private spawn(): Worker {
    const w = this.createWorker();
    w.onmessage = (ev: MessageEvent<WorkerMessage>) => this.receive(ev.data);
    w.onerror = (ev) => this.onFatal(ev.message || 'the simulation worker failed');
    return w;
  }

  private receive(msg: WorkerMessage): void {
    if (msg.type === 'diff') {
      this.queued.push(msg);
      this.frame ??= requestAnimationFrame(() => {
        this.frame = undefined;
        const batch = this.queued;
        this.queued = [];
        this.onDiffs(batch);
      });
      return;
    }
    if (msg.type === 'reply') {
      // Replies wait for the diffs sent before them, so a caller sees the cluster the reply describes.
      const resolve = this.pending.get(msg.id);
      this.pending.delete(msg.id);
      if (!resolve) return;
      if (this.frame !== undefined) requestAnimationFrame(() => resolve(msg));
      else resolve(msg);
      return;
    }
    this.onFatal(msg.error);
  }
}

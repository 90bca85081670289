/**
 * The stream a long-running command returns (`get -w`, `logs -f`, `port-forward`): chunks written before the host
 * subscribes are buffered, later ones are forwarded as they come; stop() ends the command (Ctrl+C), end() is the
 * command ending by itself, which the host is told of.
 */
import type { WatchChunk, WatchStream } from './command';

export class ChunkStream implements WatchStream {
  private listener: ((c: WatchChunk) => void) | undefined;
  private endListener: (() => void) | undefined;
  private pending: WatchChunk[] = [];
  private stopped = false;
  private ended = false;
  constructor(private readonly onStop: () => void) {}

  push(chunk: WatchChunk): void {
    if (this.stopped) return;
    if (this.listener) this.listener(chunk);
    else this.pending.push(chunk);
  }

  subscribe(onChunk: (chunk: WatchChunk) => void, onEnd?: () => void): void {
    const queued = this.pending;
    this.pending = [];
    for (const c of queued) onChunk(c);
    if (this.ended) {
      onEnd?.();
      return;
    }
    this.listener = onChunk;
    this.endListener = onEnd;
  }

  /** The command is done on its own: what it wrote stays delivered, the host hears of the end. */
  end(): void {
    if (this.stopped) return;
    const onEnd = this.endListener;
    this.stop();
    this.ended = true;
    onEnd?.();
  }

  stop(): void {
    if (this.stopped) return;
    this.stopped = true;
    this.listener = undefined;
    this.endListener = undefined;
    this.onStop();
  }
}

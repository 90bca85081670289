/**
 * The stream a long-running command returns (`get -w`, `logs -f`, `port-forward`): chunks written before the host
 * subscribes are buffered, later ones are forwarded as they come; stop() ends the command (Ctrl+C).
 */
import type { WatchChunk, WatchStream } from './command';

export class ChunkStream implements WatchStream {
  private listener: ((c: WatchChunk) => void) | undefined;
  private pending: WatchChunk[] = [];
  private stopped = false;
  constructor(private readonly onStop: () => void) {}

  push(chunk: WatchChunk): void {
    if (this.stopped) return;
    if (this.listener) this.listener(chunk);
    else this.pending.push(chunk);
  }

  subscribe(onChunk: (chunk: WatchChunk) => void): void {
    this.listener = onChunk;
    const queued = this.pending;
    this.pending = [];
    for (const c of queued) onChunk(c);
  }

  stop(): void {
    if (this.stopped) return;
    this.stopped = true;
    this.listener = undefined;
    this.onStop();
  }
}

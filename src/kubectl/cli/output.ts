/**
 * What a kubectl invocation writes, in order: stdout and stderr chunks as a real terminal would interleave them
 * (each write is flushed at once, as Go's os.Stdout/os.Stderr are unbuffered).
 */

export type OutputStream = 'stdout' | 'stderr';

export interface OutputChunk {
  stream: OutputStream;
  text: string;
}

/** Collects ordered output chunks; adjacent writes to one stream are merged. */
export class Output {
  readonly chunks: OutputChunk[] = [];

  /** Writes to stdout. */
  out(text: string): void {
    this.write('stdout', text);
  }

  /** Writes to stderr. */
  err(text: string): void {
    this.write('stderr', text);
  }

  write(stream: OutputStream, text: string): void {
    if (!text) return;
    const last = this.chunks[this.chunks.length - 1];
    if (last && last.stream === stream) last.text += text;
    else this.chunks.push({ stream, text });
  }

  /** Everything written to one stream. */
  text(stream: OutputStream): string {
    return this.chunks
      .filter((c) => c.stream === stream)
      .map((c) => c.text)
      .join('');
  }
}

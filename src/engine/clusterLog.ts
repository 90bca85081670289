/**
 * The cluster log: a structured, time-stamped record of what each component did (a controller reconciled a
 * Service, kube-proxy rewrote rules, the kubelet started a container). The UI's event panel reads it; the
 * determinism test compares it byte for byte across runs.
 */
export interface LogEntry {
  seq: number;
  /** Virtual time, ms since the epoch. */
  time: number;
  /** Component, e.g. `endpointslice-controller`, `kubelet/kind-worker`, `apiserver`. */
  component: string;
  /** Object the entry is about, as `Kind/namespace/name` or `Kind/name`. */
  object?: string;
  message: string;
}

export type LogListener = (entry: LogEntry) => void;

const capacity = 5000;

export class ClusterLog {
  private entries: LogEntry[] = [];
  private seq = 0;
  private listeners: LogListener[] = [];
  /** A running FNV-1a hash over every entry ever written, so long runs can be compared without keeping them. */
  private hash = 0x811c9dc5;

  constructor(private readonly now: () => number) {}

  write(component: string, message: string, object?: string): void {
    const entry: LogEntry = { seq: ++this.seq, time: this.now(), component, message, ...(object ? { object } : {}) };
    this.entries.push(entry);
    if (this.entries.length > capacity) this.entries.splice(0, this.entries.length - capacity);
    const text = `${entry.seq}|${entry.time}|${component}|${object ?? ''}|${message}\n`;
    let h = this.hash;
    for (let i = 0; i < text.length; i++) {
      h ^= text.charCodeAt(i);
      h = Math.imul(h, 0x01000193) >>> 0;
    }
    this.hash = h;
    for (const l of this.listeners) l(entry);
  }

  /** The most recent entries (at most 5000). */
  recent(): readonly LogEntry[] {
    return this.entries;
  }

  /** Entries with seq greater than `seq`. */
  since(seq: number): LogEntry[] {
    return this.entries.filter((e) => e.seq > seq);
  }

  get lastSeq(): number {
    return this.seq;
  }

  /** Hash of the whole log so far (hex). */
  digest(): string {
    return this.hash.toString(16).padStart(8, '0');
  }

  subscribe(l: LogListener): () => void {
    this.listeners.push(l);
    return () => {
      this.listeners = this.listeners.filter((x) => x !== l);
    };
  }
}

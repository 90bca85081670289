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
  /** A running hash over every entry ever written, so long runs can be compared without keeping them. */
  private hash = 0x811c9dc5;

  constructor(private readonly now: () => number) {}

  write(component: string, message: string, object?: string): void {
    const entry: LogEntry = { seq: ++this.seq, time: this.now(), component, message, ...(object ? { object } : {}) };
    this.entries.push(entry);
    // Trim in chunks: dropping one entry off the front per write would make every write O(capacity).
    if (this.entries.length > 2 * capacity) this.entries = this.entries.slice(this.entries.length - capacity);
    // FNV-1a over the fields, each followed by a separator; no concatenated string is built per entry
    let h = mix(this.hash, entry.time);
    h = mixText(mixText(mixText(h, component), object ?? ''), message);
    this.hash = h;
    for (const l of this.listeners) l(entry);
  }

  /** The most recent entries (at most 5000). */
  recent(): readonly LogEntry[] {
    return this.entries.length > capacity ? this.entries.slice(this.entries.length - capacity) : this.entries;
  }

  /** Entries with seq greater than `seq` (among the most recent 5000). */
  since(seq: number): LogEntry[] {
    return this.recent().filter((e) => e.seq > seq);
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

function mix(h: number, n: number): number {
  let x = h ^ (n % 4294967296);
  x = Math.imul(x, 0x01000193) >>> 0;
  x ^= Math.floor(n / 4294967296);
  return Math.imul(x, 0x01000193) >>> 0;
}

function mixText(h: number, s: string): number {
  let x = h;
  for (let i = 0; i < s.length; i++) x = Math.imul(x ^ s.charCodeAt(i), 0x01000193) >>> 0;
  return Math.imul(x ^ 0x7c, 0x01000193) >>> 0;
}

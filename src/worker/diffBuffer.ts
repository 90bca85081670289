/**
 * Coalesces watch events into one ClusterDiff per flush: an object changed five times between two frames
 * crosses the worker boundary once, in its latest state; one created and deleted in between not at all.
 */
import type { WatchEvent } from '../engine';
import type { LogEntry } from '../engine';
import type { ClusterDiff, WireLogEntry } from '../protocol/messages';
import { type WireObject, keyOfWire } from '../protocol/objects';
import { podDisplay } from '../kubectl/podStatus';
import type { Pod } from 'kubernetes-types/core/v1';

export class DiffBuffer {
  private upserted = new Map<string, WireObject>();
  private removed = new Set<string>();
  /** Keys that did not exist at the last flush (so add-then-delete cancels out). */
  private createdSinceFlush = new Set<string>();
  private log: WireLogEntry[] = [];
  private rv = 0;
  private reset = false;

  add(e: WatchEvent): void {
    const obj = e.object as unknown as WireObject;
    const key = keyOfWire({ ...obj, kind: e.kind });
    this.rv = Math.max(this.rv, e.resourceVersion);
    if (e.type === 'DELETED') {
      this.upserted.delete(key);
      if (this.createdSinceFlush.has(key)) this.createdSinceFlush.delete(key);
      else this.removed.add(key);
      return;
    }
    if (e.type === 'ADDED' && !this.removed.has(key)) this.createdSinceFlush.add(key);
    this.removed.delete(key);
    this.upserted.set(key, withView({ ...obj, kind: e.kind }));
  }

  addLog(entry: LogEntry): void {
    this.log.push({ ...entry });
  }

  /** Marks the next diff as a full replacement of the mirror. */
  markReset(): void {
    this.reset = true;
    this.upserted.clear();
    this.removed.clear();
    this.createdSinceFlush.clear();
    this.log = [];
  }

  isEmpty(): boolean {
    return !this.reset && this.upserted.size === 0 && this.removed.size === 0 && this.log.length === 0;
  }

  /** Takes everything buffered as one diff. */
  flush(time: number): ClusterDiff {
    const diff: ClusterDiff = {
      type: 'diff',
      resourceVersion: this.rv,
      time,
      reset: this.reset,
      upserted: [...this.upserted.values()],
      removed: [...this.removed],
      log: this.log,
    };
    this.upserted = new Map();
    this.removed = new Set();
    this.createdSinceFlush = new Set();
    this.log = [];
    this.reset = false;
    return diff;
  }
}

/** Pods carry kubectl's STATUS/READY so the UI draws exactly what `kubectl get pods` would say. */
function withView(o: WireObject): WireObject {
  if (o.kind !== 'Pod') return o;
  const d = podDisplay(o as unknown as Pod);
  return { ...o, view: { status: d.status, ready: d.ready, podReady: d.podReady, restarts: d.restarts } };
}

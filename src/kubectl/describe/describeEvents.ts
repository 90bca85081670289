/**
 * The Events section of every describer (`DescribeEvents` in kubectl `pkg/describe/describe.go`) and the event
 * lookup (`searchEvents`: events whose involvedObject has the object's name, namespace, uid and, except for
 * pods, kind). Events are sorted by their last time (`event.SortableEvents`).
 */
import type { Cluster, KubeObject } from '../../engine';
import type { Event } from '../../engine/api/types';
import { parseTimestamp } from '../../engine';
import { translateTimestampSince } from '../printers/timestamps';
import { LEVEL_0, LEVEL_1, type PrefixWriter } from './prefixWriter';

/** Events about an object; `kind` is omitted for pods, as PodDescriber clears it from the reference. */
export function searchEvents(cluster: Cluster, obj: KubeObject, kind: string | undefined): Event[] {
  const meta = obj.metadata ?? {};
  const listed = cluster.list('Event', { namespace: meta.namespace || undefined });
  if (!listed.ok) return [];
  return listed.value.items.filter((e) => {
    const io = e.involvedObject ?? {};
    if (io.name !== meta.name) return false;
    if ((io.namespace ?? '') !== (meta.namespace ?? '')) return false;
    if (kind && io.kind !== kind) return false;
    if (meta.uid && io.uid !== meta.uid) return false;
    return true;
  });
}

function eventTime(e: Event): number {
  const t = e.series?.lastObservedTime || e.lastTimestamp || e.eventTime;
  return t ? parseTimestamp(t) : 0;
}

/** Writes `Events:` with a Type/Reason/Age/From/Message table, or `Events:\t<none>`. */
export function describeEvents(events: readonly Event[], w: PrefixWriter, now: number): void {
  if (events.length === 0) {
    w.write(LEVEL_0, 'Events:\t<none>\n');
    return;
  }
  const sorted = [...events].sort((a, b) => eventTime(a) - eventTime(b));
  w.write(LEVEL_0, 'Events:\n  Type\tReason\tAge\tFrom\tMessage\n');
  w.write(LEVEL_1, '----\t------\t----\t----\t-------\n');
  for (const e of sorted) {
    const first = e.eventTime ? translateTimestampSince(e.eventTime, now) : translateTimestampSince(e.firstTimestamp, now);
    let interval = first;
    if (e.series) interval = `${translateTimestampSince(e.series.lastObservedTime, now)} (x${e.series.count ?? 0} over ${first})`;
    else if ((e.count ?? 0) > 1) interval = `${translateTimestampSince(e.lastTimestamp, now)} (x${e.count} over ${first})`;
    const source = e.source?.component || e.reportingComponent || '';
    w.write(LEVEL_1, `${e.type ?? ''}\t${e.reason ?? ''}\t${interval}\t${source}\t${(e.message ?? '').trim()}\n`);
  }
}

/**
 * `kubectl events [--for TYPE/NAME] [--types Normal,Warning] [-A] [-w]` (kubectl `pkg/cmd/events/events.go` and
 * `event_printer.go`, v0.34): core/v1 Events sorted by their last time (Go's unstable sort.Sort), printed as
 * `LAST SEEN  TYPE  REASON  OBJECT  MESSAGE` with `kind/name` objects and `3m (x4 over 10m)` intervals, through
 * the table tabwriter. `-o` prints the EventList with the generic printers instead.
 */
import type { Event } from '../../engine/api/types';
import { ChunkStream } from '../cli/chunkStream';
import type { CommandEnv, KubectlCommand, WatchStream } from '../cli/command';
import { CommandError, fail } from '../cli/errors';
import { parseTimestamp } from '../../engine';
import { escapeTerminal } from '../printers/humanReadablePrinter';
import { objectPrinterFor, type OutputFormat, parseOutputFormat, getAllowedFormats, printObject, templateFlags } from '../printers/outputPrinters';
import { goSort } from '../../shared/goSort';
import { TabWriter, tableWriterOptions } from '../printers/tabWriter';
import { translateTimestampSince } from '../printers/timestamps';
import { mappingFor } from '../resources/resourceMapper';
import { printFlags } from './objectOutput';

/** `eventTime`: series last observed, else lastTimestamp, else eventTime. */
function eventTime(e: Event): number {
  const t = e.series?.lastObservedTime || e.lastTimestamp || e.eventTime;
  return t ? parseTimestamp(t) : Number.NEGATIVE_INFINITY;
}

/** `getInterval`: `5s`, or `5s (x3 over 2m)` for repeated events. */
function interval(e: Event, now: number): string {
  const first = e.eventTime ? translateTimestampSince(e.eventTime, now) : translateTimestampSince(e.firstTimestamp, now);
  if (e.series) return `${translateTimestampSince(e.series.lastObservedTime, now)} (x${e.series.count ?? 0} over ${first})`;
  if ((e.count ?? 0) > 1) return `${translateTimestampSince(e.lastTimestamp, now)} (x${e.count} over ${first})`;
  return first;
}

function eventRow(e: Event, now: number, allNamespaces: boolean): string {
  const io = e.involvedObject ?? {};
  const cells = [interval(e, now), escapeTerminal(e.type ?? ''), escapeTerminal(e.reason ?? ''), `${escapeTerminal(io.kind ?? '')}/${escapeTerminal(io.name ?? '')}`, escapeTerminal((e.message ?? '').trim())];
  return `${allNamespaces ? `${e.metadata?.namespace ?? ''}\t` : ''}${cells.join('\t')}\n`;
}

const header = (allNamespaces: boolean) => `${allNamespaces ? 'NAMESPACE\t' : ''}LAST SEEN\tTYPE\tREASON\tOBJECT\tMESSAGE\n`;

/** `--for`: `involvedObject.kind/apiVersion/name` field selector terms. */
function forSelector(spec: string): string {
  if (!spec.includes('/')) throw fail('--for must be in resource/name form');
  const seg = spec.split('/');
  if (seg.length !== 2) throw fail('arguments in resource/name form may not have more than one slash');
  const m = mappingFor(seg[0]);
  return `involvedObject.kind=${m.kind},involvedObject.apiVersion=${m.apiVersion},involvedObject.name=${seg[1]}`;
}

export const eventsCommand: KubectlCommand = {
  name: 'events',
  short: 'List events',
  use: 'events [(-o|--output=)json|yaml|name|go-template|go-template-file|template|templatefile|jsonpath|jsonpath-as-json|jsonpath-file] [--for TYPE/NAME] [--watch] [--types=Normal,Warning]',
  flags: [
    { name: 'all-namespaces', shorthand: 'A', type: 'bool' },
    { name: 'for', type: 'string' },
    { name: 'types', type: 'stringSlice' },
    { name: 'watch', shorthand: 'w', type: 'bool' },
    { name: 'no-headers', type: 'bool' },
    { name: 'chunk-size', type: 'int', default: 500 },
    ...printFlags,
  ],
  run(env: CommandEnv): WatchStream | undefined {
    const f = env.flags;
    const allNamespaces = f.bool('all-namespaces');
    const fieldSelector = f.string('for') ? forSelector(f.string('for')) : undefined;
    const types = [...new Set(f.strings('types'))].sort();
    for (const t of types) if (t.toLowerCase() !== 'normal' && t.toLowerCase() !== 'warning') throw fail('valid --types are Normal or Warning');
    const output = f.string('output');
    // the event table unless -o is given (--template alone does not choose a printer here)
    const format = output ? (parseOutputFormat(output, getAllowedFormats, false, templateFlags(env)) as Exclude<OutputFormat, { type: 'human' }>) : undefined;
    const wanted = (e: Event) => types.length === 0 || types.some((t) => t.toLowerCase() === (e.type ?? '').toLowerCase());
    const namespace = allNamespaces ? undefined : env.namespace;
    const noHeaders = f.bool('no-headers');
    if (f.bool('watch')) {
      let sink = (s: string) => env.out.out(s);
      const w = new TabWriter((s) => sink(s), tableWriterOptions);
      let headed = false;
      const print = (e: Event) => {
        if (format) {
          // through the tab writer; kubectl ignores PrintObj's error (a go-template failing) and watches on
          printObject((s) => w.write(s), objectPrinterFor(format, noHeaders), e as unknown as Record<string, unknown>);
          w.flush();
          return;
        }
        if (!noHeaders && !headed) {
          w.write(header(allNamespaces));
          headed = true;
        }
        w.write(eventRow(e, env.cluster.now(), allNamespaces));
        w.flush();
      };
      const watched = env.cluster.watch('Event', { namespace, fieldSelector, resourceVersion: '0' }, (ev) => {
        // events expire after an hour; kubectl does not print the deletions
        if (ev.type !== 'DELETED' && wanted(ev.object as Event)) print(ev.object as Event);
      });
      if (!watched.ok) throw new CommandError({ type: 'status', status: watched.status });
      const stream = new ChunkStream(() => watched.value.stop());
      sink = (s) => stream.push({ stdout: s });
      return stream;
    }
    const listed = env.cluster.list('Event', { namespace, fieldSelector });
    if (!listed.ok) throw new CommandError({ type: 'status', status: listed.status });
    const events = listed.value.items.filter(wanted);
    if (events.length === 0) {
      env.out.err(allNamespaces ? 'No events found.\n' : `No events found in ${env.namespace} namespace.\n`);
      return undefined;
    }
    goSort(events, (a, b) => eventTime(a) < eventTime(b));
    if (format) {
      const list = { apiVersion: 'v1', items: events, kind: 'EventList', metadata: { resourceVersion: listed.value.resourceVersion } };
      // `o.PrintObj(el, w)` through a tab writer, its error (a go-template failing) not returned
      const w = new TabWriter((s) => env.out.out(s), tableWriterOptions);
      printObject((s) => w.write(s), objectPrinterFor(format, noHeaders), list);
      w.flush();
      return undefined;
    }
    const w = new TabWriter((s) => env.out.out(s), tableWriterOptions);
    if (!noHeaders) w.write(header(allNamespaces));
    const now = env.cluster.now();
    for (const e of events) w.write(eventRow(e, now, allNamespaces));
    w.flush();
    return undefined;
  },
};

/**
 * `kubectl get --watch / --watch-only / --output-watch-events` (`GetOptions.watch` in kubectl
 * `pkg/cmd/get/get.go`): print the current objects, then one row (or object) per watch event through the same
 * printer, flushing the remembering tabwriter after each so later rows keep the widths of the first table.
 * A watch on a collection starts at the list's resourceVersion; a watch on one name uses a name field selector.
 */
import type { Kind, KubeObject, WatchEvent } from '../../engine';
import { ChunkStream } from '../cli/chunkStream';
import type { CommandEnv, WatchStream } from '../cli/command';
import { CommandError, type KubeError, errorText, fail } from '../cli/errors';
import { goJsonMarshal } from '../../shared/goJson';
import { HumanReadablePrinter } from '../printers/humanReadablePrinter';
import { type OutputFormat, objectPrinterFor, printObject } from '../printers/outputPrinters';
import { buildTable } from '../printers/table/kindTables';
import { TabWriter, tableWriterOptions } from '../printers/tabWriter';
import { type ResourceRequest, endpointsDeprecationWarning, fetchInfos } from '../resources/resourceBuilder';
import type { GetOptions } from './get';

interface WatchFlags {
  watchOnly: boolean;
  outputWatchEvents: boolean;
}

/** Runs the watch: initial output goes to the command's output, later events to the returned stream. */
export function runGetWatch(env: CommandEnv, request: ResourceRequest, opts: GetOptions, wf: WatchFlags): WatchStream | undefined {
  const { infos, errors } = fetchInfos(env, request, opts.namespace);
  if (errors.length > 0) {
    if (opts.ignoreNotFound && errors.every((e) => e.type === 'status' && e.status.reason === 'NotFound')) return undefined;
    throw new CommandError(errors[0]);
  }
  if (new Set(infos.map((i) => i.mapping.kind)).size > 1) {
    throw fail('watch is only supported on individual resources and resource collections - more than 1 resource was found');
  }
  const info = infos[0];
  const mapping = info?.mapping ?? (request.type === 'selector' ? request.mappings[0] : request.items[0].mapping);
  const objects = infos.flatMap((i) => i.objects);

  let handle: { stop(): void } | undefined;
  const stream = new ChunkStream(() => handle?.stop());
  // where printed text goes: the command's output at first, the stream afterwards
  let sink = (s: string) => env.out.out(s);
  const writer = new TabWriter((s) => sink(s), tableWriterOptions);
  const format = opts.format;
  const human = format.type === 'human';
  const table = human
    ? new HumanReadablePrinter({
        wide: format.type === 'human' && format.wide,
        noHeaders: opts.noHeaders,
        withNamespace: opts.allNamespaces,
        withKind: false,
        kindLabel: mapping.kindLabel,
        showLabels: opts.showLabels,
        columnLabels: opts.labelColumns,
      })
    : undefined;
  const objectPrinter = human ? undefined : objectPrinterFor(format as Exclude<OutputFormat, { type: 'human' }>, opts.noHeaders);
  const eventType = (t: string) => (wf.outputWatchEvents ? t : undefined);

  /** Prints objects; stops at a printer's error (a go-template failing), which PrintObj returns. */
  const printObjects = (objs: KubeObject[], type: string): KubeError | undefined => {
    if (table) table.print(buildTable(mapping.kind, objs, { now: env.cluster.now() }), writer, eventType(type));
    else
      for (const o of objs) {
        if (wf.outputWatchEvents && format.type === 'json') sink(`${goJsonMarshal({ object: o, type })}\n`);
        else if (objectPrinter) {
          // PrintObj writes to the same tab writer as tables (a go-template's tabs line up in columns)
          const err = printObject((s) => writer.write(s), objectPrinter, (wf.outputWatchEvents ? { object: o, type } : o) as unknown as Record<string, unknown>);
          if (err) {
            writer.flush();
            return err;
          }
        }
      }
    writer.flush();
    return undefined;
  };

  if (!wf.watchOnly) {
    const err = printObjects(objects, 'ADDED');
    if (err) throw fail(`unable to output the provided object: ${errorText(err)}`);
  }
  sink = (s) => stream.push({ stdout: s });

  if (request.type === 'names' && request.items.length > 1) {
    throw fail('you may only watch a single resource or type of resource at a time');
  }
  const name = request.type === 'names' ? request.items[0].name : undefined;
  const fieldSelector = name ? `metadata.name=${name}` : request.type === 'selector' ? request.fieldSelector : '';
  const watched = env.cluster.watch(
    mapping.kind as Kind,
    {
      namespace: mapping.namespaced && opts.namespace ? opts.namespace : undefined,
      labelSelector: request.type === 'selector' && request.labelSelector ? request.labelSelector : undefined,
      fieldSelector: fieldSelector || undefined,
      resourceVersion: String(env.cluster.store.resourceVersion),
    },
    (e: WatchEvent) => {
      // an event the printer fails on ends the watch; kubectl drops that error (intr.Run's result is not
      // returned) and exits 0 after the printer's own output
      if (printObjects([e.object], e.type)) stream.end();
    },
  );
  if (!watched.ok) throw new CommandError({ type: 'status', status: watched.status });
  handle = watched.value;
  if (mapping.kind === 'Endpoints') env.warn(endpointsDeprecationWarning);
  return stream;
}

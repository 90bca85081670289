/**
 * `kubectl get` (kubectl `pkg/cmd/get/get.go`): human-readable tables per resource type with `kind/name`
 * prefixes and blank lines between types, `No resources found in <ns> namespace.` on stderr, generic printing
 * (yaml, json, name, jsonpath, go-template, custom-columns) of a single object or a `List`, `--sort-by`, and `--watch`.
 */
import type { KubeObject } from '../../engine';
import type { CommandEnv, KubectlCommand, WatchStream } from '../cli/command';
import { type KubeError, aggregate, CommandError, fail, usageError } from '../cli/errors';
import type { FlagSpec } from '../cli/flags';
import { HumanReadablePrinter } from '../printers/humanReadablePrinter';
import { type OutputFormat, getAllowedFormats, objectPrinterFor, parseOutputFormat, printObject, templateFlags } from '../printers/outputPrinters';
import { sortTableRows } from '../printers/sortBy';
import { buildTable } from '../printers/table/kindTables';
import { TabWriter, tableWriterOptions } from '../printers/tabWriter';
import { type ResourceInfo, fetchInfos, requestFor } from '../resources/resourceBuilder';
import { runGetWatch } from './getWatch';

export const getFlags: readonly FlagSpec[] = [
  { name: 'output', shorthand: 'o', type: 'string' },
  { name: 'no-headers', type: 'bool' },
  { name: 'show-labels', type: 'bool' },
  { name: 'show-kind', type: 'bool' },
  { name: 'label-columns', shorthand: 'L', type: 'stringSlice' },
  { name: 'sort-by', type: 'string' },
  { name: 'template', type: 'string' },
  { name: 'allow-missing-template-keys', type: 'bool', default: true },
  { name: 'show-managed-fields', type: 'bool' },
  { name: 'watch', shorthand: 'w', type: 'bool' },
  { name: 'watch-only', type: 'bool' },
  { name: 'output-watch-events', type: 'bool' },
  { name: 'ignore-not-found', type: 'bool' },
  { name: 'field-selector', type: 'string' },
  { name: 'all-namespaces', shorthand: 'A', type: 'bool' },
  { name: 'selector', shorthand: 'l', type: 'string' },
  { name: 'filename', shorthand: 'f', type: 'stringSlice' },
  { name: 'recursive', shorthand: 'R', type: 'bool' },
  { name: 'kustomize', shorthand: 'k', type: 'string' },
  { name: 'chunk-size', type: 'int', default: 500 },
  { name: 'server-print', type: 'bool', default: true },
  { name: 'raw', type: 'string' },
  { name: 'subresource', type: 'string' },
];

/** Options shared by the one-shot and the watch paths. */
export interface GetOptions {
  format: OutputFormat;
  noHeaders: boolean;
  showLabels: boolean;
  showKind: boolean;
  labelColumns: string[];
  sortBy: string;
  allNamespaces: boolean;
  namespace: string;
  ignoreNotFound: boolean;
}

function readOptions(env: CommandEnv): GetOptions {
  const f = env.flags;
  const allNamespaces = f.bool('all-namespaces');
  const output = f.string('output');
  if (f.bool('show-labels') && output !== '' && output !== 'wide') throw fail(`--show-labels option cannot be used with ${output} printer`);
  if (f.bool('output-watch-events') && !(f.bool('watch') || f.bool('watch-only'))) {
    throw fail('--output-watch-events option can only be used with --watch or --watch-only');
  }
  return {
    format: { type: 'human', wide: output === 'wide' },
    noHeaders: f.bool('no-headers'),
    showLabels: f.bool('show-labels'),
    showKind: f.bool('show-kind'),
    labelColumns: f.strings('label-columns'),
    sortBy: f.string('sort-by'),
    allNamespaces,
    namespace: allNamespaces ? '' : env.namespace,
    ignoreNotFound: f.bool('ignore-not-found'),
  };
}

export const getCommand: KubectlCommand = {
  name: 'get',
  short: 'Display one or many resources',
  use: 'get [(-o|--output=)json|yaml|name|go-template|go-template-file|template|templatefile|jsonpath|jsonpath-as-json|jsonpath-file|custom-columns|custom-columns-file|wide] (TYPE[.VERSION][.GROUP] [NAME | -l label] | TYPE[.VERSION][.GROUP]/NAME ...) [flags]',
  suggestFor: ['list', 'ps'],
  flags: getFlags,
  run(env): WatchStream | undefined {
    const f = env.flags;
    const watch = f.bool('watch');
    const watchOnly = f.bool('watch-only');
    if (watch && f.string('sort-by')) env.out.err('warning: --watch requested, --sort-by will be ignored for watch events received\n');
    else if (watchOnly && f.string('sort-by')) env.out.err('warning: --watch-only requested, --sort-by will be ignored\n');
    else if (!watch && !watchOnly && env.args.length === 0 && f.strings('filename').length === 0) {
      env.out.err('You must specify the type of resource to get. Use "kubectl api-resources" for a complete list of supported resources.\n\n');
      throw usageError(
        env.path,
        'Required resource not specified.\nUse "kubectl explain <resource>" for a detailed description of that resource (e.g. kubectl explain pods).',
      );
    }
    const opts = readOptions(env);
    const output = f.string('output');
    // IsHumanReadablePrinter: no -o and no --template, or -o wide
    const human = (output === '' && !f.string('template')) || output === 'wide';
    const request = requestFor(env, {
      args: env.args,
      namespace: opts.namespace,
      allNamespaces: opts.allNamespaces,
      labelSelector: f.string('selector'),
      fieldSelector: f.string('field-selector'),
      allowEmptySelector: true,
      singleResourceType: watch || watchOnly,
    }, f.strings('filename'));
    if (watch || watchOnly) {
      const format = human ? opts.format : parseOutputFormat(output, getAllowedFormats, true, templateFlags(env));
      return runGetWatch(env, request, { ...opts, format }, { watchOnly, outputWatchEvents: f.bool('output-watch-events') });
    }
    const { infos, errors } = fetchInfos(env, request, opts.namespace);
    const kept = opts.ignoreNotFound ? errors.filter((e) => !(e.type === 'status' && e.status.reason === 'NotFound')) : errors;
    if (!human) {
      printGeneric(env, infos, kept, output, opts, request.type === 'names' && request.singleItemImplied);
      return undefined;
    }
    printTables(env, infos, kept, opts);
    return undefined;
  },
};

/** The human-readable path of GetOptions.Run. */
function printTables(env: CommandEnv, infos: ResourceInfo[], errors: KubeError[], opts: GetOptions): void {
  const now = env.cluster.now();
  const printWithKind = new Set(infos.map((i) => i.mapping.kind)).size > 1;
  let written = 0;
  let separatorReady = false;
  const w = new TabWriter((s) => {
    if (separatorReady) {
      env.out.out('\n');
      written++;
      separatorReady = false;
    }
    written += s.length;
    env.out.out(s);
  }, tableWriterOptions);
  let printer: HumanReadablePrinter | undefined;
  let lastKind: string | undefined;
  let allNamespaced = !opts.allNamespaces;
  const wide = opts.format.type === 'human' && opts.format.wide;
  for (const info of infos) {
    allNamespaced = allNamespaced && info.mapping.namespaced;
    if (!printer || info.mapping.kind !== lastKind) {
      w.flush();
      w.setRememberedWidths([]);
      // a blank line between resource types, once something was printed
      if (lastKind !== undefined && !opts.noHeaders && written > 0) separatorReady = true;
      printer = new HumanReadablePrinter({
        wide,
        noHeaders: opts.noHeaders,
        withNamespace: opts.allNamespaces && info.mapping.namespaced,
        withKind: printWithKind || opts.showKind,
        kindLabel: info.mapping.kindLabel,
        showLabels: opts.showLabels,
        columnLabels: opts.labelColumns,
      });
      lastKind = info.mapping.kind;
    }
    const table = buildTable(info.mapping.kind, info.objects, { now });
    if (opts.sortBy) sortTableRows(table, opts.sortBy);
    printer.print(table, w);
  }
  w.flush();
  if (written === 0 && !opts.ignoreNotFound && errors.length === 0) {
    env.out.err(allNamespaced ? `No resources found in ${opts.namespace} namespace.\n` : 'No resources found\n');
  }
  const err = aggregate(errors);
  if (err) throw new CommandError(err);
}

/** printGeneric: one object as is, anything else as a v1 List. */
function printGeneric(env: CommandEnv, infos: ResourceInfo[], errors: KubeError[], output: string, opts: GetOptions, singleItemImplied: boolean): void {
  if (singleItemImplied && errors.length > 0) throw new CommandError(errors[0]);
  const objects: KubeObject[] = infos.flatMap((i) => i.objects);
  if (objects.length === 0 && opts.ignoreNotFound) {
    const err = aggregate(errors);
    if (err) throw new CommandError(err);
    return;
  }
  const format = parseOutputFormat(output, getAllowedFormats, true, templateFlags(env)) as Exclude<OutputFormat, { type: 'human' }>;
  const printer = objectPrinterFor(format, opts.noHeaders);
  let sorted = objects;
  if (opts.sortBy) sorted = sortObjects(objects, opts.sortBy);
  const obj =
    !singleItemImplied || sorted.length !== 1
      ? { apiVersion: 'v1', items: sorted, kind: 'List', metadata: { resourceVersion: '' } }
      : (sorted[0] as unknown as Record<string, unknown>);
  const printError = printObject(env.out, printer, obj as Record<string, unknown>);
  const err = aggregate(printError ? [...errors, printError] : errors);
  if (err) throw new CommandError(err);
}

function sortObjects(objects: KubeObject[], sortBy: string): KubeObject[] {
  const table = { columns: [], rows: objects.map((o) => ({ cells: [], object: o })) };
  sortTableRows(table, sortBy, true);
  return table.rows.map((r) => r.object);
}

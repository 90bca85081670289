/**
 * `kubectl annotate` (kubectl `pkg/cmd/annotate/annotate.go`): `key=value` sets, `key-` removes; changing an
 * existing value needs `--overwrite`. The change goes to the server as a JSON merge patch (with the
 * resourceVersion as a precondition when `--resource-version` is given) and every object prints
 * `<kind>/<name> annotated`, changed or not. `--list` prints the annotations instead.
 */
import type { KubeObject } from '../../engine';
import { metadataPairFlags } from './metadataPairFlags';
import type { CommandEnv, KubectlCommand } from '../cli/command';
import { CommandError, type KubeError, continueOnError, fail, throwIfErrors } from '../cli/errors';
import { parsePairs, resourcesAndPairs } from '../cli/pairs';
import { byteOrder } from '../printers/labels';
import { fetchInfos, requestFor } from '../resources/resourceBuilder';
import type { Mapping } from '../resources/resourceMapper';
import { type DryRun, dryRunStrategy, printResult, writeOutputFormat } from './objectOutput';

const changeCauseAnnotation = 'kubernetes.io/change-cause';

interface AnnotateChanges {
  add: Map<string, string>;
  remove: string[];
  overwrite: boolean;
  resourceVersion: string;
}

/** `validateNoAnnotationOverwrites`: every differing existing value, in one message (change-cause is exempt). */
function checkOverwrites(current: Record<string, string>, add: Map<string, string>): void {
  const clashes: string[] = [];
  for (const [k, v] of add) {
    if (k === changeCauseAnnotation) continue;
    if (k in current && current[k] !== v) clashes.push(`'${k}' already has a value (${current[k]})`);
  }
  if (clashes.length > 0) throw fail(`--overwrite is false but found the following declared annotation(s): ${clashes.join('; ')}`);
}

/** `updateAnnotations`: the object's annotations after the changes. */
function annotated(obj: KubeObject, c: AnnotateChanges): Record<string, string> {
  const current = obj.metadata?.annotations ?? {};
  if (!c.overwrite) checkOverwrites(current, c.add);
  const next: Record<string, string> = { ...current };
  for (const [k, v] of c.add) next[k] = v;
  for (const r of c.remove) delete next[r];
  return next;
}

function annotateOne(env: CommandEnv, mapping: Mapping, obj: KubeObject, c: AnnotateChanges, dryRun: DryRun, list: boolean, single: boolean): void {
  const next = annotated(obj, c);
  if (list) {
    // annotate.go prints a header per object unless one object was named, then `key=value` lines (Go map order;
    // sorted here)
    const indent = single ? '' : ' ';
    if (!single) env.out.out(`Listing annotations for ${mapping.kind}.${mapping.group}/${obj.metadata?.name ?? ''}:\n`);
    for (const k of Object.keys(next).sort(byteOrder)) env.out.out(`${indent}${k}=${next[k]}\n`);
    return;
  }
  if (dryRun === 'client') {
    printResult(env, { ...obj, metadata: { ...obj.metadata, annotations: next } } as KubeObject, 'annotated', dryRun, writeOutputFormat(env));
    return;
  }
  // jsonpatch.CreateMergePatch of the object before and after: only the annotations that changed
  const current = obj.metadata?.annotations ?? {};
  const annotations: Record<string, string | null> = {};
  for (const [k, v] of Object.entries(next)) if (current[k] !== v) annotations[k] = v;
  for (const k of Object.keys(current)) if (!(k in next)) annotations[k] = null;
  const metadata: Record<string, unknown> = {};
  if (Object.keys(annotations).length > 0) metadata.annotations = annotations;
  if (c.resourceVersion) metadata.resourceVersion = c.resourceVersion;
  const patch = Object.keys(metadata).length > 0 ? { metadata } : {};
  const res = env.cluster.patch(mapping.kind, obj.metadata?.namespace, obj.metadata?.name ?? '', 'merge', patch, { dryRun: dryRun === 'server' });
  if (!res.ok) throw new CommandError({ type: 'status', status: res.status });
  printResult(env, res.value as KubeObject, 'annotated', dryRun, writeOutputFormat(env));
}

export const annotateCommand: KubectlCommand = {
  name: 'annotate',
  short: 'Update the annotations on a resource',
  use: 'annotate [--overwrite] (-f FILENAME | TYPE NAME) KEY_1=VAL_1 ... KEY_N=VAL_N [--resource-version=version]',
  flags: metadataPairFlags('kubectl-annotate'),
  run(env) {
    const f = env.flags;
    const dryRun = dryRunStrategy(f);
    writeOutputFormat(env);
    const { resources, pairs } = resourcesAndPairs(env.args, 'annotation');
    const { add, remove } = parsePairs(pairs, 'annotation', true);
    const list = f.bool('list');
    if (list && f.string('output')) throw fail('--list and --output may not be specified together');
    if (f.bool('all') && f.string('selector')) throw fail('cannot set --all and --selector at the same time');
    if (f.bool('all') && f.string('field-selector')) throw fail('cannot set --all and --field-selector at the same time');
    if (resources.length < 1 && f.strings('filename').length === 0) throw fail('one or more resources must be specified as <resource> <name> or <resource>/<name>');
    if (add.size < 1 && remove.length < 1 && !list) throw fail('at least one annotation update is required');
    const both = remove.filter((r) => add.has(r));
    if (both.length > 0) throw fail(`can not both modify and remove the following annotation(s) in the same command: ${both.join(', ')}`);
    const allNamespaces = f.bool('all-namespaces');
    const namespace = allNamespaces ? '' : env.namespace;
    const request = requestFor(
      env,
      {
        args: resources,
        namespace,
        allNamespaces,
        labelSelector: f.string('selector'),
        fieldSelector: f.string('field-selector'),
        selectAll: f.bool('all'),
        allowEmptySelector: false,
      },
      f.strings('filename'),
    );
    const single = request.type === 'names' && request.singleItemImplied;
    if (!single && f.string('resource-version')) throw fail('--resource-version may only be used with a single resource');
    const changes: AnnotateChanges = { add, remove, overwrite: f.bool('overwrite'), resourceVersion: f.string('resource-version') };
    const { infos, errors } = fetchInfos(env, request, namespace);
    const all: KubeError[] = [...errors];
    for (const info of infos) {
      for (const obj of info.objects) {
        continueOnError(all, () => annotateOne(env, info.mapping, obj, changes, dryRun, list, single));
      }
    }
    throwIfErrors(all);
    return undefined;
  },
};

/**
 * `kubectl label` (kubectl `pkg/cmd/label/label.go`): `key=value` adds or (with --overwrite) changes labels,
 * `key-` removes them; the result line is `<kind>/<name> labeled | unlabeled | not labeled`, decided by
 * comparing the object's JSON before and after (`updateDataChangeMsg`). Changes are sent as a merge patch.
 */
import type { KubeObject } from '../../engine';
import { metadataPairFlags } from './metadataPairFlags';
import type { CommandEnv, KubectlCommand } from '../cli/command';
import { CommandError, type KubeError, continueOnError, fail, throwIfErrors } from '../cli/errors';
import { goJsonMarshal } from '../../shared/goJson';
import { byteOrder } from '../printers/labels';
import { fetchInfos, requestFor } from '../resources/resourceBuilder';
import { dryRunStrategy, printResult, writeOutputFormat } from './objectOutput';

const labelValue = /^(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?$/;

/** `GetResourcesAndPairs`: resources first, then `k=v` / `k-` pairs. */
function splitResourcesAndPairs(args: readonly string[]): { resources: string[]; pairs: string[] } {
  const resources: string[] = [];
  const pairs: string[] = [];
  for (const s of args) {
    const pair = (s.includes('=') && s[0] !== '=') || (s.endsWith('-') && s !== '-');
    if (pair) pairs.push(s);
    else if (pairs.length > 0) throw fail(`all resources must be specified before label changes: ${s}`);
    else resources.push(s);
  }
  return { resources, pairs };
}

/** `parseLabels`: additions and removals, with the client-side label value check. */
function parseLabelChanges(pairs: readonly string[]): { add: Map<string, string>; remove: string[] } {
  const add = new Map<string, string>();
  const remove: string[] = [];
  for (const spec of pairs) {
    if (spec.includes('=')) {
      const parts = spec.split('=');
      if (parts.length !== 2) throw fail(`invalid label spec: ${spec}`);
      if (parts[1].length > 63 || !labelValue.test(parts[1])) {
        const errs: string[] = [];
        if (parts[1].length > 63) errs.push('must be no more than 63 characters');
        if (!labelValue.test(parts[1])) {
          errs.push(
            "a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyValue',  or 'my_value',  or '12345', regex used for validation is '(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?')",
          );
        }
        throw fail(`invalid label value: "${spec}": ${errs.join(';')}`);
      }
      add.set(parts[0], parts[1]);
    } else if (spec.endsWith('-')) remove.push(spec.slice(0, -1));
    else throw fail(`unknown label spec: ${spec}`);
  }
  for (const r of remove) if (add.has(r)) throw fail('can not both modify and remove a label in the same command');
  return { add, remove };
}

function labelOne(env: CommandEnv, obj: KubeObject, kind: string, add: Map<string, string>, remove: string[], overwrite: boolean): void {
  const f = env.flags;
  const dryRun = dryRunStrategy(f);
  const old = obj.metadata?.labels ?? {};
  if (!overwrite) {
    const conflicts = [...add].filter(([k, v]) => k in old && old[k] !== v);
    if (conflicts.length > 0) {
      throw new CommandError({
        type: 'aggregate',
        errors: conflicts.map(([k]) => ({ type: 'message', message: `'${k}' already has a value (${old[k]}), and --overwrite is false` })),
      });
    }
  }
  if (!f.bool('list') && dryRun !== 'client') for (const r of remove) if (!(r in old)) env.out.out(`label "${r}" not found.\n`);
  const labels: Record<string, string> = { ...old };
  for (const [k, v] of add) labels[k] = v;
  for (const r of remove) delete labels[r];
  const before = goJsonMarshal(obj);
  const updated = { ...obj, metadata: { ...obj.metadata, labels } } as KubeObject;
  const after = goJsonMarshal(updated);
  let message = 'not labeled';
  if (before !== after) message = !overwrite && after.length < before.length ? 'unlabeled' : 'labeled';
  if (f.bool('list')) {
    for (const k of Object.keys(labels).sort(byteOrder)) env.out.out(`${k}=${labels[k]}\n`);
    return;
  }
  let result: KubeObject = updated;
  if (dryRun !== 'client') {
    const patchLabels: Record<string, string | null> = {};
    for (const [k, v] of add) if (old[k] !== v) patchLabels[k] = v;
    for (const r of remove) if (r in old) patchLabels[r] = null;
    const res =
      Object.keys(patchLabels).length === 0
        ? env.cluster.get(kind as never, obj.metadata?.namespace, obj.metadata?.name ?? '')
        : env.cluster.patch(kind as never, obj.metadata?.namespace, obj.metadata?.name ?? '', 'merge', { metadata: { labels: patchLabels } });
    if (!res.ok) throw new CommandError({ type: 'status', status: res.status });
    result = res.value as KubeObject;
  }
  printResult(env, result, message, dryRun, writeOutputFormat(env));
}

export const labelCommand: KubectlCommand = {
  name: 'label',
  short: 'Update the labels on a resource',
  use: 'label [--overwrite] (-f FILENAME | TYPE NAME) KEY_1=VAL_1 ... KEY_N=VAL_N [--resource-version=version]',
  flags: metadataPairFlags('kubectl-label'),
  run(env) {
    const f = env.flags;
    const { resources, pairs } = splitResourcesAndPairs(env.args);
    const { add, remove } = parseLabelChanges(pairs);
    if (f.bool('list') && f.string('output')) throw fail('--list and --output may not be specified together');
    dryRunStrategy(f);
    if (f.bool('all') && f.string('selector')) throw fail('cannot set --all and --selector at the same time');
    if (f.bool('all') && f.string('field-selector')) throw fail('cannot set --all and --field-selector at the same time');
    if (resources.length < 1 && f.strings('filename').length === 0) throw fail('one or more resources must be specified as <resource> <name> or <resource>/<name>');
    if (add.size < 1 && remove.length < 1 && !f.bool('list')) throw fail('at least one label update is required');
    const allNamespaces = f.bool('all-namespaces');
    const namespace = allNamespaces ? '' : env.namespace;
    const request = requestFor(env, {
      args: resources,
      namespace,
      allNamespaces,
      labelSelector: f.string('selector'),
      fieldSelector: f.string('field-selector'),
      allowEmptySelector: f.bool('all'),
    }, f.strings('filename'));
    const single = request.type === 'names' && request.singleItemImplied;
    if (!single && f.string('resource-version')) throw fail('--resource-version may only be used with a single resource');
    const { infos, errors } = fetchInfos(env, request, namespace);
    const all: KubeError[] = [...errors];
    for (const info of infos) {
      for (const obj of info.objects) {
        continueOnError(all, () => labelOne(env, obj, info.mapping.kind, add, remove, f.bool('overwrite')));
      }
    }
    throwIfErrors(all);
    return undefined;
  },
};

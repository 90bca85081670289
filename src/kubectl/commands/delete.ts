/**
 * `kubectl delete` (kubectl `pkg/cmd/delete/delete.go`): deletes by name, `-l`, `--all` or `-f`, prints
 * `<kind> "<name>" deleted from <ns> namespace` (kubectl ≥ 1.34 names the namespace), and by default waits
 * until the objects are gone, which advances the simulation's virtual time through their grace periods.
 */
import type { Kind, KubeObject } from '../../engine';
import type { CommandEnv, KubectlCommand, Waiting, WatchStream } from '../cli/command';
import { CommandError, type KubeError, aggregate, fail } from '../cli/errors';
import { readManifestObjects } from '../resources/manifestInput';
import { buildRequest, fetchInfos } from '../resources/resourceBuilder';
import { type Mapping, mappingForKind } from '../resources/resourceMapper';
import { type DryRun, dryRunFlag, dryRunStrategy } from './objectOutput';

type Propagation = 'Background' | 'Foreground' | 'Orphan';

function cascade(env: CommandEnv): Propagation {
  const v = env.flags.string('cascade') || 'background';
  if (v === 'background') return 'Background';
  if (v === 'foreground') return 'Foreground';
  if (v === 'orphan') return 'Orphan';
  if (['1', 't', 'T', 'TRUE', 'true', 'True'].includes(v)) {
    env.out.err(`warning: --cascade=${v} is deprecated (boolean value) and can be replaced with --cascade=background.\n`);
    return 'Background';
  }
  if (['0', 'f', 'F', 'FALSE', 'false', 'False'].includes(v)) {
    env.out.err(`warning: --cascade=${v} is deprecated (boolean value) and can be replaced with --cascade=orphan.\n`);
    return 'Orphan';
  }
  throw fail(`invalid cascade value (${v}). Must be "background", "foreground", or "orphan".`);
}

interface Target {
  mapping: Mapping;
  namespace: string | undefined;
  name: string;
}

/** `PrintObj` of delete: `pod "x" deleted from default namespace`, or `pod/x` with -o name. */
function deletedLine(t: Target, grace: number, dryRun: DryRun, output: string): string {
  const kindString = t.mapping.group ? `${t.mapping.kind.toLowerCase()}.${t.mapping.group}` : t.mapping.kind.toLowerCase();
  if (output === 'name') return `${kindString}/${t.name}\n`;
  let operation = grace === 0 ? 'force deleted' : 'deleted';
  if (t.mapping.namespaced) operation = `${operation} from ${t.namespace} namespace`;
  if (dryRun === 'client') operation += ' (dry run)';
  else if (dryRun === 'server') operation += ' (server dry run)';
  return `${kindString} "${t.name}" ${operation}\n`;
}

export const deleteCommand: KubectlCommand = {
  name: 'delete',
  short: 'Delete resources by file names, stdin, resources and names, or by resources and label selector',
  use: 'delete ([-f FILENAME] | [-k DIRECTORY] | TYPE [(NAME | -l label | --all)])',
  suggestFor: ['rm'],
  flags: [
    { name: 'all', type: 'bool' },
    { name: 'all-namespaces', shorthand: 'A', type: 'bool' },
    { name: 'cascade', type: 'string', default: 'background', noOptDefVal: 'background' },
    { name: 'field-selector', type: 'string' },
    { name: 'filename', shorthand: 'f', type: 'stringSlice' },
    { name: 'force', type: 'bool' },
    { name: 'grace-period', type: 'int', default: -1 },
    { name: 'ignore-not-found', type: 'bool' },
    { name: 'interactive', shorthand: 'i', type: 'bool' },
    { name: 'kustomize', shorthand: 'k', type: 'string' },
    { name: 'now', type: 'bool' },
    { name: 'output', shorthand: 'o', type: 'string' },
    { name: 'raw', type: 'string' },
    { name: 'recursive', shorthand: 'R', type: 'bool' },
    { name: 'selector', shorthand: 'l', type: 'string' },
    { name: 'timeout', type: 'duration' },
    { name: 'wait', type: 'bool', default: true },
    dryRunFlag,
  ],
  *run(env): Waiting<WatchStream | undefined> {
    const f = env.flags;
    const all = f.bool('all');
    const allNamespaces = f.bool('all-namespaces');
    const namespace = allNamespaces ? '' : env.namespace;
    let ignoreNotFound = f.bool('ignore-not-found');
    if ((all || f.string('selector') || f.string('field-selector')) && !f.changed('ignore-not-found')) ignoreNotFound = true;
    let grace = f.int('grace-period');
    if (f.bool('now')) {
      if (grace !== -1) throw fail('--now and --grace-period cannot be specified together');
      grace = 1;
    }
    // --grace-period=0 means 1 unless --force: immediate deletion has to be asked for explicitly
    if (grace === 0 && !f.bool('force')) grace = 1;
    if (f.bool('force') && grace < 0) grace = 0;
    const dryRun = dryRunStrategy(f);
    const propagation = cascade(env);

    const targets: Target[] = [];
    const errors: KubeError[] = [];
    const files = f.strings('filename');
    if (files.length > 0) {
      for (const obj of readManifestObjects(env, files)) {
        const mapping = mappingForKind(obj.kind as Kind);
        targets.push({ mapping, namespace: mapping.namespaced ? obj.metadata?.namespace || env.namespace : undefined, name: obj.metadata?.name ?? '' });
      }
    } else {
      const request = buildRequest({
        args: env.args,
        namespace,
        allNamespaces,
        labelSelector: f.string('selector'),
        fieldSelector: f.string('field-selector'),
        selectAll: all,
        allowEmptySelector: false,
      });
      const fetched = fetchInfos(env, request, namespace);
      errors.push(...fetched.errors);
      for (const info of fetched.infos) {
        for (const o of info.objects) targets.push({ mapping: info.mapping, namespace: o.metadata?.namespace, name: o.metadata?.name ?? '' });
      }
    }
    const output = f.string('output');
    if (output !== '' && output !== 'name') throw fail(`unexpected -o output mode: ${output}. We only support '-o name'`);
    if (all && f.string('selector')) throw fail('cannot set --all and --selector at the same time');
    if (all && f.string('field-selector')) throw fail('cannot set --all and --field-selector at the same time');
    if (grace === 0 && f.bool('force')) {
      env.out.err(
        'Warning: Immediate deletion does not wait for confirmation that the running resource has been terminated. The resource may continue to run on the cluster indefinitely.\n',
      );
    } else if (grace > 0 && f.bool('force')) throw fail('--force and --grace-period greater than 0 cannot be specified together');

    const deleted: { target: Target; uid: string | undefined; grace: number }[] = [];
    let warnedClusterScope = !(env.explicitNamespace && !allNamespaces);
    for (const t of targets) {
      if (!warnedClusterScope && !t.mapping.namespaced) {
        env.out.err('Warning: deleting cluster-scoped resources, not scoped to the provided namespace\n');
        warnedClusterScope = true;
      }
      if (dryRun === 'client') {
        env.out.out(deletedLine(t, grace, dryRun, output));
        deleted.push({ target: t, uid: undefined, grace: 0 });
        continue;
      }
      const res = env.cluster.delete(t.mapping.kind, t.namespace, t.name, {
        ...(grace >= 0 ? { gracePeriodSeconds: grace } : {}),
        propagationPolicy: propagation,
      });
      if (!res.ok) {
        if (!(ignoreNotFound && res.status.reason === 'NotFound')) errors.push({ type: 'status', status: res.status });
        continue;
      }
      env.out.out(deletedLine(t, grace, dryRun, output));
      const obj = res.value as KubeObject;
      deleted.push({ target: t, uid: obj.metadata?.uid, grace: obj.metadata?.deletionGracePeriodSeconds ?? Math.max(grace, 0) });
    }
    const kept = ignoreNotFound ? errors.filter((e) => !(e.type === 'status' && e.status.reason === 'NotFound')) : errors;
    const err = aggregate(kept);
    if (err) throw new CommandError(err);
    if (deleted.length === 0) {
      env.out.out('No resources found\n');
      return undefined;
    }
    if (!f.bool('wait') || dryRun !== 'none') return undefined;
    yield* waitForDeletion(env, deleted, f.duration('timeout'));
    return undefined;
  },
};

/**
 * `cmdwait.IsDeleted` for every deleted object: virtual time runs until each is gone (or replaced by an object
 * with another uid). kubectl waits up to a week; the simulation bounds the wait by the grace periods plus a
 * minute so a stuck object cannot freeze the playground, and reports kubectl's timeout error then.
 */
function* waitForDeletion(env: CommandEnv, deleted: { target: Target; uid: string | undefined; grace: number }[], timeoutMs: number): Waiting<void> {
  const gone = (d: (typeof deleted)[number]) => {
    const cur = env.cluster.get(d.target.mapping.kind, d.target.namespace, d.target.name);
    return !cur.ok || cur.value.metadata?.uid !== d.uid;
  };
  const bound = timeoutMs > 0 ? timeoutMs : (Math.max(0, ...deleted.map((d) => d.grace)) + 60) * 1000;
  yield { until: () => deleted.every(gone), maxMs: bound };
  const left = deleted.find((d) => !gone(d));
  if (left) throw fail(`timed out waiting for the condition on ${left.target.mapping.qualifiedResource}/${left.target.name}`);
}

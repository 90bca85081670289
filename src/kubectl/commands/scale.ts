/**
 * `kubectl scale --replicas=N TYPE NAME` (kubectl `pkg/cmd/scale/scale.go`): sets the replicas of
 * deployments, replicasets and statefulsets through their scale subresource and prints `deployment.apps/x scaled`
 * (the scale's status.replicas is the object's status.replicas, kubernetes/kubernetes
 * `pkg/registry/apps/{deployment,replicaset,statefulset}/storage/storage.go`);
 * `--current-replicas` / `--resource-version` are preconditions read from the scale first (`Expected replicas to
 * be 2, was 3`), `--timeout` waits, polling each second, until the status catches up.
 */
import type { Kind } from '../../engine';
import type { CommandEnv, KubectlCommand, Waiting, WatchStream } from '../cli/command';
import { CommandError, aggregate, errorText, fail } from '../cli/errors';
import { fetchInfos, requestFor } from '../resources/resourceBuilder';
import { dryRunFlag, dryRunStrategy, printFlags, printResult, writeOutputFormat } from './objectOutput';

/** The kinds whose scale subresource this apiserver serves (others answer 404). */
const scalable = new Set(['Deployment', 'ReplicaSet', 'StatefulSet']);

/**
 * `WaitForScaleHasDesiredReplicas` (--timeout): poll every second until the scale's status has the desired count
 * (or someone else changed the spec).
 */
function* waitForReplicas(env: CommandEnv, kind: Kind, namespace: string | undefined, name: string, desired: number, timeoutMs: number): Waiting<void> {
  const synced = () => {
    const live = env.cluster.get(kind, namespace, name);
    if (!live.ok) throw new CommandError({ type: 'status', status: live.status });
    const o = live.value as { spec?: { replicas?: number }; status?: { replicas?: number } };
    const spec = o.spec?.replicas ?? 1;
    return spec !== desired || (spec === (o.status?.replicas ?? 0) && desired === (o.status?.replicas ?? 0));
  };
  const deadline = env.cluster.now() + timeoutMs;
  for (;;) {
    if (synced()) return;
    if (env.cluster.now() + 1000 > deadline) throw fail(`timed out waiting for "${name}" to be synced`);
    // `advance(1000)`: a wait whose condition never holds runs exactly that far
    yield { until: () => false, maxMs: 1000 };
  }
}

export const scaleCommand: KubectlCommand = {
  name: 'scale',
  short: 'Set a new size for a deployment, replica set, or replication controller',
  use: 'scale [--resource-version=version] [--current-replicas=count] --replicas=COUNT (-f FILENAME | TYPE NAME)',
  requiredFlags: ['replicas'],
  flags: [
    { name: 'replicas', type: 'int' },
    { name: 'current-replicas', type: 'int', default: -1 },
    { name: 'resource-version', type: 'string' },
    { name: 'all', type: 'bool' },
    { name: 'selector', shorthand: 'l', type: 'string' },
    { name: 'filename', shorthand: 'f', type: 'stringSlice' },
    { name: 'recursive', shorthand: 'R', type: 'bool' },
    { name: 'timeout', type: 'duration' },
    dryRunFlag,
    ...printFlags,
  ],
  *run(env): Waiting<WatchStream | undefined> {
    const f = env.flags;
    const replicas = f.int('replicas');
    if (replicas < 0) throw fail('The --replicas=COUNT flag is required, and COUNT must be greater than or equal to 0');
    if (f.int('current-replicas') < -1) throw fail('The --current-replicas must specify an integer of -1 or greater');
    const dryRun = dryRunStrategy(f);
    // PrintFlags.ToPrinter in Complete: a bad -o or template fails before anything is scaled
    const format = writeOutputFormat(env);
    const request = requestFor(
      env,
      { args: env.args, namespace: env.namespace, allNamespaces: false, labelSelector: f.string('selector'), allowEmptySelector: f.bool('all') },
      f.strings('filename'),
    );
    const { infos, errors } = fetchInfos(env, request, env.namespace);
    const objects = infos.flatMap((i) => i.objects.map((o) => ({ mapping: i.mapping, object: o })));
    if (f.string('resource-version') && objects.length > 1) throw fail('cannot use --resource-version with multiple resources');
    const infoErr = aggregate(errors);
    if (objects.length === 0) throw fail(infoErr ? `no objects passed to scale ${errorText(infoErr)}` : 'no objects passed to scale');
    for (const { mapping, object } of objects) {
      if (dryRun === 'client') {
        printResult(env, object, 'scaled', dryRun, format);
        continue;
      }
      if (!scalable.has(mapping.kind)) {
        throw new CommandError({
          type: 'status',
          status: { kind: 'Status', apiVersion: 'v1', status: 'Failure', reason: 'NotFound', code: 404, message: 'the server could not find the requested resource' },
        });
      }
      const namespace = object.metadata?.namespace;
      const name = object.metadata?.name ?? '';
      // ScalePrecondition.validate against the scale subresource read now
      const want = f.int('current-replicas');
      const wantVersion = f.string('resource-version');
      if (want !== -1 || wantVersion) {
        const live = env.cluster.get(mapping.kind, namespace, name);
        if (!live.ok) throw new CommandError({ type: 'status', status: live.status });
        const current = (live.value as { spec?: { replicas?: number } }).spec?.replicas ?? 1;
        if (want !== -1 && want !== current) throw fail(`Expected replicas to be ${want}, was ${current}`);
        const version = live.value.metadata?.resourceVersion ?? '';
        if (wantVersion && wantVersion !== version) throw fail(`Expected resource version to be ${wantVersion}, was ${version}`);
      }
      const res = env.cluster.patch(mapping.kind, namespace, name, 'merge', { spec: { replicas } }, { dryRun: dryRun === 'server' });
      if (!res.ok) throw new CommandError({ type: 'status', status: res.status });
      const timeout = f.duration('timeout');
      if (timeout !== 0 && dryRun === 'none') yield* waitForReplicas(env, mapping.kind, namespace, name, replicas, timeout);
      printResult(env, object, 'scaled', dryRun, format);
    }
    if (infoErr) throw new CommandError(infoErr);
    return undefined;
  },
};

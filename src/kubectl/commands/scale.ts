/**
 * `kubectl scale --replicas=N TYPE NAME` (kubectl `pkg/cmd/scale/scale.go`): sets the replicas of
 * deployments and replicasets through their scale subresource and prints `deployment.apps/x scaled`.
 */
import type { KubeObject } from '../../engine';
import type { KubectlCommand } from '../cli/command';
import { CommandError, aggregate, errorText, fail } from '../cli/errors';
import { fetchInfos, requestFor } from '../resources/resourceBuilder';
import { dryRunFlag, dryRunStrategy, outputFlag, printResult, writeOutputFormat } from './objectOutput';

const scalable = new Set(['Deployment', 'ReplicaSet']);

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
    outputFlag,
  ],
  run(env) {
    const f = env.flags;
    const replicas = f.int('replicas');
    if (replicas < 0) throw fail('The --replicas=COUNT flag is required, and COUNT must be greater than or equal to 0');
    if (f.int('current-replicas') < -1) throw fail('The --current-replicas must specify an integer of -1 or greater');
    const dryRun = dryRunStrategy(f);
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
        printResult(env, object, 'scaled', dryRun, writeOutputFormat(f));
        continue;
      }
      if (!scalable.has(mapping.kind)) {
        throw new CommandError({
          type: 'status',
          status: { kind: 'Status', apiVersion: 'v1', status: 'Failure', reason: 'NotFound', code: 404, message: 'the server could not find the requested resource' },
        });
      }
      const current = (object as { spec?: { replicas?: number } }).spec?.replicas ?? 1;
      const want = f.int('current-replicas');
      if (want !== -1 && want !== current) {
        throw fail(`Expected replicas to be ${want}, was ${current}`);
      }
      const res = env.cluster.patch(mapping.kind, object.metadata?.namespace, object.metadata?.name ?? '', 'merge', { spec: { replicas } });
      if (!res.ok) throw new CommandError({ type: 'status', status: res.status });
      printResult(env, res.value as KubeObject, 'scaled', dryRun, writeOutputFormat(f));
    }
    if (infoErr) throw new CommandError(infoErr);
    return undefined;
  },
};

/**
 * `kubectl cordon NODE` and `kubectl uncordon NODE` (kubectl `pkg/cmd/drain/drain.go` RunCordonOrUncordon):
 * sets `spec.unschedulable` and prints `node/x cordoned`, or `node/x already cordoned` when nothing changes.
 */
import type { Node } from '../../engine/api/types';
import type { CommandEnv, KubectlCommand } from '../cli/command';
import { CommandError, type KubeError, aggregate, usageError } from '../cli/errors';
import { fetchInfos, requestFor } from '../resources/resourceBuilder';
import { dryRunFlag, dryRunStrategy, printResult } from './objectOutput';

function cordonOrUncordon(env: CommandEnv, desired: boolean): undefined {
  if (env.args.length === 0 && !env.flags.changed('selector')) throw usageError(env.path, `USAGE: ${env.path.replace('kubectl ', '')} NODE [flags]`);
  const dryRun = dryRunStrategy(env.flags);
  const args = env.args.length > 0 ? ['nodes', ...env.args] : ['nodes'];
  const request = requestFor(env, { args, namespace: '', allNamespaces: false, labelSelector: env.flags.string('selector'), allowEmptySelector: false }, []);
  const { infos, errors } = fetchInfos(env, request, '');
  const all: KubeError[] = [...errors];
  for (const info of infos) {
    for (const obj of info.objects) {
      if (info.mapping.kind !== 'Node') {
        all.push({ type: 'message', message: `error: unable to ${desired ? 'cordon' : 'uncordon'} ${info.mapping.kind}` });
        continue;
      }
      const node = obj as Node;
      const already = (node.spec?.unschedulable === true) === desired;
      if (already) {
        printResult(env, node, desired ? 'already cordoned' : 'already uncordoned', 'none');
        continue;
      }
      let result: Node = node;
      if (dryRun !== 'client') {
        const res = env.cluster.patch('Node', undefined, node.metadata?.name ?? '', 'merge', { spec: { unschedulable: desired ? true : null } });
        if (!res.ok) {
          all.push({ type: 'status', status: res.status });
          continue;
        }
        result = res.value;
      }
      printResult(env, result, desired ? 'cordoned' : 'uncordoned', dryRun);
    }
  }
  const err = aggregate(all);
  if (err) throw new CommandError(err);
  return undefined;
}

const nodeFlags = [{ name: 'selector', shorthand: 'l', type: 'string' as const }, dryRunFlag];

export const cordonCommand: KubectlCommand = {
  name: 'cordon',
  short: 'Mark node as unschedulable',
  use: 'cordon NODE',
  flags: nodeFlags,
  run: (env) => cordonOrUncordon(env, true),
};

export const uncordonCommand: KubectlCommand = {
  name: 'uncordon',
  short: 'Mark node as schedulable',
  use: 'uncordon NODE',
  flags: nodeFlags,
  run: (env) => cordonOrUncordon(env, false),
};

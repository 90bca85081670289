/**
 * `kubectl cordon NODE` and `kubectl uncordon NODE` (kubectl `pkg/cmd/drain/drain.go` RunCordonOrUncordon,
 * `pkg/drain/cordon.go`): sets `spec.unschedulable` and prints `node/x cordoned`, or `node/x already cordoned`
 * when nothing changes. Objects that are not nodes print `skipped`; a failed update is reported on stderr and the
 * command still succeeds, as kubectl's does.
 */
import type { KubeObject } from '../../engine';
import type { Node } from '../../engine/api/types';
import type { CommandEnv, KubectlCommand } from '../cli/command';
import { CommandError, usageError } from '../cli/errors';
import { fetchInfos, requestFor } from '../resources/resourceBuilder';
import type { Mapping } from '../resources/resourceMapper';
import { type DryRun, dryRunFlag, dryRunStrategy, printResult } from './objectOutput';

export interface NodeInfo {
  mapping: Mapping;
  object: KubeObject;
}

/** The builder of cordon/uncordon/drain: `ResourceNames("nodes", args...)` or `-l` over nodes; stops at the first error. */
export function nodeInfos(env: CommandEnv, selector: string): NodeInfo[] {
  const args = env.args.map((a) => (a.includes('/') ? a : `nodes/${a}`));
  const request = requestFor(env, { args: args.length > 0 ? args : ['nodes'], namespace: env.namespace, allNamespaces: false, labelSelector: selector, allowEmptySelector: false }, []);
  const { infos, errors } = fetchInfos(env, request, env.namespace);
  if (errors.length > 0) throw new CommandError(errors[0]);
  return infos.flatMap((i) => i.objects.map((object) => ({ mapping: i.mapping, object })));
}

/** `RunCordonOrUncordon`: prints one line per object; errors go to stderr and do not fail the command. */
export function cordonOrUncordon(env: CommandEnv, infos: readonly NodeInfo[], desired: boolean, dryRun: DryRun): void {
  const verb = desired ? 'cordon' : 'uncordon';
  for (const info of infos) {
    if (info.mapping.kind !== 'Node') {
      printResult(env, info.object, 'skipped', dryRun);
      continue;
    }
    const node = info.object as Node;
    if ((node.spec?.unschedulable === true) === desired) {
      printResult(env, node, `already ${verb}ed`, dryRun);
      continue;
    }
    if (dryRun !== 'client') {
      const res = env.cluster.patch('Node', undefined, node.metadata?.name ?? '', 'strategic', { spec: { unschedulable: desired ? true : null } }, { dryRun: dryRun === 'server' });
      if (!res.ok) {
        env.out.err(`error: unable to ${verb} node "${node.metadata?.name ?? ''}": ${res.status.message}\n`);
        continue;
      }
    }
    printResult(env, node, `${verb}ed`, dryRun);
  }
}

/** The argument checks of `DrainCmdOptions.Complete`, shared by cordon, uncordon and drain. */
export function checkNodeArgs(env: CommandEnv): void {
  if (env.args.length === 0 && !env.flags.changed('selector')) throw usageError(env.path, `USAGE: ${env.path.replace('kubectl ', '')} NODE [flags]`);
  if (env.args.length > 0 && env.flags.string('selector')) throw usageError(env.path, 'error: cannot specify both a node name and a --selector option');
}

function run(env: CommandEnv, desired: boolean): undefined {
  checkNodeArgs(env);
  const dryRun = dryRunStrategy(env.flags);
  cordonOrUncordon(env, nodeInfos(env, env.flags.string('selector')), desired, dryRun);
  return undefined;
}

const nodeFlags = [{ name: 'selector', shorthand: 'l', type: 'string' as const }, dryRunFlag];

export const cordonCommand: KubectlCommand = {
  name: 'cordon',
  short: 'Mark node as unschedulable',
  use: 'cordon NODE',
  flags: nodeFlags,
  run: (env) => run(env, true),
};

export const uncordonCommand: KubectlCommand = {
  name: 'uncordon',
  short: 'Mark node as schedulable',
  use: 'uncordon NODE',
  flags: nodeFlags,
  run: (env) => run(env, false),
};

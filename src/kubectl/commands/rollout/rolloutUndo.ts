/**
 * `kubectl rollout undo TYPE/NAME [--to-revision=N]` (kubectl `pkg/cmd/rollout/rollout_undo.go`,
 * `polymorphichelpers/rollback.go` DeploymentRollbacker). The ReplicaSet of the previous revision (or of
 * `--to-revision`) gives its pod template back to the Deployment in one JSON patch that also replaces the
 * annotations (the ReplicaSet's, keeping the Deployment's own revision bookkeeping); the Deployment controller
 * then rolls out that template as a new revision. Prints `deployment.apps/x rolled back`, or
 * `skipped rollback (current template already matches revision N)`.
 */
import type { KubeObject } from '../../../engine';
import type { Deployment, ReplicaSet } from '../../../engine/api/types';
import type { CommandEnv, KubectlCommand } from '../../cli/command';
import { type KubeError, throwIfErrors } from '../../cli/errors';
import { describePodTemplate } from '../../describe/describeWorkloads';
import { untabbedString } from '../../describe/prefixWriter';
import { deploymentReplicaSets, equalIgnoreHash, revisionOf } from '../../resources/deploymentReplicaSets';
import { type DryRun, dryRunFlag, dryRunStrategy, outputFlag, printResult } from '../objectOutput';
import { groupKindString, rolloutTargetFlags, rolloutTargets } from './rolloutTargets';

// annotations the Deployment keeps as they are (rollback.go annotationsToSkip)
const annotationsToSkip = new Set([
  'kubectl.kubernetes.io/last-applied-configuration',
  'deployment.kubernetes.io/revision',
  'deployment.kubernetes.io/revision-history',
  'deployment.kubernetes.io/desired-replicas',
  'deployment.kubernetes.io/max-replicas',
  'deprecated.deployment.rollback.to',
]);

class RollbackError extends Error {}

/** `deploymentRevision`: the ReplicaSet to roll back to. */
function replicaSetForRevision(env: CommandEnv, d: Deployment, toRevision: number): ReplicaSet {
  const { all, newRS } = deploymentReplicaSets(env.cluster, d);
  const ordered = newRS ? [...all.filter((rs) => rs !== newRS), newRS] : all;
  let latest: ReplicaSet | undefined;
  let latestRevision = -1;
  let previous: ReplicaSet | undefined;
  let previousRevision = -1;
  for (const rs of ordered) {
    const v = revisionOf(rs);
    if (Number.isNaN(v)) continue;
    if (toRevision === 0) {
      if (latestRevision < v) {
        previousRevision = latestRevision;
        previous = latest;
        latestRevision = v;
        latest = rs;
      } else if (previousRevision < v) {
        previousRevision = v;
        previous = rs;
      }
    } else if (toRevision === v) return rs;
  }
  if (toRevision > 0) throw new RollbackError(`unable to find specified revision ${toRevision} in history`);
  if (!previous) throw new RollbackError(`no rollout history found for deployment "${d.metadata?.name ?? ''}"`);
  return previous;
}

/** `DeploymentRollbacker.Rollback`: the printer's operation, or a RollbackError. */
function rollback(env: CommandEnv, d: Deployment, toRevision: number, dryRun: DryRun): string {
  if (toRevision < 0) throw new RollbackError(`unable to find specified revision ${toRevision} in history`);
  const rs = replicaSetForRevision(env, d, toRevision);
  if (dryRun === 'client') return untabbedString((w) => describePodTemplate(rs.spec?.template, w));
  if (d.spec?.paused) throw new RollbackError("you cannot rollback a paused deployment; resume it first with 'kubectl rollout resume' and try again");
  if (equalIgnoreHash(rs.spec?.template, d.spec?.template)) return `skipped rollback (current template already matches revision ${toRevision})`;
  const template = structuredClone(rs.spec?.template ?? {});
  if (template.metadata?.labels) delete template.metadata.labels['pod-template-hash'];
  const annotations: Record<string, string> = {};
  for (const [k, v] of Object.entries(d.metadata?.annotations ?? {})) if (annotationsToSkip.has(k)) annotations[k] = v;
  for (const [k, v] of Object.entries(rs.metadata?.annotations ?? {})) if (!annotationsToSkip.has(k)) annotations[k] = v;
  const patch = [
    { op: 'replace', path: '/spec/template', value: template },
    { op: 'replace', path: '/metadata/annotations', value: annotations },
  ];
  const res = env.cluster.patch('Deployment', d.metadata?.namespace, d.metadata?.name ?? '', 'json', patch, { dryRun: dryRun === 'server' });
  if (!res.ok) throw new RollbackError(`failed restoring revision ${toRevision}: ${res.status.message}`);
  return 'rolled back';
}

export const rolloutUndoCommand: KubectlCommand = {
  name: 'undo',
  short: 'Undo a previous rollout',
  use: 'rollout undo (TYPE NAME | TYPE/NAME) [flags]',
  flags: [...rolloutTargetFlags, { name: 'to-revision', type: 'int' }, dryRunFlag, outputFlag],
  run(env) {
    const dryRun = dryRunStrategy(env.flags);
    const { targets, errors } = rolloutTargets(env);
    const all: KubeError[] = [...errors];
    for (const t of targets) {
      if (t.mapping.kind !== 'Deployment') {
        all.push({ type: 'message', message: `no rollbacker has been implemented for "${groupKindString(t.mapping)}"` });
        continue;
      }
      try {
        const result = rollback(env, t.object as Deployment, env.flags.int('to-revision'), dryRun);
        printResult(env, t.object as KubeObject, result, dryRun);
      } catch (e) {
        if (!(e instanceof RollbackError)) throw e;
        all.push({ type: 'message', message: e.message });
      }
    }
    throwIfErrors(all);
    return undefined;
  },
};

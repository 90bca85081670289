/**
 * `kubectl rollout undo TYPE/NAME [--to-revision=N]` (kubectl `pkg/cmd/rollout/rollout_undo.go`,
 * `polymorphichelpers/rollback.go` DeploymentRollbacker). The ReplicaSet of the previous revision (or of
 * `--to-revision`) gives its pod template back to the Deployment in one JSON patch that also replaces the
 * annotations (the ReplicaSet's, keeping the Deployment's own revision bookkeeping); the Deployment controller
 * then rolls out that template as a new revision. Prints `deployment.apps/x rolled back`, or
 * `skipped rollback (current template already matches revision N)`. A StatefulSet rolls back to a
 * ControllerRevision (`StatefulSetRollbacker`).
 */
import type { KubeObject } from '../../../engine';
import type { Deployment, ReplicaSet, StatefulSet } from '../../../engine/api/types';
import type { CommandEnv, KubectlCommand } from '../../cli/command';
import { CommandError, type KubeError, throwIfErrors } from '../../cli/errors';
import { describePodTemplate } from '../../describe/describeWorkloads';
import { untabbedString } from '../../describe/prefixWriter';
import { deploymentReplicaSets, equalIgnoreHash, revisionOf } from '../../resources/deploymentReplicaSets';
import { applyStatefulSetHistory, findHistory, statefulSetHistory, statefulSetMatches } from '../../resources/statefulSetHistory';
import { type DryRun, dryRunFlag, dryRunStrategy, printFlags, printResult } from '../objectOutput';
import { daemonSetHistoryNotSimulated, groupKindString, rolloutTargetFlags, rolloutTargets } from './rolloutTargets';

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

/**
 * `StatefulSetRollbacker.Rollback`: the revision's data (the template it puts back) goes to the server as a
 * strategic merge patch; the StatefulSet controller then rolls the pods to it.
 */
function rollbackStatefulSet(env: CommandEnv, sts: StatefulSet, toRevision: number, dryRun: DryRun): string {
  if (toRevision < 0) throw new RollbackError(`unable to find specified revision ${toRevision} in history`);
  const history = statefulSetHistory(env.cluster, sts);
  if (toRevision === 0 && history.length <= 1) throw new RollbackError('no last revision to roll back to');
  const to = findHistory(toRevision, history);
  if (!to) throw new RollbackError(`unable to find specified revision ${toRevision} in history`);
  if (dryRun === 'client') return `will roll back to ${untabbedString((w) => describePodTemplate(applyStatefulSetHistory(sts, to).spec?.template, w))}`;
  // the skip message names the revision asked for, 0 when none was
  if (statefulSetMatches(sts, to)) return `skipped rollback (current template already matches revision ${toRevision})`;
  const res = env.cluster.patch('StatefulSet', sts.metadata?.namespace, sts.metadata?.name ?? '', 'strategic', to.data, { dryRun: dryRun === 'server' });
  if (!res.ok) throw new RollbackError(`failed restoring revision ${toRevision}: ${res.status.message}`);
  return 'rolled back';
}

export const rolloutUndoCommand: KubectlCommand = {
  name: 'undo',
  short: 'Undo a previous rollout',
  use: 'rollout undo (TYPE NAME | TYPE/NAME) [flags]',
  flags: [...rolloutTargetFlags, { name: 'to-revision', type: 'int' }, dryRunFlag, ...printFlags],
  run(env) {
    const dryRun = dryRunStrategy(env.flags);
    const { targets, errors } = rolloutTargets(env);
    const all: KubeError[] = [...errors];
    const toRevision = env.flags.int('to-revision');
    for (const t of targets) {
      const kind = t.mapping.kind;
      if (kind === 'DaemonSet') {
        all.push({ type: 'message', message: daemonSetHistoryNotSimulated });
        continue;
      }
      if (kind !== 'Deployment' && kind !== 'StatefulSet') {
        all.push({ type: 'message', message: `no rollbacker has been implemented for "${groupKindString(t.mapping)}"` });
        continue;
      }
      try {
        const result =
          kind === 'Deployment' ? rollback(env, t.object as Deployment, toRevision, dryRun) : rollbackStatefulSet(env, t.object as StatefulSet, toRevision, dryRun);
        printResult(env, t.object as KubeObject, result, dryRun);
      } catch (e) {
        // ContinueOnError: a failed object is reported with the others at the end
        if (e instanceof RollbackError) all.push({ type: 'message', message: e.message });
        else if (e instanceof CommandError) all.push(e.error);
        else throw e;
      }
    }
    throwIfErrors(all);
    return undefined;
  },
};

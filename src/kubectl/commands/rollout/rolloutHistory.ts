/**
 * `kubectl rollout history TYPE/NAME [--revision=N]` (kubectl `pkg/cmd/rollout/rollout_history.go`,
 * `polymorphichelpers/history.go`). A Deployment's history is its ReplicaSets by revision annotation, a
 * StatefulSet's the ControllerRevisions it controls (DaemonSets, whose controller here writes no revisions, are
 * not viewed: the message is the one for a kind without a viewer); the table
 * (`REVISION  CHANGE-CAUSE`, Go tabwriter with padding 2) is the name printer's "operation", hence
 * `deployment.apps/x ` with a trailing space, a newline, the table and a final blank line. `--revision=N` prints
 * that revision's pod template through a PrefixWriter on a plain buffer, so its tabs are printed as tabs.
 */
import type { PodTemplateSpec } from 'kubernetes-types/core/v1';
import type { ControllerRevision, Deployment, ReplicaSet, StatefulSet } from '../../../engine/api/types';
import type { CommandEnv, KubectlCommand } from '../../cli/command';
import { type KubeError, continueOnError, fail, throwIfErrors } from '../../cli/errors';
import { describePodTemplate } from '../../describe/describeWorkloads';
import { tabbedString, untabbedString } from '../../describe/prefixWriter';
import { objectPrinterFor, printObjectOrFail } from '../../printers/outputPrinters';
import { deploymentReplicaSets, revisionOf } from '../../resources/deploymentReplicaSets';
import { applyStatefulSetHistory, statefulSetHistory } from '../../resources/statefulSetHistory';
import { printFlags, writeOutputFormat } from '../objectOutput';
import { type RolloutTarget, daemonSetHistoryNotSimulated, groupKindString, rolloutTargetFlags, rolloutTargets } from './rolloutTargets';

const changeCauseAnnotation = 'kubernetes.io/change-cause';

/** `DeploymentHistoryViewer.GetHistory`: ReplicaSets by revision (a later one wins a duplicate revision). */
export function deploymentHistory(env: CommandEnv, d: Deployment): Map<number, ReplicaSet> {
  const { all, newRS } = deploymentReplicaSets(env.cluster, d);
  const ordered = newRS ? [...all.filter((rs) => rs !== newRS), newRS] : all;
  const byRevision = new Map<number, ReplicaSet>();
  for (const rs of ordered) {
    const v = revisionOf(rs);
    if (!Number.isNaN(v)) byRevision.set(v, rs);
  }
  return byRevision;
}

/** `ViewHistory`. */
function viewHistory(env: CommandEnv, d: Deployment, revision: number): string {
  const history = deploymentHistory(env, d);
  if (history.size === 0) return 'No rollout history found.';
  if (revision > 0) {
    const rs = history.get(revision);
    if (!rs) throw fail('unable to find the specified revision');
    const template = structuredClone(rs.spec?.template ?? {});
    const cause = rs.metadata?.annotations?.[changeCauseAnnotation];
    template.metadata = { ...template.metadata, annotations: { ...template.metadata?.annotations, ...(cause ? { [changeCauseAnnotation]: cause } : {}) } };
    return untabbedString((w) => describePodTemplate(template, w));
  }
  const revisions = [...history.keys()].sort((a, b) => a - b);
  return tabbedString((w) => {
    w.write(0, 'REVISION\tCHANGE-CAUSE\n');
    for (const r of revisions) w.write(0, `${r}\t${history.get(r)?.metadata?.annotations?.[changeCauseAnnotation] || '<none>'}\n`);
  });
}

/**
 * `printHistory` (the ControllerRevision-based viewers): revisions by number (a later one wins a duplicate), the
 * change cause from each revision's annotations, `--revision=N` as the pod template the revision puts back.
 */
function viewRevisionHistory(history: readonly ControllerRevision[], revision: number, templateOf: (cr: ControllerRevision) => PodTemplateSpec | undefined): string {
  const byRevision = new Map<number, ControllerRevision>();
  for (const cr of history) byRevision.set(cr.revision ?? 0, cr);
  if (byRevision.size === 0) return 'No rollout history found.';
  if (revision > 0) {
    const cr = byRevision.get(revision);
    if (!cr) throw fail('unable to find the specified revision');
    return untabbedString((w) => describePodTemplate(templateOf(cr), w));
  }
  const revisions = [...byRevision.keys()].sort((a, b) => a - b);
  return tabbedString((w) => {
    w.write(0, 'REVISION\tCHANGE-CAUSE\n');
    for (const r of revisions) w.write(0, `${r}\t${byRevision.get(r)?.metadata?.annotations?.[changeCauseAnnotation] || '<none>'}\n`);
  });
}

/** `StatefulSetHistoryViewer.ViewHistory`: a revision's template is the set's once the revision is applied. */
function viewStatefulSetHistory(env: CommandEnv, sts: StatefulSet, revision: number): string {
  return viewRevisionHistory(statefulSetHistory(env.cluster, sts), revision, (cr) => applyStatefulSetHistory(sts, cr).spec?.template);
}

/** `StatefulSetHistoryViewer.GetHistory`: each revision as the StatefulSet it describes. */
function statefulSetRevisions(env: CommandEnv, sts: StatefulSet): Map<number, StatefulSet> {
  const out = new Map<number, StatefulSet>();
  for (const cr of statefulSetHistory(env.cluster, sts)) out.set(cr.revision ?? 0, applyStatefulSetHistory(sts, cr));
  return out;
}

/** `-o`: the revisions as objects, all in order or the one `--revision` names. */
function printRevisions(env: CommandEnv, history: ReadonlyMap<number, unknown>, revision: number, format: NonNullable<ReturnType<typeof writeOutputFormat>>): void {
  const printer = objectPrinterFor(format, false);
  if (revision > 0) {
    const obj = history.get(revision);
    if (!obj) throw fail('unable to find the specified revision');
    printObjectOrFail(env.out, printer, obj as Record<string, unknown>);
  } else for (const r of [...history.keys()].sort((a, b) => a - b)) printObjectOrFail(env.out, printer, history.get(r) as Record<string, unknown>);
}

/** One object of the visit: its history table, one revision's template, or (with -o) the revisions as objects. */
function viewOne(env: CommandEnv, t: RolloutTarget, revision: number, format: ReturnType<typeof writeOutputFormat>): void {
  const kind = t.mapping.kind;
  // kubectl reads a DaemonSet's history from its ControllerRevisions, which svcsim's DaemonSet controller does not write
  if (kind === 'DaemonSet') throw fail(daemonSetHistoryNotSimulated);
  if (kind !== 'Deployment' && kind !== 'StatefulSet') throw fail(`no history viewer has been implemented for "${groupKindString(t.mapping)}"`);
  if (format) {
    // GetHistory: a Deployment's ReplicaSets themselves, or the StatefulSet as each revision restores it
    const history = kind === 'Deployment' ? deploymentHistory(env, t.object as Deployment) : statefulSetRevisions(env, t.object as StatefulSet);
    printRevisions(env, history, revision, format);
    return;
  }
  const text = kind === 'Deployment' ? viewHistory(env, t.object as Deployment, revision) : viewStatefulSetHistory(env, t.object as StatefulSet, revision);
  const withRevision = revision > 0 ? `with revision #${revision}` : '';
  // the name printer: `kind.group/name` + " " + operation + "\n"
  env.out.out(`${t.mapping.kindLabel}/${t.object.metadata?.name ?? ''} ${withRevision}\n${text}\n`);
}

export const rolloutHistoryCommand: KubectlCommand = {
  name: 'history',
  short: 'View rollout history',
  use: 'rollout history (TYPE NAME | TYPE/NAME) [flags]',
  flags: [...rolloutTargetFlags, { name: 'revision', type: 'int' }, ...printFlags],
  run(env) {
    const f = env.flags;
    const revision = f.int('revision');
    const format = writeOutputFormat(env);
    const { targets, errors } = rolloutTargets(env, () => {
      if (revision < 0) throw fail(`revision must be a positive integer: ${revision}`);
    });
    // ContinueOnError: each object's error is collected and the visit goes on
    const all: KubeError[] = [...errors];
    for (const t of targets) continueOnError(all, () => viewOne(env, t, revision, format));
    throwIfErrors(all);
    return undefined;
  },
};

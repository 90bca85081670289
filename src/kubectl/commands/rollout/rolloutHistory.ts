/**
 * `kubectl rollout history TYPE/NAME [--revision=N]` (kubectl `pkg/cmd/rollout/rollout_history.go`,
 * `polymorphichelpers/history.go`). A Deployment's history is its ReplicaSets by revision annotation; the table
 * (`REVISION  CHANGE-CAUSE`, Go tabwriter with padding 2) is the name printer's "operation", hence
 * `deployment.apps/x ` with a trailing space, a newline, the table and a final blank line. `--revision=N` prints
 * that revision's pod template through a PrefixWriter on a plain buffer, so its tabs are printed as tabs.
 */
import type { KubeObject } from '../../../engine';
import type { Deployment, ReplicaSet } from '../../../engine/api/types';
import type { CommandEnv, KubectlCommand } from '../../cli/command';
import { CommandError, aggregate, fail } from '../../cli/errors';
import { describePodTemplate } from '../../describe/describeWorkloads';
import { tabbedString, untabbedString } from '../../describe/prefixWriter';
import { objectPrinterFor } from '../../printers/outputPrinters';
import { deploymentReplicaSets, revisionOf } from '../../resources/deploymentReplicaSets';
import { outputFlag, writeOutputFormat } from '../objectOutput';
import { groupKindString, rolloutTargetFlags, rolloutTargets } from './rolloutTargets';

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

export const rolloutHistoryCommand: KubectlCommand = {
  name: 'history',
  short: 'View rollout history',
  use: 'rollout history (TYPE NAME | TYPE/NAME) [flags]',
  flags: [...rolloutTargetFlags, { name: 'revision', type: 'int' }, outputFlag],
  run(env) {
    const f = env.flags;
    const revision = f.int('revision');
    const format = writeOutputFormat(f);
    const { targets, errors } = rolloutTargets(env, () => {
      if (revision < 0) throw fail(`revision must be a positive integer: ${revision}`);
    });
    for (const t of targets) {
      if (t.mapping.kind !== 'Deployment') throw fail(`no history viewer has been implemented for "${groupKindString(t.mapping)}"`);
      const d = t.object as Deployment;
      if (format) {
        // with -o the ReplicaSets themselves are printed
        const history = deploymentHistory(env, d);
        const printer = objectPrinterFor(format, false);
        if (revision > 0) {
          const rs = history.get(revision);
          if (!rs) throw fail('unable to find the specified revision');
          env.out.out(printer.print(rs as unknown as Record<string, unknown>));
        } else for (const r of [...history.keys()].sort((a, b) => a - b)) env.out.out(printer.print(history.get(r) as unknown as Record<string, unknown>));
        continue;
      }
      const text = viewHistory(env, d, revision);
      const withRevision = revision > 0 ? `with revision #${revision}` : '';
      // the name printer: `kind.group/name` + " " + operation + "\n"
      env.out.out(`${t.mapping.kindLabel}/${(t.object as KubeObject).metadata?.name ?? ''} ${withRevision}\n${text}\n`);
    }
    const err = aggregate(errors);
    if (err) throw new CommandError(err);
    return undefined;
  },
};

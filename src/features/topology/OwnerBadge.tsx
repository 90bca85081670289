/**
 * The badge on a pod card naming the workload that controls it (a Deployment through its ReplicaSet, a StatefulSet):
 * a click selects that workload, so the Inspector shows its scale and rollout controls.
 */
import type { PodOwner } from '../../graph/elements';
import type { MessageKey } from '../../i18n/translate';
import { useAppStore } from '../../state/store';
import { testIds } from '../../testids';
import type { SelectionRef } from '../inspector/selection';
import { useT } from '../../i18n/languageStore';

interface BadgeKind {
  selection: SelectionRef['type'];
  className: string;
  title: MessageKey;
  testId?: string;
}

/** Per owner kind; the Deployment's badge keeps the class the journeys address it by and no test id. */
const badges: Record<PodOwner['kind'], BadgeKind> = {
  Deployment: { selection: 'deploy', className: 'deploy-badge', title: 'canvas.deployTitle' },
  StatefulSet: { selection: 'sts', className: 'sts-badge', title: 'canvas.stsTitle', testId: testIds.statefulSetBadge },
};

export function OwnerBadge({ owner, namespace }: { owner: PodOwner; namespace: string }) {
  const t = useT();
  const badge = badges[owner.kind];
  return (
    <button
      type="button"
      className={`${badge.className} nodrag`}
      title={t(badge.title, { name: owner.name })}
      data-testid={badge.testId}
      onClick={(e) => {
        e.stopPropagation();
        useAppStore.getState().select(`${badge.selection}:${namespace}/${owner.name}`);
      }}
    >
      {owner.name}
    </button>
  );
}

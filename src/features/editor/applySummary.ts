/**
 * What one Apply reports, sized to the apply: a few documents are named one by one, as `kubectl apply` prints
 * them (`service/web created`); a big apply is counted ("10,000 objects: 9,998 created, 2 failed") so neither
 * the notice nor the problems list grows with it. The failures themselves stay in the problems list.
 */
import type { ApplyItemResult } from '../../protocol/messages';
import { t } from '../../i18n/languageStore';

/** Up to this many documents are listed by name; more are counted. */
export const listedApplyLimit = 10;

const outcomes = ['created', 'configured', 'unchanged'] as const;

const count = (n: number) => n.toLocaleString('en-US');

/** Per outcome, how many documents had it, in kubectl's order, failures last; only outcomes that happened. */
export function applyCounts(items: readonly ApplyItemResult[]): string[] {
  const parts = outcomes.map((o) => [o, items.filter((i) => i.result === o).length] as const).filter(([, n]) => n > 0).map(([o, n]) => `${count(n)} ${o}`);
  const failed = items.filter((i) => i.error).length;
  if (failed) parts.push(t('apply.failedCount', { count: count(failed) }));
  return parts;
}

/** The notice after an Apply, and whether it reports a failure. */
export function applyNotice(items: readonly ApplyItemResult[]): { text: string; failed: boolean } {
  const failed = items.filter((i) => i.error).length;
  if (items.length > listedApplyLimit) {
    return { text: `${count(items.length)} objects: ${applyCounts(items).join(', ')}`, failed: failed > 0 };
  }
  const summary = items
    .filter((i) => i.result)
    .map((i) => `${i.object} ${i.result}`)
    .join(', ');
  if (failed) return { text: `${t(failed > 1 ? 'apply.rejectedMany' : 'apply.rejected', { count: failed })}${summary ? `; ${summary}` : ''}`, failed: true };
  return { text: summary || t('apply.nothing'), failed: false };

}

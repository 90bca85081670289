/**
 * The long-running command the worker is working through (a `sleep 1000000h`, a `+5m`): what it is, how much
 * of its virtual time is done, and Stop, which interrupts it as Ctrl+C would in its terminal.
 */
import type { AppState } from '../../state/store';
import { useAppStore } from '../../state/store';
import { send } from '../../state/simulation';
import { testIds } from '../../testids';
import { formatShare } from './formatShare';
import { useT } from '../../i18n/languageStore';

const selectWork = (s: AppState) => s.work;

export function WorkProgress() {
  const work = useAppStore(selectWork);
  const t = useT();
  if (!work) return null;
  return (
    <div className="work-progress" role="status" data-testid={testIds.workProgress}>
      <span className="work-label">
        {t('work.ofVirtualTime', { label: work.label, share: formatShare(work.fraction) })}
      </span>
      <progress max={1} value={work.fraction} aria-label={t('work.progress', { label: work.label })} />
      <button type="button" data-testid={testIds.workStop} onClick={() => void send({ type: 'stop', id: work.id })} title={t('work.stopTitle')}>
        {t('work.stop')}

      </button>
    </div>
  );
}

/** The cluster log: each reconcile, kubelet action and allocation, newest first, filterable. */
import { memo, useMemo, useState } from 'react';
import type { WireLogEntry } from '../../protocol/messages';
import { useAppStore } from '../../state/store';
import type { AppState } from '../../state/store';
import { testIds } from '../../testids';
import { useT } from '../../i18n/languageStore';

const selectLog = (s: AppState) => s.mirror.log;

function clock(ms: number): string {
  return new Date(ms).toISOString().slice(11, 23);
}

// Log entries never change once written: a memoized row renders once, not again with every new entry (the
// panel stays mounted while hidden, so it would otherwise redo 400 rows on every cluster diff).
const EventRow = memo(function EventRow({ e }: { e: WireLogEntry }) {
  return (
    <tr>
      <td className="mono">{clock(e.time)}</td>
      <td>{e.component}</td>
      <td className="mono">{e.object ?? ''}</td>
      <td>{e.message}</td>
    </tr>
  );
});

export function EventsPanel() {
  const log = useAppStore(selectLog);
  const [filter, setFilter] = useState('');
  const t = useT();
  const rows = useMemo(() => {
    const f = filter.trim().toLowerCase();
    const list = f ? log.filter((e) => `${e.component} ${e.object ?? ''} ${e.message}`.toLowerCase().includes(f)) : log;
    return [...list].reverse().slice(0, 400);
  }, [log, filter]);
  return (
    <div className="events" data-testid={testIds.events}>
      <input className="filter" placeholder={t('events.filterPlaceholder')} value={filter} onChange={(e) => setFilter(e.target.value)} aria-label={t('events.filterLabel')} />
      <table className="grid events-table">
        <thead>
          <tr>
            <th>{t('events.time')}</th>
            <th>{t('events.component')}</th>
            <th>{t('events.object')}</th>
            <th>{t('events.what')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((e) => (
            <EventRow key={e.seq} e={e} />
          ))}
        </tbody>
      </table>
      {rows.length === 0 && <p className="muted">{t('events.nothing')}</p>}

    </div>
  );
}

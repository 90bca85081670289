/** Cluster name, the virtual clock and the time controls. */
import { useAppStore } from '../state/store';
import type { AppState } from '../state/store';
import { testIds } from '../testids';
import { send } from './simulation';

const selectTime = (s: AppState) => s.mirror.time;

function formatClock(ms: number): string {
  if (!ms) return '--:--:--';
  return new Date(ms).toISOString().replace('T', ' ').slice(0, 19);
}

export function TopBar() {
  const time = useAppStore(selectTime);
  return (
    <header className="topbar">
      <span className="brand">svcsim</span>
      <span className="cluster">cluster: kind</span>
      <span className="clock" data-testid={testIds.clock}>
        {formatClock(time)}
      </span>
      <button type="button" data-testid={testIds.advance} onClick={() => send({ type: 'advance', ms: 10_000 })}>
        +10s
      </button>
      <button type="button" onClick={() => send({ type: 'advance', ms: 60_000 })}>
        +1m
      </button>
    </header>
  );
}

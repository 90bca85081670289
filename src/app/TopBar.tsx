/** Cluster name, the virtual clock and its controls (pause/play/step, speed), theme, shortcuts, reset. */
import { useAppStore } from '../state/store';
import type { AppState } from '../state/store';
import type { Theme } from '../state/uiSlice';
import { testIds } from '../testids';
import { ResetButton } from './ResetButton';
import { exportSession, importSession } from './sessionFileActions';
import { send } from '../state/simulation';
import { useSession } from './useSession';
import { WorkProgress } from '../features/work/WorkProgress';
import { stepToNextChange } from './stepClock';
import { ShareButton } from './ShareButton';
import { showGallery } from '../features/scenarios/scenarioActions';
import { DiagramButton } from '../features/diagram/DiagramButton';

const selectTime = (s: AppState) => s.mirror.time;
const selectPlaying = (s: AppState) => s.playing;
const selectSpeed = (s: AppState) => s.speed;
const selectTheme = (s: AppState) => s.theme;
const selectLargeText = (s: AppState) => s.largeText;
const speeds = [1, 5, 30] as const;
const nextTheme: Record<Theme, Theme> = { system: 'light', light: 'dark', dark: 'system' };

function formatClock(ms: number): string {
  if (!ms) return '--:--:--';
  return new Date(ms).toISOString().replace('T', ' ').slice(0, 19);
}

export function TopBar() {
  const time = useAppStore(selectTime);
  const playing = useAppStore(selectPlaying);
  const speed = useAppStore(selectSpeed);
  const theme = useAppStore(selectTheme);
  const largeText = useAppStore(selectLargeText);
  const { setClock, setTheme, setShortcutsOpen } = useAppStore.getState();
  const session = useSession();
  return (
    <header className="topbar">
      <span className="brand">svcsim</span>
      <span className="cluster" title="A simulated kind cluster running Kubernetes v1.34">
        kind · v1.34
      </span>
      <fieldset className="clock-group">
        <legend className="sr-only">Virtual clock</legend>
        <span className="clock" data-testid={testIds.clock} title="Virtual cluster time (UTC)">
          {formatClock(time)}
        </span>
        {/* the state in words, not only the button's colour: "Paused" stays on screen while the clock stands still */}
        <span className={playing ? 'clock-state sr-only' : 'clock-state paused'} role="status" data-testid={testIds.clockState}>
          {playing ? `Clock running at ×${speed}` : '❚❚ Paused'}
        </span>
        <button type="button" data-testid={testIds.play} onClick={() => setClock(!playing)} aria-label={playing ? 'Pause' : 'Play'} title={playing ? 'Pause (p)' : 'Play (p)'}>
          {playing ? '❚❚ Pause' : '▶ Play'}
        </button>
        <button type="button" data-testid={testIds.step} onClick={() => void stepToNextChange()} title="Pause and move to the next visible change (.)">
          Step
        </button>
        <button type="button" data-testid={testIds.advance} onClick={() => void send({ type: 'advance', ms: 10_000 })} title="Advance 10 seconds">
          +10s
        </button>
        <button type="button" onClick={() => void send({ type: 'advance', ms: 5 * 60_000 })} title="Advance 5 minutes">
          +5m
        </button>
        <div className="speed" title="Speed: virtual seconds per real second while playing">
          {speeds.map((s) => (
            <button type="button" key={s} aria-pressed={speed === s} aria-label={`Speed ×${s}`} className={speed === s ? 'active' : ''} onClick={() => setClock(playing, s)}>
              ×{s}
            </button>
          ))}
        </div>
      </fieldset>
      <WorkProgress />
      <div className="topbar-right">
        <button type="button" onClick={() => showGallery()} title="Guided scenarios" data-testid={testIds.scenariosButton}>
          Scenarios
        </button>
        <ShareButton />
        <DiagramButton />
        <button type="button" onClick={() => setTheme(nextTheme[theme])} title="Theme: system → light → dark" data-testid={testIds.theme}>
          Theme: {theme}
        </button>
        <button
          type="button"
          onClick={() => useAppStore.getState().setLargeText(!largeText)}
          aria-pressed={largeText}
          title="Large text: scale the whole UI for a projector (browser zoom, Ctrl +/−, works too)"
          data-testid={testIds.largeText}
        >
          Large text
        </button>
        <button type="button" onClick={() => exportSession(session?.entries() ?? [])} title="Download the command log and the editor text as JSON" data-testid={testIds.exportSession}>
          Export
        </button>
        <label className="topbar-file" title="Replace the cluster and the editor text with an exported session" data-testid={testIds.importSession}>
          Import
          <input
            type="file"
            accept="application/json,.json"
            className="sr-only"
            data-testid={testIds.importSessionFile}
            onChange={(e) => {
              const file = e.currentTarget.files?.[0];
              e.currentTarget.value = '';
              if (file) void importSession(file);
            }}
          />
        </label>
        <ResetButton session={session} />
        <button type="button" onClick={() => setShortcutsOpen(true)} aria-label="Keyboard shortcuts" title="Keyboard shortcuts (?)">
          ?
        </button>
      </div>
    </header>
  );
}

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
import { useT } from '../i18n/languageStore';
import { LanguageSwitch } from '../features/language/LanguageSwitch';
import { TopBarActions } from './TopBarActions';

const selectTime = (s: AppState) => s.mirror.time;
const selectPlaying = (s: AppState) => s.playing;
const selectSpeed = (s: AppState) => s.speed;
const selectTheme = (s: AppState) => s.theme;
const selectLargeText = (s: AppState) => s.largeText;
const speeds = [1, 5, 30] as const;
const nextTheme: Record<Theme, Theme> = { system: 'light', light: 'dark', dark: 'system' };

/** The virtual instant as `YYYY-MM-DD hh:mm:ss` (UTC); the date is a span of its own so a phone can leave it out. */
function Clock({ ms }: { ms: number }) {
  if (!ms) return <>--:--:--</>;
  const [date, time] = new Date(ms).toISOString().slice(0, 19).split('T');
  return (
    <>
      <span className="clock-date">{date} </span>
      {time}
    </>
  );
}

export function TopBar() {
  const time = useAppStore(selectTime);
  const playing = useAppStore(selectPlaying);
  const speed = useAppStore(selectSpeed);
  const theme = useAppStore(selectTheme);
  const largeText = useAppStore(selectLargeText);
  const { setClock, setTheme, setShortcutsOpen } = useAppStore.getState();
  const session = useSession();
  const t = useT();
  return (
    <header className="topbar">
      <span className="brand">svcsim</span>
      <span className="cluster" title={t('topbar.clusterTitle')}>
        kind · v1.34
      </span>
      <fieldset className="clock-group">
        <legend className="sr-only">{t('topbar.clockLegend')}</legend>
        <span className="clock" data-testid={testIds.clock} title={t('topbar.clockTitle')}>
          <Clock ms={time} />
        </span>
        {/* the state in words, not only the button's colour: "Paused" stays on screen while the clock stands still */}
        <span className={playing ? 'clock-state sr-only' : 'clock-state paused'} role="status" data-testid={testIds.clockState}>
          {playing ? t('topbar.clockRunning', { speed }) : t('topbar.paused')}
        </span>
        <button type="button" data-testid={testIds.play} onClick={() => setClock(!playing)} aria-label={playing ? t('topbar.pause') : t('topbar.play')} title={playing ? t('topbar.pauseTitle') : t('topbar.playTitle')}>
          {playing ? t('topbar.pauseButton') : t('topbar.playButton')}
        </button>
        <button type="button" data-testid={testIds.step} onClick={() => void stepToNextChange()} title={t('topbar.stepTitle')}>
          {t('topbar.step')}
        </button>
        <button type="button" data-testid={testIds.advance} onClick={() => void send({ type: 'advance', ms: 10_000 })} title={t('topbar.advance10sTitle')}>
          +10s
        </button>
        <button type="button" onClick={() => void send({ type: 'advance', ms: 5 * 60_000 })} title={t('topbar.advance5mTitle')}>
          +5m
        </button>
        <div className="speed" title={t('topbar.speedTitle')}>
          {speeds.map((s) => (
            <button type="button" key={s} aria-pressed={speed === s} aria-label={t('topbar.speedLabel', { speed: s })} className={speed === s ? 'active' : ''} onClick={() => setClock(playing, s)}>
              ×{s}
            </button>
          ))}
        </div>
      </fieldset>
      <WorkProgress />
      <TopBarActions>
        <button type="button" onClick={() => showGallery()} title={t('topbar.scenariosTitle')} data-testid={testIds.scenariosButton}>
          {t('topbar.scenarios')}
        </button>
        <ShareButton />
        <DiagramButton />
        <button type="button" onClick={() => setTheme(nextTheme[theme])} title={t('topbar.themeTitle')} data-testid={testIds.theme}>
          {t('topbar.theme', { theme: t(`topbar.theme.${theme}`) })}
        </button>
        <button
          type="button"
          onClick={() => useAppStore.getState().setLargeText(!largeText)}
          aria-pressed={largeText}
          title={t('topbar.largeTextTitle')}
          data-testid={testIds.largeText}
        >
          {t('topbar.largeText')}
        </button>
        <button type="button" onClick={() => exportSession(session?.entries() ?? [])} title={t('topbar.exportTitle')} data-testid={testIds.exportSession}>
          {t('topbar.export')}
        </button>
        <label className="topbar-file" title={t('topbar.importTitle')} data-testid={testIds.importSession}>
          {t('topbar.import')}
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
        <LanguageSwitch testId={testIds.languageSwitch} />

        <button type="button" onClick={() => setShortcutsOpen(true)} aria-label={t('topbar.shortcuts')} title={t('topbar.shortcutsTitle')}>
          ?<span className="topbar-menu-only"> {t('topbar.shortcuts')}</span>
        </button>
      </TopBarActions>
    </header>
  );
}

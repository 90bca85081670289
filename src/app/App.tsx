/** The shell: wires the top bar, the workbench and the overlays. Features do the work. */
import { useEffect, useMemo } from 'react';
import { StorageBanner, type StorageBannerActions } from '../features/persistence/StorageBanner';
import { useAppStore } from '../state/store';
import type { AppState } from '../state/store';
import { testIds } from '../testids';
import { exportSession } from './sessionFileActions';
import { keepWithoutSaving, retrySaving, takeOverHere } from './sessionPersistence';
import { ShortcutsDialog } from './ShortcutsDialog';
import { SkipLinks } from './SkipLinks';
import { TopBar } from './TopBar';
import { usePlayClock } from './usePlayClock';
import { useShortcuts } from './useShortcuts';
import { useSession } from './useSession';
import { useLargeText } from './useLargeText';
import { useTheme } from './useTheme';
import { Workbench } from './Workbench';
import { Gallery } from '../features/scenarios/Gallery';
import { StepBar } from '../features/scenarios/StepBar';
import { type ScenarioUiState, useScenarioStore } from '../features/scenarios/scenarioStore';
import { useT } from '../i18n/languageStore';
import { ProxyStatusRefresh } from '../features/rules/proxyStatus';

const selectScreen = (s: ScenarioUiState) => s.screen;

const selectNotice = (s: AppState) => s.notice;

/** Notices that fade (good news, and apply results the problems list keeps) go after 4 s; others stay until dismissed. */
function useNoticeTimeout(): void {
  const notice = useAppStore(selectNotice);
  useEffect(() => {
    if (!notice?.fades) return;
    const id = setTimeout(() => useAppStore.getState().setNotice(undefined), 4000);
    return () => clearTimeout(id);
  }, [notice]);
}

export function App() {
  const notice = useAppStore(selectNotice);
  useNoticeTimeout();
  const dark = useTheme();
  useLargeText();
  usePlayClock();
  useShortcuts();
  const session = useSession();
  const screen = useScenarioStore(selectScreen);
  const t = useT();
  const storageActions = useMemo<StorageBannerActions>(
    () => ({ takeOver: takeOverHere, keepWithoutSaving, exportSession: () => exportSession(session?.entries() ?? []), retry: retrySaving }),
    [session],
  );
  return (
    <div className="app" data-testid={testIds.app}>
      <SkipLinks />
      {/* the node boxes' kube-proxy badges and the Rules panel, which is paused while hidden */}
      <ProxyStatusRefresh />
      <TopBar />
      <StorageBanner actions={storageActions} />
      {/* in the flow, under the top bar: a notice never covers the terminal's last lines or the canvas controls */}
      {notice && (
        <div className={`notice notice-${notice.tone}`} role="status" data-testid={testIds.notice}>
          <span>{notice.text}</span>
          <button type="button" aria-label={t('common.dismiss')}
 onClick={() => useAppStore.getState().setNotice(undefined)}>
            ×
          </button>
        </div>
      )}
      {screen === 'gallery' && <Gallery />}
      {/* the playground stays mounted behind the gallery: its terminal, editor and canvas keep their state */}
      <div className={screen === 'gallery' ? 'playground playground-hidden' : 'playground'}>
        <StepBar />
        <main className="main">
          <Workbench dark={dark} />
        </main>
      </div>
      <ShortcutsDialog />
    </div>
  );
}

/**
 * The embedded frame's shell: no top bar, editor, gallery or docks — the canvas, a terminal, or both, with the
 * scenario's step bar when `controls=1`. Nothing here takes focus: the host page keeps it until the frame is
 * clicked. The terminal (xterm.js) is a lazy chunk loaded only by the views that show it; Monaco never loads.
 */
import { Suspense, lazy, useEffect, useState } from 'react';
import type { EmbedParams } from '../features/embed/embedParams';
import { EmbedStepBar } from '../features/embed/EmbedStepBar';
import { FollowSelection } from '../features/embed/FollowSelection';
import { useStepChecks } from '../features/embed/useStepChecks';
import { ProxyStatusRefresh } from '../features/rules/proxyStatus';
import { type ScenarioUiState, useScenarioStore } from '../features/scenarios/scenarioStore';
import { TopologyCanvas } from '../features/topology/TopologyCanvas';
import { useT } from '../i18n/languageStore';
import type { AppState } from '../state/store';
import { useAppStore } from '../state/store';
import { testIds } from '../testids';
import { embedTerminalSession, type EmbedStatus } from './startEmbed';
import { usePlayClock } from './usePlayClock';
import { useSystemDark } from './useTheme';
import '../features/embed/embed.css';

const TerminalView = lazy(() => import('../features/terminal/TerminalView').then((m) => ({ default: m.TerminalView })));

const selectMessage = (s: ScenarioUiState) => s.galleryMessage;
const selectNotice = (s: AppState) => s.notice;
// a share link's first graph (drawn while the engine loads) has no resource version yet, but it is a cluster to show
const selectHasCluster = (s: AppState) => s.mirror.resourceVersion > 0 || s.mirror.objects.size > 0;

/** Dark when the address says so, else as the system is (nothing is remembered in a frame). */
function useEmbedDark(theme: EmbedParams['theme']): boolean {
  const systemDark = useSystemDark();
  const dark = theme ? theme === 'dark' : systemDark;
  useEffect(() => {
    document.documentElement.dataset.theme = dark ? 'dark' : 'light';
  }, [dark]);
  return dark;
}

export function EmbedApp({ params, status }: { params: EmbedParams; status: EmbedStatus }) {
  const t = useT();
  const dark = useEmbedDark(params.theme);
  usePlayClock();
  useStepChecks();
  const message = useScenarioStore(selectMessage);
  const notice = useAppStore(selectNotice);
  const hasCluster = useAppStore(selectHasCluster);
  const [ignoredShown, setIgnoredShown] = useState(params.ignored.length > 0);
  const graph = params.view !== 'terminal';
  const terminal = params.view !== 'graph';
  return (
    <div className={`embed embed-${params.view}`} data-testid={testIds.embed} data-started={status.started} data-visible={status.visible}>
      {/* the node boxes' kube-proxy badges */}
      <ProxyStatusRefresh />
      {params.controls && <EmbedStepBar />}
      {(message || notice || ignoredShown) && (
        <div className="embed-message" role="status" data-testid={testIds.embedMessage}>
          <span>{message ?? notice?.text ?? t('embed.ignored', { params: params.ignored.join(', ') })}</span>
          {!message && (
            <button
              type="button"
              aria-label={t('common.dismiss')}
              onClick={() => {
                setIgnoredShown(false);
                useAppStore.getState().setNotice(undefined);
              }}
            >
              ×
            </button>
          )}
        </div>
      )}
      <div className="embed-body">
        {graph && (
          <div className="embed-pane embed-graph">
            <TopologyCanvas dark={dark}>
              <FollowSelection />
            </TopologyCanvas>
          </div>
        )}
        {terminal && (
          <div className="embed-pane embed-terminal">
            {hasCluster && (
              <Suspense fallback={null}>
                <TerminalView session={embedTerminalSession} active dark={dark} />
              </Suspense>
            )}
          </div>
        )}
      </div>
      {!hasCluster && (
        <div className="embed-waiting" data-testid={testIds.embedWaiting}>
          {status.started ? t('embed.starting') : t('embed.waiting')}
        </div>
      )}
    </div>
  );
}

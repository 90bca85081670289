/** The Terminal dock tab: several terminal sessions side by side in sub-tabs (watch in one, delete in another). */
import { Suspense, lazy, useState } from 'react';
import { useAppStore } from '../../state/store';
import type { AppState } from '../../state/store';
import { useAfterFirstGraph } from '../../state/useAfterFirstGraph';
import { send } from '../../state/simulation';
import { useT } from '../../i18n/languageStore';

// xterm.js is a lazy chunk: the dock mounts this panel hidden at startup, and the terminal is not the graph
const TerminalView = lazy(() => import('./TerminalView').then((m) => ({ default: m.TerminalView })));

const selectTheme = (s: AppState) => s.theme;
let counter = 1;

export function TerminalPanel() {
  const [tabs, setTabs] = useState<string[]>(() => [`t${counter++}`]);
  const [active, setActive] = useState(tabs[0]);
  const theme = useAppStore(selectTheme);
  const load = useAfterFirstGraph();
  const tr = useT();
  const dark = theme === 'dark' || (theme === 'system' && document.documentElement.dataset.theme === 'dark');
  return (
    <div className="terminal-panel">
      <div className="subtabs" role="toolbar" aria-label={tr('terminal.sessions')}>
        {tabs.map((t, i) => (
          <span key={t} className={`subtab${t === active ? ' active' : ''}`}>
            <button type="button" aria-pressed={t === active} data-testid={`terminal-tab-${i + 1}`} onClick={() => setActive(t)}>
              {tr('terminal.tab', { n: i + 1 })}
            </button>
            {tabs.length > 1 && (
              <button
                type="button"
                aria-label={tr('terminal.close', { n: i + 1 })}
                className="close"
                onClick={() => {
                  // as closing a terminal window: what runs in it stops, a shell in a pod loses its input
                  void send({ type: 'hangup', session: t });
                  const rest = tabs.filter((x) => x !== t);
                  setTabs(rest);
                  if (active === t) setActive(rest[0]);
                }}
              >
                ×
              </button>
            )}
          </span>
        ))}
        <button
          type="button"
          className="subtab-add"
          aria-label={tr('terminal.new')}

          data-testid="terminal-new"
          onClick={() => {
            const id = `t${counter++}`;
            setTabs([...tabs, id]);
            setActive(id);
          }}
        >
          +
        </button>
      </div>
      <div className="terminal-stack">
        {tabs.map((t) => (
          <div
            key={t}
            className="terminal-slot"
            style={{ display: t === active ? 'block' : 'none' }}
            data-testid={`terminal-${t === active ? 'active' : 'hidden'}`}
            data-session={t}
          >
            {load && (
              <Suspense fallback={null}>
                <TerminalView session={t} active={t === active} dark={dark} />
              </Suspense>
            )}
          </div>
        ))}
      </div>
    </div>
  );
}

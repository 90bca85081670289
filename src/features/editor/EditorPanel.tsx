/** The manifest editor panel: its tabs, Monaco (loaded lazily, after the canvas), an Apply button, the problems list. */
import { Suspense, lazy, useRef } from 'react';
import { useAfterFirstGraph } from '../../state/useAfterFirstGraph';
import { testIds } from '../../testids';
import { applyEditor } from './applyEditor';
import { EditorTabs } from './EditorTabs';
import type { EditorHandle } from './MonacoEditor';
import { ProblemsList } from './ProblemsList';
import { useT } from '../../i18n/languageStore';

const MonacoEditor = lazy(() => import('./MonacoEditor'));
function Loading() {
  const t = useT();
  return <div className="editor-loading">{t('editor.loading')}</div>;
}
const loading = <Loading />;

export function EditorPanel({ dark }: { dark: boolean }) {
  const handle = useRef<EditorHandle | undefined>(undefined);
  // Monaco's megabyte chunk starts loading once the first graph is painted, so it never competes with it
  const load = useAfterFirstGraph();
  const t = useT();
  return (
    <section className="editor-panel" aria-label={t('editor.label')}>
      <div className="panel-header">
        <EditorTabs />
        <button type="button" className="primary" data-testid={testIds.apply} onClick={() => void applyEditor()} title={t('editor.applyTitle')}>
          {t('editor.apply')}

        </button>
      </div>
      <div className="editor-host" data-testid={testIds.editor}>
        {load ? (
          <Suspense fallback={loading}>
            <MonacoEditor handleRef={handle} dark={dark} />
          </Suspense>
        ) : (
          loading
        )}
      </div>
      <ProblemsList onJump={(l, c) => handle.current?.reveal(l, c)} />
    </section>
  );
}

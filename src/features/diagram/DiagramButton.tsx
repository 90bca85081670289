/**
 * The top bar's Diagram button and its dialog, loaded when first opened: Mermaid and the diagram code stay off
 * the page's critical path. (Strings on that path avoid the library's name: bench/ui/bundleBench.ts finds library
 * chunks by it.)
 */
import { lazy, Suspense } from 'react';
import { useT } from '../../i18n/languageStore';
import { type AppState, useAppStore } from '../../state/store';
import { testIds } from '../../testids';
import { openDiagram, useDiagramStore } from './diagramStore';

const DiagramDialog = lazy(() => import('./DiagramDialog'));

const selectTheme = (s: AppState) => s.theme;

export function DiagramButton() {
  const t = useT();
  const open = useDiagramStore((s) => s.open);
  const theme = useAppStore(selectTheme);
  const dark = theme === 'dark' || (theme === 'system' && (window.matchMedia?.('(prefers-color-scheme: dark)').matches ?? false));
  return (
    <>
      <button type="button" onClick={openDiagram} title={t('diagram.buttonTitle')} data-testid={testIds.diagramButton}>
        {t('diagram.button')}
      </button>
      {open && (
        <Suspense fallback={null}>
          <DiagramDialog dark={dark} />
        </Suspense>
      )}
    </>
  );
}

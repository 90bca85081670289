/** "Sequence diagram" beside a traced connection; the dialog (and Mermaid) load when it is first pressed. */
import { lazy, Suspense, useState } from 'react';
import type { SequenceInput } from '../../diagram/sequenceDiagram';
import { useT } from '../../i18n/languageStore';
import { type AppState, useAppStore } from '../../state/store';
import { testIds } from '../../testids';

const SequenceDialog = lazy(() => import('./SequenceDialog'));
const selectTheme = (s: AppState) => s.theme;

export function SequenceButton({ trace }: { trace: SequenceInput }) {
  const t = useT();
  const [open, setOpen] = useState(false);
  const theme = useAppStore(selectTheme);
  const dark = theme === 'dark' || (theme === 'system' && (window.matchMedia?.('(prefers-color-scheme: dark)').matches ?? false));
  return (
    <>
      <button type="button" onClick={() => setOpen(true)} data-testid={testIds.trafficSequence} title={t('sequence.buttonTitle')}>
        {t('sequence.button')}
      </button>
      {open && (
        <Suspense fallback={null}>
          <SequenceDialog trace={trace} dark={dark} onClose={() => setOpen(false)} />
        </Suspense>
      )}
    </>
  );
}

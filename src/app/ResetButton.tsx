/** The top bar's Reset: asks first (ResetDialog, saying what it resets), then does all of it (resetPlayground). */
import { useState } from 'react';
import { ResetDialog } from '../features/reset/ResetDialog';
import { testIds } from '../testids';
import { resetPlayground } from './resetPlayground';
import type { Session } from './session';
import { useT } from '../i18n/languageStore';

export function ResetButton({ session }: { session: Session | undefined }) {
  const [asking, setAsking] = useState(false);
  const t = useT();
  return (
    <>
      <button type="button" onClick={() => setAsking(true)} title={t('topbar.resetTitle')} data-testid={testIds.reset}>
        {t('topbar.reset')}

      </button>
      {asking ? (
        <ResetDialog
          onCancel={() => setAsking(false)}
          onConfirm={() => {
            setAsking(false);
            if (session) void resetPlayground(session);
          }}
        />
      ) : null}
    </>
  );
}

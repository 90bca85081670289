/** The top bar's Reset: asks first (ResetDialog, saying what it resets), then does all of it (resetPlayground). */
import { useState } from 'react';
import { ResetDialog } from '../features/reset/ResetDialog';
import { testIds } from '../testids';
import { resetPlayground } from './resetPlayground';
import type { Session } from './session';

export function ResetButton({ session }: { session: Session | undefined }) {
  const [asking, setAsking] = useState(false);
  return (
    <>
      <button type="button" onClick={() => setAsking(true)} title="Start over from the seed topology" data-testid={testIds.reset}>
        Reset
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

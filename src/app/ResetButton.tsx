/** The top bar's Reset: asks first, saying what it resets, then does all of it (resetPlayground). */
import { useState } from 'react';
import { ConfirmDialog } from '../components/ConfirmDialog';
import type { AppState } from '../state/store';
import { useAppStore } from '../state/store';
import { testIds } from '../testids';
import { resetPlayground } from './resetPlayground';
import type { Session } from './session';

const selectTabCount = (s: AppState) => s.objectTabs.length;

export function ResetButton({ session }: { session: Session | undefined }) {
  const [asking, setAsking] = useState(false);
  const tabs = useAppStore(selectTabCount);
  return (
    <>
      <button type="button" onClick={() => setAsking(true)} title="Start over from the seed topology" data-testid={testIds.reset}>
        Reset
      </button>
      {asking ? (
        <ConfirmDialog
          title="Reset the playground?"
          confirmLabel="Reset"
          testId={testIds.resetDialog}
          confirmTestId={testIds.resetConfirm}
          onCancel={() => setAsking(false)}
          onConfirm={() => {
            setAsking(false);
            if (session) void resetPlayground(session);
          }}
        >
          This starts over and cannot be undone:
          <ul>
            <li>the cluster goes back to the seed topology (every object you created or changed is lost)</li>
            <li>the manifests editor gets its default text back</li>
            <li>{tabs === 1 ? 'the open object tab is closed' : tabs > 1 ? `the ${tabs} open object tabs are closed` : 'object tabs are closed'}</li>
            <li>node boxes you dragged go back to their places, and nothing stays selected</li>
          </ul>
        </ConfirmDialog>
      ) : null}
    </>
  );
}

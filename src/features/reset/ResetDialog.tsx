/** The question Reset asks first, naming everything it resets (the app does the resetting on confirm). */
import { ConfirmDialog } from '../../components/ConfirmDialog';
import type { AppState } from '../../state/store';
import { useAppStore } from '../../state/store';
import { testIds } from '../../testids';

const selectTabCount = (s: AppState) => s.objectTabs.length;

export function ResetDialog({ onConfirm, onCancel }: { onConfirm(): void; onCancel(): void }) {
  const tabs = useAppStore(selectTabCount);
  return (
    <ConfirmDialog
      title="Reset the playground?"
      confirmLabel="Reset"
      testId={testIds.resetDialog}
      confirmTestId={testIds.resetConfirm}
      onCancel={onCancel}
      onConfirm={onConfirm}
    >
      This starts over and cannot be undone:
      <ul>
        <li>the cluster goes back to the seed topology (every object you created or changed is lost)</li>
        <li>the manifests editor gets its default text back</li>
        <li>{tabs === 1 ? 'the open object tab is closed' : tabs > 1 ? `the ${tabs} open object tabs are closed` : 'object tabs are closed'}</li>
        <li>node boxes you dragged go back to their places, and nothing stays selected</li>
      </ul>
    </ConfirmDialog>
  );
}

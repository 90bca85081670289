/**
 * A modal question with two answers: what will happen (children), Cancel, and the action. Escape and Cancel
 * leave everything as it was; focus starts on Cancel, so Enter never confirms by accident.
 */
import { type ReactNode, useEffect, useRef } from 'react';

export interface ConfirmDialogProps {
  title: string;
  confirmLabel: string;
  /** The Cancel button's text, in the UI's language. */
  cancelLabel: string;
  children: ReactNode;
  onConfirm(): void;
  onCancel(): void;
  testId?: string;
  confirmTestId?: string;
}

export function ConfirmDialog({ title, confirmLabel, cancelLabel, children, onConfirm, onCancel, testId, confirmTestId }: ConfirmDialogProps) {
  const cancel = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    cancel.current?.focus();
  }, []);
  return (
    <div className="dialog-backdrop">
      <div
        className="dialog confirm-dialog"
        role="alertdialog"
        aria-modal="true"
        aria-labelledby="confirm-dialog-title"
        data-testid={testId}
        onKeyDown={(e) => {
          if (e.key === 'Escape') {
            e.stopPropagation();
            onCancel();
          }
        }}
      >
        <h2 id="confirm-dialog-title">{title}</h2>
        <div className="confirm-dialog-body">{children}</div>
        <div className="confirm-dialog-actions">
          <button type="button" ref={cancel} onClick={onCancel}>
            {cancelLabel}

          </button>
          <button type="button" className="primary" onClick={onConfirm} data-testid={confirmTestId}>
            {confirmLabel}
          </button>
        </div>
      </div>
    </div>
  );
}

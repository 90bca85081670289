/**
 * Labels (or a Service's selector) as editable chips. Editing sends a patch to the engine; hovering a chip
 * lights up every Service whose selector uses that label.
 */
import { useRef, useState } from 'react';
import { useAppStore } from '../../state/store';
import { testIds } from '../../testids';
import { useT } from '../../i18n/languageStore';

export interface LabelChipsProps {
  labels: Record<string, string> | undefined;
  /** Called with the changes: a value sets a key, null removes it. */
  onChange(changes: Record<string, string | null>): void;
  /** What these chips are, for screen readers: "labels" or "selector". */
  what: string;
}

export function LabelChips({ labels, onChange, what }: LabelChipsProps) {
  const [draft, setDraft] = useState('');
  const t = useT();
  const [error, setError] = useState<string | undefined>();
  const input = useRef<HTMLInputElement>(null);
  const hoverLabel = useAppStore.getState().hoverLabel;
  const entries = Object.entries(labels ?? {}).sort(([a], [b]) => (a < b ? -1 : 1));
  const add = () => {
    const m = /^\s*([^=\s]+)\s*=\s*(\S*)\s*$/.exec(draft);
    if (!m) {
      setError(t('labels.writeKeyValue'));
      return;
    }
    setError(undefined);
    setDraft('');
    onChange({ [m[1]]: m[2] });
  };
  return (
    <div className="chips">
      {entries.map(([k, v]) => (
        <span key={k} className="chip" data-testid={testIds.labelChip} data-label={`${k}=${v}`}>
          {/* a button so keyboard users get the same highlight as the pointer */}
          <button
            type="button"
            className="chip-text"
            title={t('labels.chipTitle')}
            onClick={() => {
              // edit = put it in the field; Add overwrites the value (like kubectl label --overwrite)
              setDraft(`${k}=${v}`);
              input.current?.focus();
            }}
            onMouseEnter={() => hoverLabel(`${k}=${v}`)}
            onMouseLeave={() => hoverLabel(undefined)}
            onFocus={() => hoverLabel(`${k}=${v}`)}
            onBlur={() => hoverLabel(undefined)}
          >
            {k}={v}
          </button>
          <button type="button" className="chip-remove" aria-label={t('labels.remove', { key: k })} onClick={() => onChange({ [k]: null })}>
            ×
          </button>
        </span>
      ))}
      {entries.length === 0 && <span className="muted">{t('labels.none')}</span>}
      <form
        className="chip-add"
        onSubmit={(e) => {
          e.preventDefault();
          add();
        }}
      >
        <input
          ref={input}
          value={draft}
          onChange={(e) => setDraft(e.target.value)}
          placeholder="key=value"
          aria-label={t('labels.addTo', { what })}
          data-testid={testIds.labelAdd}
        />
        <button type="submit">{t('labels.add')}</button>

      </form>
      {error && <span className="field-error">{error}</span>}
    </div>
  );
}

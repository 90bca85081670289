import { describe, expect, it } from 'vitest';
import type { SaveState } from '../../state/persistenceSlice';
import { saveStateMessage } from './saveStateMessage';

const notSaved: SaveState[] = [
  { kind: 'otherTab' },
  { kind: 'notSaving' },
  { kind: 'readOnly' },
  { kind: 'failed', reason: 'the browser storage is full' },
  { kind: 'unavailable', reason: 'the browser denies storage to this page' },
];

describe('saveStateMessage', () => {
  it('says nothing while the tab saves or starts', () => {
    expect(saveStateMessage({ kind: 'saving' })).toBeUndefined();
    expect(saveStateMessage({ kind: 'starting' })).toBeUndefined();
  });

  it('every state that does not save offers a way to keep the work', () => {
    for (const s of notSaved) {
      const m = saveStateMessage(s);
      expect(m, s.kind).toBeDefined();
      // either a choice that saves here, or the export
      expect(m?.actions.some((a) => a === 'takeOver' || a === 'export'), s.kind).toBe(true);
    }
  });

  it('a failure names its reason and what it means', () => {
    expect(saveStateMessage({ kind: 'failed', reason: 'the browser storage is full' })?.text).toBe(
      'Saving failed: the browser storage is full. Changes from now on are not saved; a reload would lose them. Export the session to keep your work.',
    );
    expect(saveStateMessage({ kind: 'failed', reason: 'x' })?.actions).toEqual(['export', 'retry']);
  });

  it('the choice between tabs cannot be dismissed without choosing', () => {
    expect(saveStateMessage({ kind: 'otherTab' })).toMatchObject({ dismissible: false, actions: ['takeOver', 'keepWithoutSaving'] });
  });
});

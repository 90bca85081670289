import { afterEach, describe, expect, it } from 'vitest';
import { setLang } from '../../i18n/languageStore';
import { describeStorageError } from '../../state/persistence/storageAccess';
import type { SaveState } from '../../state/persistenceSlice';
import { saveStateMessage } from './saveStateMessage';

const notSaved: SaveState[] = [
  { kind: 'otherTab' },
  { kind: 'notSaving' },
  { kind: 'readOnly' },
  { kind: 'failed', reason: { code: 'full' } },
  { kind: 'unavailable', reason: { code: 'denied' } },
];

describe('saveStateMessage', () => {
  afterEach(() => setLang('en', false));

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
    expect(saveStateMessage({ kind: 'failed', reason: { code: 'full' } })?.text).toBe(
      'Saving failed: the browser storage is full. Changes from now on are not saved; a reload would lose them. Export the session to keep your work.',
    );
    expect(saveStateMessage({ kind: 'failed', reason: { code: 'refused' } })?.actions).toEqual(['export', 'retry']);
  });

  it("words every storage problem in the reader's language, a browser's own error name as it gave it", async () => {
    const thrown = ['QuotaExceededError', 'SecurityError', 'InvalidStateError', 'AbortError', 'UnknownError', 'DataCloneError'].map((n) => new DOMException('x', n));
    await setLang('zh-TW', false);
    const texts = thrown.map((e) => saveStateMessage({ kind: 'unavailable', reason: describeStorageError(e) })?.text ?? '');
    expect(new Set(texts).size).toBe(thrown.length);
    for (const text of texts) expect(text).toMatch(/^在不儲存的狀態下執行：\p{Script=Han}/u);
    expect(texts.at(-1)).toContain('（DataCloneError）');
    expect(saveStateMessage({ kind: 'failed', reason: { code: 'closed' } })?.text).toContain('瀏覽器關閉了資料庫');
  });

  it('the choice between tabs cannot be dismissed without choosing', () => {
    expect(saveStateMessage({ kind: 'otherTab' })).toMatchObject({ dismissible: false, actions: ['takeOver', 'keepWithoutSaving'] });
  });
});

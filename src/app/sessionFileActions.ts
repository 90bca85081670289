/** "Export session" and "Import session": the command log and editor text as a JSON file, and back. */
import { t } from '../i18n/languageStore';
import { commandCount } from './session';
import type { SessionEntry } from '../bridge/sessionStore';
import { decodeSessionFile, encodeSessionFile } from '../state/persistence/sessionFile';
import { send } from '../state/simulation';
import { useAppStore } from '../state/store';

export const sessionFileName = 'svcsim-session.json';

/** Downloads this tab's session (what a reload would rebuild, even when nothing could be saved). */
export function exportSession(entries: readonly SessionEntry[]): void {
  const text = encodeSessionFile([...entries], useAppStore.getState().editorText);
  const url = URL.createObjectURL(new Blob([text], { type: 'application/json' }));
  const a = document.createElement('a');
  a.href = url;
  a.download = sessionFileName;
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 0);
}

/** Replaces the cluster and the editor text with an exported session; a file it cannot use changes nothing. */
export async function importSession(file: File): Promise<void> {
  const store = useAppStore.getState();
  let text: string;
  try {
    text = await file.text();
  } catch (e) {
    store.setNotice(t('notice.readFailed', { file: file.name, message: (e as Error).message }));
    return;
  }
  const decoded = decodeSessionFile(text);
  if (!decoded.ok) {
    store.setNotice(t('notice.fileError', { file: file.name, error: decoded.error }));
    return;
  }
  const { editorText } = decoded.file;
  // a command that had not finished when the session was exported (it was running, or it hung) is not sent
  const commands = decoded.file.commands.filter((e) => e.status !== 'started');
  store.setEditorText(editorText);
  // sent like any command: the leading init starts a new saved log, the rest is appended to it
  for (const { command } of commands) await send(command);
  const sessions = new Set(commands.flatMap(({ command: c }) => (c.type === 'terminal' ? [c.session] : [])));
  for (const session of sessions) await send({ type: 'interrupt', session });
  store.setNotice(t('notice.imported', { file: file.name, commands: commandCount(commands.length) }), 'info');

}

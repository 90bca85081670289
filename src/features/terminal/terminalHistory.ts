/** Terminal command history, shared by the tabs and kept across reloads. */
const key = 'svcsim.terminal.history.v1';

export function loadHistory(): string[] {
  try {
    const v = JSON.parse(localStorage.getItem(key) ?? '[]') as unknown;
    return Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : [];
  } catch {
    return [];
  }
}

export function saveHistory(entries: readonly string[]): void {
  try {
    localStorage.setItem(key, JSON.stringify(entries.slice(-500)));
  } catch {
    // history is a convenience; a full storage is reported by the editor's autosave
  }
}

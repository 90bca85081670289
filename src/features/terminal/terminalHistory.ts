/** Terminal command history, shared by the tabs and kept across reloads (not in an embedded frame). */
const key = 'svcsim.terminal.history.v1';
let keeping = true;

/** From now on this page keeps no history (embed mode: a slide's commands are not the visitor's). */
export function keepNoTerminalHistory(): void {
  keeping = false;
}

export function loadHistory(): string[] {
  try {
    const v = JSON.parse(localStorage.getItem(key) ?? '[]') as unknown;
    return Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : [];
  } catch {
    return [];
  }
}

export function saveHistory(entries: readonly string[]): void {
  if (!keeping) return;
  try {
    localStorage.setItem(key, JSON.stringify(entries.slice(-500)));
  } catch {
    // history is a convenience; a full storage is reported by the editor's autosave
  }
}

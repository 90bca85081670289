/**
 * Keeps the editor text in localStorage so a reload loses nothing. A full quota is reported, never ignored.
 */
const key = 'svcsim.editor.v1';

export function loadEditorText(): string | undefined {
  try {
    return localStorage.getItem(key) ?? undefined;
  } catch {
    return undefined;
  }
}

/** Saves the text; returns an error message when the browser refused (quota, private mode). */
export function saveEditorText(text: string): string | undefined {
  try {
    localStorage.setItem(key, text);
    return undefined;
  } catch (e) {
    const name = (e as DOMException).name;
    return name === 'QuotaExceededError'
      ? 'Your edits could not be saved locally: the browser storage is full. Copy your manifest somewhere safe.'
      : `Your edits could not be saved locally (${name}).`;
  }
}

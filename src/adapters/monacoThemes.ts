/**
 * Monaco's themes as svcsim uses them. `vs-dark` draws comments in #608b4e on #1e1e1e (4.2:1, under WCAG's
 * 4.5:1 for text), so the dark theme lightens comments to a green that reads (5.96:1); the rest is `vs-dark`.
 */
import { monaco } from './monaco';

/** The theme name for the app's theme (svcsim's dark one is (re)defined on the way: cheap, and idempotent). */
export function monacoTheme(dark: boolean): string {
  if (!dark) return 'vs';
  monaco.editor.defineTheme('svcsim-dark', { base: 'vs-dark', inherit: true, rules: [{ token: 'comment', foreground: '7ca668' }], colors: {} });
  return 'svcsim-dark';
}

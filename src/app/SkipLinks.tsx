/**
 * "Skip to" buttons, the first stops of the Tab order (hidden until focused): a keyboard user reaches the
 * canvas or the terminal without tabbing through the top bar and the editor (WCAG 2.4.1, bypass blocks).
 */
import { focusPanel } from './panelFocus';

export function SkipLinks() {
  return (
    <nav className="skip-links" aria-label="Skip links">
      <button type="button" className="skip-link" onClick={() => focusPanel('2')}>
        Skip to the canvas
      </button>
      <button type="button" className="skip-link" onClick={() => focusPanel('3')}>
        Skip to the terminal
      </button>
    </nav>
  );
}

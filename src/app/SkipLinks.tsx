/**
 * "Skip to" buttons, the first stops of the Tab order (hidden until focused): a keyboard user reaches the
 * canvas or the terminal without tabbing through the top bar and the editor (WCAG 2.4.1, bypass blocks).
 */
import { focusPanel } from './panelFocus';
import { useT } from '../i18n/languageStore';

export function SkipLinks() {
  const t = useT();
  return (
    <nav className="skip-links" aria-label={t('skip.label')}>
      <button type="button" className="skip-link" onClick={() => focusPanel('2')}>
        {t('skip.canvas')}
      </button>
      <button type="button" className="skip-link" onClick={() => focusPanel('3')}>
        {t('skip.terminal')}

      </button>
    </nav>
  );
}

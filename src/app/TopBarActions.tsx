/**
 * The top bar's secondary actions (scenarios, share, diagram, theme, text size, export, import, reset, language,
 * shortcuts). On a wide screen they sit in the bar; on a phone they fold behind one "⋯" button so the bar keeps
 * to two rows: the button says whether the menu is open (aria-expanded), every action inside keeps its own
 * accessible name, Escape closes the menu and gives focus back to the button; choosing an action (the language
 * list aside) or a click elsewhere closes it too. A closed menu hides only the actions, not the dialogs they open.
 */
import { type ReactNode, useEffect, useRef, useState } from 'react';
import { useT } from '../i18n/languageStore';
import { testIds } from '../testids';

export function TopBarActions({ children }: { children: ReactNode }) {
  const [open, setOpen] = useState(false);
  const t = useT();
  const menu = useRef<HTMLDivElement>(null);
  const toggle = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    if (!open) return;
    const away = (e: PointerEvent) => {
      const target = e.target as Node | null;
      if (!menu.current?.contains(target) && !toggle.current?.contains(target)) setOpen(false);
    };
    const chosen = (e: MouseEvent) => {
      const target = e.target as HTMLElement | null;
      if (target?.closest('#topbar-actions > button, #topbar-actions > label')) setOpen(false);
    };
    const onEscape = (e: KeyboardEvent) => {
      // Escape in a dialog an action opened is the dialog's
      if (e.key !== 'Escape' || (document.activeElement as HTMLElement | null)?.closest('dialog, .dialog-backdrop')) return;
      setOpen(false);
      if (menu.current?.contains(document.activeElement)) toggle.current?.focus();
    };
    document.addEventListener('pointerdown', away);
    document.addEventListener('click', chosen);
    document.addEventListener('keydown', onEscape);
    return () => {
      document.removeEventListener('pointerdown', away);
      document.removeEventListener('click', chosen);
      document.removeEventListener('keydown', onEscape);
    };
  }, [open]);
  return (
    <>
      <button
        ref={toggle}
        type="button"
        className="topbar-more"
        aria-expanded={open}
        aria-controls="topbar-actions"
        aria-label={t('topbar.more')}
        title={t('topbar.moreTitle')}
        data-testid={testIds.topbarMore}
        onClick={() => setOpen(!open)}
      >
        ⋯
      </button>
      <div id="topbar-actions" ref={menu} className={open ? 'topbar-right open' : 'topbar-right'}>
        {children}
      </div>
    </>
  );
}

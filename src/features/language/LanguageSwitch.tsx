/** The language switch: one select, shown in the top bar, the gallery and the step bar; the choice is remembered. */
import { languageNames, languages, isLang } from '../../i18n/language';
import { setLang, useLang, useT } from '../../i18n/languageStore';
import { useAppStore } from '../../state/store';

export function LanguageSwitch({ testId }: { testId: string }) {
  const lang = useLang();
  const t = useT();
  return (
    <select
      className="language-switch"
      aria-label={t('topbar.language')}
      data-testid={testId}
      value={lang}
      onChange={(e) => {
        const next = e.currentTarget.value;
        // the UI switches once the language's catalog is loaded; a catalog that cannot load leaves it as it was
        if (isLang(next)) setLang(next).catch(() => useAppStore.getState().setNotice(t('topbar.languageFailed', { language: languageNames[next] })));
      }}
    >
      {languages.map((l) => (
        <option key={l} value={l} lang={l}>
          {languageNames[l]}
        </option>
      ))}
    </select>
  );
}

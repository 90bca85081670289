/** The language switch: one select, shown in the top bar, the gallery and the step bar; the choice is remembered. */
import { languageNames, languages, isLang } from '../../i18n/language';
import { setLang, useLang, useT } from '../../i18n/languageStore';

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
        if (isLang(next)) setLang(next);
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

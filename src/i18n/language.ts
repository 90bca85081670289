/** The UI languages and how the browser's preference picks one. */
export const languages = ['en', 'zh-TW'] as const;
export type Lang = (typeof languages)[number];

/** Names shown in the language switch, each in its own language. */
export const languageNames: Record<Lang, string> = { en: 'English', 'zh-TW': '繁體中文' };

export function isLang(value: unknown): value is Lang {
  return typeof value === 'string' && (languages as readonly string[]).includes(value);
}

/**
 * The first of the browser's languages we have: Traditional Chinese for zh-TW/HK/MO/Hant, English for en-*.
 * Simplified Chinese (zh-CN, zh-Hans) is not Traditional, so it falls through to the next preference.
 */
export function browserLang(preferences: readonly string[]): Lang {
  for (const l of preferences) {
    if (/^zh-(TW|HK|MO|Hant)\b/i.test(l)) return 'zh-TW';
    if (/^en\b/i.test(l)) return 'en';
  }
  return 'en';
}

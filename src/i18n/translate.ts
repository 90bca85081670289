/**
 * Message lookup: a key of the English catalog, the language, and values for its `{name}` placeholders.
 * The catalogs are plain data; a key missing in either language fails the typecheck and messages.test.ts.
 */
import type { Lang } from './language';
import { en, type MessageKey } from './messages.en';
import { zhTW } from './messages.zh-TW';

export type { MessageKey };
export type MessageParams = Record<string, string | number>;

const catalogs: Record<Lang, Record<MessageKey, string>> = { en, 'zh-TW': zhTW };

/** The message in `lang` with its placeholders filled; an unknown placeholder stays visible rather than vanish. */
export function translate(lang: Lang, key: MessageKey, params?: MessageParams): string {
  const text = catalogs[lang][key] ?? en[key];
  if (!params) return text;
  return text.replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole));
}

export type Translate = (key: MessageKey, params?: MessageParams) => string;

/**
 * A scenario check's phrases (worded by no one in the worker) in the reader's language: each phrase code is the
 * catalog message `check.<code>` (src/i18n), the English of which is exactly what `svcsim run` prints.
 */
import type { Lang } from '../../i18n/language';
import { type MessageKey, translate } from '../../i18n/translate';
import { type Phrase, renderPhrase } from '../../shared/phrase';

export function checkText(p: Phrase, lang: Lang): string {
  return renderPhrase(p, (code) => translate(lang, `check.${code}` as MessageKey));
}

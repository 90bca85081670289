/**
 * A sentence as data: a code and its values, for text that one side computes and another side words (the
 * worker evaluates a scenario check and knows no language; the UI words it in the reader's language, the CLI in
 * English). A value is printed as it is (a name, an IP, a kubectl line), or is itself a phrase, or a list of
 * phrases joined by a separator that is worded too (`, ` in English, `，` in 繁體中文).
 */
export type PhraseValue = string | number | Phrase | PhraseList;

export interface Phrase {
  code: string;
  values?: Record<string, PhraseValue>;
}

export interface PhraseList {
  items: Phrase[];
  /** Worded by the code `list.comma` or `list.semicolon`. */
  sep: 'comma' | 'semicolon';
}

export const phrase = (code: string, values?: Record<string, PhraseValue>): Phrase => (values ? { code, values } : { code });

export const phraseList = (items: Phrase[], sep: PhraseList['sep'] = 'comma'): PhraseList => ({ items, sep });

/** The template of a code (`{name}` placeholders), in some language. */
export type PhraseWords = (code: string) => string;

/** The phrase as text: its template with every placeholder filled; an unknown placeholder stays visible. */
export function renderPhrase(p: Phrase, words: PhraseWords): string {
  return words(p.code).replace(/\{(\w+)\}/g, (whole, name: string) => {
    const v = p.values?.[name];
    return v === undefined ? whole : renderValue(v, words);
  });
}

function renderValue(v: PhraseValue, words: PhraseWords): string {
  if (typeof v === 'string' || typeof v === 'number') return String(v);
  if ('items' in v) return v.items.map((i) => renderPhrase(i, words)).join(words(`list.${v.sep}`));
  return renderPhrase(v, words);
}

/** Every code a phrase uses, its own, its values' and its lists' (and their separators'). */
export function phraseCodes(p: Phrase): string[] {
  const out = [p.code];
  for (const v of Object.values(p.values ?? {})) {
    if (typeof v === 'string' || typeof v === 'number') continue;
    if ('items' in v) out.push(`list.${v.sep}`, ...v.items.flatMap(phraseCodes));
    else out.push(...phraseCodes(v));
  }
  return out;
}

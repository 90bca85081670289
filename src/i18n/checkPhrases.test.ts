// Scenario checks travel from the worker as phrase codes (src/scenario/checkWords.ts) and are worded here: every
// code has both languages, the English catalog says exactly what `svcsim run` prints, and every check line of
// every built-in scenario reads in 繁體中文 with nothing left unfilled.
import { describe, expect, it } from 'vitest';
import { checkCodes, checkWordsEn } from '../scenario/checkWords';
import { everyBuiltinCheck } from '../scenario/testdata/everyBuiltinCheck';
import { type Phrase, phraseCodes, renderPhrase } from '../shared/phrase';
import type { Lang } from './language';
import { en } from './messages.en';
import { zhTW } from './messages.zh-TW';
import { type MessageKey, translate } from './translate';

const word = (lang: Lang, p: Phrase) => renderPhrase(p, (code) => translate(lang, `check.${code}` as MessageKey));

describe('scenario check phrases', () => {
  it('have every code in both catalogs, the English one worded as svcsim run words it', () => {
    expect(checkCodes.length).toBeGreaterThan(50);
    for (const code of checkCodes) {
      const key = `check.${code}` as MessageKey;
      expect(en[key], code).toBe(checkWordsEn[code]);
      expect(zhTW[key]?.trim(), code).toBeTruthy();
      // a code with English words (not only a placeholder or a separator) is written in Chinese
      if (/[a-z]{2}/i.test(checkWordsEn[code].replace(/\{\w+\}/g, ''))) expect(zhTW[key], code).toMatch(/\p{Script=Han}/u);
    }
  });

  it('word every built-in check line in English exactly as the engine does, and in 繁體中文', () => {
    const seen = new Set<string>();
    for (const { where, result } of everyBuiltinCheck()) {
      for (const side of ['expected', 'actual'] as const) {
        const p = result.phrases[side];
        for (const code of phraseCodes(p)) seen.add(code);
        expect(word('en', p), where).toBe(result[side]);
        const zh = word('zh-TW', p);
        expect(zh, where).not.toMatch(/\{\w+\}/);
        if (zh !== result[side]) expect(zh, where).toMatch(/\p{Script=Han}/u);
      }
    }
    // the built-ins use most of the codes (the rest are pinned by the check kinds' own tests)
    expect(seen.size).toBeGreaterThan(checkCodes.length / 2);
  });
});

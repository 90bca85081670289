import { describe, expect, it } from 'vitest';
import { browserLang, isLang } from './language';

describe('browserLang', () => {
  it("follows the browser's first English or Traditional Chinese preference", () => {
    expect(browserLang(['zh-TW', 'en'])).toBe('zh-TW');
    expect(browserLang(['zh-Hant-HK'])).toBe('zh-TW');
    expect(browserLang(['zh-HK'])).toBe('zh-TW');
    expect(browserLang(['en-GB', 'zh-TW'])).toBe('en');
    expect(browserLang(['fr-FR', 'zh-TW'])).toBe('zh-TW');
    // Simplified Chinese is not Traditional: the next preference decides, else English
    expect(browserLang(['zh-CN'])).toBe('en');
    expect(browserLang(['zh-Hans', 'zh-TW'])).toBe('zh-TW');
    expect(browserLang([])).toBe('en');
  });

  it('accepts only the languages the UI has', () => {
    expect(isLang('zh-TW')).toBe(true);
    expect(isLang('en')).toBe(true);
    expect(isLang('zh-CN')).toBe(false);
    expect(isLang(undefined)).toBe(false);
  });
});

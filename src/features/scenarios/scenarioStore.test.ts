import { describe, expect, it } from 'vitest';
import { browserScenarioLang, pick } from './scenarioStore';

describe('scenario language', () => {
  it("follows the browser's first English or Traditional Chinese preference", () => {
    expect(browserScenarioLang(['zh-TW', 'en'])).toBe('zh-TW');
    expect(browserScenarioLang(['zh-Hant-HK'])).toBe('zh-TW');
    expect(browserScenarioLang(['en-GB', 'zh-TW'])).toBe('en');
    expect(browserScenarioLang(['fr-FR', 'zh-TW'])).toBe('zh-TW');
    expect(browserScenarioLang(['zh-CN'])).toBe('en');
  });

  it('falls back to English for a missing translation', () => {
    expect(pick({ en: 'Next', 'zh-TW': '下一步' }, 'zh-TW')).toBe('下一步');
    expect(pick({ en: 'Next' }, 'zh-TW')).toBe('Next');
  });
});

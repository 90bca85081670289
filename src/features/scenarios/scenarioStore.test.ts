import { describe, expect, it } from 'vitest';
import { pick } from './scenarioStore';

describe('scenario language', () => {

  it('falls back to English for a missing translation', () => {
    expect(pick({ en: 'Next', 'zh-TW': '下一步' }, 'zh-TW')).toBe('下一步');
    expect(pick({ en: 'Next' }, 'zh-TW')).toBe('Next');
  });
});

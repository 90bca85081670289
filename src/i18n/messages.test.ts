// Both languages have every message, with the same placeholders: a key missing in either fails here (and, for
// the typed catalogs, in the typecheck).
import { describe, expect, it } from 'vitest';
import { en } from './messages.en';
import { zhTW } from './messages.zh-TW';
import { translate } from './translate';

const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe('UI messages', () => {
  it('have the same keys in English and 繁體中文', () => {
    const enKeys = Object.keys(en).sort();
    const zhKeys = Object.keys(zhTW).sort();
    expect(zhKeys.filter((k) => !(k in en)), 'keys only in zh-TW').toEqual([]);
    expect(enKeys.filter((k) => !(k in zhTW)), 'keys missing in zh-TW').toEqual([]);
  });

  it('are written in both languages, with the same placeholders', () => {
    for (const key of Object.keys(en) as (keyof typeof en)[]) {
      expect(en[key].trim(), key).not.toBe('');
      expect(zhTW[key].trim(), key).not.toBe('');
      expect(placeholders(zhTW[key]), key).toEqual(placeholders(en[key]));
    }
  });

  it('are really translated: most zh-TW messages contain Chinese', () => {
    const keys = Object.keys(en) as (keyof typeof en)[];
    const han = keys.filter((k) => /\p{Script=Han}/u.test(zhTW[k]));
    // Kubernetes terms (Namespace, Taints, YAML…) stay as they are; everything else is translated
    expect(han.length / keys.length).toBeGreaterThan(0.85);
  });

  it('fill placeholders and leave unknown ones visible', () => {
    expect(translate('en', 'topbar.clockRunning', { speed: 5 })).toBe('Clock running at ×5');
    expect(translate('zh-TW', 'topbar.clockRunning', { speed: 5 })).toBe('時鐘以 ×5 執行中');
    expect(translate('en', 'topbar.clockRunning')).toBe('Clock running at ×{speed}');
  });
});

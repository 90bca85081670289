// The share codec states why it refused a link in English (for the CLI and logs) and as a problem code the UI
// translates: the English catalog must say exactly what the codec says, for every problem.
import { describe, expect, it } from 'vitest';
import { encodeShareFragment, maxEncodedChars } from '../share/shareLink';
import { decodeShareFragment } from '../share/shareLinkDecode';
import { translate } from './translate';

const broken = [
  `#s=1.${'A'.repeat(maxEncodedChars)}`,
  '#x=1.abc',
  '#s=9.abc',
  '#s=0.abc',
  '#s=1.!!!',
  '#s=1.AAAA',
  `#${encodeShareFragment({ step: 1 } as never)}`,
];

describe('share link problems', () => {
  it('are worded by the catalogs exactly as the codec words them in English', async () => {
    const codes = new Set<string>();
    for (const link of broken) {
      const r = await decodeShareFragment(link);
      if (r.ok) throw new Error(`${link} opened`);
      codes.add(r.problem.code);
      expect(translate('en', `share.error.${r.problem.code}`, r.problem.values)).toBe(r.error);
      expect(translate('zh-TW', `share.error.${r.problem.code}`, r.problem.values)).not.toBe(r.error);
    }
    expect(codes.size).toBeGreaterThanOrEqual(6);
  });
});

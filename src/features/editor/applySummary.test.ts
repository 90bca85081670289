import { describe, expect, it } from 'vitest';
import type { ApplyItemResult } from '../../protocol/messages';
import { applyCounts, applyNotice, listedApplyLimit } from './applySummary';

const ok = (document: number, result: ApplyItemResult['result'] = 'created'): ApplyItemResult => ({ document, object: `namespace/ns-${document}`, result });
const bad = (document: number): ApplyItemResult => ({ document, error: 'The Namespace "Bad_1" is invalid', errorSource: 'apiserver', line: 1 });

describe('applyNotice', () => {
  it('names each object of a small apply, as kubectl apply prints them', () => {
    expect(applyNotice([ok(0), ok(1, 'unchanged')])).toEqual({ text: 'namespace/ns-0 created, namespace/ns-1 unchanged', failed: false });
    expect(applyNotice([ok(0), bad(1)])).toEqual({ text: '1 document rejected; namespace/ns-0 created', failed: true });
    expect(applyNotice([])).toEqual({ text: 'nothing to apply', failed: false });
  });

  it('counts a big apply instead of naming 10,000 objects', () => {
    const items = Array.from({ length: 10_000 }, (_, i) => (i === 17 || i === 9_000 ? bad(i) : ok(i)));
    expect(applyNotice(items)).toEqual({ text: '10,000 objects: 9,998 created, 2 failed', failed: true });
  });

  it('starts counting just past the listing limit', () => {
    const items = Array.from({ length: listedApplyLimit + 1 }, (_, i) => ok(i, i % 2 ? 'configured' : 'unchanged'));
    expect(applyNotice(items).text).toBe(`${listedApplyLimit + 1} objects: 5 configured, 6 unchanged`);
  });
});

describe('applyCounts', () => {
  it('lists only the outcomes that happened, failures last', () => {
    expect(applyCounts([bad(0), ok(1, 'configured'), ok(2)])).toEqual(['1 created', '1 configured', '1 failed']);
  });
});

import { afterEach, describe, expect, it } from 'vitest';
import { restartReasons } from '../bridge/workerBridge';
import { setLang } from '../i18n/languageStore';
import { rebuildNotice } from './session';

afterEach(() => setLang('en', false));

describe('rebuildNotice', () => {
  it('says what was replayed, names what was skipped, and counts what was left out', () => {
    expect(rebuildNotice({ reason: 'the worker was terminated', replayed: 1, skipped: [], abandoned: 0 })).toBe(
      'The simulation restarted (the worker was terminated). Your cluster was rebuilt by replaying 1 command.',
    );
    expect(rebuildNotice({ reason: 'reload', replayed: 12, skipped: ['sleep 1000000h'], abandoned: 0 })).toBe(
      'Your session was restored by replaying 12 commands; skipped (it never finished): sleep 1000000h.',
    );
    expect(rebuildNotice({ reason: 'the simulation stopped answering', replayed: 3, skipped: ['hang', 'kubectl poison'], abandoned: 2 })).toBe(
      'The simulation restarted (the simulation stopped answering). Your cluster was rebuilt by replaying 3 commands; skipped (it never finished): hang, kubectl poison; 2 commands left out (the replay ran out of time).',
    );
  });

  it("names the bridge's own reasons in the UI's language, and shows a message from the browser as it is", async () => {
    await setLang('zh-TW', false);
    expect(rebuildNotice({ reason: restartReasons.unresponsive, replayed: 2, skipped: [], abandoned: 0 })).toBe('模擬已重新啟動（模擬停止回應）。已重播 2 個指令，重建你的叢集。');
    expect(rebuildNotice({ reason: 'Uncaught RangeError: Maximum call stack size exceeded', replayed: 1, skipped: [], abandoned: 0 })).toContain('（Uncaught RangeError: Maximum call stack size exceeded）');
  });
});

import { describe, expect, it } from 'vitest';
import { CommandLog } from './commandLog';

describe('CommandLog', () => {
  it('starts afresh at init and merges consecutive advances', () => {
    const log = new CommandLog();
    log.record({ type: 'apply', yaml: 'a' });
    log.record({ type: 'init' });
    log.record({ type: 'advance', ms: 100 });
    log.record({ type: 'advance', ms: 250 });
    log.record({ type: 'delete', kind: 'Pod', name: 'x' });
    log.record({ type: 'advance', ms: 5 });
    expect(log.entries()).toEqual([
      { type: 'init' },
      { type: 'advance', ms: 350 },
      { type: 'delete', kind: 'Pod', name: 'x' },
      { type: 'advance', ms: 5 },
    ]);
  });
});

import { describe, expect, it } from 'vitest';
import type { Reply } from '../protocol/messages';
import { ClusterHost } from './clusterHost';
import { terminalParts } from './terminalParts';

const value = (r: Reply) => {
  if (!r.ok) throw new Error(r.error);
  return r.value;
};

describe('scenario commands in the worker', () => {
  it('lists the built-ins, opens one, runs and checks steps, and goes back to the exact earlier state', () => {
    const host = new ClusterHost({}, undefined, terminalParts);
    const catalog = value(host.handle(1, { type: 'scenarioCatalog' }));
    expect(catalog?.kind === 'scenarioCatalog' && catalog.items.map((c) => c.name)).toContain('alpaca-prod');
    const opened = value(host.handle(2, { type: 'scenarioOpen', source: { name: 'alpaca-prod' }, step: 0 }));
    if (opened?.kind !== 'scenario') throw new Error('no scenario');
    expect(opened.scenario.stepList[0].action?.typed[0]).toMatch(/^kubectl run alpaca-prod/);
    expect(opened.progress.checks.map((c) => c.ok)).toEqual([false]);
    const ran = value(host.handle(3, { type: 'scenarioRunStep' }));
    if (ran?.kind !== 'scenarioProgress') throw new Error('no progress');
    expect(ran.progress.transcript).toContain('pod/alpaca-prod created\n');
    expect(ran.progress.checks.map((c) => c.ok)).toEqual([true]);
    const at6 = value(host.handle(4, { type: 'scenarioGoto', step: 6 }));
    if (at6?.kind !== 'scenarioProgress') throw new Error('no progress');
    const ipAt6 = host.current.store.list('Pod', 'default').map((p) => p.status?.podIP);
    value(host.handle(5, { type: 'scenarioGoto', step: 8 }));
    const back = value(host.handle(6, { type: 'scenarioGoto', step: 6 }));
    if (back?.kind !== 'scenarioProgress') throw new Error('no progress');
    expect(back.progress.step).toBe(6);
    expect(host.current.store.list('Pod', 'default').map((p) => p.status?.podIP)).toEqual(ipAt6);
    const diff = host.takeDiff();
    expect(diff?.reset).toBe(true);
  });

  it('marks a step done when the learner typed it and its checks now hold', () => {
    const host = new ClusterHost({}, undefined, terminalParts);
    value(host.handle(1, { type: 'scenarioOpen', source: { name: 'alpaca-prod' }, step: 1 }));
    value(host.handle(2, { type: 'terminal', session: 't', line: 'kubectl expose pod alpaca-prod' }));
    const checked = value(host.handle(3, { type: 'scenarioCheck' }));
    if (checked?.kind !== 'scenario') throw new Error('no scenario');
    expect(checked.progress.checks.every((c) => c.ok)).toBe(true);
    expect(checked.progress.ran[1]).toBe(true);
    const next = value(host.handle(4, { type: 'scenarioGoto', step: 2 }));
    // expose did not run a second time
    expect(next?.kind === 'scenarioProgress' && next.progress.transcript).toBe('');
  });

  it('answers an unknown scenario, or steps with none open, with an error instead of throwing', () => {
    const host = new ClusterHost({}, undefined, terminalParts);
    expect(host.handle(1, { type: 'scenarioGoto', step: 1 })).toMatchObject({ ok: false, error: 'no scenario is open' });
    expect(host.handle(2, { type: 'scenarioOpen', source: { name: 'nope' }, step: 0 })).toMatchObject({ ok: false, error: 'there is no built-in scenario "nope"' });
    expect(host.handle(3, { type: 'scenarioOpen', source: { text: 'kind: [' }, step: 0 })).toMatchObject({ ok: false, error: expect.stringMatching(/^the scenario is not valid: line 1/) });
  });
});

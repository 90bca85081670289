// @vitest-environment happy-dom
/**
 * A hidden dock panel is paused (React's Activity): it does not re-render on the changes it follows and its effects
 * (the Rules panel's requests to the worker) stop until it is shown; a panel that runs while hidden (the terminal)
 * keeps going. Shown again, a paused panel catches up and keeps its own state.
 */
import { act, useEffect, useState } from 'react';
import { createRoot } from 'react-dom/client';
import { afterEach, describe, expect, it } from 'vitest';
import { create } from 'zustand';
import type { DockTab } from '../../state/uiSlice';
import { DockTabs } from './Dock';
import type { DockTabDef } from './dockTabs';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

const useCounter = create<{ n: number }>(() => ({ n: 0 }));
const seen = { paused: [] as number[], live: [] as number[], effects: 0 };

function Paused() {
  const n = useCounter((s) => s.n);
  const [own, setOwn] = useState('typed');
  seen.paused.push(n);
  // biome-ignore lint/correctness/useExhaustiveDependencies: n is the trigger, as a panel's query follows the cluster
  useEffect(() => {
    seen.effects++;
  }, [n]);
  return (
    <button type="button" data-testid="paused" onClick={() => setOwn('changed')}>
      {n} {own}
    </button>
  );
}

function Live() {
  const n = useCounter((s) => s.n);
  seen.live.push(n);
  return <span data-testid="live">{n}</span>;
}

const tabs: DockTabDef[] = [
  { id: 'rules' as DockTab, label: { text: 'Rules' }, Panel: Paused },
  { id: 'terminal' as DockTab, label: { text: 'Terminal' }, Panel: Live, runsWhileHidden: true },
  { id: 'dns' as DockTab, label: { text: 'DNS' }, Panel: () => null },
];

let root: ReturnType<typeof createRoot> | undefined;
afterEach(() => {
  act(() => root?.unmount());
  document.body.innerHTML = '';
});

function render(active: DockTab) {
  act(() => root?.render(<DockTabs tabs={tabs} active={active} onPick={() => {}} label="dock" className="dock" />));
}

describe('DockTabs', () => {
  it('pauses a hidden panel, keeps a live one running, and lets the paused one catch up when shown', () => {
    const host = document.createElement('div');
    document.body.append(host);
    root = createRoot(host);
    render('rules');
    act(() => (host.querySelector('[data-testid="paused"]') as HTMLButtonElement).click());
    expect(host.querySelector('[data-testid="paused"]')?.textContent).toBe('0 changed');

    render('dns');
    const pausedRenders = seen.paused.length;
    const effects = seen.effects;
    for (let i = 1; i <= 5; i++) act(() => useCounter.setState({ n: i }));
    // the live panel followed every change; the paused one neither rendered nor ran its effect
    expect(seen.live.slice(-5)).toEqual([1, 2, 3, 4, 5]);
    expect(seen.paused.length).toBe(pausedRenders);
    expect(seen.effects).toBe(effects);

    render('rules');
    // shown again: the current value, its own state kept, its effect run again
    expect(host.querySelector('[data-testid="paused"]')?.textContent).toBe('5 changed');
    expect(seen.effects).toBeGreaterThan(effects);
  });
});

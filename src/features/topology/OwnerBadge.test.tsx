// @vitest-environment happy-dom
/** A pod card's workload badge: the Deployment's as the journeys know it, the StatefulSet's beside it; each selects its workload. */
import { act } from 'react';
import { createRoot } from 'react-dom/client';
import { afterEach, describe, expect, it } from 'vitest';
import { useAppStore } from '../../state/store';
import { testIds } from '../../testids';
import { OwnerBadge } from './OwnerBadge';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

let root: ReturnType<typeof createRoot> | undefined;
afterEach(() => {
  act(() => root?.unmount());
  document.body.innerHTML = '';
  useAppStore.setState(useAppStore.getInitialState(), true);
});

function badge(kind: 'Deployment' | 'StatefulSet', name: string): HTMLButtonElement {
  const host = document.createElement('div');
  document.body.append(host);
  root = createRoot(host);
  act(() => root?.render(<OwnerBadge owner={{ kind, name }} namespace="shop" />));
  return host.querySelector('button') as HTMLButtonElement;
}

describe('OwnerBadge', () => {
  it("keeps the Deployment badge's markup and selects the Deployment", () => {
    const b = badge('Deployment', 'nginx');
    expect(b.outerHTML).toBe('<button type="button" class="deploy-badge nodrag" title="Deployment nginx: select to scale or roll out">nginx</button>');
    act(() => b.click());
    expect(useAppStore.getState().selected).toBe('deploy:shop/nginx');
  });

  it('names the StatefulSet and selects it', () => {
    const b = badge('StatefulSet', 'web');
    expect(b.getAttribute('data-testid')).toBe(testIds.statefulSetBadge);
    expect(b.className).toBe('sts-badge nodrag');
    expect(b.textContent).toBe('web');
    expect(b.title).toBe('StatefulSet web: select to scale or roll out');
    act(() => b.click());
    expect(useAppStore.getState().selected).toBe('sts:shop/web');
    expect(useAppStore.getState().dockTab).toBe('inspector');
  });
});

// @vitest-environment happy-dom
/**
 * The workload Inspectors as a user meets them: a StatefulSet's status and strategy as its object says, and the
 * scale and image controls it shares with the Deployment's sending the same merge patches, naming each one's kind.
 */
import { act } from 'react';
import { createRoot } from 'react-dom/client';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { diff, meta } from '../../graph/testing';
import type { Command } from '../../protocol/messages';
import type { WireObject } from '../../protocol/objects';
import { useAppStore } from '../../state/store';
import { testIds } from '../../testids';
import { Inspector } from './Inspector';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

const template = { metadata: { labels: { app: 'nginx' } }, spec: { containers: [{ name: 'nginx', image: 'registry.k8s.io/nginx-slim:0.21' }, { name: 'sidecar', image: 'busybox' }] } };

const statefulSet: WireObject = {
  kind: 'StatefulSet',
  metadata: meta('web', 'default'),
  spec: { replicas: 3, serviceName: 'nginx', podManagementPolicy: 'OrderedReady', updateStrategy: { type: 'RollingUpdate', rollingUpdate: { partition: 1 } }, template },
  status: { replicas: 3, readyReplicas: 2, currentReplicas: 1, updatedReplicas: 2, currentRevision: 'web-6d5f8c7b9', updateRevision: 'web-7c9d4f5b6' },
};
const deployment: WireObject = {
  kind: 'Deployment',
  metadata: meta('api', 'default'),
  spec: { replicas: 2, strategy: { type: 'RollingUpdate' }, template },
  status: { readyReplicas: 2, updatedReplicas: 2, availableReplicas: 2 },
};

let sent: Command[] = [];
let host: HTMLDivElement;
let root: ReturnType<typeof createRoot>;

beforeEach(() => {
  sent = [];
  useAppStore.getState().setSimulation({
    send: async (c) => {
      sent.push(c);
      return { type: 'reply', id: 0, ok: true };
    },
    onTerminalOutput: () => {},
  });
  useAppStore.getState().applyDiffs([diff([statefulSet, deployment], [], [], true)]);
  host = document.createElement('div');
  document.body.append(host);
  root = createRoot(host);
});

afterEach(() => {
  act(() => root.unmount());
  document.body.innerHTML = '';
  useAppStore.setState(useAppStore.getInitialState(), true);
});

function show(selection: string) {
  act(() => useAppStore.getState().select(selection));
  act(() => root.render(<Inspector />));
}

const facts = () => [...host.querySelectorAll('.facts dt')].map((dt) => `${dt.textContent}: ${dt.nextElementSibling?.textContent}`);
const button = (label: string) => host.querySelector(`button[aria-label="${label}"]`) as HTMLButtonElement;

function typeImage(value: string) {
  const input = host.querySelector(`[data-testid="${testIds.rolloutImage}"]`) as HTMLInputElement;
  // React tracks the value it set: write through the prototype's setter so the input event is seen as a change
  Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')?.set?.call(input, value);
  act(() => input.dispatchEvent(new Event('input', { bubbles: true })));
  act(() => (host.querySelector('.inline-form') as HTMLFormElement).requestSubmit());
}

describe('StatefulSetInspector', () => {
  it("shows the set's status, governing Service, pod management and update strategy with its partition", () => {
    show('sts:default/web');
    expect(host.querySelector('h2')?.textContent).toBe('StatefulSet web');
    expect(host.querySelector(`[data-testid="${testIds.statefulSetReady}"]`)?.textContent).toBe('2/3');
    expect(facts()).toEqual([
      'Ready: 2/3',
      'Current: 1',
      'Updated: 2',
      'Governing Service: nginx',
      'Pod management: OrderedReady',
      'Update strategy: RollingUpdate',
      'Partition: 1',
      'Current revision: web-6d5f8c7b9',
      'Update revision: web-7c9d4f5b6',
    ]);
    // the shared actions close the panel: delete, edit, the live YAML
    expect(host.querySelector(`[data-testid="${testIds.editObject}"]`)).not.toBeNull();
  });

  it('leaves the partition out under OnDelete, which has none', () => {
    const onDelete = { ...statefulSet, metadata: { ...statefulSet.metadata, resourceVersion: '999' }, spec: { ...(statefulSet.spec as object), updateStrategy: { type: 'OnDelete' } } };
    useAppStore.getState().applyDiffs([diff([], [[statefulSet, onDelete]])]);
    show('sts:default/web');
    expect(facts()).toContain('Update strategy: OnDelete');
    expect(facts().some((f) => f.startsWith('Partition'))).toBe(false);
  });

  it('scales and rolls out an image through merge patches of the StatefulSet', () => {
    show('sts:default/web');
    act(() => button('Scale down').click());
    act(() => button('Scale up').click());
    typeImage('registry.k8s.io/nginx-slim:0.24');
    expect(sent).toEqual([
      { type: 'patch', kind: 'StatefulSet', namespace: 'default', name: 'web', patchType: 'merge', patch: { spec: { replicas: 2 } } },
      { type: 'patch', kind: 'StatefulSet', namespace: 'default', name: 'web', patchType: 'merge', patch: { spec: { replicas: 4 } } },
      {
        type: 'patch',
        kind: 'StatefulSet',
        namespace: 'default',
        name: 'web',
        patchType: 'merge',
        patch: { spec: { template: { spec: { containers: [{ name: 'nginx', image: 'registry.k8s.io/nginx-slim:0.24' }, { name: 'sidecar', image: 'busybox' }] } } } },
      },
    ]);
  });
});

describe('DeploymentInspector', () => {
  it('sends the same patches, naming the Deployment', () => {
    show('deploy:default/api');
    expect(host.querySelector('h2')?.textContent).toBe('Deployment api');
    act(() => button('Scale down').click());
    typeImage('nginx:1.28');
    expect(sent.map((c) => c.type === 'patch' && [c.kind, c.name, c.patch])).toEqual([
      ['Deployment', 'api', { spec: { replicas: 1 } }],
      ['Deployment', 'api', { spec: { template: { spec: { containers: [{ name: 'nginx', image: 'nginx:1.28' }, { name: 'sidecar', image: 'busybox' }] } } } }],
    ]);
  });
});

import { describe, expect, it } from 'vitest';
import { ClusterHost } from './clusterHost';

const namespaces = (n: number) => Array.from({ length: n }, (_, i) => `apiVersion: v1\nkind: Namespace\nmetadata:\n  name: ns-${i}\n`).join('---\n');

describe('ClusterHost apply', () => {
  it('answers a long apply with one reply and signs of life while it runs', () => {
    const host = new ClusterHost({});
    host.handle(0, { type: 'init' });
    let busy = 0;
    host.onBusy = () => busy++;
    const reply = host.handle(1, { type: 'apply', yaml: namespaces(1000) });
    expect(reply.ok && reply.value?.kind === 'apply' && reply.value.items.length).toBe(1000);
    // every 200 documents after the first: at 200, 400, 600 and 800
    expect(busy).toBe(4);
  });

  it('gives a short apply no busy signal', () => {
    const host = new ClusterHost({});
    host.handle(0, { type: 'init' });
    let busy = 0;
    host.onBusy = () => busy++;
    host.handle(1, { type: 'apply', yaml: namespaces(3) });
    expect(busy).toBe(0);
  });
});

/**
 * The first graph computed at build time stands in for the engine until its chunk has loaded: what it posts
 * must be what a live worker posts, and the engine that takes over must answer everything after exactly as a
 * worker that ran the seed itself.
 */
import { describe, expect, it, vi } from 'vitest';
import type { Command, CommandEnvelope, WorkerMessage } from '../protocol/messages';
import { seedStartCommands } from '../scenario/library/seedStart';
import { ClusterHost } from './clusterHost';
import type { CommandLoopOptions } from './commandLoop';
import { startEngine } from './engineSide';
import { bakeFirstGraph } from './firstGraph';
import { FirstGraphFront } from './firstGraphFront';
import { terminalParts } from './terminalParts';

const firstGraph = bakeFirstGraph();
const envelopes = (commands: readonly Command[], from = 1): CommandEnvelope[] => commands.map((command, i) => ({ id: from + i, command }));

function front(): { front: FirstGraphFront; posted: WorkerMessage[] } {
  const posted: WorkerMessage[] = [];
  return { front: new FirstGraphFront(firstGraph, (m) => posted.push(m)), posted };
}

/** The worker entry's event loop, in microtasks; long work runs in slices of 32 steps (the clock never moves). */
const events = (post: (m: WorkerMessage) => void): CommandLoopOptions => ({
  post,
  now: () => 0,
  sliceMs: 0,
  later: (fn) => queueMicrotask(fn),
});

/** Waits for the reply with `id` (kubectl's chunk loads on demand). */
async function replyTo(posted: WorkerMessage[], id: number): Promise<void> {
  await vi.waitFor(() => expect(posted.some((m) => m.type === 'reply' && m.id === id)).toBe(true), { timeout: 20_000 });
}

describe('FirstGraphFront', () => {
  it('answers the seed commands with the diffs and replies a live worker posts for them', () => {
    const live = new ClusterHost({});
    live.takeDiff();
    const expected: WorkerMessage[] = [];
    for (const { id, command } of envelopes(seedStartCommands)) {
      const reply = live.handle(id, command);
      const diff = live.takeDiff();
      if (diff) expected.push(diff);
      expected.push(reply);
    }
    const { front: f, posted } = front();
    for (const e of envelopes(seedStartCommands)) expect(f.receive(e)).toBe(true);
    expect(JSON.stringify(posted)).toBe(JSON.stringify(expected));
    // the seed's Service has its four nginx endpoints in the graph it posted
    const last = posted.filter((m) => m.type === 'diff').flatMap((d) => d.changes.Pod?.added ?? []);
    expect(last.filter((p) => p.metadata?.name?.startsWith('nginx-')).length).toBe(4);
    expect(f.handedOver).toEqual(seedStartCommands.map((command) => ({ type: 'answered', command })));
  });

  it('leaves a command that changes something to the engine, and every command after it, but answers pings with the time it shows', () => {
    const { front: f, posted } = front();
    const apply: Command = { type: 'apply', yaml: 'apiVersion: v1\nkind: Namespace\nmetadata:\n  name: early\n' };
    expect(f.receive({ id: 1, command: apply })).toBe(false);
    // the seed after a waiting command waits too: it must run after the apply
    expect(f.receive({ id: 2, command: seedStartCommands[0] })).toBe(false);
    expect(f.receive({ id: 3, command: { type: 'proxyStatus' } })).toBe(false);
    expect(f.receive({ id: 4, command: { type: 'ping' } })).toBe(true);
    expect(posted).toEqual([{ type: 'reply', id: 4, ok: true, value: { kind: 'pong', time: firstGraph.time } }]);
    expect(f.handedOver).toEqual([]);
  });

  it('keeps the questions the page asks in their place among the seed commands, for the engine to answer', () => {
    const { front: f, posted } = front();
    const onLoad = envelopes([{ type: 'scenarioCatalog' }, { type: 'localForwards' }, seedStartCommands[0], { type: 'proxyStatus' }, seedStartCommands[1]]);
    for (const e of onLoad) expect(f.receive(e)).toBe(true);
    expect(posted.filter((m) => m.type === 'reply').map((m) => m.type === 'reply' && m.id)).toEqual([3, 5]);
    expect(f.handedOver.map((h) => (h.type === 'answered' ? h.command.type : `question ${h.envelope.command.type}`))).toEqual([
      'question scenarioCatalog',
      'question localForwards',
      'init',
      'question proxyStatus',
      'advance',
    ]);
  });

  it('answers the seed only in its order and only as sent by the page', () => {
    const { front: f } = front();
    expect(f.receive({ id: 1, command: { type: 'advance', ms: 15_000 } })).toBe(false);
    const { front: g } = front();
    expect(g.receive({ id: 1, command: { type: 'init', manifests: 'apiVersion: v1\nkind: Namespace\nmetadata:\n  name: other\n' } })).toBe(false);
    const { front: h, posted } = front();
    expect(h.receive({ id: 1, command: seedStartCommands[0] })).toBe(true);
    expect(h.receive({ id: 2, command: { type: 'ping' } })).toBe(true);
    expect(posted.at(-1)).toEqual({ type: 'reply', id: 2, ok: true, value: { kind: 'pong', time: firstGraph.steps[0].time } });
    expect(h.receive({ id: 3, command: { type: 'advance', ms: 1_000 } })).toBe(false);
    expect(h.handedOver).toEqual([{ type: 'answered', command: seedStartCommands[0] }]);
  });

  it('hands over to an engine that answers every later command byte for byte as one that ran the seed itself', async () => {
    const later: Command[] = [
      { type: 'apply', yaml: 'apiVersion: v1\nkind: Service\nmetadata:\n  name: web\nspec:\n  selector: {app: nginx}\n  ports:\n  - port: 8080\n    targetPort: 80\n' },
      { type: 'terminal', session: 's1', line: 'kubectl get nodes,pods,services,endpointslices,deployments,replicasets,configmaps -A -o yaml' },
      { type: 'terminal', session: 's1', line: 'kubectl get events -A' },
      { type: 'terminal', session: 's1', line: 'kubectl describe service nginx' },
    ];
    // what the page sends on load: questions before the seed and between its commands (src/features/rules)
    const onLoad = envelopes([
      { type: 'scenarioCatalog' },
      { type: 'localForwards' },
      seedStartCommands[0],
      { type: 'proxyStatus' },
      { type: 'nodeRules', node: 'kind-worker', namespace: 'default', service: 'nginx' },
      seedStartCommands[1],
    ]);
    const lastOnLoad = onLoad.length;
    // A: the seed answered by the first graph, the questions and everything later by the engine (as the entry does)
    const { front: f, posted: fromFront } = front();
    const waiting = onLoad.filter((e) => !f.receive(e));
    const seedA: WorkerMessage[] = [];
    const afterA: WorkerMessage[] = [];
    let sinkA = seedA;
    expect(waiting).toEqual([]);
    const receiveA = startEngine(events((m) => sinkA.push(m)), terminalParts, f.handedOver);
    // the questions are answered as the engine starts, against the cluster as it was when they were asked
    expect(seedA.filter((m) => m.type === 'reply')).toHaveLength(4);
    sinkA = afterA;
    // B: a worker whose engine ran it all (the seed's commands in slices, as in the browser)
    const seedB: WorkerMessage[] = [];
    const afterB: WorkerMessage[] = [];
    let sink = seedB;
    const receiveB = startEngine(events((m) => sink.push(m)), terminalParts, []);
    // as the page does: a question follows the reply (and diff) of the command before it
    for (const e of onLoad) {
      receiveB(e);
      await replyTo(seedB, e.id);
    }
    sink = afterB;
    expect(afterA).toEqual([]);
    for (const e of envelopes(later, 10)) {
      receiveA(e);
      receiveB(e);
    }
    await replyTo(afterA, 10 + later.length - 1);
    await replyTo(afterB, 10 + later.length - 1);
    expect(JSON.stringify(afterA)).toBe(JSON.stringify(afterB));
    const yaml = afterA.find((m) => m.type === 'reply' && m.id === 11);
    expect(yaml?.type === 'reply' && yaml.value?.kind === 'terminal' ? yaml.value.output.map((c) => c.text).join('') : '').toContain('name: nginx');
    // and every reply the page got on load is the live worker's, whoever answered it
    const replies = (ms: WorkerMessage[]) => ms.filter((m) => m.type === 'reply').sort((a, b) => (a.type === 'reply' && b.type === 'reply' ? a.id - b.id : 0));
    expect(replies([...fromFront, ...seedA])).toEqual(replies(seedB));
    expect(replies(seedB)).toHaveLength(lastOnLoad);
  });
});

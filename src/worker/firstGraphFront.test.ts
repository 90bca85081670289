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
import { bakedOpenings } from './bakedOpenings';
import { bakeBareInit, bakeFirstGraph, bakeScenarioOpening, scenarioOpeningCommands } from './firstGraph';
import { FirstGraphFront, type FirstGraphStep } from './firstGraphFront';
import { terminalParts } from './terminalParts';

const firstGraph = bakeFirstGraph();
const envelopes = (commands: readonly Command[], from = 1): CommandEnvelope[] => commands.map((command, i) => ({ id: from + i, command }));

/** The worker entry's front over data baked in-process (the build bakes the same, src/worker/firstGraph.ts). */
function front(scenarios: Record<string, () => Promise<FirstGraphStep>> = {}): { front: FirstGraphFront; posted: WorkerMessage[]; declined: CommandEnvelope[] } {
  const posted: WorkerMessage[] = [];
  const declined: CommandEnvelope[] = [];
  const openings = bakedOpenings({
    startTime: firstGraph.time,
    seedCommands: seedStartCommands,
    seed: async () => firstGraph,
    bareInit: bakeBareInit(),
    scenarios,
  });
  return { front: new FirstGraphFront(openings, (m) => posted.push(m), (e) => declined.push(e)), posted, declined };
}

/** Gives `envelopes` to the front as the worker does, and waits for what it fetches; returns those it declined. */
async function feed(f: { front: FirstGraphFront; declined: CommandEnvelope[] }, list: readonly CommandEnvelope[]): Promise<CommandEnvelope[]> {
  for (const e of list) f.front.receive(e);
  await f.front.settled();
  return f.declined;
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
  it('answers the seed commands with the diffs and replies a live worker posts for them', async () => {
    const live = new ClusterHost({});
    live.takeDiff();
    const expected: WorkerMessage[] = [];
    for (const { id, command } of envelopes(seedStartCommands)) {
      const reply = live.handle(id, command);
      const diff = live.takeDiff();
      if (diff) expected.push(diff);
      expected.push(reply);
    }
    const fr = front();
    const { front: f, posted } = fr;
    expect(await feed(fr, envelopes(seedStartCommands))).toEqual([]);
    expect(JSON.stringify(posted)).toBe(JSON.stringify(expected));
    // the seed's Service has its four nginx endpoints in the graph it posted
    const last = posted.filter((m) => m.type === 'diff').flatMap((d) => d.changes.Pod?.added ?? []);
    expect(last.filter((p) => p.metadata?.name?.startsWith('nginx-')).length).toBe(4);
    expect(f.handedOver).toEqual(seedStartCommands.map((command) => ({ type: 'answered', command })));
  });

  it('leaves a command that changes something to the engine, and every command after it, but answers pings with the time it shows', async () => {
    const fr = front();
    const { front: f, posted } = fr;
    const apply: Command = { type: 'apply', yaml: 'apiVersion: v1\nkind: Namespace\nmetadata:\n  name: early\n' };
    // the seed after a waiting command waits too: it must run after the apply
    const declined = await feed(fr, [{ id: 1, command: apply }, { id: 2, command: seedStartCommands[0] }, { id: 3, command: { type: 'proxyStatus' } }, { id: 4, command: { type: 'ping' } }]);
    expect(declined.map((e) => e.id)).toEqual([1, 2, 3]);
    expect(posted).toEqual([{ type: 'reply', id: 4, ok: true, value: { kind: 'pong', time: firstGraph.time } }]);
    expect(f.handedOver).toEqual([]);
  });

  it('keeps the questions the page asks in their place among the seed commands, for the engine to answer', async () => {
    const fr = front();
    const { front: f, posted } = fr;
    const onLoad = envelopes([{ type: 'scenarioCatalog' }, { type: 'localForwards' }, seedStartCommands[0], { type: 'proxyStatus' }, seedStartCommands[1]]);
    expect(await feed(fr, onLoad)).toEqual([]);
    expect(posted.filter((m) => m.type === 'reply').map((m) => m.type === 'reply' && m.id)).toEqual([3, 5]);
    expect(f.handedOver.map((h) => (h.type === 'answered' ? h.command.type : `question ${h.envelope.command.type}`))).toEqual([
      'question scenarioCatalog',
      'question localForwards',
      'init',
      'question proxyStatus',
      'advance',
    ]);
  });

  it('answers the seed only in its order and only as sent by the page', async () => {
    expect((await feed(front(), [{ id: 1, command: { type: 'advance', ms: 15_000 } }])).map((e) => e.id)).toEqual([1]);
    const other: Command = { type: 'init', manifests: 'apiVersion: v1\nkind: Namespace\nmetadata:\n  name: other\n' };
    expect((await feed(front(), [{ id: 1, command: other }])).map((e) => e.id)).toEqual([1]);
    const fr = front();
    const { front: h, posted } = fr;
    // a ping while the seed's chunk is fetched is answered at once, with a new cluster's time
    h.receive({ id: 1, command: seedStartCommands[0] });
    h.receive({ id: 2, command: { type: 'ping' } });
    expect(posted).toEqual([{ type: 'reply', id: 2, ok: true, value: { kind: 'pong', time: firstGraph.time } }]);
    await h.settled();
    h.receive({ id: 3, command: { type: 'ping' } });
    expect(posted.at(-1)).toEqual({ type: 'reply', id: 3, ok: true, value: { kind: 'pong', time: firstGraph.steps[0].time } });
    expect((await feed(fr, [{ id: 4, command: { type: 'advance', ms: 1_000 } }])).map((e) => e.id)).toEqual([4]);
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
    const { afterA } = await compareWithLiveWorker(front(), onLoad, later, 4);
    const yaml = afterA.find((m) => m.type === 'reply' && m.id === 101);
    expect(yaml?.type === 'reply' && yaml.value?.kind === 'terminal' ? yaml.value.output.map((c) => c.text).join('') : '').toContain('name: nginx');
  });

  it('answers a built-in scenario opened at a step from its chunk: the same diff and reply as a live worker, and the engine carries on identically', async () => {
    const fetched: string[] = [];
    const fr = front({
      'kube-proxy-modes/2': async () => {
        fetched.push('kube-proxy-modes/2');
        return bakeScenarioOpening('kube-proxy-modes', 2);
      },
    });
    const onLoad = envelopes([{ type: 'scenarioCatalog' }, ...scenarioOpeningCommands('kube-proxy-modes', 2), { type: 'proxyStatus' }]);
    const { fromFront } = await compareWithLiveWorker(fr, onLoad, [{ type: 'scenarioRunStep' }, { type: 'terminal', session: 's1', line: 'kubectl get svc,endpointslices -A' }], 2);
    expect(fetched).toEqual(['kube-proxy-modes/2']);
    // the bare init's diff (the default cluster) is not shipped: the scenario's reset diff replaces it
    const diffs = fromFront.filter((m) => m.type === 'diff');
    expect(diffs).toHaveLength(1);
    expect(diffs[0].type === 'diff' && diffs[0].reset).toBe(true);
    expect(fr.front.handedOver.filter((h) => h.type === 'answered').map((h) => h.type === 'answered' && h.diffOwed)).toEqual([false, undefined]);
  });

  it('a bare init followed by anything else: the engine posts the init diff the front left out, then carries on identically', async () => {
    const fr = front();
    const apply: Command = { type: 'apply', yaml: 'apiVersion: v1\nkind: Namespace\nmetadata:\n  name: early\n' };
    const { fromFront, loadA, loadB } = await compareWithLiveWorker(fr, envelopes([{ type: 'init' }, apply]), [{ type: 'terminal', session: 's1', line: 'kubectl get ns' }], 0);
    expect(fromFront.filter((m) => m.type === 'diff')).toEqual([]);
    // the page ends with the same cluster: the live worker's diffs on load, the init's reset first
    const diffs = (ms: WorkerMessage[]) => JSON.stringify(ms.filter((m) => m.type === 'diff'));
    expect(diffs(loadA)).toBe(diffs(loadB));
  });

  it('a chunk that does not load leaves the command, and every later one, to the engine', async () => {
    const fr = front({ 'alpaca-prod/0': () => Promise.reject(new Error('offline')) });
    const declined = await feed(fr, envelopes([...scenarioOpeningCommands('alpaca-prod', 0), { type: 'advance', ms: 10 }]));
    expect(declined.map((e) => e.command.type)).toEqual(['scenarioOpen', 'advance']);
    expect(fr.front.handedOver).toEqual([{ type: 'answered', command: { type: 'init' }, diffOwed: true }]);
  });

  it("a scenario or step the build did not bake is the engine's", async () => {
    const fr = front({ 'alpaca-prod/0': async () => bakeScenarioOpening('alpaca-prod', 0) });
    expect((await feed(fr, envelopes(scenarioOpeningCommands('alpaca-prod', 9)))).map((e) => e.command.type)).toEqual(['scenarioOpen']);
    const other = front({ 'alpaca-prod/0': async () => bakeScenarioOpening('alpaca-prod', 0) });
    const text: Command = { type: 'scenarioOpen', source: { text: 'apiVersion: svcsim.dev/v1\n' }, step: 0 };
    expect((await feed(other, envelopes([{ type: 'init' }, text]))).map((e) => e.command.type)).toEqual(['scenarioOpen']);
  });
});

/**
 * A (the front, then the engine it hands over to, as the worker entry runs them) against B (a worker whose
 * engine ran everything): every reply on load is the same whoever answered it, and every message after is
 * byte-identical. `questionsAtHandOver`: how many questions the engine answers as it starts.
 */
async function compareWithLiveWorker(fr: ReturnType<typeof front>, onLoad: CommandEnvelope[], later: Command[], questionsAtHandOver: number) {
  const declined = await feed(fr, onLoad);
  const loadA: WorkerMessage[] = [...fr.posted];
  const afterA: WorkerMessage[] = [];
  let sinkA = loadA;
  const receiveA = startEngine(events((m) => sinkA.push(m)), terminalParts, fr.front.handedOver);
  // the questions are answered as the engine starts, against the cluster as it was when they were asked
  expect(loadA.length - fr.posted.length >= questionsAtHandOver).toBe(true);
  for (const e of declined) receiveA(e);
  for (const e of declined) await replyTo(loadA, e.id);
  sinkA = afterA;
  const loadB: WorkerMessage[] = [];
  const afterB: WorkerMessage[] = [];
  let sink = loadB;
  const receiveB = startEngine(events((m) => sink.push(m)), terminalParts, []);
  // as the page does: a command follows the reply (and diff) of the command before it
  for (const e of onLoad) {
    receiveB(e);
    await replyTo(loadB, e.id);
  }
  // a new worker's empty cluster, which the first answered init replaced on the page
  if (fr.front.handedOver.some((h) => h.type === 'answered')) loadB.shift();
  sink = afterB;
  expect(afterA).toEqual([]);
  for (const e of envelopes(later, 100)) {
    receiveA(e);
    receiveB(e);
  }
  await replyTo(afterA, 100 + later.length - 1);
  await replyTo(afterB, 100 + later.length - 1);
  expect(JSON.stringify(afterA)).toBe(JSON.stringify(afterB));
  const replies = (ms: WorkerMessage[]) => ms.filter((m) => m.type === 'reply').sort((a, b) => (a.type === 'reply' && b.type === 'reply' ? a.id - b.id : 0));
  expect(replies(loadA)).toEqual(replies(loadB));
  expect(replies(loadB)).toHaveLength(onLoad.length);
  return { fromFront: fr.posted, loadA, loadB, afterA };
}

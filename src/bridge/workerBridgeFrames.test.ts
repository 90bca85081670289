import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { diff, pod } from '../graph/testing';
import { diffSize } from '../protocol/diffChunks';
import type { ClusterDiff, CommandEnvelope, WorkerMessage } from '../protocol/messages';
import { WorkerBridge, type WorkerLike } from './workerBridge';

/** A worker that answers nothing by itself: the test pushes its messages. */
class FakeWorker {
  onmessage: ((ev: MessageEvent<WorkerMessage>) => void) | null = null;
  onerror: ((ev: ErrorEvent) => void) | null = null;
  sent: CommandEnvelope[] = [];
  postMessage(m: CommandEnvelope): void {
    this.sent.push(m);
  }
  terminate(): void {}
  emit(m: WorkerMessage): void {
    this.onmessage?.({ data: m } as MessageEvent<WorkerMessage>);
  }
}

let frames: FrameRequestCallback[] = [];
function runFrame(): void {
  const due = frames;
  frames = [];
  for (const f of due) f(0);
}

beforeEach(() => {
  frames = [];
  vi.stubGlobal('requestAnimationFrame', (f: FrameRequestCallback) => frames.push(f));
  vi.stubGlobal('cancelAnimationFrame', () => {});
});
afterEach(() => vi.unstubAllGlobals());

/** Lets every promise chain settle (send is async: it logs the command, then awaits the worker's reply). */
const settle = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

const pieceOf = (n: number, tag: string): ClusterDiff => diff(Array.from({ length: n }, (_, i) => pod(`${tag}-${i}`, 'w')));

describe('WorkerBridge diff delivery', () => {
  it('coalesces small diffs into one batch per frame', () => {
    const worker = new FakeWorker();
    const got: ClusterDiff[][] = [];
    const bridge = new WorkerBridge(() => worker as unknown as WorkerLike, { onDiffs: (d) => got.push(d) });
    worker.emit(pieceOf(3, 'a'));
    worker.emit(pieceOf(4, 'b'));
    expect(got).toEqual([]);
    runFrame();
    expect(got.map((b) => b.map(diffSize))).toEqual([[3, 4]]);
    bridge.dispose();
  });

  it('spreads a backlog over frames, at most 100 objects a frame, and holds a reply until the diffs before it landed', async () => {
    const worker = new FakeWorker();
    const got: number[] = [];
    const bridge = new WorkerBridge(() => worker as unknown as WorkerLike, { onDiffs: (d) => got.push(d.reduce((n, x) => n + diffSize(x), 0)) });
    const reply = bridge.send({ type: 'advance', ms: 1000 });
    await settle();
    const id = worker.sent.at(-1)?.id;
    if (id === undefined) throw new Error('the command was not posted');
    for (const tag of ['a', 'b', 'c']) worker.emit(pieceOf(100, tag));
    let answered = false;
    void reply.then(() => {
      answered = true;
    });
    worker.emit({ type: 'reply', id, ok: true, value: { kind: 'none' } });
    runFrame();
    await settle();
    expect([got, answered]).toEqual([[100], false]);
    runFrame();
    await settle();
    expect([got, answered]).toEqual([[100, 100], false]);
    runFrame();
    await settle();
    expect([got, answered]).toEqual([[100, 100, 100], true]);
    bridge.dispose();
  });

  it('tells the worker once the diffs it sent are drawn: after the frame that applied the last of them', () => {
    const worker = new FakeWorker();
    const painted: Array<() => void> = [];
    let hidden = false;
    const bridge = new WorkerBridge(() => worker as unknown as WorkerLike, { onDiffs: () => {} }, { afterPaint: (fn) => painted.push(fn), hidden: () => hidden });
    const acks = () => worker.sent.flatMap((m) => (m.command.type === 'drawn' ? [m.command.diffs] : []));
    worker.emit(pieceOf(100, 'a'));
    worker.emit(pieceOf(50, 'a2'));
    runFrame();
    // 100 of 150 applied: the rest waits for the next frame, and so does the acknowledgement
    expect([painted.length, acks()]).toEqual([0, []]);
    runFrame();
    expect(painted).toHaveLength(1);
    expect(acks()).toEqual([]);
    // a diff that arrives after that frame is not acknowledged with it
    worker.emit(pieceOf(3, 'late'));
    painted[0]();
    expect(acks()).toEqual([2]);
    runFrame();
    painted[1]();
    expect(acks()).toEqual([2, 3]);
    // a frame with nothing to apply acknowledges nothing
    runFrame();
    expect(painted).toHaveLength(2);
    // a hidden page draws no frame: a diff is acknowledged as it arrives, so a long command does not wait for it
    hidden = true;
    worker.emit(pieceOf(5, 'b'));
    expect(acks()).toEqual([2, 3, 4]);
    bridge.dispose();
  });
});

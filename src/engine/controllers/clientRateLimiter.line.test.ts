/**
 * Requests waiting on a client rate limiter wait in a `WaitingLine`: the waiters due at an instant behind one
 * that found the bucket empty are set again without running (`deferDue`). This must run every request at
 * the same time and in the same order, relative to every other timer, as running each waiter would.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { VirtualClock, type WaitingLine } from '../clock';
import { TokenBucket, throttled } from './clientRateLimiter';

interface Plan {
  qps: number;
  burst: number;
  /** Per client: when it starts (ms) and how many requests it makes. */
  clients: { startMs: number; requests: number }[];
  /**
   * Other timers: when they are set and how long after that they first run, how often they run again, and a
   * timer they set each time (delay).
   */
  others: { setMs: number; atMs: number; everyMs: number; times: number; followUpMs: number | undefined }[];
}

/** Runs the plan; `lineOf` gives the line the waiters use. Returns what ran, when, in order. */
function run(plan: Plan, lineOf: (clock: VirtualClock) => WaitingLine): string[] {
  const clock = new VirtualClock(0);
  const bucket = new TokenBucket(plan.qps, plan.burst, 0);
  const line = lineOf(clock);
  const trace: string[] = [];
  plan.clients.forEach((c, i) => {
    clock.schedule(c.startMs, `start ${i}`, () => {
      function* work() {
        for (let r = 0; r < c.requests; r++) {
          yield;
          trace.push(`${clock.now()} client ${i} request ${r}`);
        }
      }
      throttled(clock, line, bucket, `client ${i}`, work(), () => trace.push(`${clock.now()} client ${i} done later`));
    });
  });
  plan.others.forEach((o, i) => {
    let left = o.times;
    const tick = () => {
      trace.push(`${clock.now()} other ${i}`);
      const f = o.followUpMs;
      if (f !== undefined) clock.schedule(f, `follow-up ${i}`, () => trace.push(`${clock.now()} follow-up ${i}`));
      if (--left > 0) clock.schedule(o.everyMs, `other ${i}`, tick);
    };
    clock.schedule(o.setMs, `set other ${i}`, () => clock.schedule(o.atMs, `other ${i}`, tick));
  });
  for (let next = clock.nextAt(); next !== undefined; next = clock.nextAt()) {
    clock.setNow(next);
    while (clock.runOneDue());
  }
  return trace;
}

/** Every waiter runs and sets itself again: the behaviour the line must reproduce. */
const eachWaiterRuns = (clock: VirtualClock): WaitingLine => ({
  schedule: (delayMs, label, fn) => void clock.schedule(delayMs, label, fn),
  deferDue: () => 0,
});

describe('WaitingLine', () => {
  it('runs requests at the same times and in the same order as waking every waiter', () => {
    const plan = fc.record({
      qps: fc.oneof(fc.constant(20), fc.integer({ min: 1, max: 25 })),
      burst: fc.oneof(fc.constant(30), fc.integer({ min: 1, max: 30 })),
      // starts on a 50 ms grid line up with refills and with the other timers; few requests leave tokens over
      clients: fc.array(
        fc.record({ startMs: fc.oneof(fc.integer({ min: 0, max: 60 }).map((k) => k * 50), fc.integer({ min: 0, max: 3000 })), requests: fc.integer({ min: 0, max: 25 }) }),
        { maxLength: 30 },
      ),
      // other timers land on whole seconds and on the limiter's refill instants on purpose: equal times are the hard case
      others: fc.array(
        fc.record({
          setMs: fc.oneof(fc.constant(0), fc.integer({ min: 0, max: 60 }).map((k) => k * 50)),
          atMs: fc.oneof(fc.integer({ min: 0, max: 8000 }), fc.integer({ min: 0, max: 80 }).map((k) => k * 50)),
          // a timer set again every second while waiters are set again every second takes turns with them
          everyMs: fc.oneof(fc.constant(1000), fc.constant(50), fc.integer({ min: 1, max: 2000 })),
          times: fc.integer({ min: 1, max: 12 }),
          followUpMs: fc.option(fc.oneof(fc.constant(0), fc.constant(1000), fc.integer({ min: 0, max: 2000 })), { nil: undefined }),
        }),
        { maxLength: 25 },
      ),
    });
    fc.assert(
      fc.property(plan, (p) => {
        expect(run(p, (clock) => clock.waitingLine())).toEqual(run(p, eachWaiterRuns));
      }),
      { numRuns: 400 },
    );
  });

  it('keeps a timer set between two waiters between them', () => {
    // A (45 requests) empties the bucket at 250 ms and waits for 1.25 s; a timer set right after it runs at
    // 1.25 s and every second after; B (3 requests) finds no token at 260 ms and waits for 1.25 s too. At
    // 1.25 s A takes 20 and waits again, the timer runs, B waits again: at 2.25 s A takes its last 5, then
    // the timer runs, then B gets its 3.
    const plan: Plan = {
      qps: 20,
      burst: 20,
      clients: [
        { startMs: 250, requests: 45 },
        { startMs: 260, requests: 3 },
      ],
      others: [{ setMs: 250, atMs: 1000, everyMs: 1000, times: 3, followUpMs: undefined }],
    };
    const trace = run(plan, (clock) => clock.waitingLine());
    expect(trace).toEqual(run(plan, eachWaiterRuns));
    const at2250 = trace.filter((t) => t.startsWith('2250 ') && !t.includes('request 4'));
    expect(at2250).toEqual(['2250 client 0 done later', '2250 other 0', '2250 client 1 request 0', '2250 client 1 request 1', '2250 client 1 request 2', '2250 client 1 done later']);
  });

  it('does not run the waiters it sets again', () => {
    const clock = new VirtualClock(0);
    const bucket = new TokenBucket(20, 30, 0);
    const line = clock.waitingLine();
    let runs = 0;
    const counting = (): WaitingLine => ({
      schedule: (d, label, fn) =>
        line.schedule(d, label, () => {
          runs++;
          fn();
        }),
      deferDue: (d) => line.deferDue(d),
    });
    const waiting = counting();
    for (let i = 0; i < 100; i++) {
      function* work() {
        for (let r = 0; r < 10; r++) yield;
      }
      throttled(clock, waiting, bucket, `client ${i}`, work(), () => {});
    }
    for (let next = clock.nextAt(); next !== undefined; next = clock.nextAt()) {
      clock.setNow(next);
      while (clock.runOneDue());
    }
    // 1000 requests: a burst of 30, then 970 at 20 a second (49 refills), each running the one or two waiters
    // that get tokens; waking all waiters would run about 2,500
    expect(clock.now()).toBe(49_000);
    expect(runs).toBeLessThan(200);
  });
});

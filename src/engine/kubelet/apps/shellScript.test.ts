import { describe, expect, it } from 'vitest';
import type { ProcessRuntime } from './app';
import { planFromArgv } from './shellScript';

describe('planFromArgv', () => {
  it('sleep N exits 0 after N seconds', () => {
    expect(planFromArgv(['sleep', '3600'], false)).toEqual({ steps: [], exit: { atMs: 3_600_000, code: 0 } });
  });

  it('sleep infinity and keep-alive loops run until stopped', () => {
    expect(planFromArgv(['sleep', 'infinity'], false).exit).toBeUndefined();
    expect(planFromArgv(['sh', '-c', 'while true; do echo hi; sleep 5; done'], false).exit).toBeUndefined();
    expect(planFromArgv(['tail', '-f', '/dev/null'], false).exit).toBeUndefined();
  });

  it('sh -c "exit 1" fails at once', () => {
    expect(planFromArgv(['sh', '-c', 'exit 1'], false)).toEqual({ steps: [], exit: { atMs: 0, code: 1 } });
  });

  it('a bare shell without stdin exits 0, with stdin it stays', () => {
    expect(planFromArgv(['sh'], false).exit).toEqual({ atMs: 0, code: 0 });
    expect(planFromArgv(['sh'], true).exit).toBeUndefined();
  });

  it('models the liveness exec demo from the Kubernetes docs', () => {
    const plan = planFromArgv(['/bin/sh', '-c', 'touch /tmp/healthy; sleep 30; rm -f /tmp/healthy; sleep 600'], false);
    expect(plan.steps).toEqual([
      { atMs: 0, touch: '/tmp/healthy' },
      { atMs: 30_000, remove: '/tmp/healthy' },
    ]);
    expect(plan.exit).toEqual({ atMs: 630_000, code: 0 });
  });

  it('honours && and ||', () => {
    expect(planFromArgv(['sh', '-c', 'false && sleep 10; exit 3'], false).exit).toEqual({ atMs: 0, code: 3 });
    expect(planFromArgv(['sh', '-c', 'false || sleep 10'], false).exit).toEqual({ atMs: 10_000, code: 0 });
  });
});

describe('planFromArgv with a runtime: the commands the process runs as it starts', () => {
  // a runtime that answers echo and a failing lookup, and records what ran
  function runtime(): ProcessRuntime & { ran: string[] } {
    const ran: string[] = [];
    return {
      ran,
      environ: () => ['HOSTNAME=web-1', 'PATH=/bin'],
      run(argv, filters) {
        ran.push([argv.join(' '), ...(filters ?? []).map((f) => f.join(' '))].join(' | '));
        if (argv[0] === 'echo') return { output: `${argv.slice(1).join(' ')}\n`, exitCode: 0 };
        if (argv[0] === 'nslookup') return { output: "** server can't find nope: NXDOMAIN\n", exitCode: 1 };
        return undefined;
      },
    };
  }

  it('runs them before the first wait: their output is the log, their status the exit code', () => {
    const rt = runtime();
    const plan = planFromArgv(['sh', '-c', 'echo hi $HOSTNAME; nslookup nope'], false, rt);
    expect(plan.output).toEqual(['hi web-1\n', "** server can't find nope: NXDOMAIN\n"]);
    expect(plan.exit).toEqual({ atMs: 0, code: 1 });
    // && and || see the real status; $? too
    const rt2 = runtime();
    expect(planFromArgv(['sh', '-c', 'nslookup nope || echo fallback $?'], false, rt2).output).toEqual(["** server can't find nope: NXDOMAIN\n", 'fallback 1\n']);
  });

  it('after a sleep they become timed steps; a pipeline keeps its filters', () => {
    const rt = runtime();
    const plan = planFromArgv(['sh', '-c', 'sleep 5; env | grep HOST'], false, rt);
    expect(plan.steps).toEqual([{ atMs: 5000, run: ['env'], filters: [['grep', 'HOST']] }]);
    expect(rt.ran).toEqual([]);
    expect(plan.exit).toEqual({ atMs: 5000, code: 0 });
  });

  it('a for loop runs its body once a word, with the loop variable and $(…) expanded; a sleep in it spaces the steps', () => {
    const rt = runtime();
    const plan = planFromArgv(['sh', '-c', 'for i in 1 $(echo 2); do echo try $i; done; for n in a b; do sleep 5; echo at $n; done'], false, rt);
    expect(plan.output).toEqual(['try 1\n', 'try 2\n']);
    expect(plan.steps).toEqual([
      { atMs: 5000, run: ['echo', 'at', 'a'] },
      { atMs: 10_000, run: ['echo', 'at', 'b'] },
    ]);
    expect(plan.exit).toEqual({ atMs: 10_000, code: 0 });
    // a `while` loop with no sleep stays the keep-alive idiom; a script that ends inside a loop is the shell's syntax error (status 2)
    expect(planFromArgv(['sh', '-c', 'echo a; while true; do echo b; done'], false, runtime())).toEqual({ steps: [], output: ['a\n'] });
    expect(planFromArgv(['sh', '-c', 'for i in 1 2; do echo x'], false, runtime()).exit).toEqual({ atMs: 0, code: 2 });
  });

  it('an endless loop that sleeps is planned as one round, repeated from where it starts', () => {
    const rt = runtime();
    // the classic way to watch a Service spread requests, and the Kubernetes docs' counter pod (`while true; do echo …; sleep 1; done`)
    expect(planFromArgv(['sh', '-c', 'echo start; sleep 5; while true; do wget -qO- web; echo; sleep 1; done; echo never'], false, rt)).toEqual({
      steps: [],
      output: ['start\n'],
      loop: { atMs: 5000, periodMs: 1000, steps: [{ atMs: 0, run: ['wget', '-qO-', 'web'] }, { atMs: 0, run: ['echo'] }] },
    });
    // nothing of the round runs while the plan is made: each round runs it in its time
    expect(rt.ran).toEqual(['echo start']);
    // `while sleep 2` and `until false`; sleeps between commands time them within the round; a pipeline keeps its filters
    expect(planFromArgv(['sh', '-c', 'while sleep 2; do env | grep HOST; done'], false, runtime()).loop).toEqual({
      atMs: 0,
      periodMs: 2000,
      steps: [{ atMs: 2000, run: ['env'], filters: [['grep', 'HOST']] }],
    });
    expect(planFromArgv(['sh', '-c', 'until false; do echo a; sleep 1; echo b; sleep 2; done'], false, runtime()).loop).toEqual({
      atMs: 0,
      periodMs: 3000,
      steps: [
        { atMs: 0, run: ['echo', 'a'] },
        { atMs: 1000, run: ['echo', 'b'] },
      ],
    });
  });

  it('loops that are not an endless round: keep-alive, or run once', () => {
    const plan = (script: string) => planFromArgv(['sh', '-c', script], false, runtime());
    // nothing but sleeps, a condition svcsim does not follow, output piped to the end (sort waits for it): keep-alive, no steps
    for (const script of ['while true; do sleep 30; done', 'while [ -f /tmp/x ]; do echo a; sleep 1; done', 'while true; do echo a; sleep 1; done | sort']) {
      expect(plan(script)).toEqual({ steps: [] });
    }
    // a round that ends the process runs once
    expect(plan('sleep 1; while true; do echo a; sleep 2; exit 3; done')).toEqual({ steps: [{ atMs: 1000, run: ['echo', 'a'] }], exit: { atMs: 3000, code: 3 } });
  });

  it('without a runtime nothing runs (the plan is only timing)', () => {
    expect(planFromArgv(['sh', '-c', 'echo hi; exit 3'], false)).toEqual({ steps: [], exit: { atMs: 0, code: 3 } });
  });
});

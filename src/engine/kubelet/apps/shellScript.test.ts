import { describe, expect, it } from 'vitest';
import type { ProcessIo, RunCommand } from './app';
import { maxSpinningRounds, runProcess } from './shellScript';

/**
 * Runs a process's script the way the kubelet does (each yielded sleep lets that virtual time pass) up to
 * `untilMs`: what it printed and when, the files it made or removed, and how it ended.
 */
function drive(argv: string[], opts: { stdin?: boolean; run?: RunCommand; untilMs?: number; coreutils?: 'busybox' | 'gnu' } = {}) {
  let t = 0;
  const log: Array<[number, string]> = [];
  const files: Array<[number, string]> = [];
  const io: ProcessIo = {
    run: opts.run,
    environ: () => ['HOSTNAME=web-1', 'PATH=/bin'],
    coreutils: opts.coreutils,
    write: (text) => log.push([t, text]),
    touch: (path) => files.push([t, `+${path}`]),
    remove: (path) => files.push([t, `-${path}`]),
  };
  const script = runProcess(argv, opts.stdin ?? false, io);
  for (;;) {
    const next = script.next();
    if (next.done) return { log, files, end: next.value === undefined ? ('runs on' as const) : { atMs: t, code: next.value } };
    t += next.value;
    if (t > (opts.untilMs ?? 3_600_000)) return { log, files, end: 'sleeping' as const };
  }
}

const stdout = (text: string) => [{ stream: 'stdout' as const, text }];

// a container that answers echo, env, date, a failing lookup and [ -f ] on one file, and records what ran
function runtime(now: () => number = () => 0): RunCommand & { ran: string[] } {
  const ran: string[] = [];
  const run = ((argv) => {
    ran.push(argv.join(' '));
    if (argv[0] === 'echo') return { chunks: stdout(`${argv.slice(1).join(' ')}\n`), exitCode: 0 };
    if (argv[0] === 'env') return { chunks: stdout('HOSTNAME=web-1\nPATH=/bin\n'), exitCode: 0 };
    if (argv[0] === 'date') return { chunks: stdout(`t=${now()}\n`), exitCode: 0 };
    if (argv[0] === 'nslookup') return { chunks: [{ stream: 'stderr', text: "** server can't find nope: NXDOMAIN\n" }], exitCode: 1 };
    if (argv[0] === '[') return { chunks: [], exitCode: argv[2] === '/tmp/there' ? 0 : 1 };
    return undefined;
  }) as RunCommand & { ran: string[] };
  run.ran = ran;
  return run;
}

describe('runProcess: timing, exit and files', () => {
  it('sleep N exits 0 after N seconds', () => {
    expect(drive(['sleep', '3600']).end).toEqual({ atMs: 3_600_000, code: 0 });
  });

  it('sleep infinity, tail -f and a server run until stopped', () => {
    expect(drive(['sleep', 'infinity']).end).toBe('runs on');
    expect(drive(['tail', '-f', '/dev/null']).end).toBe('runs on');
    expect(drive(['sh', '-c', 'echo starting; exec nginx -g "daemon off;"']).end).toBe('runs on');
  });

  it('sh -c "exit 1" fails at once', () => {
    expect(drive(['sh', '-c', 'exit 1']).end).toEqual({ atMs: 0, code: 1 });
  });

  it('a bare shell without stdin exits 0, with stdin it stays', () => {
    expect(drive(['sh']).end).toEqual({ atMs: 0, code: 0 });
    expect(drive(['sh'], { stdin: true }).end).toBe('runs on');
  });

  it('models the liveness exec demo from the Kubernetes docs', () => {
    const r = drive(['/bin/sh', '-c', 'touch /tmp/healthy; sleep 30; rm -f /tmp/healthy; sleep 600']);
    expect(r.files).toEqual([
      [0, '+/tmp/healthy'],
      [30_000, '-/tmp/healthy'],
    ]);
    expect(r.end).toEqual({ atMs: 630_000, code: 0 });
  });

  it('honours && and ||, and ! inverts a status', () => {
    expect(drive(['sh', '-c', 'false && sleep 10; exit 3']).end).toEqual({ atMs: 0, code: 3 });
    expect(drive(['sh', '-c', 'false || sleep 10']).end).toEqual({ atMs: 10_000, code: 0 });
    expect(drive(['sh', '-c', '! false && exit 4']).end).toEqual({ atMs: 0, code: 4 });
  });
});

describe('runProcess with a container: each command runs at its own time', () => {
  it('output is the log, status the exit code; && and || and $? see the real status', () => {
    const r = drive(['sh', '-c', 'echo hi $HOSTNAME; nslookup nope'], { run: runtime() });
    expect(r.log).toEqual([
      [0, 'hi web-1\n'],
      [0, "** server can't find nope: NXDOMAIN\n"],
    ]);
    expect(r.end).toEqual({ atMs: 0, code: 1 });
    expect(drive(['sh', '-c', 'nslookup nope || echo fallback $?'], { run: runtime() }).log.map(([, text]) => text)).toEqual(["** server can't find nope: NXDOMAIN\n", 'fallback 1\n']);
  });

  it('a command after a sleep runs then, a pipeline with its filters; $(…) is expanded when it is reached', () => {
    let t = 0;
    const run = runtime(() => t);
    const io: ProcessIo = { run, environ: () => [], write: (text) => log.push([t, text]), touch: () => {}, remove: () => {} };
    const log: Array<[number, string]> = [];
    const script = runProcess(['sh', '-c', 'echo $(date); sleep 5; env | grep HOST; echo $(date)'], false, io);
    for (let next = script.next(); !next.done; next = script.next()) {
      // nothing after the sleep has run while the process sleeps
      expect(run.ran).toEqual(['date', 'echo t=0']);
      t += next.value;
    }
    expect(run.ran).toEqual(['date', 'echo t=0', 'env', 'date', 'echo t=5000']);
    expect(log).toEqual([
      [0, 't=0\n'],
      [5000, 'HOSTNAME=web-1\n'],
      [5000, 't=5000\n'],
    ]);
  });

  it('a for loop runs its body once a word; a sleep in it spaces the rounds; a loop piped on is filtered when it ends', () => {
    const r = drive(['sh', '-c', 'for i in 1 $(echo 2); do echo try $i; done; for n in a b; do sleep 5; echo at $n; done'], { run: runtime() });
    expect(r.log).toEqual([
      [0, 'try 1\n'],
      [0, 'try 2\n'],
      [5000, 'at a\n'],
      [10_000, 'at b\n'],
    ]);
    expect(r.end).toEqual({ atMs: 10_000, code: 0 });
    const piped = drive(['sh', '-c', 'for i in 3 1 2; do echo $i; sleep 1; done | sort'], { run: runtime() });
    expect(piped.log).toEqual([[3000, '1\n2\n3\n']]);
  });

  it("the Kubernetes docs' counter pod: a while loop, $((…)) and a variable kept from round to round", () => {
    let t = 0;
    const log: string[] = [];
    const run = runtime(() => t);
    const io: ProcessIo = { run, environ: () => [], write: (text) => log.push(text), touch: () => {}, remove: () => {} };
    // kubernetes/website content/en/examples/debug/counter-pod.yaml
    const script = runProcess(['/bin/sh', '-c', 'i=0; while true; do echo "$i: $(date)"; i=$((i+1)); sleep 1; done'], false, io);
    for (let round = 0; round < 3; round++) t += script.next().value ?? 0;
    expect(log).toEqual(['0: t=0\n', '1: t=1000\n', '2: t=2000\n']);
  });

  it('a while loop runs on its condition each round; until waits for a condition to hold', () => {
    const r = drive(['sh', '-c', 'n=0; while [ $n -lt 3 ]; do echo round $n; n=$((n+1)); sleep 2; done; echo done'], {
      run: (argv) => (argv[0] === '[' ? { chunks: [], exitCode: Number(argv[1]) < Number(argv[3]) ? 0 : 1 } : runtime()(argv)),
    });
    expect(r.log).toEqual([
      [0, 'round 0\n'],
      [2000, 'round 1\n'],
      [4000, 'round 2\n'],
      [6000, 'done\n'],
    ]);
    expect(r.end).toEqual({ atMs: 6000, code: 0 });
    // `until [ -f … ]` with no such file: it goes on sleeping
    expect(drive(['sh', '-c', 'until [ -f /tmp/ready ]; do sleep 1; done'], { run: runtime(), untilMs: 60_000 }).end).toBe('sleeping');
    expect(drive(['sh', '-c', 'until [ -f /tmp/there ]; do sleep 1; done; echo ok'], { run: runtime() }).log).toEqual([[0, 'ok\n']]);
  });

  it('if runs the branch whose condition succeeds, at the time it is reached', () => {
    const r = drive(['sh', '-c', 'for f in /tmp/there /tmp/gone; do if [ -f $f ]; then echo has $f; elif false; then echo never; else echo no $f; fi; sleep 1; done'], { run: runtime() });
    expect(r.log).toEqual([
      [0, 'has /tmp/there\n'],
      [1000, 'no /tmp/gone\n'],
    ]);
    expect(drive(['sh', '-c', 'if false; then exit 3; fi'], { run: runtime() }).end).toEqual({ atMs: 0, code: 0 });
    expect(drive(['sh', '-c', 'if true; then sleep 2; exit 4; fi'], { run: runtime() }).end).toEqual({ atMs: 2000, code: 4 });
  });

  it('case runs the arm whose pattern matches, at the time it is reached; no match is status 0', () => {
    const r = drive(['sh', '-c', 'for s in web db x; do case $s in web|db) echo "$s is a service";; *) echo "$s?";; esac; sleep 1; done; case q in a) exit 5;; esac; exit $?'], { run: runtime() });
    expect(r.log).toEqual([
      [0, 'web is a service\n'],
      [1000, 'db is a service\n'],
      [2000, 'x?\n'],
    ]);
    expect(r.end).toEqual({ atMs: 3000, code: 0 });
  });

  it('redirections: to /dev/null, 2>&1 into a pipeline; a file target is not simulated', () => {
    const r = drive(['sh', '-c', 'nslookup nope >/dev/null 2>&1 || echo gone; nslookup nope 2>/dev/null; nslookup nope 2>&1 | grep -c NXDOMAIN; echo x > /tmp/f'], { run: runtime() });
    expect(r.log.map(([, text]) => text)).toEqual(['gone\n', '1\n', 'svcsim: redirecting to /tmp/f is not simulated; >/dev/null, 2>/dev/null, 2>&1 and >&2 are\n']);
    expect(r.end).toEqual({ atMs: 0, code: 2 });
    // $(…) takes the command's stdout; what it writes to stderr goes to the log
    expect(drive(['sh', '-c', 'echo "[$(nslookup nope)]"'], { run: runtime() }).log.map(([, text]) => text)).toEqual(["** server can't find nope: NXDOMAIN\n", '[]\n']);
  });

  it('a command the image lacks is not found, in the words of the shell running the script', () => {
    const text = (argv: string[], coreutils: 'busybox' | 'gnu') => drive(argv, { run: runtime(), coreutils }).log.map(([, t]) => t);
    // busybox ash (shell/ash.c), dash with the line it read (1 for -c), bash `line N` for a script
    expect(text(['sh', '-c', 'frob; echo $?'], 'busybox')).toEqual(['sh: frob: not found\n', '127\n']);
    expect(text(['/bin/sh', '-c', 'frob'], 'gnu')).toEqual(['/bin/sh: 1: frob: not found\n']);
    expect(text(['bash', '-c', 'frob'], 'gnu')).toEqual(['bash: line 1: frob: command not found\n']);
    expect(text(['sh', '-c', 'ls /'], 'busybox')[0]).toMatch(/^svcsim: ls \/ is not simulated; /);
  });

  it('set -e ends the script at a command that fails, except where a condition or an && / || list tests it', () => {
    const run = (script: string) => drive(['sh', '-c', script], { run: runtime() });
    expect(run('set -e; echo a; nslookup nope; echo never')).toMatchObject({ log: [[0, 'a\n'], [0, "** server can't find nope: NXDOMAIN\n"]], end: { atMs: 0, code: 1 } });
    // POSIX "set -e": not in an if/while/until condition, not before && or ||, not after !
    const tested = run('set -eu -o pipefail; false || echo recovered; if false; then :; fi; while false; do :; done; false && echo no; ! true; echo reached');
    expect(tested.log.map(([, text]) => text)).toEqual(['recovered\n', 'reached\n']);
    expect(tested.end).toEqual({ atMs: 0, code: 0 });
    // the last command of an && list does count; set +e turns it off
    expect(run('set -e; true && false; echo never').end).toEqual({ atMs: 0, code: 1 });
    expect(run('set -o errexit; set +e; false; echo on').log).toEqual([[0, 'on\n']]);
  });

  it('a loop with no sleep spins: svcsim stops following it after so many rounds, and the process runs on', () => {
    const r = drive(['sh', '-c', 'while true; do echo b; done; echo never'], { run: runtime() });
    expect(r.log).toHaveLength(maxSpinningRounds);
    expect(r.end).toBe('runs on');
  });

  it('without the container’s commands, only timing, exit and files', () => {
    expect(drive(['sh', '-c', 'echo hi; touch /tmp/a; exit 3'])).toEqual({ log: [], files: [[0, '+/tmp/a']], end: { atMs: 0, code: 3 } });
  });

  it('a script that ends inside a loop is the shell’s syntax error (status 2)', () => {
    expect(drive(['sh', '-c', 'for i in 1 2; do echo x'], { run: runtime() }).end).toEqual({ atMs: 0, code: 2 });
  });
});

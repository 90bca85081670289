import { describe, expect, it } from 'vitest';
import type { ProcessRuntime } from './app';
import { planFromArgv, scriptCommands, splitPipes, splitStatements } from './shellScript';

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
    // `while` stays the keep-alive idiom; a script that ends inside a loop is the shell's syntax error (status 2)
    expect(planFromArgv(['sh', '-c', 'echo a; while true; do echo b; done'], false, runtime()).exit).toBeUndefined();
    expect(planFromArgv(['sh', '-c', 'for i in 1 2; do echo x'], false, runtime()).exit).toEqual({ atMs: 0, code: 2 });
  });

  it('without a runtime nothing runs (the plan is only timing)', () => {
    expect(planFromArgv(['sh', '-c', 'echo hi; exit 3'], false)).toEqual({ steps: [], exit: { atMs: 0, code: 3 } });
  });
});

describe('splitPipes', () => {
  it.each([
    ['a | b | c', ['a', 'b', 'c']],
    ["grep 'x|y' | wc -l", ["grep 'x|y'", 'wc -l']],
    ['echo "a|b"', ['echo "a|b"']],
  ])('%s', (text, want) => {
    expect(splitPipes(text)).toEqual(want);
  });
});

describe('scriptCommands', () => {
  it('gathers a for loop with its body, nested loops and a pipeline after done', () => {
    expect(scriptCommands('echo a && for i in $(seq 3); do wget -qO- web && echo; done | sort; echo end')).toEqual({
      commands: [
        { type: 'simple', text: 'echo a', after: ';' },
        { type: 'for', name: 'i', list: '$(seq 3)', body: 'wget -qO- web && echo', after: '&&', pipeTo: ['sort'] },
        { type: 'simple', text: 'echo end', after: ';' },
      ],
      open: false,
    });
    expect(scriptCommands('for i in 1 2; do for j in a b; do echo $i$j; done; done').commands).toEqual([
      { type: 'for', name: 'i', list: '1 2', body: 'for j in a b; do echo $i$j; done', after: ';' },
    ]);
    // written over lines, as an interactive shell reads it
    expect(scriptCommands('for i in x\ndo\necho $i\ndone').commands).toEqual([{ type: 'for', name: 'i', list: 'x', body: 'echo $i', after: ';' }]);
  });

  it('says when the script ends inside a compound command, and gathers the ones it does not run', () => {
    expect(scriptCommands('for i in 1 2; do')).toEqual({ commands: [], open: true });
    expect(scriptCommands('if true; then for i in 1; do echo; done')).toEqual({ commands: [], open: true });
    expect(scriptCommands('while true; do echo x; done; if a; then b; fi; echo after').commands).toEqual([
      { type: 'while', until: false, condition: 'true', body: 'echo x', after: ';' },
      { type: 'compound', keyword: 'if', after: ';' },
      { type: 'simple', text: 'echo after', after: ';' },
    ]);
    // until's condition is the whole list before do
    expect(scriptCommands('until sleep 1; nslookup web; do echo no; done').commands).toEqual([
      { type: 'while', until: true, condition: 'sleep 1; nslookup web', body: 'echo no', after: ';' },
    ]);
  });

  it('a command substitution keeps its own statements and pipes', () => {
    expect(splitStatements('echo $(hostname; echo x) && echo y')).toEqual([
      { text: 'echo $(hostname; echo x)', after: ';' },
      { text: 'echo y', after: '&&' },
    ]);
    expect(splitPipes('echo $(cat /etc/hosts | head -1) | grep x')).toEqual(['echo $(cat /etc/hosts | head -1)', 'grep x']);
  });
});

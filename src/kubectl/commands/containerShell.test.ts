/**
 * `kubectl exec -i[t] POD -- sh`: the image's shell takes the lines that follow until `exit`. Prompts as each
 * shell sets them for root: busybox ash's default PS1 `\w \$ ` (shell/ash.c), dash `# `, bash with Debian's
 * /etc/bash.bashrc PS1 `\u@\h:\w\$ `. Not-found messages: busybox `sh: NAME: not found`; dash counts the lines
 * it read (`sh: 2: NAME: not found`, src/error.c); interactive bash names itself by its base name, no line
 * (error.c get_name_for_error), and says `exit` as it leaves (builtins/exit.def). kubectl reports a non-zero end
 * as `command terminated with exit code N` (pkg/cmd/exec/exec.go). The lines run through the shell language of
 * containerScript.ts (loops, expansions, redirections), tested here as a user types them at the prompt.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { type Cluster, createCluster } from '../../engine';
import { splitCommandLine } from '../commandLine';
import { runKubectl } from '../kubectl';
import type { AttachedInput } from '../cli/command';

let cluster: Cluster;
const run = (line: string) => runKubectl({ cluster }, splitCommandLine(line));

function attach(line: string): AttachedInput {
  const r = run(line);
  expect(r.stderr).toBe('');
  if (!r.attached) throw new Error(`${line}: no shell attached`);
  return r.attached;
}

const text = (chunks: { text: string }[]) => chunks.map((c) => c.text).join('');

beforeAll(() => {
  cluster = createCluster({ seed: 3 });
  run('run bb --image=busybox:1.36 --command -- sleep 3600');
  run('run deb --image=debian:12 --command -- sleep 3600');
  run('create deployment web --image=nginx:1.27');
  run('run kuard --image=gcr.io/kuar-demo/kuard-amd64:blue');
  run('expose deployment web --port=80');
  run('wait --for=condition=Ready pod --all --timeout=120s');
});

describe('kubectl exec -it POD -- SHELL', () => {
  it('prompts as the image shell does for root and runs each line in the container', () => {
    const sh = attach('exec -it bb -- sh');
    expect(sh.prompt).toBe('/ # ');
    const env = sh.run(cluster, 'printenv WEB_SERVICE_HOST HOSTNAME');
    const ip = cluster.store.get('Service', 'default/web')?.spec?.clusterIP;
    expect(env).toMatchObject({ exitCode: 0, ended: false });
    expect(text(env.output)).toBe(`${ip}\nbb\n`);
    expect(text(sh.run(cluster, 'frob').output)).toBe('sh: frob: not found\n');
    // $? is the last command's status, as in the shell
    expect(text(sh.run(cluster, 'echo $?').output)).toBe('127\n');
    expect(sh.run(cluster, 'exit')).toEqual({ output: [], exitCode: 0, ended: true });
  });

  it('dash counts the lines it read; exit N ends the shell and kubectl reports the status', () => {
    const sh = attach('exec -it deb -- sh');
    expect(sh.prompt).toBe('# ');
    expect(text(sh.run(cluster, 'frob').output)).toBe('sh: 1: frob: not found\n');
    expect(text(sh.run(cluster, 'true; frob').output)).toBe('sh: 2: frob: not found\n');
    const end = sh.run(cluster, 'exit 3');
    expect(end).toMatchObject({ exitCode: 3, ended: true });
    expect(text(end.output)).toBe('command terminated with exit code 3\n');
  });

  it('bash on a Debian image prompts with user and host, and says exit as it leaves', () => {
    const pod = cluster.store.list('Pod', 'default').find((p) => p.metadata?.labels?.app === 'web')?.metadata?.name;
    const sh = attach('exec -it deploy/web -- /bin/bash');
    expect(sh.prompt).toBe(`root@${pod}:/# `);
    expect(text(sh.run(cluster, 'frob').output)).toBe('bash: frob: command not found\n');
    expect(text(sh.run(cluster, 'exit').output)).toBe('exit\ncommand terminated with exit code 127\n');
  });

  it('without a terminal (-i alone) the shell prompts for nothing; without -i it reads end of input at once', () => {
    expect(attach('exec -i bb -- sh').prompt).toBe('');
    for (const line of ['exec bb -- sh', 'exec -t bb -- sh', 'exec -it bb -- sh -c hostname']) expect(run(line).attached).toBeUndefined();
  });

  it('a command the image has but svcsim does not model says so; one it lacks is not found', () => {
    const sh = attach('exec -it deb -- bash');
    expect(text(sh.run(cluster, 'ls /').output)).toMatch(/^svcsim: ls \/ is not simulated; /);
    expect(text(sh.run(cluster, 'date -d yesterday').output)).toMatch(/^svcsim: date -d yesterday is not simulated; /);
    // a Debian image has no ping: bash's own words
    expect(text(sh.run(cluster, 'ping web').output)).toBe('bash: ping: command not found\n');
    expect(text(sh.run(cluster, 'pwd; whoami').output)).toBe('/\nroot\n');
  });

  it('ends with the container: a deleted pod kills the shell (137)', () => {
    run('run gone --image=busybox:1.36 --command -- sleep 3600');
    run('wait --for=condition=Ready pod/gone --timeout=120s');
    const sh = attach('exec -it gone -- sh');
    run('delete pod gone --grace-period=0 --force');
    expect(sh.run(cluster, 'hostname')).toEqual({ output: [{ stream: 'stderr', text: 'command terminated with exit code 137\n' }], exitCode: 137, ended: true });
  });

  it('touch and rm change the files exec probes see; rm of a missing file says so in the image\'s words', () => {
    expect(run('exec bb -- touch /tmp/ready').stderr).toBe('');
    expect(run('exec bb -- test -f /tmp/ready').exitCode).toBe(0);
    expect(run('exec bb -- rm /tmp/ready').stderr).toBe('');
    expect(run('exec bb -- test -f /tmp/ready').exitCode).toBe(1);
    // busybox coreutils/rm.c (via remove_file) and GNU rm word it differently
    expect(run('exec bb -- rm /tmp/ready').stderr).toBe("rm: can't remove '/tmp/ready': No such file or directory\ncommand terminated with exit code 1\n");
    expect(run('exec deb -- rm /tmp/ready').stderr).toBe("rm: cannot remove '/tmp/ready': No such file or directory\ncommand terminated with exit code 1\n");
    expect(run('exec bb -- rm -f /tmp/ready').exitCode).toBe(0);
  });

  it('a process that is not root prompts with $ (kuard runs as nobody: USER 65534 in its image)', () => {
    const sh = attach('exec -it kuard -- sh');
    expect(sh.prompt).toBe('/ $ ');
    expect(text(sh.run(cluster, 'whoami').output)).toBe('nobody\n');
  });

  it('runs for loops: a line that opens one prompts with PS2 (> ) until done; the loop variable expands in its body', () => {
    const sh = attach('exec -it bb -- sh');
    expect(text(sh.run(cluster, 'for i in 1 2 3; do echo n$i; done').output)).toBe('n1\nn2\nn3\n');
    // an unfinished loop: nothing runs yet, and every shell's default PS2 is `> `
    expect(sh.run(cluster, 'for host in $(seq 2); do')).toEqual({ output: [], exitCode: 0, ended: false });
    expect(sh.prompt).toBe('> ');
    expect(sh.run(cluster, 'echo "try $host: $(hostname)"').output).toEqual([]);
    expect(text(sh.run(cluster, 'done').output)).toBe('try 1: bb\ntry 2: bb\n');
    expect(sh.prompt).toBe('/ # ');
    // a pipeline after done takes the whole loop's output; shell variables keep their value between lines
    expect(text(sh.run(cluster, 'for i in 1 2 3; do echo $i; done | grep -v 2').output)).toBe('1\n3\n');
    expect(text(sh.run(cluster, 'n=7; echo $n').output)).toBe('7\n');
    expect(text(sh.run(cluster, 'echo $n `echo -n x`y').output)).toBe('7 xy\n');
    expect(text(sh.run(cluster, 'seq 3 -1 1').output)).toBe('3\n2\n1\n');
    // busybox ash has no brace expansion (bash does, below)
    expect(text(sh.run(cluster, 'for i in {1..2}; do echo $i; done').output)).toBe('{1..2}\n');
    // exit inside a loop ends the shell
    expect(sh.run(cluster, 'for i in 1 2; do exit 4; done')).toMatchObject({ exitCode: 4, ended: true });
  });

  it('a line that sleeps stops there for the host to let the time pass, and goes on with resume', () => {
    const sh = attach('exec -it bb -- sh');
    const start = cluster.now();
    let r = sh.run(cluster, 'for i in 1 2; do echo tick $i; sleep 5; done; echo end');
    const seen: string[] = [];
    for (;;) {
      seen.push(text(r.output));
      if (r.sleepMs === undefined || !r.resume) break;
      expect(r.sleepMs).toBe(5000);
      cluster.advance(r.sleepMs);
      r = r.resume(cluster);
    }
    expect(seen).toEqual(['tick 1\n', 'tick 2\n', 'end\n']);
    expect(cluster.now()).toBe(start + 10_000);
    // Ctrl+C during a sleep: the line is over, $? is 130
    const looping = sh.run(cluster, 'for i in 1 2 3; do sleep 1; echo $i; done');
    expect(looping.sleepMs).toBe(1000);
    sh.interrupt();
    expect(looping.resume?.(cluster)).toEqual({ output: [], exitCode: 130, ended: false });
    expect(text(sh.run(cluster, 'echo $?').output)).toBe('130\n');
  });

  it('while and until loop on their condition; an endless one is stopped', () => {
    const sh = attach('exec -it bb -- sh');
    // biome-ignore lint/suspicious/noTemplateCurlyInString: shell text, where ${n} is the shell's expansion
    expect(text(sh.run(cluster, 'n=x; while [ "$n" != xxx ]; do n=${n}x; echo $n; done').output)).toBe('xx\nxxx\n');
    expect(text(sh.run(cluster, 'i=3; until [ $i -le 1 ]; do echo $i; i=$(seq $i -1 1 | head -2 | tail -1); done').output)).toBe('3\n2\n');
    expect(text(sh.run(cluster, 'until wget -qO- -T 1 http://web >/dev/null 2>&1; do echo no; done; echo reached').output)).toBe('reached\n');
    const endless = sh.run(cluster, 'while true; do echo x > /dev/null; done; echo after');
    expect(text(endless.output)).toBe('svcsim: stopped the loop after 1000 rounds (its sleeps run at simulation speed: an endless loop would run away with the clock)\nafter\n');
  });

  it('if runs the first branch whose condition succeeds, else the else part; case runs the matching arm', () => {
    const sh = attach('exec -it bb -- sh');
    expect(text(sh.run(cluster, 'if wget -qO- -T 1 http://web >/dev/null 2>&1; then echo up; else echo down; fi').output)).toBe('up\n');
    expect(text(sh.run(cluster, 'n=5; if [ $n -lt 3 ]; then echo small; elif [ $n -lt 10 ]; then echo medium; else echo large; fi').output)).toBe('medium\n');
    // nested, over several lines (PS2 until the last fi), a loop inside a branch, and the output piped on
    expect(text(sh.run(cluster, 'if true; then').output)).toBe('');
    expect(sh.prompt).toBe('> ');
    expect(text(sh.run(cluster, 'for i in 3 1 2; do if [ $i -gt 1 ]; then echo $i; fi; done').output)).toBe('');
    expect(sh.prompt).toBe('> ');
    expect(text(sh.run(cluster, 'fi | sort').output)).toBe('2\n3\n');
    expect(sh.prompt).toBe('/ # ');
    // no branch ran: status 0; the branch's last command's status otherwise
    expect(text(sh.run(cluster, 'false; if false; then echo no; fi; echo $?').output)).toBe('0\n');
    expect(text(sh.run(cluster, 'if true; then false; fi; echo $?').output)).toBe('1\n');
    expect(text(sh.run(cluster, 'if true; else echo y; fi').output)).toBe('svcsim: syntax error: this if has a condition with no then\n');
    expect(text(sh.run(cluster, 'case x in x) echo y;; esac').output)).toBe('y\n');
  });

  it('bash expands {1..N} in a for list', () => {
    const sh = attach('exec -it deb -- bash');
    expect(text(sh.run(cluster, 'for i in {3..1}; do echo $i; done').output)).toBe('3\n2\n1\n');
  });

  it('a for loop of wget through the Service reaches its endpoints (kube-proxy picks one a connection)', () => {
    run('scale deployment web --replicas=3');
    run('wait --for=condition=Ready pod -l app=web --timeout=120s');
    const sh = attach('exec -it bb -- sh');
    const r = sh.run(cluster, 'for i in $(seq 30); do wget -qO- http://web >/dev/null && echo ok; done | wc -l');
    expect(text(r.output).trim()).toBe('30');
    // the redirections scripts use: to /dev/null, stderr into the pipe, stdout to stderr; a file is not simulated
    expect(sh.run(cluster, 'wget -qO- http://nope 2>/dev/null; echo $?').output).toEqual([{ stream: 'stdout', text: '1\n' }]);
    expect(text(sh.run(cluster, 'wget -qO- http://nope 2>&1 | grep -c bad').output)).toBe('1\n');
    expect(sh.run(cluster, 'echo oops >&2').output).toEqual([{ stream: 'stderr', text: 'oops\n' }]);
    // left to right, as the shell applies them: stdout took stderr's target before stderr went to /dev/null
    expect(sh.run(cluster, 'echo oops >&2 2>/dev/null').output).toEqual([{ stream: 'stderr', text: 'oops\n' }]);
    expect(sh.run(cluster, 'wget -qO- http://nope 2>&1 >/dev/null').output).toEqual([{ stream: 'stdout', text: "wget: bad address 'nope'\n" }]);
    expect(text(sh.run(cluster, 'echo x > /tmp/out').output)).toBe('svcsim: redirecting to /tmp/out is not simulated; >/dev/null, 2>/dev/null, 2>&1 and >&2 are\n');
  });
});


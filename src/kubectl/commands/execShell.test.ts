/**
 * `kubectl exec POD -- sh -c SCRIPT`: the image's shell runs the script (busybox ash, or dash as /bin/sh and bash
 * on Debian images; none in a scratch image such as traefik/whoami), `;`, `&&` and `||` in order, `$NAME` and
 * `${NAME}` from the process environment outside single quotes, and a command it cannot find ends with status
 * 127 and the shell's own words: busybox `sh: NAME: not found` (shell/ash.c), dash `sh: 1: NAME: not found`,
 * bash `bash: line 1: NAME: command not found`.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { type Cluster, createCluster } from '../../engine';
import { splitCommandLine } from '../commandLine';
import { runKubectl } from '../kubectl';
import { environLookup, expandShell } from '../../engine/kubelet/apps/shellSyntax';

let cluster: Cluster;
const run = (line: string) => runKubectl({ cluster }, splitCommandLine(line));

beforeAll(() => {
  cluster = createCluster({ seed: 3 });
  run('run bb --image=busybox:1.36 --command -- sh -c "touch /tmp/made && sleep 3600"');
  run('run deb --image=debian:12 --command -- sleep 3600');
  run('run who --image=traefik/whoami');
  run('wait --for=condition=Ready pod --all --timeout=120s');
});

describe('kubectl exec -- sh -c', () => {
  it('runs the statements in order with && and ||, variables from the environment', () => {
    const r = run(`exec bb -- sh -c 'echo hi $HOSTNAME; false && echo never; false || echo then; printenv HOSTNAME'`);
    expect([r.stdout, r.stderr]).toEqual(['hi bb\nthen\nbb\n', '']);
  });

  it('sees the files its container made, as an exec probe does; the image words a missing one', () => {
    expect(run(`exec bb -- sh -c 'cat /tmp/made && echo there'`).stdout).toBe('there\n');
    expect(run('exec bb -- test -f /tmp/made').stderr).toBe('');
    expect(run('exec bb -- test -f /tmp/gone').stderr).toBe('command terminated with exit code 1\n');
    // busybox cat (coreutils/cat.c via bb_simple_perror_msg) and GNU cat word it differently
    expect(run('exec bb -- cat /tmp/gone').stderr).toBe("cat: can't open '/tmp/gone': No such file or directory\ncommand terminated with exit code 1\n");
    expect(run('exec deb -- cat /tmp/gone').stderr).toBe('cat: /tmp/gone: No such file or directory\ncommand terminated with exit code 1\n');
  });

  it('ends a command it cannot find with 127 and the shell\'s own message; exit sets the status', () => {
    expect(run(`exec bb -- sh -c 'frob'`).stderr).toBe('sh: frob: not found\ncommand terminated with exit code 127\n');
    expect(run(`exec deb -- sh -c 'frob'`).stderr).toBe('sh: 1: frob: not found\ncommand terminated with exit code 127\n');
    expect(run(`exec deb -- /bin/bash -c 'frob; exit 3'`).stderr).toBe('/bin/bash: line 1: frob: command not found\ncommand terminated with exit code 3\n');
    expect(run(`exec bb -- sh -c 'frob || echo fallback'`)).toMatchObject({ stdout: 'fallback\n', stderr: 'sh: frob: not found\n' });
  });

  it('date prints the virtual clock in UTC, as busybox and GNU date print it in the C locale; $((…)) counts', () => {
    const now = new Date(cluster.now());
    const day = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'][now.getUTCDay()];
    const time = now.toISOString().slice(11, 19);
    // busybox coreutils/date.c and GNU date default to `%a %b %e %H:%M:%S %Z %Y`; %e pads the day with a space
    expect(run('exec bb -- date').stdout).toMatch(new RegExp(`^${day} [A-Z][a-z]{2} [ \\d]\\d ${time} UTC ${now.getUTCFullYear()}\n$`));
    expect(run('exec deb -- date -u +%s').stdout).toBe(`${Math.floor(cluster.now() / 1000)}\n`);
    expect(run(`exec bb -- sh -c 'i=4; echo $((i * (2 + 1))) $(date +%F)'`).stdout).toBe(`12 ${now.toISOString().slice(0, 10)}\n`);
  });

  it('case picks the first arm whose pattern matches the expanded word', () => {
    expect(run(`exec bb -- sh -c 'v=prod; case "$v" in dev) echo D;; pr?d|stage) echo P;; esac; case x in [!a-w]) echo "not a-w";; esac'`).stdout).toBe('P\nnot a-w\n');
  });

  it('a shell the image lacks is not found by the runtime', () => {
    for (const [pod, shell] of [
      ['bb', 'bash'],
      ['who', 'sh'],
    ]) {
      expect(run(`exec ${pod} -- ${shell} -c 'echo x'`).stderr).toContain(`exec: "${shell}": executable file not found in $PATH: unknown`);
    }
  });
});

describe('expandShell', () => {
  it.each([
    // biome-ignore lint/suspicious/noTemplateCurlyInString: the shell's ${NAME}, not a template
    ['echo $A ${A}x "$A"', 'echo 1 1x "1"'],
    ["echo '$A' \"'$A'\"", "echo '$A' \"'1'\""],
    ['echo $MISSING. $ $1', 'echo . $ '],
  ])('%s', (input, want) => {
    expect(expandShell(input, environLookup(['A=1']))).toBe(want);
  });
});

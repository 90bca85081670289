/**
 * The scripted shell: the seed walk-through replayed as `svcsim shell` prints it (golden transcript), the same
 * bytes for the same seed, and the shell's own parts (continuations, $(...), jobs, kill).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { Cluster } from '../engine';
import { ShellSession } from './shellSession';
import { backgroundSuffix, expandVariables, parseAssignment, parseSleepDuration } from '../kubectl/shellWords';

const script = readFileSync(new URL('./testdata/seed.sh', import.meta.url), 'utf8');
const goldenUrl = new URL('./testdata/seed-shell.txt', import.meta.url);

function replay(seed: number): string {
  const session = new ShellSession(new Cluster({ seed }));
  let out = '';
  for (const line of script.split('\n')) out += session.feed(line);
  return out + session.close();
}

describe('svcsim shell', () => {
  it('replays the seed walk-through as the golden transcript', () => {
    const got = replay(1);
    if (process.env.UPDATE_GOLDEN) writeFileSync(goldenUrl, got);
    expect(got).toBe(readFileSync(goldenUrl, 'utf8'));
    // the story the seed tells: the watch saw the endpoint go and a new IP come
    expect(got).toMatch(/alpaca-prod {3}<none> /);
    expect(got).toContain('[1]+  Terminated              kubectl get endpoints alpaca-prod --watch');
  });

  it('prints the same bytes for the same seed, different ClusterIPs for another', () => {
    expect(replay(1)).toBe(replay(1));
    const ip = (t: string) => /alpaca-prod {3}ClusterIP {3}(\S+)/.exec(t)?.[1];
    expect(ip(replay(2))).not.toBe(ip(replay(1)));
  });

  it('runs from the command line with --seed, reading the script from stdin', () => {
    const out = execFileSync(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', 'shell', '--seed', '1'], { input: script, encoding: 'utf8' });
    expect(out).toBe(readFileSync(goldenUrl, 'utf8'));
  });

  it('edits through KUBE_EDITOR like a CI script would (sed on the temp file, or cp of a prepared file)', () => {
    const cluster = new Cluster({ seed: 1 });
    const files = new Map<string, string>();
    const s = new ShellSession(cluster, { readFile: (p) => files.get(p) });
    s.feed('kubectl create service clusterip web --tcp=80:8080');
    expect(s.feed(`KUBE_EDITOR="sed -i 's/type: ClusterIP/type: NodePort/'" kubectl edit service web`)).toContain('service/web edited');
    expect(s.feed('kubectl get svc web -o jsonpath={.spec.type}')).toContain('NodePort');
    // kubectl edit matches the saved objects to the originals by uid (editoptions.go visitToPatch)
    const uid = cluster.store.get('Service', 'default/web')?.metadata?.uid;
    files.set('svc.yaml', `apiVersion: v1\nkind: Service\nmetadata:\n  name: web\n  namespace: default\n  uid: ${uid}\nspec:\n  type: LoadBalancer\n  selector:\n    app: web\n  ports:\n  - port: 80\n`);
    s.feed('export KUBE_EDITOR="cp svc.yaml"');
    expect(s.feed('kubectl edit service web')).toContain('service/web edited');
    expect(s.feed('kubectl get svc web -o jsonpath={.spec.type}')).toContain('LoadBalancer');
    expect(s.feed('KUBE_EDITOR=vim kubectl edit service web')).toContain('KUBE_EDITOR must be');
  });

  it('understands continuations, assignments, $(...), & and sleep durations', () => {
    expect(expandVariables(`echo $A '$A' "\${A}"`, new Map([['A', 'x']]))).toBe(`echo x '$A' "x"`);
    expect(expandVariables(`echo $? \${?} '$?'`, new Map(), 3)).toBe("echo 3 3 '$?'");
    expect(expandVariables('echo $?', new Map())).toBe('echo $?');
    expect(expandVariables('kubectl logs $(kubectl get pods -l app=$A -o name | head -1)', new Map([['A', 'x']]), 0, (c) => `[${c}]\n\n`)).toBe(
      'kubectl logs [kubectl get pods -l app=x -o name | head -1]',
    );
    expect(expandVariables('echo $(kubectl get pods)', new Map())).toBe('echo $(kubectl get pods)');
    expect(parseAssignment('P=$(kubectl get pods -o name)')).toEqual({ name: 'P', command: 'kubectl get pods -o name' });
    expect(parseAssignment('N="two words"')).toEqual({ name: 'N', value: 'two words' });
    expect(backgroundSuffix('kubectl get ep -w &')).toEqual({ command: 'kubectl get ep -w', background: true });
    expect(parseSleepDuration('5m')).toBe(300_000);
    expect(parseSleepDuration('1.5s')).toBe(1500);
    expect(parseSleepDuration('soon')).toBeUndefined();
    const s = new ShellSession(new Cluster({ seed: 1 }));
    expect(s.feed('frobnicate')).toBe('$ frobnicate\nsvcsim: frobnicate: command not found (this shell runs kubectl, k, docker, svcsim, curl, sleep, jobs, kill, wait, echo, true and false)\n');
    expect(s.feed('kill %3')).toBe('$ kill %3\nsvcsim: kill: %3: no such job\n');
    expect(s.feed('sleep forever')).toBe("$ sleep forever\nsleep: invalid time interval 'forever'\n");
  });

  it('runs lists and loops as bash does: ; && || in order, for with the loop variable in double quotes, $?', () => {
    const s = new ShellSession(new Cluster({ seed: 1 }));
    const feed = (...lines: string[]) => lines.map((l) => s.feed(l)).join('');
    expect(feed('kubectl run a --image=nginx; kubectl run b --image=nginx', 'sleep 10')).toBe('$ kubectl run a --image=nginx; kubectl run b --image=nginx\npod/a created\npod/b created\n$ sleep 10\n');
    expect(feed(`for p in a b; do kubectl get pod "$p" -o jsonpath='{.metadata.name}{"\\n"}'; done`)).toBe(`$ for p in a b; do kubectl get pod "$p" -o jsonpath='{.metadata.name}{"\\n"}'; done\na\nb\n`);
    expect(feed('kubectl get pod x || echo missing')).toBe('$ kubectl get pod x || echo missing\nError from server (NotFound): pods "x" not found\nmissing\n');
    expect(feed('kubectl delete pod a && kubectl get pods -o name; echo $?')).toBe('$ kubectl delete pod a && kubectl get pods -o name; echo $?\npod "a" deleted from default namespace\npod/b\n0\n');
    expect(feed('kubectl get pod a; echo "status $?"')).toContain('Error from server (NotFound): pods "a" not found\nstatus 1\n');
    expect(s.status).toBe(0);
    expect(feed('for p in $(kubectl get pods -o name); do kubectl logs $p | wc -l; done')).toMatch(/\n\d+\n$/);
    // a pipeline inside a list, a loop's output piped on, $(( )) and {a..b} in its words, if and case
    expect(feed('kubectl get pods | grep -c Running; echo done')).toBe('$ kubectl get pods | grep -c Running; echo done\n1\ndone\n');
    expect(feed('for i in {0..2}; do echo "web-$i"; done | sort -r | head -2')).toBe('$ for i in {0..2}; do echo "web-$i"; done | sort -r | head -2\nweb-2\nweb-1\n');
    expect(feed('if kubectl get pod b -o name; then echo yes; else echo no; fi')).toContain('pod/b\nyes\n');
    expect(feed('case $p in pod/*) echo "a pod: $p";; *) echo other;; esac')).toMatch(/\na pod: pod\/b\n$/);
    expect(feed('! kubectl get pod zz; echo $?')).toBe('$ ! kubectl get pod zz; echo $?\nError from server (NotFound): pods "zz" not found\n0\n');
    // waits run in turn: each round of the loop moves virtual time by the wait's timeout
    s.feed('kubectl run c --image=nginx');
    expect(feed('until kubectl wait --for=condition=Ready pod/c --timeout=2s >/dev/null; do echo retry; done')).toContain("'>' is not supported");
    expect(feed('until kubectl wait --for=condition=Ready pod/c --timeout=2s; do echo retry; done')).toMatch(/^(error: timed out waiting for the condition on pods\/c\nretry\n)+pod\/c condition met\n$/m);
    expect(feed('false && echo no || echo "yes $?"; true; echo $?; echo -n x; echo -e "\\ty"')).toContain('yes 1\n0\nx\ty\n');
  });

  it('reads a compound command over lines (PS2), and refuses what it does not run before any of it runs', () => {
    const s = new ShellSession(new Cluster({ seed: 1 }));
    expect(s.feed('for i in 0 1; do')).toBe('');
    expect(s.feed('  # a comment')).toBe('');
    expect(s.feed('  echo "web-$i"')).toBe('');
    expect(s.feed('done')).toBe('$ for i in 0 1; do\n>   echo "web-$i"\n> done\nweb-0\nweb-1\n');
    expect(s.feed('kubectl run a --image=nginx; kubectl get pods > pods.txt')).toBe(
      "$ kubectl run a --image=nginx; kubectl get pods > pods.txt\nsvcsim: '>' is not supported: this shell runs commands, lists (; && ||), loops and here-documents (<<EOF), optionally piped into kubectl, cat, grep, head, tail, wc, sort and uniq\n",
    );
    expect(s.feed('kubectl get pods -o name')).toBe('$ kubectl get pods -o name\n');
    expect(s.feed('(kubectl get pods)')).toMatch(/subshells, groups and functions are not supported/);
    expect(s.feed('done')).toBe("$ done\nsvcsim: syntax error near unexpected token `done'\n");
    expect(s.feed('kubectl get pods; X=$(kubectl get pods; kubectl get svc)')).toContain("svcsim: ';' is not supported here");
    expect(s.feed('while true; do :; done; echo $?')).toBe(
      '$ while true; do :; done; echo $?\nsvcsim: stopped the loop after 1000 rounds (its sleeps run at simulation speed: an endless loop would run away with the clock)\n1\n',
    );
    expect(s.feed('for x in a b')).toBe('');
    expect(s.close()).toBe('$ for x in a b\nsvcsim: syntax error: unexpected end of file (no done, fi or esac closes the compound command)\n');
  });

  it('a foreground watch in a list is stopped as by Ctrl+C, which ends the list; an interactive session there gets its input closed', () => {
    const cluster = new Cluster({ seed: 1 });
    const s = new ShellSession(cluster);
    s.feed('kubectl run bb --image=busybox:1.36 --command -- sleep 3600');
    s.feed('sleep 10');
    expect(s.feed('kubectl get pods -w; echo never')).toBe('$ kubectl get pods -w; echo never\nNAME   READY   STATUS    RESTARTS   AGE\nbb     1/1     Running   0          10s\n');
    expect(s.feed('for i in 1; do kubectl get pods -w; done | wc -l; echo after')).toBe(
      '$ for i in 1; do kubectl get pods -w; done | wc -l; echo after\nsvcsim: a watch cannot be piped (this shell pipes commands that finish)\n2\nafter\n',
    );
    expect(s.feed('kubectl exec -it bb -- sh && echo attached; echo after')).toBe(
      '$ kubectl exec -it bb -- sh && echo attached; echo after\nsvcsim: an interactive session cannot read the terminal inside a list or a loop: its input was closed at once (run it on a line of its own)\nafter\n',
    );
    // the next line is the terminal's again, not the pod shell's
    expect(s.feed('kubectl get pod bb -o name')).toBe('$ kubectl get pod bb -o name\npod/bb\n');
  });
});

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
    expect(parseAssignment('P=$(kubectl get pods -o name)')).toEqual({ name: 'P', command: 'kubectl get pods -o name' });
    expect(parseAssignment('N="two words"')).toEqual({ name: 'N', value: 'two words' });
    expect(backgroundSuffix('kubectl get ep -w &')).toEqual({ command: 'kubectl get ep -w', background: true });
    expect(parseSleepDuration('5m')).toBe(300_000);
    expect(parseSleepDuration('1.5s')).toBe(1500);
    expect(parseSleepDuration('soon')).toBeUndefined();
    const s = new ShellSession(new Cluster({ seed: 1 }));
    expect(s.feed('frobnicate')).toBe('$ frobnicate\nsvcsim: frobnicate: command not found (this shell runs kubectl, k, docker, svcsim, curl, sleep, jobs, kill, wait and echo)\n');
    expect(s.feed('kill %3')).toBe('$ kill %3\nsvcsim: kill: %3: no such job\n');
    expect(s.feed('sleep forever')).toBe("$ sleep forever\nsleep: invalid time interval 'forever'\n");
  });
});

/**
 * The README's transcripts are what the shell prints: each ```console block marked with a
 * `<!-- transcript: FLAGS -->` line just above it is replayed through `svcsim shell FLAGS` (its `$ ` lines are
 * the script, and so are the lines at a shell's prompt in a pod: busybox `/ # `, bash `root@POD:/# `, and `> `
 * where a shell reads on: a line ended by `\` or an unfinished `for` loop) and
 * compared line by line. A README line `...` stands for any number of lines, a line ending in
 * `...` for any line that starts with what precedes it; trailing blanks are not compared (ipvsadm pads its
 * columns, editors strip them). FLAGS: `--playground`, `--seed N`, and a flow-style cluster config such as
 * `{proxyMode: ipvs}`.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { Cluster, type ClusterConfig } from '../engine';
import { startLikePlayground } from '../scenario/playgroundStart';
import { ShellSession } from './shellSession';

interface Transcript {
  /** 1-based line of the block's opening fence in README.md. */
  line: number;
  flags: string;
  lines: string[];
}

function transcriptsOf(readme: string): Transcript[] {
  const lines = readme.split('\n');
  const found: Transcript[] = [];
  for (let i = 1; i < lines.length; i++) {
    const mark = /^<!-- transcript:(.*)-->$/.exec(lines[i - 1]);
    if (!mark || lines[i] !== '```console') continue;
    const end = lines.indexOf('```', i + 1);
    found.push({ line: i + 1, flags: mark[1].trim(), lines: lines.slice(i + 1, end) });
  }
  return found;
}

function sessionFor(flags: string): ShellSession {
  let config: Partial<ClusterConfig> = {};
  const inline = /\{.*\}/.exec(flags);
  if (inline) config = parse(inline[0]) as Partial<ClusterConfig>;
  const seed = /--seed (\d+)/.exec(flags);
  const cluster = new Cluster({ ...config, ...(seed ? { seed: Number(seed[1]) } : {}) });
  if (flags.includes('--playground')) expect(startLikePlayground(cluster)).toEqual([]);
  // `kubectl apply -f docs/examples/…` reads the repository's files, as `npm run -s svcsim -- shell` run from its root does
  return new ShellSession(cluster, { readFile: (path) => readFileSync(new URL(`../../${path}`, import.meta.url), 'utf8') });
}

/** Where `want` (with its `...` elisions) stops matching `got`, or undefined when it matches. */
function mismatch(want: string[], got: string[]): string | undefined {
  const matches = (w: string, g: string) => (w.endsWith('...') ? g.startsWith(w.slice(0, -3)) : w.trimEnd() === g.trimEnd());
  const matchFrom = (wi: number, gi: number): boolean => {
    if (wi === want.length) return gi === got.length;
    if (want[wi] === '...') {
      for (let k = gi; k <= got.length; k++) if (matchFrom(wi + 1, k)) return true;
      return false;
    }
    return gi < got.length && matches(want[wi], got[gi]) && matchFrom(wi + 1, gi + 1);
  };
  return matchFrom(0, 0) ? undefined : got.join('\n');
}

const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');
const transcripts = transcriptsOf(readme);

describe("the README's transcripts", () => {
  it('marks the data-plane transcripts the issue asks for', () => {
    const all = transcripts.map((t) => t.lines.join('\n')).join('\n');
    for (const command of ['kubectl exec app -- nslookup', 'kubectl exec app -- wget', '-- env', 'iptables-save -t nat', 'ipvsadm -Ln']) {
      expect(all).toContain(command);
    }
  });

  it.each(transcripts.map((t) => [t.line, t] as const))('README.md:%i prints what the shell prints', (_line, t) => {
    const session = sessionFor(t.flags);
    let got = '';
    for (const l of t.lines) {
      const prompt = /^(\$ |\/ # |root@[\w.-]+:\/# |> )/.exec(l);
      if (prompt) got += session.feed(l.slice(prompt[0].length));
    }
    got += session.close();
    // the diff shows the whole transcript the shell printed, to paste into the README
    expect(mismatch(t.lines, got.replace(/\n$/, '').split('\n')), `README.md:${t.line} (${t.flags})`).toBeUndefined();
  });
});

import { describe, expect, it } from 'vitest';
import { splitCommandLine } from '../commandLine';
import { applyFilters, capturePiped, parseLine } from './pipeline';

// Formats and statuses follow GNU coreutils (src/wc.c, src/head.c, src/tail.c, src/sort.c, src/uniq.c) and GNU grep (src/grep.c).
const table = 'NAME   STATUS\nweb-1  Running\nWeb-2  Pending\napi-1  Running\n';
/** The filter stages of `kubectl get pods | FILTER`, as words. */
const filtersOf = (filter: string) => {
  const p = parseLine(`kubectl get pods | ${filter}`);
  if (p.kind !== 'pipeline') throw new Error(p.kind);
  return p.stages.slice(1).map((s) => splitCommandLine(s.text));
};
const run = (filter: string) => applyFilters(filtersOf(filter), table);

describe('parseLine', () => {
  it('splits at unquoted pipes only', () => {
    expect(parseLine("kubectl get pods | grep -E 'a|b'")).toEqual({ kind: 'pipeline', stages: [{ text: 'kubectl get pods' }, { text: "grep -E 'a|b'" }] });
    expect(parseLine('kubectl get pods -o jsonpath="{.items[*]}"').kind).toBe('simple');
    expect(parseLine('N=$(kubectl get pods | wc -l)').kind).toBe('simple');
  });
  it('names shell syntax it does not run', () => {
    const p = parseLine('kubectl get pods && echo done');
    expect(p.kind === 'unsupported' && p.message).toContain("'&&' is not supported");
    expect(parseLine('kubectl get pods > out.txt').kind).toBe('unsupported');
    expect(parseLine('kubectl get pods |').kind).toBe('unsupported');
  });
});

describe('filters', () => {
  it('grep -i -v -c -n -w -E', () => {
    expect(run('grep -i web').stdout).toBe('web-1  Running\nWeb-2  Pending\n');
    expect(run('grep -vi web').stdout).toBe('NAME   STATUS\napi-1  Running\n');
    expect(run('grep -c Running')).toEqual({ stdout: '2\n', stderr: '', exitCode: 0 });
    expect(run('grep -n api').stdout).toBe('4:api-1  Running\n');
    expect(run('grep -w web').stdout).toBe('web-1  Running\n');
    expect(run('grep -w we').exitCode).toBe(1);
    expect(run("grep -E 'api|Pending'").stdout).toBe('Web-2  Pending\napi-1  Running\n');
    // a basic regular expression's | is a literal; \| alternates (GNU)
    expect(run("grep 'api|Pending'").exitCode).toBe(1);
    expect(run("grep 'api\\|Pending'").stdout).toBe('Web-2  Pending\napi-1  Running\n');
    expect(run('grep -c nothing')).toEqual({ stdout: '0\n', stderr: '', exitCode: 1 });
  });
  it('grep errors as GNU grep prints them', () => {
    expect(run('grep -Z x')).toEqual({ stdout: '', stderr: "grep: invalid option -- 'Z'\nUsage: grep [OPTION]... PATTERNS [FILE]...\nTry 'grep --help' for more information.\n", exitCode: 2 });
    expect(run("grep '['").stderr).toBe('grep: Unmatched [, [^, [:, [., or [=\n');
  });
  // outputs checked against GNU grep 3.8 on the same input: context lines numbered `N-`, `--` between groups that
  // do not touch (any context option turns it on, even 0), -o passing over context lines silently
  it('grep -A -B -C and -NUM context, as GNU grep prints it', () => {
    const lines = ['a1', 'b2', 'x3', 'c4', 'd5', 'x6', 'e7', 'f8', 'g9', 'h10', 'x11', 'i12', 'x13', 'j14'].join('\n') + '\n';
    const g = (filter: string) => applyFilters(filtersOf(filter), lines).stdout;
    expect(g('grep -A1 x')).toBe('x3\nc4\n--\nx6\ne7\n--\nx11\ni12\nx13\nj14\n');
    expect(g('grep -nB1 x')).toBe('2-b2\n3:x3\n--\n5-d5\n6:x6\n--\n10-h10\n11:x11\n12-i12\n13:x13\n');
    expect(g('grep -2 x6')).toBe('c4\nd5\nx6\ne7\nf8\n');
    expect(g('grep -A 0 x')).toBe('x3\n--\nx6\n--\nx11\n--\nx13\n');
    expect(g('grep -C3 -A0 x6')).toBe('x3\nc4\nd5\nx6\n');
    expect(g('grep -oA1 x.')).toBe('x3\n--\nx6\n--\nx1\nx1\n');
    expect(g('grep -c -C2 x')).toBe('4\n');
    expect(run('grep -A z x')).toEqual({ stdout: '', stderr: 'grep: z: invalid context length argument\n', exitCode: 2 });
  });
  it('head, tail, wc, sort, uniq', () => {
    expect(run('head -n 2').stdout).toBe('NAME   STATUS\nweb-1  Running\n');
    expect(run('head -1').stdout).toBe('NAME   STATUS\n');
    expect(run('tail -n 1').stdout).toBe('api-1  Running\n');
    expect(run('tail -n +4').stdout).toBe('api-1  Running\n');
    expect(run('head -n x').stderr).toBe("head: invalid number of lines: 'x'\n");
    expect(run('wc -l').stdout).toBe('4\n');
    expect(run('wc').stdout).toBe('      4       8      59\n');
    expect(run('sort').stdout).toBe('NAME   STATUS\nWeb-2  Pending\napi-1  Running\nweb-1  Running\n');
    expect(run('sort -r | head -1').stdout).toBe('web-1  Running\n');
    expect(run("grep -o 'Running' | uniq -c").stdout).toBe('      2 Running\n');
    expect(run('sort -n | head -1').stdout).toBe('NAME   STATUS\n');
    expect(run('awk 1').exitCode).toBe(127);
  });
});

describe('capturePiped', () => {
  it('filters the stdout of a command substitution', () => {
    const run = (c: string) => ({ stdout: c === 'kubectl get pods' ? table : '', stderr: '', exitCode: 0 });
    expect(capturePiped('kubectl get pods | grep -c Running', run)).toEqual({ stdout: '2\n', stderr: '', exitCode: 0 });
    expect(capturePiped('kubectl get pods', run).stdout).toBe(table);
    // the terminals take their lists apart first (shellLists.ts): one inside $(...) is refused
    expect(capturePiped('kubectl get pods; kubectl get svc', run)).toEqual({
      stdout: '',
      stderr: "svcsim: ';' is not supported here: this runs one command, optionally piped into kubectl, cat, grep, head, tail, wc, sort and uniq\n",
      exitCode: 2,
    });
  });
});

import { describe, expect, it } from 'vitest';
import { matchesCasePattern, scriptCommands, splitPipes, splitStatements } from './shellSyntax';

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
    expect(scriptCommands('while true; do echo x; done; case a in a) b;; esac; echo after').commands).toEqual([
      { type: 'while', until: false, condition: 'true', body: 'echo x', after: ';' },
      { type: 'case', word: 'a', arms: [{ patterns: ['a'], body: 'b' }], after: ';' },
      { type: 'simple', text: 'echo after', after: ';' },
    ]);
    // an arm with no ): the shell's syntax error, gathered as a compound command svcsim does not run
    expect(scriptCommands('case a in b; esac').commands).toEqual([{ type: 'compound', keyword: 'case', after: ';' }]);
    // until's condition is the whole list before do
    expect(scriptCommands('until sleep 1; nslookup web; do echo no; done').commands).toEqual([
      { type: 'while', until: true, condition: 'sleep 1; nslookup web', body: 'echo no', after: ';' },
    ]);
  });

  it("gathers an if's branches, split at its own then, elif and else (not those of an if inside it)", () => {
    expect(scriptCommands('if a; b; then c; elif d; then if e; then f; else g; fi; else h; fi | sort').commands).toEqual([
      {
        type: 'if',
        branches: [
          { condition: 'a; b', body: 'c' },
          { condition: 'd', body: 'if e; then f; else g; fi' },
        ],
        otherwise: 'h',
        after: ';',
        pipeTo: ['sort'],
      },
    ]);
    // no then: the shell's syntax error, gathered as a compound command svcsim does not run
    expect(scriptCommands('if a; else b; fi').commands).toEqual([{ type: 'compound', keyword: 'if', after: ';' }]);
  });

  // POSIX 2.9.4.3 (case) and 2.13 (pattern matching notation)
  it("gathers a case's arms at its own ;; (not those of a case inside an arm), patterns split at unquoted |", () => {
    expect(scriptCommands(`case "$1" in (start|'st|op') a; b;; *) case x in x) c;; esac; d;;\n  [0-9]*) ;; esac | sort`).commands).toEqual([
      {
        type: 'case',
        word: '"$1"',
        arms: [
          { patterns: ['start', "'st|op'"], body: 'a; b' },
          { patterns: ['*'], body: 'case x in x) c ;; esac; d' },
          { patterns: ['[0-9]*'], body: '' },
        ],
        after: ';',
        pipeTo: ['sort'],
      },
    ]);
  });

  it('matches case patterns as the shell does: * ? [..] [!..], quotes and backslashes literal', () => {
    expect(matchesCasePattern('web*', 'web-0')).toBe(true);
    expect(matchesCasePattern('pr?d', 'prod')).toBe(true);
    expect(matchesCasePattern('pr?d', 'pod')).toBe(false);
    expect(matchesCasePattern('[0-9]*', '7up')).toBe(true);
    expect(matchesCasePattern('[!0-9]*', '7up')).toBe(false);
    expect(matchesCasePattern('"*"', 'x')).toBe(false);
    expect(matchesCasePattern("'a*'", 'a*')).toBe(true);
    expect(matchesCasePattern('\\*', '*')).toBe(true);
    expect(matchesCasePattern('a.b', 'axb')).toBe(false);
  });

  it('a command substitution keeps its own statements and pipes', () => {
    expect(splitStatements('echo $(hostname; echo x) && echo y')).toEqual([
      { text: 'echo $(hostname; echo x)', after: ';' },
      { text: 'echo y', after: '&&' },
    ]);
    expect(splitPipes('echo $(cat /etc/hosts | head -1) | grep x')).toEqual(['echo $(cat /etc/hosts | head -1)', 'grep x']);
  });
});

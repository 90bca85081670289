import { describe, expect, it } from 'vitest';
import { applyFilters } from './pipeline';
import { runBuiltin } from './builtins';
import { withoutBodies } from './hereDocumentToken';
import { type ListHost, runList, scriptOf } from './shellLists';

/**
 * Runs a line's list against a shell whose simple commands are `echo` (its words, expanded from the variables
 * as the terminals do: `$NAME` only), `fail` (status 1) and `status` (prints `$?`); returns what it printed.
 */
function run(line: string, vars = new Map<string, string>()): { out: string; status: number; ran: string[] } {
  const script = scriptOf(line);
  if (script.kind !== 'list') throw new Error(script.kind);
  let out = '';
  const gathered: string[] = [];
  const ran: string[] = [];
  const print = (text: string) => {
    if (gathered.length) gathered[gathered.length - 1] += text;
    else out += text;
  };
  const host: ListHost = {
    vars,
    substitute: (command) => (command === 'list pods' ? 'pod/a\npod/b\n' : ''),
    say: print,
    gather: () => gathered.push(''),
    filter: (filters) => {
      const f = applyFilters(filters, gathered.pop() ?? '');
      print(f.stderr + f.stdout);
      return f.exitCode;
    },
  };
  const list = runList(script.commands, host, 0);
  for (let step = list.next(); ; ) {
    if (step.done) return { out, status: step.value, ran };
    const { command, status } = step.value;
    ran.push(command);
    const words = command.replace(/\$(\w+)/g, (_, name: string) => vars.get(name) ?? '').split(/\s+/);
    if (words[0] === 'status') print(`${status}\n`);
    else if (words[0] === 'echo') print(`${words.slice(1).join(' ').replace(/"/g, '')}\n`);
    step = list.next(words[0] === 'fail' ? 1 : 0);
  }
}

describe('scriptOf', () => {
  it('leaves one simple command to the shell as it is, and reads lists and compound commands', () => {
    const single = (line: string) => ({ kind: 'single', line });
    expect(scriptOf('kubectl get pods | grep web')).toEqual(single('kubectl get pods | grep web'));
    expect(scriptOf('N=$(kubectl get pods; kubectl get svc)')).toEqual(single('N=$(kubectl get pods; kubectl get svc)'));
    expect(scriptOf("kubectl get pods -o jsonpath='{.items[*].metadata.name}; x'")).toEqual(single("kubectl get pods -o jsonpath='{.items[*].metadata.name}; x'"));
    expect(scriptOf('kubectl get pods;').kind).toBe('list');
    expect(scriptOf('! kubectl get pod x').kind).toBe('list');
    expect(scriptOf('a && b || c').kind).toBe('list');
    expect(scriptOf('for i in 0 1; do kubectl exec "web-$i" -- hostname; done').kind).toBe('list');
    expect(scriptOf('for i in 0 1; do')).toEqual({ kind: 'open' });
    expect(scriptOf('if a; then b')).toEqual({ kind: 'open' });
  });

  it('reads here-documents first: open until the delimiter, then one command carrying its body', () => {
    expect(scriptOf('kubectl apply -f - <<EOF')).toEqual({ kind: 'open' });
    expect(scriptOf('kubectl apply -f - <<EOF\nkind: Pod\n')).toEqual({ kind: 'open' });
    const one = scriptOf('kubectl apply -f - <<EOF\nkind: Pod\nEOF');
    expect(one.kind === 'single' && withoutBodies(one.line)).toBe('kubectl apply -f - <<EOF');
    // a body is never read as commands: `done`, `;` and quotes in it are text
    expect(scriptOf("for i in 1; do cat <<EOF\ndone; it's\nEOF\n")).toEqual({ kind: 'open' });
    expect(scriptOf("for i in 1; do cat <<EOF\ndone; it's\nEOF\ndone").kind).toBe('list');
    expect(scriptOf('cat <<')).toEqual({ kind: 'refused', message: "svcsim: syntax error near unexpected token `newline'\n" });
  });

  it('refuses a syntax error or syntax it does not run anywhere in the line, before anything runs', () => {
    const message = (line: string) => {
      const s = scriptOf(line);
      return s.kind === 'refused' ? s.message : s.kind;
    };
    expect(message('echo a; done')).toBe("svcsim: syntax error near unexpected token `done'\n");
    expect(message('for i in a b; do echo $i > out; done')).toMatch(/^svcsim: '>' is not supported/);
    expect(message('for i in `ls`; do echo $i; done')).toMatch(/^svcsim: backquotes is not supported/);
    expect(message('for i in a | b; do echo $i; done')).toBe("svcsim: syntax error near unexpected token `|'\n");
    expect(message('for i in a <<EOF; do echo $i; done\nEOF')).toBe("svcsim: syntax error near unexpected token `<<'\n");
    expect(message('if a; then (b); fi')).toMatch(/^svcsim: subshells, groups and functions are not supported/);
    expect(message('{ a; b; }')).toMatch(/^svcsim: subshells/);
    expect(message('f() { a; }')).toMatch(/^svcsim: subshells/);
    expect(message('if a; fi')).toBe('svcsim: syntax error: this if has a condition with no then\n');
    expect(message('while a; done')).toBe('svcsim: syntax error: this while has no do\n');
    expect(message('for 1x in a; do b; done')).toBe('svcsim: syntax error: this for is not `for NAME in WORDS; do LIST; done`\n');
  });
});

describe('runList', () => {
  it('runs ; in order, && and || by the last status, ! inverted', () => {
    expect(run('fail; status')).toMatchObject({ out: '1\n', status: 0 });
    expect(run('fail && echo no || echo yes; status')).toMatchObject({ out: 'yes\n0\n', ran: ['fail', 'echo yes', 'status'] });
    expect(run('echo a || echo no && echo b')).toMatchObject({ out: 'a\nb\n' });
    expect(run('! fail && status')).toMatchObject({ out: '0\n', ran: ['fail', 'status'] });
    expect(run('fail;').status).toBe(1);
  });

  it('for: the words expanded ($NAME, $(…), {a..b}), the variable set for the body and left set after', () => {
    const vars = new Map([['SUFFIX', 'x']]);
    expect(run('for i in 0 1; do echo "web-$i"; done', vars)).toMatchObject({ out: 'web-0\nweb-1\n', status: 0 });
    expect(vars.get('i')).toBe('1');
    expect(run('for p in $(list pods) "c $SUFFIX"; do echo $p; done', vars).out).toBe('pod/a\npod/b\nc x\n');
    expect(run('for n in {3..1}; do echo $n; done').out).toBe('3\n2\n1\n');
    expect(run('for n in; do echo $n; done; status').out).toBe('0\n');
    expect(run('for a in 1 2; do for b in x y; do echo $a$b; done; done').out).toBe('1x\n1y\n2x\n2y\n');
    expect(run('for i in 1 2; do fail; done').status).toBe(1);
  });

  it("a loop's output piped on goes through the filters once the loop ends", () => {
    expect(run('for i in b a c; do echo $i; done | sort | head -2; echo end')).toMatchObject({ out: 'a\nb\nend\n', status: 0 });
    expect(run('for i in a; do echo $i; done | grep z').status).toBe(1);
  });

  it('while and until by the condition, stopped after maxLoopRounds; if and case', () => {
    expect(run('while fail; do echo never; done; status')).toMatchObject({ out: '0\n' });
    const endless = run('until fail; do echo; done');
    expect(endless.status).toBe(1);
    expect(endless.out).toMatch(/svcsim: stopped the loop after 1000 rounds/);
    expect(run('if fail; then echo a; elif echo b; then echo c; else echo d; fi').out).toBe('b\nc\n');
    expect(run('if fail; then echo a; fi; status').out).toBe('0\n');
    expect(run('case web-1 in db*) echo db;; web-*) echo web;; esac').out).toBe('web\n');
  });
});

describe('builtins', () => {
  it('echo -n -e, true, false and :', () => {
    expect(runBuiltin(['echo', 'a', 'b'])).toEqual({ stdout: 'a b\n', exitCode: 0 });
    expect(runBuiltin(['echo', '-n', 'a'])).toEqual({ stdout: 'a', exitCode: 0 });
    expect(runBuiltin(['echo', '-e', 'a\\tb\\n'])).toEqual({ stdout: 'a\tb\n\n', exitCode: 0 });
    expect(runBuiltin(['echo', '-x', 'a'])?.stdout).toBe('-x a\n');
    expect(runBuiltin(['echo'])?.stdout).toBe('\n');
    expect(runBuiltin(['false'])).toEqual({ stdout: '', exitCode: 1 });
    expect(runBuiltin([':'])?.exitCode).toBe(0);
    expect(runBuiltin(['kubectl'])).toBeUndefined();
  });
});

/**
 * `svcsim shell` piping into kubectl and reading here-documents, as bash 5.2 runs the same script in front of
 * kubectl v1.34: the transcript shows the body after `> ` (bash's PS2), the status is the last stage's.
 */
import { describe, expect, it } from 'vitest';
import { Cluster } from '../engine';
import { ShellSession } from './shellSession';

function shell() {
  const cluster = new Cluster({ seed: 1 });
  const s = new ShellSession(cluster);
  const feed = (...lines: string[]) => lines.map((l) => s.feed(l)).join('');
  return { cluster, s, feed };
}

describe('svcsim shell: pipes into kubectl', () => {
  it('kubectl reads what the command before it printed (-f -); the status is the last stage', () => {
    const { feed, cluster } = shell();
    expect(feed('kubectl create configmap game-config --from-literal=level=extreme -o yaml --dry-run=client | kubectl apply -f -')).toBe(
      '$ kubectl create configmap game-config --from-literal=level=extreme -o yaml --dry-run=client | kubectl apply -f -\nconfigmap/game-config created\n',
    );
    expect(cluster.store.get('ConfigMap', 'default/game-config')).toMatchObject({ data: { level: 'extreme' } });
    expect(feed('kubectl get cm game-config -o yaml | grep -v resourceVersion | kubectl apply -f -')).toContain('configmap/game-config configured\n');
    expect(feed(`echo '{"apiVersion":"v1","kind":"ConfigMap","metadata":{"name":"from-echo"}}' | k create -f -`)).toContain('configmap/from-echo created\n');
    // every stage's stderr is shown; kubectl read an empty stdin
    expect(feed('kubectl get pod nope | kubectl create -f -', 'echo $?')).toBe(
      '$ kubectl get pod nope | kubectl create -f -\nError from server (NotFound): pods "nope" not found\nerror: no objects passed to create\n$ echo $?\n1\n',
    );
    expect(feed('kubectl get cm game-config -o name | kubectl get -f - 2>/dev/null')).toMatch(/'>' is not supported/);
  });

  it('a watch piped into kubectl says it cannot be piped, once; other commands after a pipe say they are not supported', () => {
    const { feed } = shell();
    expect(feed('kubectl get pods -w | kubectl apply -f -', 'echo $?')).toBe(
      '$ kubectl get pods -w | kubectl apply -f -\nsvcsim: a watch cannot be piped (this shell pipes commands that finish)\n$ echo $?\n1\n',
    );
    expect(feed('echo x | docker ps', 'echo $?')).toBe(
      '$ echo x | docker ps\nsvcsim: docker: not supported after a pipe (this shell pipes into kubectl, cat, grep, head, tail, wc, sort and uniq)\n$ echo $?\n127\n',
    );
  });

  it("pipes inside a loop whose output is piped on feed the loop's pipe", () => {
    const { feed } = shell();
    expect(feed('for n in a b; do kubectl create cm "c-$n" --dry-run=client -o yaml | kubectl apply -f -; done | grep -c created')).toMatch(/\n2\n$/);
  });
});

describe('svcsim shell: here-documents', () => {
  it('reads the body up to the delimiter, blank and comment lines included, and expands $NAME unless quoted', () => {
    const { feed, cluster } = shell();
    const lines = ['NAME=web', 'kubectl apply -f - <<EOF', 'apiVersion: v1', 'kind: ConfigMap', 'metadata:', '  name: $NAME', 'data:', '  # kept', '', "  both: '$NAME \\$NAME'", 'EOF'];
    expect(lines.slice(0, -1).map((l) => feed(l)).join('')).toBe('$ NAME=web\n');
    expect(feed('EOF')).toBe(`$ kubectl apply -f - <<EOF\n${lines.slice(2, -1).map((l) => `> ${l}\n`).join('')}> EOF\nconfigmap/web created\n`);
    expect(cluster.store.get('ConfigMap', 'default/web')).toMatchObject({ data: { both: 'web $NAME' } });
    expect(feed("cat <<'EOF' | kubectl create -f -", 'apiVersion: v1', 'kind: ConfigMap', 'metadata:', '  name: lit-$NAME', 'EOF')).toContain(
      'The ConfigMap "lit-$NAME" is invalid',
    );
  });

  it('<<- strips tabs; a body line ending in \\ joins the next as bash reads a body; cat prints a body', () => {
    const { feed } = shell();
    expect(feed('cat <<-EOF', '\tone \\', '\t\ttwo', '\tEOF')).toBe('$ cat <<-EOF\n> \tone \\\n> \t\ttwo\n> \tEOF\none \t\ttwo\n');
    expect(feed("cat <<'X'", 'a \\', 'X')).toBe("$ cat <<'X'\n> a \\\n> X\na \\\n");
  });

  it('here-documents in a loop are read for each round with its variables', () => {
    const { feed } = shell();
    expect(feed('for i in 1 2; do', '  cat <<EOF', 'round $i', 'EOF', 'done')).toBe('$ for i in 1 2; do\n>   cat <<EOF\n> round $i\n> EOF\n> done\nround 1\nround 2\n');
  });

  it("at the end of the input an open body ends there, with bash's warning, and the command runs", () => {
    const { feed, s } = shell();
    expect(feed('echo a', 'kubectl apply -f - <<EOF', 'apiVersion: v1', 'kind: Namespace', 'metadata:', '  name: late')).toBe('$ echo a\na\n');
    expect(s.close()).toBe(
      "$ kubectl apply -f - <<EOF\n> apiVersion: v1\n> kind: Namespace\n> metadata:\n>   name: late\nsvcsim: line 6: warning: here-document at line 2 delimited by end-of-file (wanted `EOF')\nnamespace/late created\n",
    );
  });

  it('refuses an operator with no word, and other redirections as before', () => {
    const { feed } = shell();
    expect(feed('kubectl apply -f - <<')).toBe("$ kubectl apply -f - <<\nsvcsim: syntax error near unexpected token `newline'\n");
    expect(feed('kubectl apply -f - < pod.yaml')).toMatch(/svcsim: '<' is not supported/);
  });
});

/**
 * Here-documents as bash 5.2 reads them (bash manual, 3.6.6 Here Documents); each expectation below was checked
 * against `printf … | bash` on the same text.
 */
import { describe, expect, it } from 'vitest';
import { hereDocumentInput } from './hereDocumentBody';
import { endHereDocuments, endOfFileWarning, readHereDocuments } from './hereDocuments';
import { type HereDocument, hereDocumentToken, readHereDocumentToken, withoutBodies } from './hereDocumentToken';
import { parseLine } from './pipeline';

/** The here-documents of a script, in order, as the pipeline parser finds them in its folded lines. */
function docsOf(text: string): HereDocument[] {
  const read = readHereDocuments(text);
  if (read.kind !== 'read') throw new Error(read.kind);
  return read.script.split('\n').flatMap((line) => {
    const parsed = parseLine(line);
    return parsed.kind === 'pipeline' ? parsed.stages.flatMap((s) => (s.hereDocument ? [s.hereDocument] : [])) : [];
  });
}

describe('readHereDocuments', () => {
  it('reads the lines after the command up to the delimiter, and folds the body into the operator', () => {
    const read = readHereDocuments('kubectl apply -f - <<EOF\napiVersion: v1\nkind: Namespace\nEOF\nkubectl get ns');
    expect(read.kind).toBe('read');
    if (read.kind !== 'read') return;
    expect(read.bodyLines).toEqual([1, 2, 3]);
    expect(read.script.split('\n')).toHaveLength(2);
    expect(withoutBodies(read.script)).toBe('kubectl apply -f - <<EOF\nkubectl get ns');
    expect(docsOf('kubectl apply -f - <<EOF\napiVersion: v1\nkind: Namespace\nEOF')).toEqual([{ delimiter: 'EOF', body: 'apiVersion: v1\nkind: Namespace\n', quoted: false }]);
  });

  it('is open until the delimiter line, which must be the word alone', () => {
    expect(readHereDocuments('cat <<EOF')).toEqual({ kind: 'open', delimiter: 'EOF', line: 0, bodyLines: [], joining: false });
    expect(readHereDocuments('cat <<EOF\na\n EOF\nEOF ')).toMatchObject({ kind: 'open', bodyLines: [1, 2, 3] });
    expect(readHereDocuments('echo a\ncat <<EOF\na\nEOF').kind).toBe('read');
  });

  it('quoted delimiters keep the body literal; <<- strips leading tabs of the body and the delimiter line', () => {
    expect(docsOf("cat <<'EOF'\n$HOME\nEOF")).toEqual([{ delimiter: 'EOF', body: '$HOME\n', quoted: true }]);
    expect(docsOf('cat << "E O"\nx\nE O')[0]).toMatchObject({ delimiter: 'E O', quoted: true });
    expect(docsOf('cat <<E\\OF\nx\nEOF')[0]).toMatchObject({ delimiter: 'EOF', quoted: true });
    expect(docsOf('cat <<-EOF\n\t\tx\n  y\n\tEOF')[0].body).toBe('x\n  y\n');
    // without `-` a tab-indented delimiter is a body line
    expect(readHereDocuments('cat <<EOF\n\tEOF').kind).toBe('open');
  });

  it('unquoted, a line ending in \\ joins the next before tabs are stripped and the delimiter is matched', () => {
    expect(docsOf('cat <<-EOF\n\tone \\\n\t\ttwo\n\tEOF')[0].body).toBe('one \t\ttwo\n');
    expect(readHereDocuments('cat <<EOF\na\\\nEOF')).toMatchObject({ kind: 'open', bodyLines: [1, 2] });
    expect(docsOf('cat <<EOF\na\\\nEOF\nEOF')[0].body).toBe('aEOF\n');
    expect(docsOf('cat <<EOF\na\\\\\nEOF')[0].body).toBe('a\\\\\n');
    expect(docsOf("cat <<'EOF'\na\\\nEOF")[0].body).toBe('a\\\n');
  });

  it('takes several bodies in turn, inside lists and loops, after the line that holds their operators', () => {
    // both bodies are read; the last redirection is the command's stdin (bash prints `b`)
    expect(readHereDocuments('cat <<A <<B\na\nA\nb\nB')).toMatchObject({ kind: 'read', bodyLines: [1, 2, 3, 4] });
    expect(docsOf('cat <<A <<B\na\nA\nb\nB').map((d) => d.body)).toEqual(['b\n']);
    const loop = readHereDocuments('for i in 1 2; do cat <<EOF\nline $i\nEOF\ndone');
    expect(loop.kind === 'read' && withoutBodies(loop.script)).toBe('for i in 1 2; do cat <<EOF\ndone');
    expect(readHereDocuments('cat <<EOF; echo after\nbody\nEOF').kind).toBe('read');
  });

  it('leaves what is not an operator: quotes, comments, $((…)), $(…), and <<< (refused later as a redirection)', () => {
    for (const text of ['echo "<<EOF"', "echo '<<EOF'", 'echo a # <<EOF', 'echo $((1<<2))', 'X=$(cat <<EOF)', 'cat <<<x']) {
      expect(readHereDocuments(text)).toEqual({ kind: 'read', script: text, bodyLines: [] });
    }
  });

  it("an operator with no word is bash's syntax error", () => {
    expect(readHereDocuments('cat <<')).toEqual({ kind: 'error', message: "svcsim: syntax error near unexpected token `newline'\n" });
    expect(readHereDocuments('cat << ;')).toEqual({ kind: 'error', message: "svcsim: syntax error near unexpected token `;'\n" });
  });
});

describe('endHereDocuments', () => {
  it('ends each open body at the end of the input, with the line of its operator for the warning', () => {
    expect(endHereDocuments('echo a\ncat <<EOF\na')).toEqual({ text: 'echo a\ncat <<EOF\na\nEOF', warnings: [{ line: 1, delimiter: 'EOF' }] });
    expect(endHereDocuments('cat <<A <<B').warnings.map((w) => w.delimiter)).toEqual(['A', 'B']);
    expect(endHereDocuments('echo done')).toEqual({ text: 'echo done', warnings: [] });
    // bash 5.2 reads `a\` at the end of the input as `a`
    expect(endHereDocuments('cat <<EOF\na\\')).toEqual({ text: 'cat <<EOF\na\\\n\nEOF', warnings: [{ line: 0, delimiter: 'EOF' }] });
    expect(endOfFileWarning(3, 'EOF')).toBe("warning: here-document at line 3 delimited by end-of-file (wanted `EOF')\n");
  });
});

describe('hereDocumentInput', () => {
  const vars = new Map([['NAME', 'web']]);
  // the shell's expansion of one `$…`: variables, and `$(…)` standing for a command it ran
  const expand = (text: string) => (text.startsWith('$(') ? `<${text.slice(2, -1)}>` : (vars.get(text.replace(/^\$\{?|\}$/g, '')) ?? ''));
  const input = (body: string, quoted = false) => hereDocumentInput({ delimiter: 'EOF', body, quoted }, expand);

  it('expands $NAME (braced too) and $(…) in any quotes, as bash does in a body', () => {
    expect(input(`name: $NAME\nlabel: '\${NAME}-x'\nhost: "$(hostname)"\nmissing: $NOPE.\n`)).toBe("name: web\nlabel: 'web-x'\nhost: \"<hostname>\"\nmissing: .\n");
  });

  it('\\$, \\` and \\\\ quote; another backslash, $((…)) and a lone $ stay', () => {
    expect(input('\\$NAME \\\\$NAME \\`x\\` \\n $((1+1)) $ 5$\n')).toBe('$NAME \\web `x` \\n $((1+1)) $ 5$\n');
  });

  it('a quoted delimiter keeps the body as typed', () => {
    expect(input('$NAME \\$ \\\n', true)).toBe('$NAME \\$ \\\n');
  });
});

describe('hereDocumentToken', () => {
  it('round-trips any body through one word the shell parsers pass over', () => {
    const doc = { delimiter: 'E O', body: "a: 'b' \"c\" $(d) `e` | f; g && h\n\ttab ~!*()#\u00e9\n", quoted: false };
    const token = hereDocumentToken(doc);
    expect(token).not.toMatch(/[\s'"`$|;&()<>#\\]/);
    expect(readHereDocumentToken(`x ${token} y`, 2)).toEqual({ doc, end: 2 + token.length });
    expect(withoutBodies(`cat ${hereDocumentToken({ ...doc, quoted: true })}`)).toBe("cat <<'E O'");
  });
});

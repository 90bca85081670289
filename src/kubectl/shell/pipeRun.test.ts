/** A pipeline's stages run in turn, as both user shells run them (bash manual, 3.2.3 Pipelines). */
import { describe, expect, it } from 'vitest';
import { capturePiped, parseLine } from './pipeline';
import { type PipeHost, pipedWatchMessage, runPipe, type StageResult } from './pipeRun';
import { readHereDocuments } from './hereDocuments';

const manifest = 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: x\n';

/** A shell whose commands are `make` (prints the manifest), `noisy` (stderr, status 3) and `watch`; it records what it ran. */
function host(vars = new Map<string, string>()) {
  const ran: Array<{ command: string; stdin: string | undefined }> = [];
  let stopped = 0;
  const h: PipeHost = {
    run: (command, stdin): StageResult => {
      ran.push({ command, stdin });
      if (command === 'make') return { output: [{ stream: 'stdout', text: manifest }], exitCode: 0, watching: false };
      if (command === 'noisy') return { output: [{ stream: 'stderr', text: 'oops\n' }, { stream: 'stdout', text: 'a\nb\n' }], exitCode: 3, watching: false };
      if (command === 'watch') return { output: [{ stream: 'stdout', text: 'row\n' }], exitCode: 0, watching: true };
      return { output: [], exitCode: 0, watching: false };
    },
    expand: (text) => text.replace(/\$(\w+)/g, (_, name: string) => vars.get(name) ?? ''),
    stopWatch: () => {
      stopped++;
    },
  };
  return { h, ran, stopped: () => stopped };
}

/** The stages of a line as the shells see it (its here-documents read first). */
function stagesOf(text: string) {
  const read = readHereDocuments(text);
  if (read.kind !== 'read') throw new Error(read.kind);
  const parsed = parseLine(read.script.trim());
  if (parsed.kind !== 'pipeline') throw new Error(parsed.kind);
  return parsed.stages;
}

describe('runPipe', () => {
  it('hands kubectl after a pipe back to the shell, with what the stage before wrote as its stdin', () => {
    const { h, ran } = host();
    expect(runPipe(stagesOf('make | kubectl apply -f -'), h)).toEqual({ kind: 'command', command: 'kubectl apply -f -', stdin: manifest, output: [] });
    expect(runPipe(stagesOf('make | grep -v kind | k create -f -'), h)).toMatchObject({ kind: 'command', command: 'k create -f -', stdin: 'apiVersion: v1\nmetadata:\n  name: x\n' });
    expect(ran).toEqual([
      { command: 'make', stdin: undefined },
      { command: 'make', stdin: undefined },
    ]);
  });

  it('a here-document is the stdin of its stage, expanded unless its delimiter is quoted; cat passes it on', () => {
    const { h, ran } = host(new Map([['N', 'web']]));
    expect(runPipe(stagesOf('kubectl apply -f - <<EOF\nname: $N\nEOF'), h)).toMatchObject({ kind: 'command', command: 'kubectl apply -f -', stdin: 'name: web\n' });
    expect(runPipe(stagesOf("cat <<'EOF' | kubectl apply -f -\nname: $N\nEOF"), h)).toMatchObject({ command: 'kubectl apply -f -', stdin: 'name: $N\n' });
    // the redirection wins over the pipe, as in bash
    expect(runPipe(stagesOf('make | kubectl apply -f - <<EOF\nmine\nEOF'), h)).toMatchObject({ stdin: 'mine\n' });
    expect(runPipe(stagesOf('cat <<EOF\na $N\nEOF'), h)).toEqual({ kind: 'done', output: [{ stream: 'stdout', text: 'a web\n' }], exitCode: 0 });
    expect(ran.map((r) => r.command)).toEqual(['make']);
  });

  it("ends in filters as before: every stage's stderr shown, the status the last stage's; filters' words expanded", () => {
    const { h } = host(new Map([['P', 'b']]));
    expect(runPipe(stagesOf('noisy | grep $P'), h)).toEqual({
      kind: 'done',
      output: [
        { stream: 'stderr', text: 'oops\n' },
        { stream: 'stdout', text: 'b\n' },
      ],
      exitCode: 0,
    });
    expect(runPipe(stagesOf('noisy | grep z'), h)).toMatchObject({ exitCode: 1 });
    expect(runPipe(stagesOf('noisy | kubectl apply -f -'), h)).toEqual({ kind: 'command', command: 'kubectl apply -f -', stdin: 'a\nb\n', output: [{ stream: 'stderr', text: 'oops\n' }] });
  });

  it('refuses other commands after a pipe, and a watch whose output is piped', () => {
    const { h, stopped } = host();
    expect(runPipe(stagesOf('make | docker ps'), h)).toEqual({
      kind: 'done',
      output: [{ stream: 'stderr', text: 'svcsim: docker: not supported after a pipe (this shell pipes into kubectl, cat, grep, head, tail, wc, sort and uniq)\n' }],
      exitCode: 127,
    });
    expect(runPipe(stagesOf('watch | kubectl apply -f -'), h)).toEqual({ kind: 'done', output: [{ stream: 'stderr', text: pipedWatchMessage }], exitCode: 1 });
    expect(stopped()).toBe(1);
  });
});

describe('capturePiped', () => {
  it('$(… | kubectl …): the last stage reads what the one before wrote', () => {
    const run = (command: string, stdin?: string) =>
      command === 'kubectl make' ? { stdout: manifest, stderr: 'w\n', exitCode: 0 } : { stdout: `read ${stdin?.length ?? 'nothing'}\n`, stderr: '', exitCode: 5 };
    expect(capturePiped('kubectl make | kubectl apply -f -', run)).toEqual({ stdout: `read ${manifest.length}\n`, stderr: 'w\n', exitCode: 5 });
  });
});

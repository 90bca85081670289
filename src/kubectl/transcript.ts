/**
 * Terminal transcripts of kubectl sessions, used by the golden tests (and usable by the CLI to record a
 * session). A transcript is both the script and its expected output:
 *
 *   # comment lines before the first command
 *   # sleep 30s                      ← advances the cluster's virtual time, like a user pausing
 *   # edit: type: ClusterIP => type: NodePort
 *                                    ← what the next `kubectl edit` changes in the editor (first occurrence)
 *   # connect localhost:48858        ← a client connects to a port-forward (until curl is simulated)
 *   # file: svc.yaml                 ← the file `-f svc.yaml` reads from here on: the `#| ` lines that follow
 *   #| apiVersion: v1
 *   $ kubectl get pods               ← a command line, split like a shell would
 *   $ kubectl logs -f x &            ← a trailing `&` keeps a streaming command running in the background:
 *                                      what it prints later appears after the step during which it happened
 *   NAME  READY ...                  ← stdout as printed
 *   2> Warning: ...                  ← stderr lines are prefixed with "2> "
 *   %                                ← the output did not end with a newline
 *   [exit 1]                         ← non-zero exit code
 *
 * A streaming command run in the foreground (`get -w`, `port-forward`) is interrupted right after it printed,
 * like a user pressing Ctrl+C.
 */
import type { Cluster } from '../engine';
import type { WatchStream } from './cli/command';
import { type KubectlContext, runKubectl } from './kubectl';
import { splitCommandLine } from './commandLine';
import { LocalPortRegistry } from './portforward/portForwardRegistry';
import { KubeconfigFile } from './kubeconfig/kubeconfig';

export type TranscriptStep =
  | { type: 'comment'; text: string }
  | { type: 'sleep'; seconds: number }
  | { type: 'edit'; text: string; from: string; to: string }
  | { type: 'connect'; text: string; port: number }
  | { type: 'file'; name: string; lines: string[] }
  | { type: 'kubectl'; line: string; background: boolean };

const sleepLine = /^# sleep (\d+)s$/;
const editLine = /^# edit: (.*?) => (.*)$/;
const connectLine = /^# connect localhost:(\d+)$/;
const fileLine = /^# file: (\S+)$/;

/** The steps of a transcript (its outputs are ignored). */
export function parseTranscript(text: string): TranscriptStep[] {
  const steps: TranscriptStep[] = [];
  let seenCommand = false;
  for (const line of text.split('\n')) {
    const sleep = sleepLine.exec(line);
    const edit = editLine.exec(line);
    const connect = connectLine.exec(line);
    const file = fileLine.exec(line);
    const last = steps[steps.length - 1];
    if (file) steps.push({ type: 'file', name: file[1], lines: [] });
    else if (last?.type === 'file' && (line === '#|' || line.startsWith('#| '))) last.lines.push(line.slice(3));
    else if (sleep) steps.push({ type: 'sleep', seconds: Number(sleep[1]) });
    else if (edit) steps.push({ type: 'edit', text: line, from: edit[1], to: edit[2] });
    else if (connect) steps.push({ type: 'connect', text: line, port: Number(connect[1]) });
    else if (line.startsWith('$ kubectl ')) {
      seenCommand = true;
      const body = line.slice('$ kubectl '.length);
      const background = body.endsWith(' &');
      steps.push({ type: 'kubectl', line: background ? body.slice(0, -2) : body, background });
    } else if (!seenCommand && line.startsWith('#')) steps.push({ type: 'comment', text: line });
  }
  return steps;
}

/** stderr text as the transcript shows it: every line prefixed with `2> `. */
function stderrText(text: string): string {
  return text.replace(/^(?=.)/gm, '2> ').replace(/^$/gm, (m, offset, s) => (offset < s.length ? '2> ' : m));
}

/** Renders one command's result the way the transcript records it. */
export function renderResult(line: string, result: ReturnType<typeof runKubectl>): string {
  let out = `$ kubectl ${line}\n`;
  let body = '';
  for (const chunk of result.output) body += chunk.stream === 'stderr' ? stderrText(chunk.text) : chunk.text;
  if (body && !body.endsWith('\n')) body += '\n%\n';
  out += body;
  if (result.exitCode !== 0) out += `[exit ${result.exitCode}]\n`;
  return out;
}

/** Replays a transcript's steps against a cluster and renders the new transcript. */
export function replayTranscript(text: string, cluster: Cluster, extra: Omit<KubectlContext, 'cluster'> = {}): string {
  const steps = transcriptSteps(text, cluster, extra);
  for (let r = steps.next(); ; r = steps.next()) if (r.done) return r.value;
}

/**
 * {@link replayTranscript} one step at a time: the generator pauses after each step (so two clusters can be
 * driven in turns) and returns the rendered transcript.
 */
export function* transcriptSteps(text: string, cluster: Cluster, extra: Omit<KubectlContext, 'cluster'> = {}): Generator<void, string, void> {
  const edits: { from: string; to: string }[] = [];
  const files = new Map<string, string>();
  const ctx: KubectlContext = {
    portForwards: new LocalPortRegistry(),
    kubeconfig: new KubeconfigFile(),
    ...extra,
    readFile: (name) => files.get(name) ?? extra.readFile?.(name),
    cluster,
    editor: (current) => {
      if (edits.length === 0) return extra.editor?.(current);
      let edited = current;
      for (const e of edits.splice(0)) edited = edited.replace(e.from, e.to);
      return edited;
    },
  };
  const background: WatchStream[] = [];
  let pending = '';
  let out = '';
  const flushBackground = () => {
    out += pending;
    pending = '';
  };
  for (const step of parseTranscript(text)) {
    if (step.type === 'comment') out += `${step.text}\n`;
    else if (step.type === 'sleep') {
      cluster.advance(step.seconds * 1000);
      out += `# sleep ${step.seconds}s\n`;
    } else if (step.type === 'edit') {
      edits.push({ from: step.from, to: step.to });
      out += `${step.text}\n`;
    } else if (step.type === 'file') {
      files.set(step.name, step.lines.map((l) => `${l}\n`).join(''));
      out += `# file: ${step.name}\n${step.lines.map((l) => (l ? `#| ${l}\n` : '#|\n')).join('')}`;
    } else if (step.type === 'connect') {
      out += `${step.text}\n`;
      ctx.portForwards?.get(step.port)?.connect();
    } else {
      const result = runKubectl(ctx, splitCommandLine(step.line));
      out += renderResult(step.background ? `${step.line} &` : step.line, result);
      if (result.watch && step.background) {
        background.push(result.watch);
        result.watch.subscribe((c) => {
          pending += (c.stdout ?? '') + (c.stderr ? stderrText(c.stderr) : '');
        });
      } else result.watch?.stop();
    }
    flushBackground();
    yield;
  }
  for (const w of background) w.stop();
  return out;
}

/**
 * Terminal transcripts of kubectl sessions, used by the golden tests (and usable by the CLI to record a
 * session). A transcript is both the script and its expected output:
 *
 *   # comment lines before the first command
 *   # sleep 30s                      ← advances the cluster's virtual time, like a user pausing
 *   $ kubectl get pods               ← a command line, split like a shell would
 *   NAME  READY ...                  ← stdout as printed
 *   2> Warning: ...                  ← stderr lines are prefixed with "2> "
 *   %                                ← the output did not end with a newline
 *   [exit 1]                         ← non-zero exit code
 */
import type { Cluster } from '../engine';
import { type KubectlContext, runKubectl } from './kubectl';
import { splitCommandLine } from './commandLine';

export type TranscriptStep = { type: 'comment'; text: string } | { type: 'sleep'; seconds: number } | { type: 'kubectl'; line: string };

const sleepLine = /^# sleep (\d+)s$/;

/** The steps of a transcript (its outputs are ignored). */
export function parseTranscript(text: string): TranscriptStep[] {
  const steps: TranscriptStep[] = [];
  let seenCommand = false;
  for (const line of text.split('\n')) {
    const sleep = sleepLine.exec(line);
    if (sleep) steps.push({ type: 'sleep', seconds: Number(sleep[1]) });
    else if (line.startsWith('$ kubectl ')) {
      seenCommand = true;
      steps.push({ type: 'kubectl', line: line.slice('$ kubectl '.length) });
    } else if (!seenCommand && line.startsWith('#')) steps.push({ type: 'comment', text: line });
  }
  return steps;
}

/** Renders one command's result the way the transcript records it. */
export function renderResult(line: string, result: ReturnType<typeof runKubectl>): string {
  let out = `$ kubectl ${line}\n`;
  let body = '';
  for (const chunk of result.output) {
    const text = chunk.stream === 'stderr' ? chunk.text.replace(/^(?=.)/gm, '2> ').replace(/^$/gm, (m, offset, s) => (offset < s.length ? '2> ' : m)) : chunk.text;
    body += text;
  }
  if (body && !body.endsWith('\n')) body += '\n%\n';
  out += body;
  if (result.exitCode !== 0) out += `[exit ${result.exitCode}]\n`;
  return out;
}

/** Replays a transcript's steps against a cluster and renders the new transcript. */
export function replayTranscript(text: string, cluster: Cluster, extra: Omit<KubectlContext, 'cluster'> = {}): string {
  const ctx: KubectlContext = { cluster, ...extra };
  let out = '';
  for (const step of parseTranscript(text)) {
    if (step.type === 'comment') out += `${step.text}\n`;
    else if (step.type === 'sleep') {
      cluster.advance(step.seconds * 1000);
      out += `# sleep ${step.seconds}s\n`;
    } else out += renderResult(step.line, runKubectl(ctx, splitCommandLine(step.line)));
  }
  return out;
}

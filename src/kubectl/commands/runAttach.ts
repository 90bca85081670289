/**
 * `kubectl run -i/-t/--attach` once the pod is created (kubectl pkg/cmd/run/run.go Run and handleAttachPod,
 * pkg/cmd/attach/attach.go Run): wait until the pod is running and ready, or has completed (then its log is what
 * kubectl prints); warn that the session is recorded in the container's log and say `If you don't see a command
 * prompt, try pressing enter.`; give the terminal to the
 * container's main process, the image's shell reading its input. When that shell exits, kubectl says how to
 * reattach (restartPolicy Always), waits for the pod to complete (Never) or succeed (OnFailure), `--rm` deletes
 * what run created, and a failed pod's exit code becomes kubectl's (`pod NS/NAME terminated (Error)`).
 */
import type { Cluster } from '../../engine';
import type { Pod } from '../../engine/api/types';
import type { AttachedInput, CommandEnv, Waiting } from '../cli/command';
import { CommandError } from '../cli/errors';
import type { Output } from '../cli/output';
import { AttachedShell, interactiveShell, shellIdentity } from './containerShell';
import { containerLog, renderLog } from './podLogs';

export interface RunAttachOptions {
  namespace: string;
  pod: string;
  container: string;
  restartPolicy: string;
  /** `--rm`: what run created, deleted when the session ends. */
  remove: readonly { kind: 'Pod' | 'Service'; name: string }[];
  quiet: boolean;
  stdin: boolean;
  tty: boolean;
  leaveStdinOpen: boolean;
  /** `--pod-running-timeout` */
  timeoutMs: number;
}

const completed = (p: Pod | undefined) => p?.status?.phase === 'Succeeded' || p?.status?.phase === 'Failed';
const runningAndReady = (p: Pod | undefined) => p?.status?.phase === 'Running' && !!p.status.conditions?.some((c) => c.type === 'Ready' && c.status === 'True');

function current(cluster: Cluster, o: RunAttachOptions): Pod | undefined {
  const got = cluster.get('Pod', o.namespace, o.pod);
  return got.ok ? got.value : undefined;
}

/** Runs a wait of the end of a session to its end at once (virtual time moves in one go, as in the CLI). */
function settle<T>(cluster: Cluster, run: Waiting<T>): T {
  let next = run.next(false);
  while (!next.done) {
    let met = false;
    try {
      met = cluster.runUntil(next.value.until, next.value.maxMs);
    } catch {
      met = false;
    }
    next = run.next(met);
  }
  return next.value;
}

/**
 * The end of an attached run: wait for the exit code where the restart policy gives one, delete what `--rm`
 * names (kubectl defers it, so it happens before the error is printed), then kubectl's exit status.
 */
function* finish(cluster: Cluster, o: RunAttachOptions, out: Output, waitError?: string): Waiting<number> {
  let error = waitError;
  let code = waitError ? 1 : 0;
  const waitForExitCode = !waitError && !o.leaveStdinOpen && (o.restartPolicy === 'Never' || o.restartPolicy === 'OnFailure');
  if (waitForExitCode) {
    const done = o.restartPolicy === 'OnFailure' ? (p: Pod | undefined) => p?.status?.phase === 'Succeeded' : completed;
    const met = yield { until: () => done(current(cluster, o)) || !current(cluster, o), maxMs: o.timeoutMs };
    const pod = current(cluster, o);
    const terminated = pod?.status?.containerStatuses?.[0]?.state?.terminated;
    if (!pod) error = 'Error from server (NotFound): pods "" not found\n';
    else if (!met) error = 'error: timed out waiting for the condition\n';
    else if (pod.status?.phase === 'Failed') {
      if (!terminated?.exitCode) error = `error: pod ${o.namespace}/${o.pod} failed with unknown exit code\n`;
      else {
        // a uexec.CodeExitError: kubectl prints its text as is and exits with the container's code
        error = `pod ${o.namespace}/${o.pod} terminated (${terminated.reason ?? ''})\n${terminated.message ?? ''}`;
        code = terminated.exitCode;
      }
    }
    if (error && code === 0) code = 1;
  }
  // --rm: DeleteOptions with IgnoreNotFound, WaitForDeletion false, the objects' own grace period
  for (const r of o.remove) {
    if (!cluster.delete(r.kind, o.namespace, r.name).ok) continue;
    out.out(`${r.kind.toLowerCase()} "${r.name}" deleted from ${o.namespace} namespace\n`);
  }
  if (error) out.err(error.endsWith('\n') ? error : `${error}\n`);
  return code;
}

/**
 * What `kubectl run` does after creating the pod when it attaches: waits (virtual time) for the pod, then either
 * prints the log of a pod that already completed, or hands the terminal to its main process's shell.
 */
export function* attachToRun(env: CommandEnv, o: RunAttachOptions): Waiting<AttachedInput | undefined> {
  const cluster = env.cluster;
  const met = yield { until: () => runningAndReady(current(cluster, o)) || completed(current(cluster, o)) || !current(cluster, o), maxMs: o.timeoutMs };
  const pod = current(cluster, o);
  const fail = (message: string): never => {
    const code = settle(cluster, finish(cluster, o, env.out, message));
    throw new CommandError({ type: 'exit', code });
  };
  if (!pod) return fail(`Error from server (NotFound): pods "${o.pod}" not found`);
  if (!met) return fail('error: timed out waiting for the condition');
  if (completed(pod)) {
    const log = containerLog(env, pod, { container: o.container, previous: false, timestamps: false });
    if ('entries' in log) env.out.out(renderLog(log.entries, { container: o.container, previous: false, timestamps: false }));
    const code = yield* finish(cluster, o, env.out);
    if (code !== 0) throw new CommandError({ type: 'exit', code });
    return undefined;
  }
  return attachToMainProcess(env, pod, { ...o, restartPolicy: pod.spec?.restartPolicy ?? o.restartPolicy }, (c, out) => settle(c, finish(c, o, out)));
}

/**
 * attach.go Run for a running pod: the TTY check, `If you don't see a command prompt, try pressing enter.`, and
 * the terminal handed to the container's main process when that is the image's shell reading its input (`-i`,
 * and a container with `stdin: true`). When the shell exits, its status ends the main process, kubectl says how
 * to reattach under restartPolicy Always, and `after` finishes the command (its exit status).
 */
export function attachToMainProcess(
  env: CommandEnv,
  pod: Pod,
  o: Pick<RunAttachOptions, 'container' | 'quiet' | 'stdin' | 'tty' | 'restartPolicy'>,
  after: (cluster: Cluster, out: Output) => number,
): AttachedInput | undefined {
  const namespace = pod.metadata?.namespace ?? 'default';
  const name = pod.metadata?.name ?? '';
  const ephemeral = pod.spec?.ephemeralContainers?.find((c) => c.name === o.container);
  const spec = pod.spec?.containers?.find((c) => c.name === o.container) ?? ephemeral;
  let tty = o.tty;
  if (tty && !spec?.tty) {
    tty = false;
    if (!o.quiet) env.out.err(`error: Unable to use a TTY - container ${o.container} did not allocate one\n`);
  } else if (!tty && spec?.tty) tty = true;
  // kubectl v0.34.0 pkg/cmd/attach/attach.go Run: the warning that the session is in the container's log, then the hint
  if (!o.quiet) {
    env.out.err('All commands and output from this session will be recorded in container logs, including credentials and sensitive information passed through the command prompt.\n');
    env.out.err("If you don't see a command prompt, try pressing enter.\n");
  }
  const argv = env.cluster.simulation.mainProcessArgv?.(namespace, name, o.container) ?? [];
  const shell = o.stdin && spec?.stdin ? interactiveShell(env, pod, o.container, argv) : undefined;
  if (!shell) {
    env.out.err(`warning: svcsim attaches only to a shell that reads its input; pod/${name} keeps running\n`);
    return undefined;
  }
  return new AttachedShell({
    ...shellIdentity(env, pod, o.container),
    ...shell,
    tty,
    onExit: (c, status, out) => {
      // the shell's exit ends the container's main process: the kubelet sees it exit with that status
      c.simulation.endMainProcess?.(namespace, name, o.container, status);
      // attach.go reattachMessage
      if (!o.quiet && tty && o.restartPolicy === 'Always') {
        out.out(
          ephemeral
            ? `Session ended, the ephemeral container will not be restarted but may be reattached using 'kubectl attach ${name} -c ${o.container} -i -t' if it is still running\n`
            : `Session ended, resume using 'kubectl attach ${name} -c ${o.container} -i -t' command when the pod is running\n`,
        );
      }
      return after(c, out);
    },
    // the attach stream closes with kubectl; a container with stdinOnce (kubectl run's default) then has its
    // stdin closed for good, so the shell reads end of input and exits with its last status
    onHangup: (c, status) => {
      if (spec?.stdinOnce) c.simulation.endMainProcess?.(namespace, name, o.container, status);
    },
  });
}

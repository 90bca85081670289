/**
 * What `kubectl debug -i` does once the ephemeral container is added (kubectl v0.34.0 `pkg/cmd/debug/debug.go`
 * handleAttachPod and waitForContainer, `pkg/cmd/attach/attach.go` Run): wait for the container to run or to
 * have exited; an exited one's log is printed (logOpts); a running one is attached: the session warning, the
 * prompt hint, and the terminal handed to its shell. When the shell exits, kubectl says the ephemeral container
 * will not be restarted (reattachMessage).
 */
import type { ContainerStatus, Pod } from '../../engine/api/types';
import type { AttachedInput, CommandEnv, Waiting } from '../cli/command';
import { CommandError } from '../cli/errors';
import { AttachedShell, interactiveShell, shellIdentity } from './containerShell';
import { containerLog, renderLog } from './podLogs';

export interface DebugAttachOptions {
  stdin: boolean;
  tty: boolean;
  quiet: boolean;
}

/**
 * How long svcsim waits in virtual time. kubectl's waitForContainer has no timeout (it waits until Ctrl+C);
 * a container that cannot start would hold the CLI forever, so svcsim gives up and says so.
 */
const containerWaitMs = 5 * 60_000;
/** How long svcsim lets a process that is not a shell run while "attached", before leaving it running. */
const processWaitMs = 60_000;

/** getContainerStatusByName: init, app, then ephemeral container statuses. */
function statusOf(pod: Pod | undefined, container: string): ContainerStatus | undefined {
  const s = pod?.status;
  return [...(s?.initContainerStatuses ?? []), ...(s?.containerStatuses ?? []), ...(s?.ephemeralContainerStatuses ?? [])].find((x) => x.name === container);
}

function printLog(env: CommandEnv, pod: Pod, container: string): void {
  const log = containerLog(env, pod, { container, previous: false, timestamps: false });
  if ('entries' in log) env.out.out(renderLog(log.entries, { container, previous: false, timestamps: false }));
  else throw new CommandError({ type: 'status', status: log.error });
}

/** Waits for the debug container, then prints its log or attaches to it. */
export function* attachToDebugContainer(env: CommandEnv, added: Pod, container: string, o: DebugAttachOptions): Waiting<AttachedInput | undefined> {
  const namespace = added.metadata?.namespace ?? env.namespace;
  const name = added.metadata?.name ?? '';
  const current = (): Pod | undefined => {
    const got = env.cluster.get('Pod', namespace, name);
    return got.ok && got.value.metadata?.uid === added.metadata?.uid ? got.value : undefined;
  };
  const settled = (p: Pod | undefined) => !p || !!statusOf(p, container)?.state?.running || !!statusOf(p, container)?.state?.terminated;
  const met = yield { until: () => settled(current()), maxMs: containerWaitMs };
  const pod = current();
  // a Deleted watch event: errors.NewNotFound(pods, "")
  if (!pod) throw new CommandError({ type: 'status', status: { kind: 'Status', apiVersion: 'v1', status: 'Failure', message: 'pods "" not found', reason: 'NotFound', code: 404, details: { kind: 'pods' } } });
  const status = statusOf(pod, container);
  if (!met) {
    const waiting = status?.state?.waiting;
    if (!o.quiet && waiting?.message) env.out.err(`Warning: container ${container}: ${waiting.message}\n`);
    env.out.err(`warning: svcsim stopped waiting for container ${container} after 5m; kubectl waits until it runs (pod/${name} keeps it)\n`);
    throw new CommandError({ type: 'exit', code: 1 });
  }
  if (status?.state?.terminated) {
    printLog(env, pod, container);
    return undefined;
  }
  return yield* attachRunning(env, pod, container, o);
}

/** attach.go Run for the running ephemeral container. */
function* attachRunning(env: CommandEnv, pod: Pod, container: string, o: DebugAttachOptions): Waiting<AttachedInput | undefined> {
  const namespace = pod.metadata?.namespace ?? 'default';
  const name = pod.metadata?.name ?? '';
  const spec = pod.spec?.ephemeralContainers?.find((c) => c.name === container);
  let tty = o.tty;
  if (tty && !spec?.tty) {
    tty = false;
    if (!o.quiet) env.out.err(`error: Unable to use a TTY - container ${container} did not allocate one\n`);
  } else if (!tty && spec?.tty) tty = true;
  if (!o.quiet) {
    env.out.err('All commands and output from this session will be recorded in container logs, including credentials and sensitive information passed through the command prompt.\n');
    env.out.err("If you don't see a command prompt, try pressing enter.\n");
  }
  // reattachMessage: only for a terminal session in a pod whose containers restart
  const reattach = !o.quiet && o.stdin && tty && pod.spec?.restartPolicy === 'Always'
    ? `Session ended, the ephemeral container will not be restarted but may be reattached using 'kubectl attach ${name} -c ${container} -i -t' if it is still running\n`
    : '';
  const argv = env.cluster.simulation.mainProcessArgv?.(namespace, name, container) ?? [];
  const shell = o.stdin && spec?.stdin ? interactiveShell(env, pod, container, argv) : undefined;
  if (shell) {
    return new AttachedShell({
      ...shellIdentity(env, pod, container),
      ...shell,
      tty,
      onExit: (c, status, out) => {
        // the shell is the container's process: its exit ends the ephemeral container for good
        c.simulation.endMainProcess?.(namespace, name, container, status);
        if (reattach) out.out(reattach);
        return 0;
      },
    });
  }
  // not a shell (nslookup, wget, sleep): the attach stream carries its output until it exits
  const ended = yield { until: () => !!statusOf(current(env, namespace, name), container)?.state?.terminated, maxMs: processWaitMs };
  const after = current(env, namespace, name);
  if (!ended || !after) {
    env.out.err(`warning: svcsim attaches only to a shell that reads its input; the ephemeral container ${container} of pod/${name} keeps running\n`);
    return undefined;
  }
  printLog(env, after, container);
  if (reattach) env.out.out(reattach);
  return undefined;
}

function current(env: CommandEnv, namespace: string, name: string): Pod | undefined {
  const got = env.cluster.get('Pod', namespace, name);
  return got.ok ? got.value : undefined;
}

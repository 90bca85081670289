/**
 * `kubectl logs POD|TYPE/NAME [-c CONTAINER] [-f] [--tail N] [--previous] [--timestamps] [-l SELECTOR]` (kubectl
 * `pkg/cmd/logs/logs.go`, `polymorphichelpers/logsforobject.go`). The log is what the simulated app wrote: its
 * startup lines and one line per request it served (kuard's Go log, nginx's error and access logs). With `-f`
 * the command keeps running as a stream of new lines until the container stops running or the command is stopped.
 */
import type { WatchEvent } from '../../engine';
import type { Pod } from '../../engine/api/types';
import { ChunkStream } from '../cli/chunkStream';
import type { CommandEnv, KubectlCommand, WatchStream } from '../cli/command';
import { CommandError, fail, usageError } from '../cli/errors';
import { parseTimestamp } from '../../engine';
import { byLoggingLess, goTypeOf, podList, selectorForObject } from '../resources/podSelection';
import { fetchInfos, requestFor } from '../resources/resourceBuilder';
import { type LogOptions, containerLog, containerStatusOf, renderLog } from './podLogs';

const logsUsage = "expected 'logs [-f] [-p] (POD | TYPE/NAME) [-c CONTAINER]'.\nPOD or TYPE/NAME is a required argument for the logs command";

interface LogRequest {
  pod: Pod;
  container: string;
}

/** `AllContainerNames`. */
function allContainerNames(pod: Pod): string {
  return [
    ...(pod.spec?.containers ?? []).map((c) => c.name),
    ...(pod.spec?.ephemeralContainers ?? []).map((c) => `${c.name} (ephem)`),
    ...(pod.spec?.initContainers ?? []).map((c) => `${c.name} (init)`),
  ].join(', ');
}

/** `logsForObjectWithClient` for one pod: which containers to read. */
function requestsForPod(env: CommandEnv, pod: Pod, container: string, allContainers: boolean, allPods: boolean): LogRequest[] {
  if (allContainers) {
    return [...(pod.spec?.initContainers ?? []), ...(pod.spec?.containers ?? []), ...(pod.spec?.ephemeralContainers ?? [])].map((c) => ({ pod, container: c.name }));
  }
  let name = container;
  const annotated = pod.metadata?.annotations?.['kubectl.kubernetes.io/default-container'];
  if (!name && annotated) {
    if (findContainer(pod, annotated)) name = annotated;
    else env.out.err(`Default container name "${annotated}" not found in pod ${pod.metadata?.name ?? ''}\n`);
  }
  if (!name) {
    name = pod.spec?.containers?.[0]?.name ?? '';
    const several = (pod.spec?.containers?.length ?? 0) > 1 || (pod.spec?.initContainers?.length ?? 0) > 0 || (pod.spec?.ephemeralContainers?.length ?? 0) > 0;
    if (several && !allPods) env.out.err(`Defaulted container "${name}" out of: ${allContainerNames(pod)}\n`);
  }
  if (!findContainer(pod, name)) throw fail(`container ${name} is not valid for pod ${pod.metadata?.name ?? ''}`);
  return [{ pod, container: name }];
}

function findContainer(pod: Pod, name: string): boolean {
  return [...(pod.spec?.containers ?? []), ...(pod.spec?.initContainers ?? []), ...(pod.spec?.ephemeralContainers ?? [])].some((c) => c.name === name);
}

/** Which pod(s) and container(s) the command reads. */
function resolveRequests(env: CommandEnv, resource: string, container: string): LogRequest[] {
  const f = env.flags;
  const selector = f.string('selector');
  const allContainers = f.bool('all-containers');
  const allPods = f.bool('all-pods');
  const request = requestFor(env, { args: selector ? ['pods'] : [resource.includes('/') ? resource : `pods/${resource}`], namespace: env.namespace, allNamespaces: false, labelSelector: selector, allowEmptySelector: false }, []);
  const { infos, errors } = fetchInfos(env, request, env.namespace);
  if (errors.length > 0) {
    const e = errors[0];
    if (e.type === 'status' && e.status.reason === 'NotFound') throw fail(`error from server (NotFound): ${e.status.message} in namespace "${env.namespace}"`);
    throw new CommandError(e);
  }
  if (selector) {
    const pods = infos.flatMap((i) => i.objects) as Pod[];
    if (pods.length === 0) env.out.err(`No resources found in ${env.namespace} namespace.\n`);
    return pods.flatMap((p) => requestsForPod(env, p, container, allContainers, allPods));
  }
  const { mapping, objects } = infos[0];
  if (mapping.kind === 'Pod') return requestsForPod(env, objects[0] as Pod, container, allContainers, allPods);
  let sel: { namespace: string; selector: string };
  try {
    sel = selectorForObject(objects[0], mapping.kind);
  } catch (e) {
    throw fail(`cannot get the logs from ${goTypeOf(mapping.kind)}: ${(e as Error).message}`);
  }
  const timeout = f.duration('pod-running-timeout');
  const pods = podList(env, sel.namespace, sel.selector, timeout > 0 ? timeout : 20_000, byLoggingLess);
  if (pods.length > 1) {
    if (allPods) return pods.flatMap((p) => requestsForPod(env, p, container, allContainers, allPods));
    env.out.err(`Found ${pods.length} pods, using pod/${pods[0].metadata?.name ?? ''}\n`);
  }
  return requestsForPod(env, pods[0], container, allContainers, allPods);
}

/** The `--prefix` of a line source: `[pod/NAME/CONTAINER] `. */
const prefixFor = (r: LogRequest) => `[pod/${r.pod.metadata?.name ?? ''}/${r.container}] `;

function withPrefix(text: string, prefix: string): string {
  return prefix ? text.replace(/^(?=.)/gm, prefix) : text;
}

/**
 * Follows the requests' containers: new lines as they are written, until every followed container has stopped
 * running (exited, restarted as a new container, or its pod gone), as the kubelet's log follow ends when the
 * container is no longer running (kubernetes/kubernetes pkg/kubelet/kuberuntime/logs/logs.go `ReadLogs`, `waitLogs`).
 * A container that is not running when the command starts is printed and not followed.
 */
function follow(env: CommandEnv, requests: LogRequest[], prefix: boolean, timestamps: boolean): WatchStream | undefined {
  const stops: (() => void)[] = [];
  const stream = new ChunkStream(() => {
    for (const s of stops) s();
  });
  let open = 0;
  for (const r of requests) {
    const namespace = r.pod.metadata?.namespace ?? 'default';
    const name = r.pod.metadata?.name ?? '';
    const latest = env.cluster.store.get('Pod', `${namespace}/${name}`) ?? r.pod;
    const started = containerStatusOf(latest, r.container);
    const containerID = started?.state?.running ? started.containerID : undefined;
    if (!containerID) continue;
    open++;
    const view = env.cluster.runtime.pod(namespace, name)?.containers.find((c) => c.name === r.container);
    const unfollow = view?.followLog((entry) => {
      stream.push({ stdout: withPrefix(renderLog([entry], { container: r.container, previous: false, timestamps }), prefix ? prefixFor(r) : '') });
    });
    const uid = latest.metadata?.uid;
    let ended = false;
    const watched = env.cluster.watch('Pod', { namespace, fieldSelector: `metadata.name=${name}`, resourceVersion: String(env.cluster.store.resourceVersion) }, (e: WatchEvent) => {
      const now = e.object as Pod;
      const status = containerStatusOf(now, r.container);
      const stillRunning = e.type !== 'DELETED' && now.metadata?.uid === uid && !!status?.state?.running && status.containerID === containerID;
      if (stillRunning || ended) return;
      ended = true;
      unfollow?.();
      open--;
      if (open === 0) stream.end();
    });
    if (unfollow) stops.push(unfollow);
    if (watched.ok) stops.push(() => watched.value.stop());
  }
  if (open === 0) {
    for (const s of stops) s();
    return undefined;
  }
  return stream;
}

export const logsCommand: KubectlCommand = {
  name: 'logs',
  short: 'Print the logs for a container in a pod',
  use: 'logs [-f] [-p] (POD | TYPE/NAME) [-c CONTAINER]',
  flags: [
    { name: 'all-pods', type: 'bool' },
    { name: 'all-containers', type: 'bool' },
    { name: 'follow', shorthand: 'f', type: 'bool' },
    { name: 'timestamps', type: 'bool' },
    { name: 'limit-bytes', type: 'int' },
    { name: 'previous', shorthand: 'p', type: 'bool' },
    { name: 'tail', type: 'int', default: -1 },
    { name: 'ignore-errors', type: 'bool' },
    { name: 'since', type: 'duration' },
    { name: 'since-time', type: 'string' },
    { name: 'container', shorthand: 'c', type: 'string' },
    { name: 'insecure-skip-tls-verify-backend', type: 'bool' },
    { name: 'pod-running-timeout', type: 'duration', default: 20_000 },
    { name: 'selector', shorthand: 'l', type: 'string' },
    { name: 'max-log-requests', type: 'int', default: 5 },
    { name: 'prefix', type: 'bool' },
  ],
  run(env): WatchStream | undefined {
    const f = env.flags;
    const selector = f.string('selector');
    let resource = '';
    let container = f.string('container');
    if (env.args.length === 0 && !selector) throw usageError(env.path, logsUsage);
    if (env.args.length === 1) {
      resource = env.args[0];
      if (selector) throw usageError(env.path, 'only a selector (-l) or a POD name is allowed');
    } else if (env.args.length === 2) {
      resource = env.args[0];
      container = env.args[1];
    } else if (env.args.length > 2) throw usageError(env.path, logsUsage);
    const prefix = f.bool('prefix') || f.bool('all-pods');
    const sinceTime = f.string('since-time');
    let since: number | undefined;
    if (sinceTime) {
      since = parseTimestamp(sinceTime);
      if (Number.isNaN(since)) throw fail(`parsing time "${sinceTime}" as "2006-01-02T15:04:05Z07:00": cannot parse "${sinceTime}" as "2006"`);
    }
    const tail = f.int('tail');
    const tailLines = selector && tail === -1 && !f.changed('tail') ? 10 : tail !== -1 ? tail : undefined;
    if (sinceTime && f.duration('since') !== 0) throw fail('at most one of `sinceTime` or `sinceSeconds` may be specified');
    if (f.bool('all-containers') && container) throw fail(`--all-containers=true should not be specified with container name ${container}`);
    if (f.changed('container') && env.args.length === 2) throw fail('only one of -c or an inline [CONTAINER] arg is allowed');
    if (f.int('limit-bytes') < 0) throw fail('--limit-bytes must be greater than 0');
    if (f.duration('since') < 0) throw fail('--since must be greater than 0');
    if (tailLines !== undefined && tailLines < -1) throw fail('--tail must be greater than or equal to -1');
    if (f.duration('since') > 0) since = env.cluster.now() - Math.round(f.duration('since') / 1000) * 1000;
    const requests = resolveRequests(env, resource, container);
    const followLogs = f.bool('follow');
    if (followLogs && requests.length > f.int('max-log-requests')) {
      throw fail(
        `you are attempting to follow ${requests.length} log streams, but maximum allowed concurrency is ${f.int('max-log-requests')}, use --max-log-requests to increase the limit`,
      );
    }
    for (const r of requests) {
      const o: LogOptions = {
        container: r.container,
        previous: f.bool('previous'),
        timestamps: f.bool('timestamps'),
        tail: tailLines,
        since,
        limitBytes: f.int('limit-bytes') || undefined,
      };
      const log = containerLog(env, r.pod, o);
      if ('error' in log) {
        if (f.bool('ignore-errors')) {
          env.out.out(`error: ${log.error.message}\n`);
          continue;
        }
        throw new CommandError({ type: 'status', status: log.error });
      }
      env.out.out(withPrefix(renderLog(log.entries, o), prefix ? prefixFor(r) : ''));
    }
    if (followLogs && !f.bool('previous') && requests.length > 0) return follow(env, requests, prefix, f.bool('timestamps'));
    return undefined;
  },
};

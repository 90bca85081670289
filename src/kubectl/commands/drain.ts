/**
 * `kubectl drain NODE [--ignore-daemonsets] [--delete-emptydir-data] [--force]` (kubectl `pkg/cmd/drain/drain.go`,
 * `pkg/drain/drain.go` and `filters.go`, v0.34). The node is cordoned, then its pods go through the filters:
 * mirror pods are skipped, DaemonSet pods need --ignore-daemonsets, pods with emptyDir need
 * --delete-emptydir-data, pods without a controller need --force (1.34 words this `cannot delete cannot delete
 * Pods that declare no controller ...`; the doubled "cannot delete" was removed in 1.36). Each remaining pod
 * prints `evicting pod ns/name`, is evicted (no PodDisruptionBudgets exist here, so eviction is a graceful
 * delete), and prints `pod/name evicted` once kubectl's 1-second poll sees it gone; then `node/x drained`.
 */
import type { Pod } from '../../engine/api/types';
import type { CommandEnv, KubectlCommand, Waiting, WatchStream } from '../cli/command';
import { CommandError, type KubeError } from '../cli/errors';
import { checkNodeArgs, cordonOrUncordon, nodeInfos } from './cordon';
import { type DryRun, dryRunFlag, dryRunStrategy, printResult } from './objectOutput';

const localStorageFatal = 'Pods with local storage (use --delete-emptydir-data to override)';
const localStorageWarning = 'deleting Pods with local storage';
const unmanagedFatal = 'cannot delete Pods that declare no controller (use --force to override)';
const unmanagedWarning = 'deleting Pods that declare no controller';
const daemonSetFatal = 'DaemonSet-managed Pods (use --ignore-daemonsets to ignore)';
const daemonSetWarning = 'ignoring DaemonSet-managed Pods';

interface Filters {
  force: boolean;
  deleteEmptyDir: boolean;
  ignoreDaemonSets: boolean;
  /** Whether the DaemonSet `namespace/name` exists (the filter GETs it). */
  daemonSetExists(namespace: string | undefined, name: string): boolean;
}

type PodStatus = { delete: true; warning?: string } | { delete: false; skip: true } | { delete: false; warning: string } | { delete: false; error: string };

const finished = (p: Pod) => p.status?.phase === 'Succeeded' || p.status?.phase === 'Failed';

/** The filters of `makeFilters`, in order; the first that does not allow deletion decides. */
function filterPod(pod: Pod, f: Filters): PodStatus {
  let warning: string | undefined;
  const controller = (pod.metadata?.ownerReferences ?? []).find((o) => o.controller);
  // daemonSetFilter: an orphan of a deleted DaemonSet goes with --force; a live DaemonSet's pod needs
  // --ignore-daemonsets and is then left alone (it would be recreated at once)
  if (controller && controller.kind === 'DaemonSet' && !finished(pod)) {
    if (!f.daemonSetExists(pod.metadata?.namespace, controller.name)) {
      const notFound = `daemonsets.apps "${controller.name}" not found`;
      if (!f.force) return { delete: false, error: notFound };
      warning = notFound;
    } else if (!f.ignoreDaemonSets) return { delete: false, error: daemonSetFatal };
    else return { delete: false, warning: daemonSetWarning };
  }
  // mirrorPodFilter
  if (pod.metadata?.annotations?.['kubernetes.io/config.mirror'] !== undefined) return { delete: false, skip: true };
  // localStorageFilter
  if ((pod.spec?.volumes ?? []).some((v) => v.emptyDir) && !finished(pod)) {
    if (!f.deleteEmptyDir) return { delete: false, error: localStorageFatal };
    warning = localStorageWarning;
  }
  // unreplicatedFilter
  if (!finished(pod) && !controller) {
    if (!f.force) return { delete: false, error: unmanagedFatal };
    warning = unmanagedWarning;
  }
  return warning ? { delete: true, warning } : { delete: true };
}

/** `GetPodsForDeletion`: pods to evict, the warnings, and the errors that stop this node. */
function podsForDeletion(env: CommandEnv, node: string, f: Filters): { pods: Pod[]; warnings: string; errors: string[] } {
  const listed = env.cluster.list('Pod', { fieldSelector: `spec.nodeName=${node}`, labelSelector: env.flags.string('pod-selector') || undefined });
  if (!listed.ok) throw new CommandError({ type: 'status', status: listed.status });
  const pods: Pod[] = [];
  const warnings = new Map<string, string[]>();
  const failures = new Map<string, string[]>();
  const add = (m: Map<string, string[]>, key: string, pod: Pod) => m.set(key, [...(m.get(key) ?? []), `${pod.metadata?.namespace}/${pod.metadata?.name}`]);
  for (const pod of listed.value.items) {
    const s = filterPod(pod, f);
    if (s.delete) pods.push(pod);
    if ('warning' in s && s.warning) add(warnings, s.warning, pod);
    if ('error' in s) add(failures, s.error, pod);
  }
  // Go iterates these maps in random order; insertion order here
  return {
    pods,
    warnings: [...warnings].map(([msg, names]) => `${msg}: ${names.join(', ')}`).join('; '),
    errors: [...failures].map(([msg, names]) => `cannot delete ${msg}: ${names.join(', ')}`),
  };
}

/** An error of `utilerrors.NewAggregate`, as DeleteOrEvictPods returns them. */
function failAll(...messages: string[]): CommandError {
  return new CommandError({ type: 'aggregate', errors: messages.map((message): KubeError => ({ type: 'message', message })) });
}

/** `evictPods` + `waitForDelete`: evict each pod, then poll every second until each is gone. */
function* evictPods(env: CommandEnv, pods: Pod[], dryRun: DryRun, gracePeriod: number, disableEviction: boolean, timeoutMs: number): Waiting<void> {
  const pending: Pod[] = [];
  for (const pod of pods) {
    if (!disableEviction) env.out.out(`evicting pod ${pod.metadata?.namespace}/${pod.metadata?.name}${dryRun === 'server' ? ' (server dry run)' : ''}\n`);
    // a server dry-run eviction changes nothing (and the simulated DELETE has no dry-run)
    if (dryRun === 'server') continue;
    const res = env.cluster.delete('Pod', pod.metadata?.namespace, pod.metadata?.name ?? '', gracePeriod >= 0 ? { gracePeriodSeconds: gracePeriod } : {});
    if (!res.ok && res.status.reason !== 'NotFound') {
      throw failAll(`error when evicting pods/"${pod.metadata?.name}" -n "${pod.metadata?.namespace}": ${res.status.message}`);
    }
    if (res.ok) pending.push(pod);
  }
  const verb = disableEviction ? 'deleted' : 'evicted';
  const deadline = timeoutMs > 0 ? env.cluster.now() + timeoutMs : Number.POSITIVE_INFINITY;
  let waiting = pending;
  for (;;) {
    waiting = waiting.filter((pod) => {
      const live = env.cluster.get('Pod', pod.metadata?.namespace, pod.metadata?.name ?? '');
      if (live.ok && live.value.metadata?.uid === pod.metadata?.uid) return true;
      printResult(env, pod, verb, dryRun);
      return false;
    });
    if (waiting.length === 0) return;
    if (env.cluster.now() + 1000 > deadline) {
      const first = waiting[0];
      throw failAll(`error when waiting for pod "${first.metadata?.name}" in namespace "${first.metadata?.namespace}" to terminate: global timeout reached: ${timeoutMs / 1000}s`);
    }
    // `advance(1000)`: a wait whose condition never holds runs exactly that far
    yield { until: () => false, maxMs: 1000 };
  }
}

export const drainCommand: KubectlCommand = {
  name: 'drain',
  short: 'Drain node in preparation for maintenance',
  use: 'drain NODE',
  flags: [
    { name: 'force', type: 'bool' },
    { name: 'ignore-daemonsets', type: 'bool' },
    { name: 'delete-emptydir-data', type: 'bool' },
    { name: 'grace-period', type: 'int', default: -1 },
    { name: 'timeout', type: 'duration' },
    { name: 'pod-selector', type: 'string' },
    { name: 'disable-eviction', type: 'bool' },
    { name: 'skip-wait-for-delete-timeout', type: 'int' },
    { name: 'chunk-size', type: 'int', default: 500 },
    { name: 'selector', shorthand: 'l', type: 'string' },
    dryRunFlag,
  ],
  *run(env): Waiting<WatchStream | undefined> {
    const f = env.flags;
    checkNodeArgs(env);
    const dryRun = dryRunStrategy(f);
    const nodes = nodeInfos(env, f.string('selector'));
    cordonOrUncordon(env, nodes, true, dryRun);
    const filters: Filters = {
      force: f.bool('force'),
      deleteEmptyDir: f.bool('delete-emptydir-data'),
      ignoreDaemonSets: f.bool('ignore-daemonsets'),
      daemonSetExists: (ns, name) => env.cluster.get('DaemonSet', ns, name).ok,
    };
    const fatal: KubeError[] = [];
    const remaining: string[] = [];
    for (const info of nodes) {
      const name = info.object.metadata?.name ?? '';
      try {
        const list = podsForDeletion(env, name, filters);
        if (list.errors.length > 0) throw failAll(...list.errors);
        if (list.warnings) env.out.err(`Warning: ${list.warnings}\n`);
        if (dryRun === 'client') {
          for (const pod of list.pods) env.out.out(`evicting pod ${pod.metadata?.namespace}/${pod.metadata?.name} (dry run)\n`);
        } else {
          yield* evictPods(env, list.pods, dryRun, f.int('grace-period'), f.bool('disable-eviction'), f.duration('timeout'));
        }
        printResult(env, info.object, 'drained', dryRun);
      } catch (e) {
        if (!(e instanceof CommandError)) throw e;
        env.out.err(`error: unable to drain node "${name}" due to error: ${e.message}, continuing command...\n`);
        fatal.push(e.error);
        remaining.push(name);
      }
    }
    if (remaining.length > 0) {
      env.out.err('There are pending nodes to be drained:\n');
      for (const n of remaining) env.out.err(` ${n}\n`);
    }
    // utilerrors.NewAggregate(fatal): checkErr unwraps this one level only, so a node's own aggregate prints bare
    if (fatal.length > 0) throw new CommandError({ type: 'aggregate', errors: fatal });
    return undefined;
  },
};

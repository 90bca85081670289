/**
 * `kubectl rollout status TYPE/NAME [--watch=false] [--revision=N] [--timeout=D]` (kubectl
 * `pkg/cmd/rollout/rollout_status.go`, `polymorphichelpers/rollout_status.go`). The status line of a Deployment,
 * DaemonSet or StatefulSet is printed as listed and again on every change the watch delivers, until the rollout
 * is complete: `Waiting for deployment "x" rollout to finish: 1 of 3 updated replicas are available...`, then
 * `deployment "x" successfully rolled out`. Waiting advances virtual time like kubectl blocking in its watch;
 * `--timeout` ends it with `timed out waiting for the condition`. Without a timeout, a rollout still going after
 * `maxForegroundWaitMs` keeps being watched as a stream (the terminal shows it running until Ctrl+C).
 */
import type { KubeObject, WatchEvent } from '../../../engine';
import type { DaemonSet, Deployment, StatefulSet } from '../../../engine/api/types';
import { ChunkStream } from '../../cli/chunkStream';
import type { CommandEnv, KubectlCommand, Waiting, WatchStream } from '../../cli/command';
import { CommandError, type KubeError, aggregate, fail } from '../../cli/errors';
import { revisionOf } from '../../resources/deploymentReplicaSets';
import { groupKindString, rolloutTargetFlags, rolloutTargets } from './rolloutTargets';

/** How long a foreground command waits in virtual time before it carries on as a stream (past the 600 s progress deadline). */
export const maxForegroundWaitMs = 15 * 60_000;

type StatusResult = { text: string; done: boolean } | { error: string };
type StatusKind = 'Deployment' | 'DaemonSet' | 'StatefulSet';

/** `DeploymentStatusViewer.Status`. */
export function deploymentStatus(d: Deployment, revision: number): StatusResult {
  const name = d.metadata?.name ?? '';
  if (revision > 0) {
    const current = revisionOf(d);
    if (Number.isNaN(current)) return { error: `cannot get the revision of deployment "${name}": strconv.ParseInt: parsing "${d.metadata?.annotations?.['deployment.kubernetes.io/revision']}": invalid syntax` };
    if (revision !== current) return { error: `desired revision (${revision}) is different from the running revision (${current})` };
  }
  const status = d.status ?? {};
  if ((d.metadata?.generation ?? 0) <= (status.observedGeneration ?? 0)) {
    const progressing = (status.conditions ?? []).find((c) => c.type === 'Progressing');
    if (progressing?.reason === 'ProgressDeadlineExceeded') return { error: `deployment "${name}" exceeded its progress deadline` };
    const updated = status.updatedReplicas ?? 0;
    const replicas = d.spec?.replicas;
    if (replicas !== undefined && updated < replicas) {
      return { text: `Waiting for deployment "${name}" rollout to finish: ${updated} out of ${replicas} new replicas have been updated...\n`, done: false };
    }
    if ((status.replicas ?? 0) > updated) {
      return { text: `Waiting for deployment "${name}" rollout to finish: ${(status.replicas ?? 0) - updated} old replicas are pending termination...\n`, done: false };
    }
    if ((status.availableReplicas ?? 0) < updated) {
      return { text: `Waiting for deployment "${name}" rollout to finish: ${status.availableReplicas ?? 0} of ${updated} updated replicas are available...\n`, done: false };
    }
    return { text: `deployment "${name}" successfully rolled out\n`, done: true };
  }
  return { text: 'Waiting for deployment spec update to be observed...\n', done: false };
}

/** `DaemonSetStatusViewer.Status` (kubectl `pkg/polymorphichelpers/rollout_status.go`). */
export function daemonSetStatus(ds: DaemonSet): StatusResult {
  const name = ds.metadata?.name ?? '';
  if ((ds.spec?.updateStrategy?.type ?? 'RollingUpdate') !== 'RollingUpdate') return { error: 'rollout status is only available for RollingUpdate strategy type' };
  const s: Partial<NonNullable<DaemonSet['status']>> = ds.status ?? {};
  if ((ds.metadata?.generation ?? 0) <= (s.observedGeneration ?? 0)) {
    const desired = s.desiredNumberScheduled ?? 0;
    if ((s.updatedNumberScheduled ?? 0) < desired) {
      return { text: `Waiting for daemon set "${name}" rollout to finish: ${s.updatedNumberScheduled ?? 0} out of ${desired} new pods have been updated...\n`, done: false };
    }
    if ((s.numberAvailable ?? 0) < desired) {
      return { text: `Waiting for daemon set "${name}" rollout to finish: ${s.numberAvailable ?? 0} of ${desired} updated pods are available...\n`, done: false };
    }
    return { text: `daemon set "${name}" successfully rolled out\n`, done: true };
  }
  return { text: 'Waiting for daemon set spec update to be observed...\n', done: false };
}

/**
 * `StatefulSetStatusViewer.Status` (kubectl `pkg/polymorphichelpers/rollout_status.go`); `--revision` is not used.
 * The apiserver defaults a RollingUpdate strategy's partition to 0, so a defaulted StatefulSet ends in the
 * partitioned branch: `partitioned roll out complete: N new pods have been updated...`.
 */
export function statefulSetStatus(sts: StatefulSet): StatusResult {
  const strategy = sts.spec?.updateStrategy;
  if (strategy?.type !== 'RollingUpdate') return { error: 'rollout status is only available for RollingUpdate strategy type' };
  const s: Partial<NonNullable<StatefulSet['status']>> = sts.status ?? {};
  const observed = s.observedGeneration ?? 0;
  if (observed === 0 || (sts.metadata?.generation ?? 0) > observed) return { text: 'Waiting for statefulset spec update to be observed...\n', done: false };
  const replicas = sts.spec?.replicas;
  const ready = s.readyReplicas ?? 0;
  if (replicas !== undefined && ready < replicas) return { text: `Waiting for ${replicas - ready} pods to be ready...\n`, done: false };
  const updated = s.updatedReplicas ?? 0;
  if (strategy.rollingUpdate) {
    const partition = strategy.rollingUpdate.partition;
    if (replicas !== undefined && partition !== undefined && updated < replicas - partition) {
      return { text: `Waiting for partitioned roll out to finish: ${updated} out of ${replicas - partition} new pods have been updated...\n`, done: false };
    }
    return { text: `partitioned roll out complete: ${updated} new pods have been updated...\n`, done: true };
  }
  if ((s.updateRevision ?? '') !== (s.currentRevision ?? '')) {
    return { text: `waiting for statefulset rolling update to complete ${updated} pods at revision ${s.updateRevision ?? ''}...\n`, done: false };
  }
  return { text: `statefulset rolling update complete ${s.currentReplicas ?? 0} pods at revision ${s.currentRevision ?? ''}...\n`, done: true };
}

type StatusViewer = (o: KubeObject, revision: number) => StatusResult;

/** The kinds `StatusViewerFor` has a viewer for. */
const statusViewers: Readonly<Record<StatusKind, StatusViewer>> = {
  Deployment: (o, revision) => deploymentStatus(o as Deployment, revision),
  DaemonSet: (o) => daemonSetStatus(o as DaemonSet),
  StatefulSet: (o) => statefulSetStatus(o as StatefulSet),
};

/** Follows one Deployment, DaemonSet or StatefulSet: prints each status; resolves to done, an error, or still running. */
function* follow(
  env: CommandEnv,
  kind: StatusKind,
  d: KubeObject,
  statusOf: StatusViewer,
  revision: number,
  watch: boolean,
  timeoutMs: number,
): Waiting<WatchStream | undefined> {
  const first = statusOf(d, revision);
  if ('error' in first) throw fail(first.error);
  env.out.out(first.text);
  if (first.done || !watch) return undefined;
  let sink = (s: string) => env.out.out(s);
  // once running as a stream, the end of the wait ends the stream (kubectl exits)
  let finish: ((error?: string) => void) | undefined;
  let outcome: 'running' | 'done' | KubeError = 'running';
  const onEvent = (e: WatchEvent) => {
    if (outcome !== 'running') return;
    const r: StatusResult = e.type === 'DELETED' ? { error: 'object has been deleted' } : statusOf(e.object as KubeObject, revision);
    if ('error' in r) {
      outcome = { type: 'message', message: r.error };
      finish?.(r.error);
      return;
    }
    sink(r.text);
    if (r.done) {
      outcome = 'done';
      finish?.();
    }
  };
  const watched = env.cluster.watch(
    kind,
    { namespace: d.metadata?.namespace, fieldSelector: `metadata.name=${d.metadata?.name ?? ''}`, resourceVersion: String(env.cluster.store.resourceVersion) },
    onEvent,
  );
  if (!watched.ok) throw new CommandError({ type: 'status', status: watched.status });
  let handedOver = false;
  try {
    yield { until: () => outcome !== 'running', maxMs: timeoutMs > 0 ? timeoutMs : maxForegroundWaitMs };
    if (outcome === 'running' && timeoutMs <= 0) {
      // kubectl is still blocked in its watch: keep printing as the cluster changes, until interrupted
      const stream = new ChunkStream(() => watched.value.stop());
      sink = (s) => stream.push({ stdout: s });
      finish = (error) => {
        if (error) stream.push({ stderr: `error: ${error}\n` });
        // kubectl returns: the host's prompt comes back
        stream.end();
      };
      handedOver = true;
      return stream;
    }
  } finally {
    // also when interrupted (Ctrl+C) while waiting
    if (!handedOver) watched.value.stop();
  }
  if (outcome === 'running') throw fail('timed out waiting for the condition');
  if (outcome !== 'done') throw new CommandError(outcome);
  return undefined;
}

export const rolloutStatusCommand: KubectlCommand = {
  name: 'status',
  short: 'Show the status of the rollout',
  use: 'rollout status (TYPE NAME | TYPE/NAME) [flags]',
  flags: [
    ...rolloutTargetFlags,
    { name: 'watch', shorthand: 'w', type: 'bool', default: true },
    { name: 'revision', type: 'int' },
    { name: 'timeout', type: 'duration' },
  ],
  *run(env): Waiting<WatchStream | undefined> {
    const f = env.flags;
    const { targets, errors } = rolloutTargets(env, () => {
      if (f.int('revision') < 0) throw fail(`revision must be a positive integer: ${f.int('revision')}`);
    });
    for (const t of targets) {
      const kind = t.mapping.kind;
      if (!Object.hasOwn(statusViewers, kind)) throw fail(`no status viewer has been implemented for ${groupKindString(t.mapping)}`);
      const viewer = statusViewers[kind as StatusKind];
      const stream = yield* follow(env, kind as StatusKind, t.object, viewer, f.int('revision'), f.bool('watch'), f.duration('timeout'));
      if (stream) return stream;
    }
    const err = aggregate(errors);
    if (err) throw new CommandError(err);
    if (targets.length === 0) env.out.err(`No resources found in ${env.namespace} namespace.\n`);
    return undefined;
  },
};

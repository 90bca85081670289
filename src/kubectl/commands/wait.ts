/**
 * `kubectl wait --for=delete|create|condition=NAME[=VALUE]|jsonpath=EXPR[=VALUE] TYPE/NAME... [--timeout=30s]`
 * (kubectl `pkg/cmd/wait/wait.go`). Each object is watched (list, then watch by name) until the condition holds,
 * printing `<kind>/<name> condition met`; the wait advances virtual time, one deadline shared by all objects,
 * and ends with `timed out waiting for the condition on <resource>/<name>`. `--timeout=0` checks once
 * (`condition not met for <resource>/<name>`); a negative timeout means a week. Objects that fail are reported
 * together at the end (ContinueOnError).
 */
import type { KubeObject, WatchEvent } from '../../engine';
import type { CommandEnv, KubectlCommand, Waiting, WatchStream } from '../cli/command';
import { CommandError, type KubeError, aggregate, fail } from '../cli/errors';
import { type ResourceRequest, fetchInfos, requestFor } from '../resources/resourceBuilder';
import type { Mapping } from '../resources/resourceMapper';
import { printFlags, printResult, writeOutputFormat } from './objectOutput';
import { type WaitCondition, WaitCheckError, parseWaitCondition } from './waitConditions';

const week = 168 * 3_600_000;

interface Target {
  mapping: Mapping;
  object: KubeObject;
}

/** `info.ObjectName()`: `pods/x`, `deployments.apps/x` (plural resource, group-qualified). */
const objectName = (t: Target) => `${t.mapping.qualifiedResource}/${t.object.metadata?.name ?? ''}`;

/** Watches one object until `done` says so or the deadline passes; returns the last event's object. */
function* watchUntil(env: CommandEnv, t: Target, deadline: number, done: (e: WatchEvent | undefined) => boolean): Waiting<{ met: boolean; last?: KubeObject }> {
  let met = false;
  let last: KubeObject | undefined;
  let error: unknown;
  const consider = (e: WatchEvent | undefined) => {
    if (met || error) return;
    try {
      if (e) last = e.object as KubeObject;
      met = done(e);
    } catch (err) {
      error = err;
    }
  };
  const watched = env.cluster.watch(
    t.mapping.kind,
    {
      namespace: t.mapping.namespaced ? t.object.metadata?.namespace : undefined,
      fieldSelector: `metadata.name=${t.object.metadata?.name ?? ''}`,
      resourceVersion: String(env.cluster.store.resourceVersion),
    },
    consider,
  );
  if (!watched.ok) throw new CommandError({ type: 'status', status: watched.status });
  try {
    // UntilWithSync starts from the informer's list: the current object is the first event
    const current = env.cluster.get(t.mapping.kind, t.object.metadata?.namespace, t.object.metadata?.name ?? '');
    consider(current.ok ? { type: 'ADDED', kind: t.mapping.kind, object: current.value, resourceVersion: 0 } : undefined);
    if (!met && !error) yield { until: () => met || !!error, maxMs: Math.max(0, deadline - env.cluster.now()) };
  } finally {
    watched.value.stop();
  }
  if (error) throw error;
  return { met, last };
}

/** One object against the condition: prints `condition met` or returns the error. */
function* waitFor(env: CommandEnv, t: Target, cond: WaitCondition, timeoutMs: number, deadline: number): Waiting<KubeError | undefined> {
  const timedOut: KubeError = { type: 'message', message: `timed out waiting for the condition on ${objectName(t)}` };
  const name = t.object.metadata?.name ?? '';
  const live = env.cluster.get(t.mapping.kind, t.object.metadata?.namespace, name);
  if (cond.type === 'create') {
    printResult(env, t.object, 'condition met', 'none');
    return undefined;
  }
  if (cond.type === 'delete') {
    if (!live.ok) {
      if (live.status.reason === 'NotFound') {
        printResult(env, t.object, 'condition met', 'none');
        return undefined;
      }
      return { type: 'status', status: live.status };
    }
    if (timeoutMs === 0) return { type: 'message', message: `condition not met for ${objectName(t)}` };
    if (env.cluster.now() >= deadline) return timedOut;
    const uid = live.value.metadata?.uid;
    const { met } = yield* watchUntil(env, t, deadline, (e) => !e || e.type === 'DELETED' || e.object.metadata?.uid !== uid);
    if (!met) return timedOut;
    printResult(env, live.value as KubeObject, 'condition met', 'none');
    return undefined;
  }
  if (timeoutMs === 0) {
    if (!live.ok) return { type: 'status', status: live.status };
    if (!cond.check(live.value as KubeObject)) return { type: 'message', message: `condition not met for ${objectName(t)}` };
    printResult(env, live.value as KubeObject, 'condition met', 'none');
    return undefined;
  }
  if (env.cluster.now() >= deadline) return timedOut;
  let missing = false;
  const { met, last } = yield* watchUntil(env, t, deadline, (e) => {
    if (!e) {
      // the informer's precondition: the object must be in the first list
      missing = true;
      return true;
    }
    return e.type !== 'DELETED' && cond.check(e.object as KubeObject);
  });
  if (missing) {
    return {
      type: 'status',
      status: { kind: 'Status', apiVersion: 'v1', status: 'Failure', reason: 'NotFound', code: 404, message: `${t.mapping.qualifiedResource} "${name}" not found` },
    };
  }
  if (!met || !last) return timedOut;
  printResult(env, last, 'condition met', 'none');
  return undefined;
}

/** `--for=create`: polls the finder every 0.5 s until something is found. */
function* waitForCreation(env: CommandEnv, request: ResourceRequest, timeoutMs: number): Waiting<void> {
  const found = () => {
    const { infos, errors } = fetchInfos(env, request, env.namespace);
    const notFound = errors.every((e) => e.type === 'status' && e.status.reason === 'NotFound');
    if (!notFound) throw new CommandError(aggregate(errors) as KubeError);
    return infos.some((i) => i.objects.length > 0) && errors.length === 0;
  };
  const deadline = env.cluster.now() + timeoutMs;
  for (;;) {
    if (found()) return;
    if (env.cluster.now() + 500 > deadline) throw fail('timed out waiting for the condition');
    // `advance(500)`: a wait whose condition never holds runs exactly that far
    yield { until: () => false, maxMs: 500 };
  }
}

export const waitCommand: KubectlCommand = {
  name: 'wait',
  short: 'Experimental: Wait for a specific condition on one or many resources',
  use: "wait ([-f FILENAME] | resource.group/resource.name | resource.group [(-l label | --all)]) [--for=create|--for=delete|--for condition=available|--for=jsonpath='{}'[=value]]",
  suggestFor: ['list', 'ps'],
  flags: [
    { name: 'for', type: 'string' },
    { name: 'timeout', type: 'duration', default: 30_000 },
    { name: 'all', type: 'bool' },
    { name: 'all-namespaces', shorthand: 'A', type: 'bool' },
    { name: 'selector', shorthand: 'l', type: 'string' },
    { name: 'field-selector', type: 'string' },
    { name: 'filename', shorthand: 'f', type: 'stringSlice' },
    { name: 'recursive', shorthand: 'R', type: 'bool' },
    { name: 'kustomize', shorthand: 'k', type: 'string' },
    { name: 'local', type: 'bool' },
    ...printFlags,
  ],
  *run(env): Waiting<WatchStream | undefined> {
    const f = env.flags;
    const cond = parseWaitCondition(f.string('for'));
    // WaitFlags.ToOptions builds the printer: a bad -o or template fails before waiting
    writeOutputFormat(env);
    let timeoutMs = f.duration('timeout');
    if (timeoutMs < 0) timeoutMs = week;
    const allNamespaces = f.bool('all-namespaces');
    const namespace = allNamespaces ? '' : env.namespace;
    const request = requestFor(
      env,
      {
        args: env.args,
        namespace,
        allNamespaces,
        labelSelector: f.string('selector'),
        fieldSelector: f.string('field-selector'),
        selectAll: f.bool('all'),
        allowEmptySelector: false,
      },
      f.strings('filename'),
    );
    if (cond.type === 'create') yield* waitForCreation(env, request, timeoutMs);
    const deadline = env.cluster.now() + timeoutMs;
    const errors: KubeError[] = [];
    let visited = 0;
    // the builder's visitor: objects (or their fetch errors) one by one, in argument order
    const parts: ResourceRequest[] = request.type === 'names' ? request.items.map((item) => ({ ...request, items: [item] })) : [request];
    for (const part of parts) {
      const { infos, errors: fetchErrors } = fetchInfos(env, part, namespace);
      // for delete, objects already gone are simply not visited (IgnoreErrors(IsNotFound))
      for (const e of fetchErrors) if (!(cond.type === 'delete' && e.type === 'status' && e.status.reason === 'NotFound')) errors.push(e);
      for (const info of infos) {
        for (const object of info.objects) {
          visited++;
          try {
            const err = yield* waitFor(env, { mapping: info.mapping, object }, cond, timeoutMs, deadline);
            if (err) errors.push(err);
          } catch (e) {
            if (e instanceof WaitCheckError) errors.push({ type: 'message', message: e.message });
            else throw e;
          }
        }
      }
    }
    const err = aggregate(errors);
    if (err) throw new CommandError(err);
    if (visited === 0 && cond.type !== 'delete') throw fail('no matching resources found');
    return undefined;
  },
};

/**
 * What every `kubectl rollout` subcommand starts with (kubectl `pkg/cmd/rollout/*.go`): `required resource not
 * specified` without arguments, then the builder with `ResourceTypeOrNameArgs(true, ...)` (a bare type lists
 * them all), `-l`, `-f`, ContinueOnError and Latest.
 */
import type { KubeObject } from '../../../engine';
import type { CommandEnv } from '../../cli/command';
import { fail, type KubeError } from '../../cli/errors';
import type { FlagSpec } from '../../cli/flags';
import { fetchInfos, requestFor } from '../../resources/resourceBuilder';
import type { Mapping } from '../../resources/resourceMapper';

export const rolloutTargetFlags: readonly FlagSpec[] = [
  { name: 'filename', shorthand: 'f', type: 'stringSlice' },
  { name: 'recursive', shorthand: 'R', type: 'bool' },
  { name: 'kustomize', shorthand: 'k', type: 'string' },
  { name: 'selector', shorthand: 'l', type: 'string' },
];

export interface RolloutTarget {
  mapping: Mapping;
  object: KubeObject;
}

/** Validates the arguments (then `validate`, the verb's own checks) and fetches the objects; builder errors are returned, not thrown (ContinueOnError). */
export function rolloutTargets(env: CommandEnv, validate?: () => void): { targets: RolloutTarget[]; errors: KubeError[] } {
  const files = env.flags.strings('filename');
  if (env.args.length === 0 && files.length === 0 && !env.flags.string('kustomize')) throw fail('required resource not specified');
  validate?.();
  const request = requestFor(
    env,
    { args: env.args, namespace: env.namespace, allNamespaces: false, labelSelector: env.flags.string('selector'), allowEmptySelector: true },
    files,
  );
  const { infos, errors } = fetchInfos(env, request, env.namespace);
  return { targets: infos.flatMap((i) => i.objects.map((object) => ({ mapping: i.mapping, object }))), errors };
}

/** `schema.GroupKind.String()`: `Kind` or `Kind.group`. */
export function groupKindString(m: Mapping): string {
  return m.group ? `${m.kind}.${m.group}` : m.kind;
}

/** What `rollout history` and `undo` say of a DaemonSet, whose revisions svcsim does not keep. */
export const daemonSetHistoryNotSimulated = "svcsim: a DaemonSet's rollout history is not simulated (its controller here writes no ControllerRevisions)";

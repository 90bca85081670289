/**
 * `kubectl rollout restart | pause | resume` (kubectl `pkg/cmd/rollout/rollout_{restart,pause,resume}.go` with
 * `polymorphichelpers/object{restarter,pauser,resumer}.go`): each changes the object locally, sends the
 * difference as a strategic merge patch, and prints `deployment.apps/x restarted | paused | resumed`. DaemonSets
 * and StatefulSets can only be restarted (`statefulsets.apps "web" pausing is not supported`).
 * Restart stamps the pod template with `kubectl.kubernetes.io/restartedAt` (RFC 3339 of kubectl's clock, here the
 * virtual clock in UTC). Pausing a paused Deployment is an error (`is already paused`), as is resuming one that
 * is not paused or restarting a paused one.
 */
import { formatTimestamp, type KubeObject } from '../../../engine';
import type { Deployment } from '../../../engine/api/types';
import type { CommandEnv, KubectlCommand } from '../../cli/command';
import { type KubeError, aggregate, throwIfErrors } from '../../cli/errors';
import { printFlags, printResult } from '../objectOutput';
import { type RolloutTarget, rolloutTargetFlags, rolloutTargets } from './rolloutTargets';

type Verb = 'restart' | 'pause' | 'resume';

/** The patch a verb makes, `{}` for no change, or the mutator's error. */
function patchFor(verb: Verb, t: RolloutTarget, now: number): { patch: Record<string, unknown> } | { error: string } {
  // objectrestarter.go restarts apps/v1 DaemonSets and StatefulSets the same way (a template annotation);
  // objectpauser.go and objectresumer.go know only Deployments
  const restartable = t.mapping.kind === 'Deployment' || (verb === 'restart' && (t.mapping.kind === 'DaemonSet' || t.mapping.kind === 'StatefulSet'));
  if (!restartable) return { error: `${verb === 'restart' ? 'restarting' : verb === 'pause' ? 'pausing' : 'resuming'} is not supported` };
  const d = t.object as Deployment;
  const paused = d.spec?.paused === true;
  if (verb === 'pause') return paused ? { error: 'is already paused' } : { patch: { spec: { paused: true } } };
  if (verb === 'resume') return paused ? { patch: { spec: { paused: null } } } : { error: 'is not paused' };
  if (paused) return { error: "can't restart paused deployment (run rollout resume first)" };
  const stamp = formatTimestamp(now);
  if (d.spec?.template?.metadata?.annotations?.['kubectl.kubernetes.io/restartedAt'] === stamp) return { patch: {} };
  return { patch: { spec: { template: { metadata: { annotations: { 'kubectl.kubernetes.io/restartedAt': stamp } } } } } };
}

const done: Record<Verb, string> = { restart: 'restarted', pause: 'paused', resume: 'resumed' };

function run(env: CommandEnv, verb: Verb): undefined {
  const { targets, errors } = rolloutTargets(env);
  const all: KubeError[] = [];
  if (errors.length > 0) all.push(aggregate(errors) as KubeError);
  if (targets.length === 0 && all.length === 0) {
    env.out.err(`No resources found in ${env.namespace} namespace.\n`);
    return undefined;
  }
  const now = env.cluster.now();
  for (const t of targets) {
    const name = t.object.metadata?.name ?? '';
    const p = patchFor(verb, t, now);
    if ('error' in p) {
      all.push({ type: 'message', message: `error: ${t.mapping.qualifiedResource} "${name}" ${p.error}` });
      continue;
    }
    if (Object.keys(p.patch).length === 0) {
      all.push({
        type: 'message',
        message: `failed to create patch for ${name}: if restart has already been triggered within the past second, please wait before attempting to trigger another`,
      });
      continue;
    }
    const res = env.cluster.patch(t.mapping.kind, t.object.metadata?.namespace, name, 'strategic', p.patch);
    if (!res.ok) {
      all.push({ type: 'message', message: `failed to patch: ${res.status.message}` });
      continue;
    }
    printResult(env, res.value as KubeObject, done[verb], 'none');
  }
  throwIfErrors(all);
  return undefined;
}

const flags = [...rolloutTargetFlags, { name: 'field-manager', type: 'string' as const, default: 'kubectl-rollout' }, ...printFlags];

export const rolloutRestartCommand: KubectlCommand = {
  name: 'restart',
  short: 'Restart a resource',
  use: 'rollout restart RESOURCE',
  flags,
  run: (env) => run(env, 'restart'),
};

export const rolloutPauseCommand: KubectlCommand = {
  name: 'pause',
  short: 'Mark the provided resource as paused',
  use: 'rollout pause RESOURCE',
  flags,
  run: (env) => run(env, 'pause'),
};

export const rolloutResumeCommand: KubectlCommand = {
  name: 'resume',
  short: 'Resume a paused resource',
  use: 'rollout resume RESOURCE',
  flags,
  run: (env) => run(env, 'resume'),
};

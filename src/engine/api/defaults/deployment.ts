/**
 * `SetDefaults_Deployment` (`pkg/apis/apps/v1/defaults.go`): one replica, RollingUpdate with 25% / 25%,
 * ten old ReplicaSets kept, a 600 s progress deadline, and the pod template's spec defaults.
 */
import type { Deployment } from '../types';
import { defaultPodSpec } from './pod';

type Json = Record<string, unknown>;

/** Defaults a Deployment in place. */
export function defaultDeployment(d: Deployment): void {
  d.spec ??= { selector: undefined as never, template: {} };
  const spec = d.spec as NonNullable<Deployment['spec']> & Json;
  if (spec.replicas === undefined || spec.replicas === null) spec.replicas = 1;
  spec.strategy ??= {};
  const strategy = spec.strategy;
  if (!strategy.type) strategy.type = 'RollingUpdate';
  if (strategy.type === 'RollingUpdate') {
    strategy.rollingUpdate ??= {};
    const ru = strategy.rollingUpdate;
    if (ru.maxUnavailable === undefined || ru.maxUnavailable === null) ru.maxUnavailable = '25%';
    if (ru.maxSurge === undefined || ru.maxSurge === null) ru.maxSurge = '25%';
  }
  if (spec.revisionHistoryLimit === undefined || spec.revisionHistoryLimit === null) spec.revisionHistoryLimit = 10;
  if (spec.progressDeadlineSeconds === undefined || spec.progressDeadlineSeconds === null) spec.progressDeadlineSeconds = 600;
  spec.template ??= {};
  if (spec.template.spec) defaultPodSpec(spec.template.spec);
}

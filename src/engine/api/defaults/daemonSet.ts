/**
 * `SetDefaults_DaemonSet` (kubernetes/kubernetes `pkg/apis/apps/v1/defaults.go`): RollingUpdate with
 * maxUnavailable 1 and maxSurge 0, ten revisions of history, and the pod template's spec defaults.
 */
import type { DaemonSet } from '../types';
import { defaultPodSpec } from './pod';

/** Defaults a DaemonSet in place. */
export function defaultDaemonSet(ds: DaemonSet): void {
  ds.spec ??= { selector: undefined as never, template: {} };
  const spec = ds.spec;
  spec.updateStrategy ??= {};
  spec.updateStrategy.type ??= 'RollingUpdate';
  if (spec.updateStrategy.type === 'RollingUpdate') {
    spec.updateStrategy.rollingUpdate ??= {};
    spec.updateStrategy.rollingUpdate.maxUnavailable ??= 1;
    spec.updateStrategy.rollingUpdate.maxSurge ??= 0;
  }
  spec.revisionHistoryLimit ??= 10;
  if (spec.template?.spec) defaultPodSpec(spec.template.spec);
}

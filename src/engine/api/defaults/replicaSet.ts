/** `SetDefaults_ReplicaSet` (`pkg/apis/apps/v1/defaults.go`): one replica, and the pod template's spec defaults. */
import type { ReplicaSet } from '../types';
import { defaultPodSpec } from './pod';

/** Defaults a ReplicaSet in place. */
export function defaultReplicaSet(rs: ReplicaSet): void {
  rs.spec ??= { selector: undefined as never };
  const spec = rs.spec;
  if (spec.replicas === undefined || spec.replicas === null) spec.replicas = 1;
  if (spec.template?.spec) defaultPodSpec(spec.template.spec);
}

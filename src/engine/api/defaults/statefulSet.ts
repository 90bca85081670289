/**
 * `SetDefaults_StatefulSet` (kubernetes/kubernetes `pkg/apis/apps/v1/defaults.go`): OrderedReady pod
 * management, a RollingUpdate strategy with partition 0, one replica, ten revisions of history, PVCs retained,
 * and the pod template's spec defaults.
 */
import type { StatefulSet } from '../types';
import { defaultPodSpec } from './pod';

/** Defaults a StatefulSet in place. */
export function defaultStatefulSet(sts: StatefulSet): void {
  sts.spec ??= { selector: undefined as never, template: {}, serviceName: undefined as never };
  const spec = sts.spec;
  spec.podManagementPolicy ??= 'OrderedReady';
  spec.updateStrategy ??= {};
  spec.updateStrategy.type ??= 'RollingUpdate';
  if (spec.updateStrategy.type === 'RollingUpdate') {
    spec.updateStrategy.rollingUpdate ??= {};
    spec.updateStrategy.rollingUpdate.partition ??= 0;
  }
  spec.persistentVolumeClaimRetentionPolicy ??= {};
  spec.persistentVolumeClaimRetentionPolicy.whenDeleted ??= 'Retain';
  spec.persistentVolumeClaimRetentionPolicy.whenScaled ??= 'Retain';
  spec.replicas ??= 1;
  spec.revisionHistoryLimit ??= 10;
  if (spec.template?.spec) defaultPodSpec(spec.template.spec);
}

/**
 * StatefulSet defaulting as the apps/v1 API applies it while decoding (kubernetes/kubernetes
 * `pkg/apis/apps/v1/defaults.go` `SetDefaults_StatefulSet` and the generated `zz_generated.defaults.go`
 * `SetObjectDefaults_StatefulSet`), plus what writing the object back as apps/v1 JSON adds.
 *
 * 1.34 feature gates (`pkg/features/kube_features.go`): StatefulSetAutoDeletePVC is GA, so the PVC retention
 * policy is always defaulted; MaxUnavailableStatefulSet is alpha and off (beta from 1.35), so
 * `rollingUpdate.maxUnavailable` is not defaulted.
 */
import type { PersistentVolumeClaim } from 'kubernetes-types/core/v1';
import type { PodSpec, StatefulSet } from '../types';
import { defaultPodSpec } from './pod';

type Spec = NonNullable<StatefulSet['spec']>;

/** Defaults a StatefulSet in place. */
export function defaultStatefulSet(sts: StatefulSet): void {
  sts.spec ??= { selector: undefined as never, template: {}, serviceName: undefined as never };
  const spec = sts.spec;
  if (!spec.podManagementPolicy) spec.podManagementPolicy = 'OrderedReady';
  spec.updateStrategy ??= {};
  const strategy = spec.updateStrategy;
  // a rollingUpdate block is only added when the type itself was defaulted: an explicit
  // `type: RollingUpdate` without one stays without one
  if (!strategy.type) {
    strategy.type = 'RollingUpdate';
    strategy.rollingUpdate ??= {};
  }
  if (strategy.type === 'RollingUpdate' && strategy.rollingUpdate) {
    if (strategy.rollingUpdate.partition === undefined || strategy.rollingUpdate.partition === null) strategy.rollingUpdate.partition = 0;
  }
  spec.persistentVolumeClaimRetentionPolicy ??= {};
  const retention = spec.persistentVolumeClaimRetentionPolicy;
  if (!retention.whenDeleted) retention.whenDeleted = 'Retain';
  if (!retention.whenScaled) retention.whenScaled = 'Retain';
  if (spec.replicas === undefined || spec.replicas === null) spec.replicas = 1;
  if (spec.revisionHistoryLimit === undefined || spec.revisionHistoryLimit === null) spec.revisionHistoryLimit = 10;
  // SetObjectDefaults_StatefulSet defaults the template's pod spec, which is a struct: present even when empty
  spec.template ??= {};
  spec.template.spec ??= {} as PodSpec;
  defaultPodSpec(spec.template.spec);
  for (const pvc of spec.volumeClaimTemplates ?? []) defaultClaimTemplate(pvc);
  serialiseAsV1(spec);
}

/**
 * `SetDefaults_PersistentVolumeClaim` (a Pending phase) and `SetDefaults_PersistentVolumeClaimSpec` (Filesystem
 * volume mode) for one claim template, then the conversion to apps/v1, which stamps every template with
 * `apiVersion: v1` and `kind: PersistentVolumeClaim` (kubernetes/kubernetes `pkg/apis/apps/v1/conversion.go`
 * `Convert_apps_StatefulSetSpec_To_v1_StatefulSetSpec`).
 */
function defaultClaimTemplate(pvc: PersistentVolumeClaim): void {
  pvc.apiVersion = 'v1';
  pvc.kind = 'PersistentVolumeClaim';
  // metadata, spec, spec.resources and status are structs: apps/v1 JSON always carries them
  pvc.metadata ??= {};
  pvc.spec ??= {};
  pvc.spec.resources ??= {};
  if (!pvc.spec.volumeMode) pvc.spec.volumeMode = 'Filesystem';
  const claim = pvc as { status?: { phase?: string } };
  claim.status ??= {};
  if (!claim.status.phase) claim.status.phase = 'Pending';
}

/**
 * Fields of `k8s.io/api/apps/v1` without `omitempty`, which the apiserver writes back even when empty:
 * `serviceName` (optional since 1.33, yet serialised as `""`) and `ordinals.start`.
 */
function serialiseAsV1(spec: Spec): void {
  if (spec.serviceName === undefined || spec.serviceName === null) spec.serviceName = '';
  if (spec.ordinals && (spec.ordinals.start === undefined || spec.ordinals.start === null)) spec.ordinals.start = 0;
}

/**
 * `ValidatePodUpdate` (Kubernetes 1.34): a pod's spec is immutable except for container images, a shorter
 * activeDeadlineSeconds, added tolerations, removed scheduling gates and a negative grace period raised to 1.
 * Anything else is `spec: Forbidden: pod updates may not change fields other than ...` followed by a
 * `cmp.Diff` of the old spec against the new one (with the allowed changes undone).
 */
import type { Pod, PodSpec, Toleration } from '../types';
import { cloneJson } from '../../shared';
import { type FieldError, field } from '../fieldErrors';
import { podSpecType } from './gocmp/coreTypes';
import { goCmpDiff } from './gocmp/diff';
import { jsonValue } from './goJson';
import { inclusiveRangeError } from './names';
import { validateObjectMetaUpdate } from './objectMeta';
import { validatePodMetadataAndSpec } from './pod';
import { validateTolerations } from './podSpec';
import { semanticEqual } from './semantic';

type Json = Record<string, unknown>;

/** The updatable fields as 1.32–1.34 list them (resources go through the `resize` subresource). */
const updatablePodSpecFields = [
  '`spec.containers[*].image`',
  '`spec.initContainers[*].image`',
  '`spec.activeDeadlineSeconds`',
  '`spec.tolerations` (only additions to existing tolerations)',
  '`spec.terminationGracePeriodSeconds` (allow it to be set to 1 if it was previously negative)',
];

const maxInt32 = 2147483647;

/** `ValidateContainerUpdates`: same number of containers, images present and trimmed. */
function validateContainerUpdates(next: PodSpec['containers'] | undefined, old: PodSpec['containers'] | undefined, path: string): { errs: FieldError[]; stop: boolean } {
  if ((next ?? []).length !== (old ?? []).length) return { errs: [field.forbidden(path, 'pod updates may not add or remove containers')], stop: true };
  const errs: FieldError[] = [];
  (next ?? []).forEach((c, i) => {
    const image = c.image ?? '';
    if (!image) errs.push(field.required(`${path}[${i}].image`));
    if (image.trim().length !== image.length) errs.push(field.invalid(`${path}[${i}].image`, image, 'must not have leading or trailing whitespace'));
  });
  return { errs, stop: false };
}

/** `validateOnlyAddedTolerations`: every old toleration must still be there (its tolerationSeconds may change). */
function validateOnlyAddedTolerations(next: readonly Toleration[] | undefined, old: readonly Toleration[] | undefined, path: string): FieldError[] {
  for (const o of old ?? []) {
    const found = (next ?? []).some((n) => semanticEqual({ ...o, tolerationSeconds: n.tolerationSeconds }, n));
    if (!found) return [field.forbidden(path, 'existing toleration can not be modified except its tolerationSeconds')];
  }
  return validateTolerations(next, path);
}

/** `ValidatePodUpdate` */
export function validatePodUpdate(pod: Pod, old: Pod): FieldError[] {
  const spec = (pod.spec ?? {}) as PodSpec & Json;
  const oldSpec = (old.spec ?? {}) as PodSpec & Json;
  const errs = [...validateObjectMetaUpdate(pod.metadata, old.metadata), ...validatePodMetadataAndSpec(pod, pod.spec === old.spec)];

  for (const kind of ['containers', 'initContainers'] as const) {
    const r = validateContainerUpdates(spec[kind], oldSpec[kind], `spec.${kind}`);
    errs.push(...r.errs);
    if (r.stop) return errs;
  }

  const ads = spec.activeDeadlineSeconds;
  const oldAds = oldSpec.activeDeadlineSeconds;
  if (ads !== undefined && ads !== null) {
    if (ads < 0 || ads > maxInt32) return [...errs, field.invalid('spec.activeDeadlineSeconds', ads, inclusiveRangeError(0, maxInt32))];
    if (oldAds !== undefined && oldAds !== null && oldAds < ads) {
      return [...errs, field.invalid('spec.activeDeadlineSeconds', ads, 'must be less than or equal to previous value')];
    }
  } else if (oldAds !== undefined && oldAds !== null) {
    errs.push(field.invalid('spec.activeDeadlineSeconds', null, 'must not update from a positive integer to nil value'));
  }

  errs.push(...validateOnlyAddedTolerations(spec.tolerations, oldSpec.tolerations, 'spec.tolerations'));

  const newGates = ((spec.schedulingGates ?? []) as unknown as Json[]).map((g) => String(g.name ?? ''));
  const oldGates = new Set(((oldSpec.schedulingGates ?? []) as unknown as Json[]).map((g) => String(g.name ?? '')));
  newGates.forEach((g, i) => {
    if (!oldGates.has(g)) errs.push(field.forbidden(`spec.schedulingGates[${i}].name`, `only deletion is allowed, but found new scheduling gate '${g}'`));
  });

  if (semanticEqual(spec, oldSpec)) return errs;

  // undo the changes that are allowed, then anything left is forbidden
  const munged = cloneJson(spec) as PodSpec & Json;
  (munged.containers ?? []).forEach((c, i) => {
    c.image = oldSpec.containers?.[i]?.image as string;
  });
  (munged.initContainers ?? []).forEach((c, i) => {
    c.image = oldSpec.initContainers?.[i]?.image as string;
  });
  munged.activeDeadlineSeconds = oldSpec.activeDeadlineSeconds;
  munged.schedulingGates = oldSpec.schedulingGates;
  munged.tolerations = oldSpec.tolerations;
  const oldGrace = oldSpec.terminationGracePeriodSeconds;
  if (oldGrace !== undefined && oldGrace !== null && oldGrace < 0 && munged.terminationGracePeriodSeconds === 1) {
    munged.terminationGracePeriodSeconds = oldGrace;
  }
  if (oldGates.size > 0 && !semanticEqual(munged.nodeSelector, oldSpec.nodeSelector)) {
    // gated pods may gain node selector terms, but not lose or change any
    const sel = (munged.nodeSelector ?? {}) as Record<string, string>;
    const mutated = Object.entries(oldSpec.nodeSelector ?? {}).some(([k, v]) => sel[k] !== v);
    if (mutated) errs.push(field.invalid('spec.nodeSelector', jsonValue(sel), 'only additions to spec.nodeSelector are allowed (no mutations or deletions)'));
    munged.nodeSelector = oldSpec.nodeSelector;
  }
  if (!semanticEqual(munged, oldSpec)) {
    const diff = goCmpDiff(podSpecType, oldSpec, munged);
    errs.push(field.forbidden('spec', `pod updates may not change fields other than ${updatablePodSpecFields.join(',')}\n${diff}`));
  }
  return errs;
}

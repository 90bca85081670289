/**
 * Pod validation on create (`ValidatePodCreate` → `validatePodMetadataAndSpec`): object metadata with a
 * DNS-1123 subdomain name, the pod spec, and the checks that apply to pods but not to templates.
 */
import type { Pod } from '../types';
import { type FieldError, field } from '../fieldErrors';
import { nameIsDNSSubdomain } from './names';
import { validateObjectMeta } from './objectMeta';
import { validatePodSpec } from './podSpec';

type Json = Record<string, unknown>;

/** `validatePodMetadataAndSpec`: shared by create and update. */
export function validatePodMetadataAndSpec(pod: Pod, specStored = false): FieldError[] {
  const spec = (pod.spec ?? {}) as NonNullable<Pod['spec']> & Json;
  const errs = validateObjectMeta(pod.metadata, true, nameIsDNSSubdomain);
  const mirror = pod.metadata?.annotations?.['kubernetes.io/config.mirror'];
  if (mirror !== undefined && !spec.nodeName) {
    errs.push(field.invalid('metadata.annotations[kubernetes.io/config.mirror]', mirror, 'must set spec.nodeName if mirror pod annotation is set'));
  }
  // an update that kept the stored spec object: it passed this when it was stored, and the result depends on the
  // spec alone
  if (!specStored) errs.push(...validatePodSpec(spec, 'spec', true));
  if (!spec.serviceAccountName) {
    ((spec.volumes ?? []) as unknown as Json[]).forEach((v, vi) => {
      const sources = ((v.projected as Json | undefined)?.sources as Json[] | undefined) ?? [];
      sources.forEach((src, si) => {
        if (src.serviceAccountToken) {
          errs.push(field.forbidden(`spec.volumes[${vi}].projected.sources[${si}].serviceAccountToken`, 'must not be specified when serviceAccountName is not set'));
        }
      });
    });
  }
  for (const kind of ['containers', 'initContainers'] as const) {
    (spec[kind] ?? []).forEach((c, i) => {
      const image = c.image ?? '';
      if (image.length !== image.trim().length) {
        errs.push(field.invalid(`spec.${kind}[${i}].image`, image, 'must not have leading or trailing whitespace'));
      }
    });
  }
  return errs;
}

/** `ValidatePodCreate` */
export function validatePodCreate(pod: Pod): FieldError[] {
  const spec = (pod.spec ?? {}) as NonNullable<Pod['spec']> & Json;
  const errs = validatePodMetadataAndSpec(pod);
  if (((spec.ephemeralContainers as unknown[] | undefined) ?? []).length > 0) {
    errs.push(field.forbidden('spec.ephemeralContainers', 'cannot be set on create'));
  }
  if (spec.nodeName && ((spec.schedulingGates as unknown[] | undefined) ?? []).length > 0) {
    errs.push(field.forbidden('spec.nodeName', 'cannot be set until all schedulingGates have been cleared'));
  }
  return errs;
}

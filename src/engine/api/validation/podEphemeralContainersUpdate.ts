/**
 * A write to the `pods/ephemeralcontainers` subresource (Kubernetes 1.34
 * `pkg/apis/core/validation/validation.go` `ValidatePodEphemeralContainersUpdate`).
 */
import type { Pod } from '../types';
import { field, type FieldError } from '../fieldErrors';
import { ephemeralContainerType } from './gocmp/coreTypes';
import { goCmpDiff } from './gocmp/diff';
import { validateObjectMetaUpdate } from './objectMeta';
import { validatePodMetadataAndSpec } from './pod';
import { semanticEqual } from './semantic';

/**
 * `ValidatePodEphemeralContainersUpdate`: the new pod must be valid, a static (mirror) pod takes none, and the
 * ephemeral containers already there may be neither removed nor changed (checked by name: patches do not keep
 * order).
 */
export function validatePodEphemeralContainersUpdate(pod: Pod, old: Pod): FieldError[] {
  const errs = [...validateObjectMetaUpdate(pod.metadata, old.metadata), ...validatePodMetadataAndSpec(pod)];
  if (old.metadata?.annotations?.['kubernetes.io/config.mirror'] !== undefined) {
    return [field.forbidden('', 'static pods do not support ephemeral containers')];
  }
  const next = new Map((pod.spec?.ephemeralContainers ?? []).map((c) => [c.name, c]));
  for (const o of old.spec?.ephemeralContainers ?? []) {
    const n = next.get(o.name);
    if (!n) errs.push(field.forbidden('spec.ephemeralContainers', `existing ephemeral containers "${o.name}" may not be removed\n`));
    else if (!semanticEqual(o, n)) {
      errs.push(field.forbidden('spec.ephemeralContainers', `existing ephemeral containers "${o.name}" may not be changed\n${goCmpDiff(ephemeralContainerType, o, n)}`));
    }
  }
  return errs;
}

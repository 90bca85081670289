/**
 * Pod templates of workload controllers (`ValidatePodTemplateSpec`, apps `ValidatePodTemplateSpecForReplicaSet`,
 * `ValidateDeploymentSpec` / `ValidateReplicaSetSpec` selector rules). Note the Go paths: template labels are
 * validated at `spec.template.labels`, and the selector mismatch is reported at `spec.template.metadata.labels`.
 */
import type { PodTemplateSpec } from 'kubernetes-types/core/v1';
import type { LabelSelector } from '../types';
import { type FieldError, field } from '../fieldErrors';
import { jsonStruct, jsonValue, labelSelectorOrder } from './goJson';
import { labelSelectorIsEmpty, labelSelectorMatches, validateAnnotations, validateLabels, validateLabelSelector } from './labels';
import { validatePodSpec } from './podSpec';

/** `ValidatePodTemplateSpec` */
export function validatePodTemplateSpec(template: PodTemplateSpec | undefined, path: string): FieldError[] {
  const errs = validateLabels(template?.metadata?.labels, `${path}.labels`);
  errs.push(...validateAnnotations(template?.metadata?.annotations, `${path}.annotations`));
  errs.push(...validatePodSpec(template?.spec, `${path}.spec`, false));
  if (((template?.spec?.ephemeralContainers as unknown[] | undefined) ?? []).length > 0) {
    errs.push(field.forbidden(`${path}.spec.ephemeralContainers`, 'ephemeral containers not allowed in pod template'));
  }
  return errs;
}

/** Whether `metav1.LabelSelectorAsSelector` accepts the selector (known operators, valid keys and values). */
function selectorParses(sel: LabelSelector): boolean {
  return validateLabelSelector(sel, 'selector').length === 0;
}

/**
 * The selector rules shared by Deployments and ReplicaSets: required, valid, non-empty, matching the template
 * labels; the template must restart Always and have no active deadline. Go words the messages the same for
 * both kinds ("empty selector is invalid for deployment", "activeDeadlineSeconds in ReplicaSet").
 */
export function validateSelectorAndTemplate(selector: LabelSelector | undefined, tmpl: PodTemplateSpec | undefined): FieldError[] {
  const template = tmpl ?? {};
  const errs: FieldError[] = [];
  if (!selector) {
    errs.push(field.required('spec.selector'));
  } else {
    errs.push(...validateLabelSelector(selector, 'spec.selector'));
    if (labelSelectorIsEmpty(selector)) {
      errs.push(field.invalid('spec.selector', jsonStruct(selector as Record<string, unknown>, labelSelectorOrder), 'empty selector is invalid for deployment'));
    }
  }
  if (selector && !selectorParses(selector)) {
    errs.push(field.invalid('spec.selector', jsonStruct(selector as Record<string, unknown>, labelSelectorOrder), 'invalid label selector'));
    return errs;
  }
  // a nil selector selects nothing, an empty one everything (and is reported above)
  const empty = selector !== undefined && labelSelectorIsEmpty(selector);
  if (!empty && !labelSelectorMatches(selector, template.metadata?.labels)) {
    errs.push(field.invalid('spec.template.metadata.labels', jsonValue(template.metadata?.labels ?? null), '`selector` does not match template `labels`'));
  }
  errs.push(...validatePodTemplateSpec(template, 'spec.template'));
  const restart = template.spec?.restartPolicy ?? '';
  if (restart !== 'Always') errs.push(field.notSupported('spec.template.spec.restartPolicy', restart, ['Always']));
  if (template.spec?.activeDeadlineSeconds !== undefined && template.spec?.activeDeadlineSeconds !== null) {
    errs.push(field.forbidden('spec.template.spec.activeDeadlineSeconds', 'activeDeadlineSeconds in ReplicaSet is not Supported'));
  }
  return errs;
}

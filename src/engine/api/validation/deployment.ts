/**
 * Deployment validation (`pkg/apis/apps/validation/validation.go` `ValidateDeployment`,
 * `ValidateDeploymentUpdate`, and the apps/v1 selector immutability of `pkg/registry/apps/deployment/strategy.go`).
 */
import type { Deployment } from '../types';
import { type FieldError, field, GoLiteral } from '../fieldErrors';
import { isValidPercent } from './formats';
import { jsonStruct, labelSelectorOrder } from './goJson';
import { nameIsDNSSubdomain } from './names';
import { validateObjectMeta, validateObjectMetaUpdate } from './objectMeta';
import { semanticEqual } from './semantic';
import { validateSelectorAndTemplate } from './podTemplate';

type IntOrPercent = number | string | undefined;
const nonNegative = 'must be greater than or equal to 0';

/** `ValidatePositiveIntOrPercent`: a percentage string or a non-negative integer. */
export function validateIntOrPercent(v: IntOrPercent, path: string): FieldError[] {
  if (typeof v === 'string') return isValidPercent(v).map((msg) => field.invalid(path, v, msg));
  if (typeof v === 'number' && v < 0) return [field.invalid(path, v, nonNegative)];
  return [];
}

/** `getIntOrPercentValue`: the number, or the percentage without its sign. */
export function intOrPercentValue(v: IntOrPercent): number {
  if (typeof v === 'string') return isValidPercent(v).length === 0 ? Number(v.slice(0, -1)) : 0;
  return v ?? 0;
}

function isMoreThan100Percent(v: IntOrPercent): boolean {
  return typeof v === 'string' && isValidPercent(v).length === 0 && Number(v.slice(0, -1)) > 100;
}

/** The internal `apps.DeploymentStrategy` has no JSON tags, so a bad one prints with Go field names. */
function strategyValue(strategy: NonNullable<Deployment['spec']>['strategy']): GoLiteral {
  const ru = strategy?.rollingUpdate;
  const part = (v: IntOrPercent) => (v === undefined ? 'null' : JSON.stringify(v));
  const rolling = ru ? `{"MaxUnavailable":${part(ru.maxUnavailable)},"MaxSurge":${part(ru.maxSurge)}}` : 'null';
  return new GoLiteral(`{"Type":${JSON.stringify(strategy?.type ?? '')},"RollingUpdate":${rolling}}`);
}

function validateStrategy(strategy: NonNullable<Deployment['spec']>['strategy']): FieldError[] {
  const path = 'spec.strategy';
  switch (strategy?.type) {
    case 'Recreate':
      return strategy.rollingUpdate ? [field.forbidden(`${path}.rollingUpdate`, "may not be specified when strategy `type` is 'Recreate'")] : [];
    case 'RollingUpdate': {
      const ru = strategy.rollingUpdate;
      if (!ru) return [field.required(`${path}.rollingUpdate`, 'this should be defaulted and never be nil')];
      const p = `${path}.rollingUpdate`;
      const errs = [...validateIntOrPercent(ru.maxUnavailable, `${p}.maxUnavailable`), ...validateIntOrPercent(ru.maxSurge, `${p}.maxSurge`)];
      if (intOrPercentValue(ru.maxUnavailable) === 0 && intOrPercentValue(ru.maxSurge) === 0) {
        errs.push(field.invalid(`${p}.maxUnavailable`, ru.maxUnavailable ?? null, 'may not be 0 when `maxSurge` is 0'));
      }
      if (isMoreThan100Percent(ru.maxUnavailable)) errs.push(field.invalid(`${p}.maxUnavailable`, ru.maxUnavailable ?? null, 'must not be greater than 100%'));
      return errs;
    }
    default:
      return [field.notSupported(path, strategyValue(strategy), ['Recreate', 'RollingUpdate'])];
  }
}

/** `ValidateDeploymentSpec` */
function validateDeploymentSpec(d: Deployment): FieldError[] {
  const spec = d.spec ?? { selector: undefined as never, template: {} };
  const errs: FieldError[] = [];
  if ((spec.replicas ?? 0) < 0) errs.push(field.invalid('spec.replicas', spec.replicas ?? 0, nonNegative));
  errs.push(...validateSelectorAndTemplate(spec.selector, spec.template));
  errs.push(...validateStrategy(spec.strategy));
  const minReady = spec.minReadySeconds ?? 0;
  if (minReady < 0) errs.push(field.invalid('spec.minReadySeconds', minReady, nonNegative));
  if (spec.revisionHistoryLimit !== undefined && spec.revisionHistoryLimit < 0) {
    errs.push(field.invalid('spec.revisionHistoryLimit', spec.revisionHistoryLimit, nonNegative));
  }
  const pds = spec.progressDeadlineSeconds;
  if (pds !== undefined) {
    if (pds < 0) errs.push(field.invalid('spec.progressDeadlineSeconds', pds, nonNegative));
    if (pds <= minReady) errs.push(field.invalid('spec.progressDeadlineSeconds', pds, 'must be greater than minReadySeconds'));
  }
  return errs;
}

/** `ValidateDeployment` */
export function validateDeployment(d: Deployment): FieldError[] {
  return [...validateObjectMeta(d.metadata, true, nameIsDNSSubdomain), ...validateDeploymentSpec(d)];
}

/** `ValidateDeploymentUpdate` plus apps/v1's immutable selector (checked last, as the strategy does). */
export function validateDeploymentUpdate(d: Deployment, old: Deployment): FieldError[] {
  const errs = [...validateObjectMetaUpdate(d.metadata, old.metadata), ...validateDeploymentSpec(d)];
  if (!semanticEqual(d.spec?.selector, old.spec?.selector)) {
    const sel = d.spec?.selector;
    errs.push(field.invalid('spec.selector', jsonStruct(sel as Record<string, unknown> | undefined, labelSelectorOrder), 'field is immutable'));
  }
  return errs;
}

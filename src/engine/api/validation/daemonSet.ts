/**
 * DaemonSet validation (kubernetes/kubernetes `pkg/apis/apps/validation/validation.go` `ValidateDaemonSet`,
 * `ValidateDaemonSetSpec`, `ValidateDaemonSetUpdateStrategy`, `ValidateDaemonSetUpdate`): selector and template
 * as for the other workloads, a known update strategy, and an immutable selector.
 */
import type { DaemonSet } from '../types';
import { type FieldError, field } from '../fieldErrors';
import { intOrPercentValue, validateIntOrPercent } from './deployment';
import { jsonStruct, labelSelectorOrder } from './goJson';
import { nameIsDNSSubdomain } from './names';
import { validateObjectMeta, validateObjectMetaUpdate } from './objectMeta';
import { validateSelectorAndTemplate } from './podTemplate';
import { semanticEqual } from './semantic';

function validateSpec(ds: DaemonSet): FieldError[] {
  const spec = ds.spec ?? { selector: undefined as never, template: {} };
  const errs = validateSelectorAndTemplate(spec.selector, spec.template);
  if ((spec.minReadySeconds ?? 0) < 0) errs.push(field.invalid('spec.minReadySeconds', spec.minReadySeconds ?? 0, 'must be greater than or equal to 0'));
  const strategy = spec.updateStrategy ?? {};
  const type = strategy.type ?? '';
  if (type !== 'RollingUpdate' && type !== 'OnDelete') {
    errs.push(field.notSupported('spec.updateStrategy.type', type, ['OnDelete', 'RollingUpdate']));
  } else if (type === 'RollingUpdate') {
    const ru = strategy.rollingUpdate ?? {};
    const path = 'spec.updateStrategy.rollingUpdate';
    const mu = ru.maxUnavailable ?? 1;
    const ms = ru.maxSurge ?? 0;
    errs.push(...validateIntOrPercent(mu, `${path}.maxUnavailable`), ...validateIntOrPercent(ms, `${path}.maxSurge`));
    if (intOrPercentValue(mu) === 0 && intOrPercentValue(ms) === 0) {
      errs.push(field.invalid(`${path}.maxUnavailable`, mu, 'may not be 0 when `maxSurge` is 0'));
    }
  }
  return errs;
}

/** `ValidateDaemonSet` */
export function validateDaemonSet(ds: DaemonSet): FieldError[] {
  return [...validateObjectMeta(ds.metadata, true, nameIsDNSSubdomain), ...validateSpec(ds)];
}

/** `ValidateDaemonSetUpdate`: spec rules again, and the selector may not change. */
export function validateDaemonSetUpdate(ds: DaemonSet, old: DaemonSet): FieldError[] {
  const errs = [...validateObjectMetaUpdate(ds.metadata, old.metadata), ...validateSpec(ds)];
  if (!semanticEqual(ds.spec?.selector, old.spec?.selector)) {
    errs.push(field.invalid('spec.selector', jsonStruct(ds.spec?.selector as Record<string, unknown> | undefined, labelSelectorOrder), 'field is immutable'));
  }
  return errs;
}

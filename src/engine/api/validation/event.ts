/**
 * core/v1 Event validation (`pkg/apis/core/validation/events.go`): v1 requests only get the legacy checks,
 * for backwards compatibility; no object-metadata validation at all.
 */
import type { Event } from '../types';
import { type FieldError, field } from '../fieldErrors';
import { isDNS1123Subdomain, isQualifiedName } from './names';

/** `legacyValidateEvent` */
export function validateEvent(ev: Event): FieldError[] {
  const errs: FieldError[] = [];
  const ns = ev.metadata?.namespace ?? '';
  const involvedNs = ev.involvedObject?.namespace ?? '';
  const mismatch = () => field.invalid('involvedObject.namespace', involvedNs, 'does not match event.namespace');
  if (!ev.eventTime) {
    // old-style events: the namespaces agree (a cluster-scoped object's events may live in "default")
    if (!involvedNs) {
      if (ns !== '' && ns !== 'default') errs.push(mismatch());
    } else if (ns !== involvedNs) {
      errs.push(mismatch());
    }
  } else {
    if (!involvedNs && ns !== 'default' && ns !== 'kube-system') errs.push(mismatch());
    const controller = ev.reportingComponent ?? '';
    if (!controller) errs.push(field.required('reportingController'));
    for (const msg of isQualifiedName(controller)) errs.push(field.invalid('reportingController', controller, msg));
    const instance = ev.reportingInstance ?? '';
    if (!instance) errs.push(field.required('reportingInstance'));
    if (instance.length > 128) errs.push(field.invalid('reportingInstance', '', 'can have at most 128 characters'));
    if (!ev.action) errs.push(field.required('action'));
    if ((ev.action ?? '').length > 128) errs.push(field.invalid('action', '', 'can have at most 128 characters'));
    if (!ev.reason) errs.push(field.required('reason'));
    if ((ev.reason ?? '').length > 128) errs.push(field.invalid('reason', '', 'can have at most 128 characters'));
    if ((ev.message ?? '').length > 1024) errs.push(field.invalid('message', '', 'can have at most 1024 characters'));
  }
  for (const msg of isDNS1123Subdomain(ns)) errs.push(field.invalid('namespace', ns, msg));
  return errs;
}

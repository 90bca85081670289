/**
 * Node validation (`ValidateNode`, `ValidateNodeUpdate`): name, taints (reported under `metadata.taints`, as
 * the Go code builds the path from the metadata path), resource quantities, pod CIDRs and the fields that
 * may only be set once.
 */
import type { Node, Taint } from '../types';
import { parseQuantity } from '../defaults/quantity';
import { type FieldError, field, GoLiteral } from '../fieldErrors';
import { validateCIDR } from './formats';
import { jsonValue } from './goJson';
import { validateLabelName } from './labels';
import { isValidLabelValue, nameIsDNSSubdomain } from './names';
import { validateObjectMeta, validateObjectMetaUpdate } from './objectMeta';

const taintEffects = ['NoSchedule', 'PreferNoSchedule', 'NoExecute'];
/** Resources whose quantities must be whole numbers (`helper.IsIntegerResourceName`). */
const integerResources = new Set(['pods', 'services', 'replicationcontrollers', 'resourcequotas', 'secrets', 'configmaps', 'persistentvolumeclaims']);

/** `validateNodeTaints` */
function validateTaints(taints: readonly Taint[] | undefined, path: string): FieldError[] {
  const errs: FieldError[] = [];
  const seen = new Set<string>();
  (taints ?? []).forEach((t, i) => {
    const p = `${path}[${i}]`;
    errs.push(...validateLabelName(t.key ?? '', `${p}.key`));
    const msgs = isValidLabelValue(t.value ?? '');
    if (msgs.length) errs.push(field.invalid(`${p}.value`, t.value ?? '', msgs.join(';')));
    if (!t.effect) errs.push(field.required(`${p}.effect`));
    else if (!taintEffects.includes(t.effect)) errs.push(field.notSupported(`${p}.effect`, t.effect, taintEffects));
    const key = `${t.effect}/${t.key}`;
    if (seen.has(key)) {
      const value = new GoLiteral(`{"Key":${JSON.stringify(t.key ?? '')},"Value":${JSON.stringify(t.value ?? '')},"Effect":${JSON.stringify(t.effect ?? '')},"TimeAdded":null}`);
      errs.push({ ...field.duplicate(p, value), detail: 'taints must be unique by key and effect pair' });
      return;
    }
    seen.add(key);
  });
  return errs;
}

function validateResources(node: Node): FieldError[] {
  const errs: FieldError[] = [];
  for (const kind of ['capacity', 'allocatable'] as const) {
    for (const [name, q] of Object.entries((node.status?.[kind] ?? {}) as Record<string, string>)) {
      const nanos = parseQuantity(q);
      const path = `status.${kind}.${name}`;
      if (nanos !== undefined && nanos < 0n) errs.push(field.invalid(path, String(q), 'must be greater than or equal to 0'));
      if (nanos !== undefined && integerResources.has(name) && nanos % 1_000_000_000n !== 0n) errs.push(field.invalid(path, String(q), 'must be an integer'));
    }
  }
  return errs;
}

function validatePodCIDRs(cidrs: readonly string[] | undefined): FieldError[] {
  const errs: FieldError[] = [];
  const list = cidrs ?? [];
  list.forEach((c, i) => {
    errs.push(...validateCIDR(`spec.podCIDRs[${i}]`, c));
  });
  if (list.length > 1) {
    const v6 = list.map((c) => c.includes(':'));
    if (list.length > 2 || v6[0] === v6[1]) errs.push(field.invalid('spec.podCIDRs', jsonValue(list), 'may specify no more than one CIDR for each IP family'));
    list.forEach((c, i) => {
      if (list.indexOf(c) !== i) errs.push(field.duplicate(`spec.podCIDRs[${i}]`, c));
    });
  }
  return errs;
}

/** `ValidateNode` */
export function validateNode(node: Node): FieldError[] {
  const errs = validateObjectMeta(node.metadata, false, nameIsDNSSubdomain);
  errs.push(...validateTaints(node.spec?.taints, 'metadata.taints'));
  errs.push(...validateResources(node));
  errs.push(...validatePodCIDRs(node.spec?.podCIDRs));
  return errs;
}

/** `ValidateNodeUpdate`: pod CIDRs and provider ID may only go from unset to set. */
export function validateNodeUpdate(node: Node, old: Node): FieldError[] {
  const errs = validateObjectMetaUpdate(node.metadata, old.metadata);
  errs.push(...validateResources(node));
  const oldCIDRs = old.spec?.podCIDRs ?? [];
  const cidrs = node.spec?.podCIDRs ?? [];
  if (oldCIDRs.length > 0) {
    const msg = 'node updates may not change podCIDR except from "" to valid';
    if (oldCIDRs.length !== cidrs.length) errs.push(field.forbidden('spec.podCIDRs', msg));
    else oldCIDRs.forEach((c, i) => {
      if (c !== cidrs[i]) errs.push(field.forbidden('spec.podCIDRs', msg));
    });
  }
  if (old.spec?.providerID && old.spec.providerID !== node.spec?.providerID) {
    errs.push(field.forbidden('spec.providerID', 'node updates may not change providerID except from "" to valid'));
  }
  errs.push(...validateTaints(node.spec?.taints, 'metadata.taints'));
  return errs;
}

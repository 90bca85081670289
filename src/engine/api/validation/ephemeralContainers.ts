/**
 * Ephemeral containers (Kubernetes 1.34, `pkg/apis/core/validation/validation.go`): `validateEphemeralContainers`
 * runs inside pod spec validation, `ValidatePodEphemeralContainersUpdate` validates a write to the
 * `pods/ephemeralcontainers` subresource (podEphemeralContainersUpdate.ts; create refuses them).
 */
import type { Container } from '../types';
import { type FieldError, field } from '../fieldErrors';
import { validateContainerCommon } from './container';

type Json = Record<string, unknown>;

/** An ephemeral container as the API spells it: the container fields plus `targetContainerName`. */
export type EphemeralContainer = Container & { targetContainerName?: string };

/**
 * The fields `allowedEphemeralContainerFields` marks false, in `EphemeralContainerCommon` field order: an
 * ephemeral container should not be relied upon for the pod's own service, so no ports, resources, restart
 * rules, probes or lifecycle hooks (`validateFieldAllowList`: set means not the Go zero value).
 */
const forbiddenEphemeralFields = [
  'ports',
  'resources',
  'resizePolicy',
  'restartPolicy',
  'restartPolicyRules',
  'livenessProbe',
  'readinessProbe',
  'startupProbe',
  'lifecycle',
] as const;

const notForEphemeral = 'cannot be set for an Ephemeral Container';

/** Whether a field differs from its Go zero value: `resources` is a struct (`{}` is zero), the rest pointers or slices. */
function isSet(name: (typeof forbiddenEphemeralFields)[number], value: unknown): boolean {
  if (value === undefined || value === null) return false;
  if (name === 'resources') return Object.values(value as Json).some((v) => v !== undefined && v !== null);
  return true;
}

/**
 * `validateEphemeralContainers`: the common container checks, the image trimmed, a name unique across every
 * container of the pod, a `targetContainerName` naming an app or init container, the allow-list of fields, no
 * `subPath` / `subPathExpr` mounts.
 */
export function validateEphemeralContainers(
  ephemeral: readonly EphemeralContainer[] | undefined,
  containers: readonly Container[] | undefined,
  initContainers: readonly Container[] | undefined,
  volumes: ReadonlySet<string>,
  path: string,
): FieldError[] {
  const errs: FieldError[] = [];
  if (!ephemeral?.length) return errs;
  const others = new Set([...(containers ?? []), ...(initContainers ?? [])].map((c) => c.name));
  const all = new Set(others);
  ephemeral.forEach((ec, i) => {
    const p = `${path}[${i}]`;
    const ctr = ec as EphemeralContainer & Json;
    errs.push(...validateContainerCommon(ec, volumes, p));
    // validateContainerOnlyForPod
    const image = ec.image ?? '';
    if (image.length !== image.trim().length) errs.push(field.invalid(`${p}.image`, image, 'must not have leading or trailing whitespace'));
    if (all.has(ec.name)) errs.push(field.duplicate(`${p}.name`, ec.name));
    else all.add(ec.name);
    if (ec.targetContainerName && !others.has(ec.targetContainerName)) errs.push(field.notFound(`${p}.targetContainerName`, ec.targetContainerName));
    for (const name of forbiddenEphemeralFields) if (isSet(name, ctr[name])) errs.push(field.forbidden(`${p}.${name}`, notForEphemeral));
    (ec.volumeMounts ?? []).forEach((m, mi) => {
      if (m.subPath) errs.push(field.forbidden(`${p}.volumeMounts[${mi}].subPath`, notForEphemeral));
      if (m.subPathExpr) errs.push(field.forbidden(`${p}.volumeMounts[${mi}].subPathExpr`, notForEphemeral));
    });
  });
  return errs;
}

/**
 * Registry strategy for Pods (`pkg/registry/core/pod/strategy.go`) with the mutating admission plugins a kind
 * apiserver runs on them (ServiceAccount, DefaultTolerationSeconds, Priority). Generation is tracked: the
 * PodObservedGenerationTracking feature is beta and on by default in 1.34.
 */
import type { Strategy } from '../apiserver/strategy';
import { defaultPod, defaultPodSpec } from '../api/defaults/pod';
import { admitDefaultTolerations, admitPriority, admitPriorityOnUpdate, admitServiceAccount } from '../api/defaults/podAdmission';
import { computePodQos } from '../api/defaults/podQos';
import type { PodSpec } from '../api/types';
import { validatePodCreate } from '../api/validation/pod';
import { validatePodUpdate } from '../api/validation/podUpdate';
import { validatePodEphemeralContainersUpdate } from '../api/validation/podEphemeralContainersUpdate';
import { uniqueErrors } from '../api/validation/errorList';

type Writable = { spec?: PodSpec; status?: unknown };

/** Admission (defaults, validation, strategy hooks) for Pod objects. */
export const podStrategy: Strategy<'Pod'> = {
  kind: 'Pod',
  hasStatus: true,
  tracksGeneration: true,
  trustsHandOver: true,
  // admitDefaultTolerations, admitPriorityOnUpdate and the defaults write only spec
  specOnlyUpdateDefaults: true,
  // admission runs before the registry strategy in Kubernetes; here it is the first thing create does
  prepareForCreate(pod, ctx) {
    const p = pod as Writable;
    p.spec ??= { containers: [] };
    const spec = p.spec;
    admitServiceAccount(spec, ctx.rand);
    admitDefaultTolerations(spec);
    admitPriority(spec);
    p.status = { phase: 'Pending', qosClass: computePodQos(spec) };
  },
  applyDefaults(pod) {
    const p = pod as Writable;
    p.spec ??= { containers: [] };
    const spec = p.spec;
    defaultPodSpec(spec);
    defaultPod(spec);
  },
  validate: (pod) => uniqueErrors(validatePodCreate(pod)),
  prepareForUpdate(pod, old) {
    const p = pod as Writable;
    p.spec ??= { containers: [] };
    const spec = p.spec;
    admitDefaultTolerations(spec);
    admitPriorityOnUpdate(spec, old.spec);
  },
  validateUpdate: (pod, old) => uniqueErrors(validatePodUpdate(pod, old)),
  validateEphemeralContainersUpdate: (pod, old) => uniqueErrors(validatePodEphemeralContainersUpdate(pod, old)),
  // Pods that never reached a node, or have finished, are deleted at once (pod strategy CheckGracefulDelete);
  // a negative period means 1 second.
  gracePeriod(pod, requested) {
    if (!pod.spec?.nodeName) return 0;
    const phase = pod.status?.phase;
    if (phase === 'Succeeded' || phase === 'Failed') return 0;
    const period = requested ?? pod.spec?.terminationGracePeriodSeconds ?? 30;
    return period < 0 ? 1 : period;
  },
};

/** Registry strategy for Pod. PLACEHOLDER: defaulting and validation to come. */
import type { Strategy } from '../apiserver/strategy';

export const podStrategy: Strategy<'Pod'> = {
  kind: 'Pod',
  hasStatus: true,
  tracksGeneration: true,
  applyDefaults() {},
  prepareForCreate(pod) {
    (pod as { status?: unknown }).status = { phase: 'Pending', qosClass: 'BestEffort' };
  },
  validate: () => [],
  validateUpdate: () => [],
  // Pods that never reached a node, or have finished, are deleted at once (pod strategy CheckGracefulDelete).
  gracePeriod(pod, requested) {
    if (!pod.spec?.nodeName) return 0;
    const phase = pod.status?.phase;
    if (phase === 'Succeeded' || phase === 'Failed') return 0;
    return requested ?? pod.spec?.terminationGracePeriodSeconds ?? 30;
  },
};

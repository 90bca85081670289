/**
 * The pod and container lifecycle as data, in the style of kwok's Stage resources: each stage names the
 * condition it follows from, how long it takes on the virtual clock, the events it records and whether the
 * kubelet writes a new pod status when it completes. The pod worker (`podWorker.ts`) walks these stages;
 * golden fixtures under `testdata/` pin the status after each one.
 *
 * Event texts are Kubernetes 1.34's (pkg/kubelet/images/image_manager.go, kuberuntime_container.go,
 * kuberuntime_manager.go); 1.35 later dropped the container name from Created/Started.
 */

export interface Delay {
  /** Uniform jitter on the PRNG, inclusive. */
  minMs: number;
  maxMs: number;
}

export interface EventTemplate {
  type: 'Normal' | 'Warning';
  reason: string;
  /** `{name}` placeholders are filled from the stage's values. */
  message: string;
}

export interface Stage {
  name: string;
  /** When the stage applies (kwok: `selector`). */
  when: string;
  /** How long after its condition holds the stage completes (kwok: `delay`); absent: computed (see `when`). */
  delay?: Delay;
  /** Events recorded when the stage completes (kwok: `next.event`). */
  events: EventTemplate[];
  /** Whether the kubelet writes the pod status once the stage completes (kwok: `next.statusTemplate`). */
  writesStatus: boolean;
}

/** The stages of the pod and container lifecycle, in the order a pod usually meets them. */
export const stages = {
  podAdmitted: {
    name: 'pod-admitted',
    when: 'a pod is bound to a running node and the kubelet has no record of it',
    events: [],
    writesStatus: true,
  },
  sandboxReady: {
    name: 'sandbox-ready',
    when: 'pod admitted: RunPodSandbox, then CNI ADD (ptp + host-local) assigns the pod IP',
    delay: { minMs: 400, maxMs: 900 },
    events: [],
    writesStatus: false,
  },
  imagePresent: {
    name: 'image-present',
    when: 'sandbox ready (or restart due) and the node has the image under IfNotPresent / Never',
    events: [{ type: 'Normal', reason: 'Pulled', message: 'Container image "{image}" already present on machine' }],
    writesStatus: false,
  },
  imagePulling: {
    name: 'image-pulling',
    when: 'sandbox ready (or restart due) and the policy is Always, or IfNotPresent without the image',
    events: [{ type: 'Normal', reason: 'Pulling', message: 'Pulling image "{image}"' }],
    writesStatus: false,
  },
  imagePulled: {
    name: 'image-pulled',
    when: 'pull finished; pulls are serialized per node (serializeImagePulls), so later ones include waiting',
    events: [
      {
        type: 'Normal',
        reason: 'Pulled',
        message: 'Successfully pulled image "{image}" in {pullDuration} ({totalDuration} including waiting). Image size: {size} bytes.',
      },
    ],
    writesStatus: false,
  },
  containerStarted: {
    name: 'container-started',
    when: 'image available: CreateContainer then StartContainer; the first sync writes status once every container started',
    delay: { minMs: 80, maxMs: 250 },
    events: [
      { type: 'Normal', reason: 'Created', message: 'Created container: {container}' },
      { type: 'Normal', reason: 'Started', message: 'Started container {container}' },
    ],
    writesStatus: true,
  },
  configErrorRetry: {
    name: 'config-error-retry',
    when: "a container's ConfigMap or Secret (or a key of it) was missing; the pod worker syncs the pod again after its back-off period",
    delay: { minMs: 10_000, maxMs: 15_000 },
    events: [],
    writesStatus: true,
  },
  exitNoticed: {
    name: 'exit-noticed',
    when: 'the main process exited on its own; PLEG relists every second',
    delay: { minMs: 100, maxMs: 1000 },
    events: [],
    writesStatus: true,
  },
  backOff: {
    name: 'crash-loop-back-off',
    when: 'exit noticed and the container is inside its back-off window (10s doubling to 5m)',
    events: [{ type: 'Warning', reason: 'BackOff', message: 'Back-off restarting failed container {container} in pod {pod}' }],
    writesStatus: true,
  },
  containerKilling: {
    name: 'container-killing',
    when: 'pod deletion, failed liveness/startup probe or changed definition; ends when the app exits or the grace period runs out',
    events: [{ type: 'Normal', reason: 'Killing', message: '{message}' }],
    writesStatus: false,
  },
  probeFailed: {
    name: 'probe-failed',
    when: 'a probe run fails (each failure is recorded; the result changes after failureThreshold in a row)',
    events: [{ type: 'Warning', reason: 'Unhealthy', message: '{probe} probe failed: {output}' }],
    writesStatus: false,
  },
  probeWarning: {
    name: 'probe-warning',
    when: 'an HTTP probe got a redirect (counted as success)',
    events: [{ type: 'Warning', reason: 'ProbeWarning', message: '{probe} probe warning: {output}' }],
    writesStatus: false,
  },
  podTerminated: {
    name: 'pod-terminated',
    when: 'every container of a deleted pod has exited: the sandbox is stopped, the IP released, the phase terminal',
    events: [],
    writesStatus: true,
  },
  podDeleted: {
    name: 'pod-deleted',
    when: 'terminal status written: the status manager deletes the pod with grace period 0',
    events: [],
    writesStatus: false,
  },
  sandboxChanged: {
    name: 'sandbox-changed',
    when: 'the node came back from a power-off and the pod sandbox is gone',
    events: [{ type: 'Normal', reason: 'SandboxChanged', message: 'Pod sandbox changed, it will be killed and re-created.' }],
    writesStatus: false,
  },
} satisfies Record<string, Stage>;

/** Fills `{name}` placeholders (`name` being word characters); an unknown name is left as it is. */
export function fillTemplate(template: string, values: Record<string, string | number>): string {
  let out = '';
  let from = 0;
  for (let open = template.indexOf('{'); open >= 0; open = template.indexOf('{', open + 1)) {
    let end = open + 1;
    while (end < template.length && isWordChar(template.charCodeAt(end))) end++;
    if (end === open + 1 || template.charCodeAt(end) !== 125) continue;
    const k = template.slice(open + 1, end);
    out += template.slice(from, open) + (k in values ? String(values[k]) : `{${k}}`);
    from = end + 1;
    open = end;
  }
  return out + template.slice(from);
}

/** `\w`: ASCII letters, digits and `_`. */
function isWordChar(c: number): boolean {
  return (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95;
}

/** crash-loop back-off: 10 s initial, doubling, capped at 5 min; entries older than 2×max are forgotten. */
export const crashLoopBackOff = { initialMs: 10_000, maxMs: 300_000 };

/** How long an image pull takes: registry round trips plus size over a throughput (8-25 MB/s) drawn per pull. */
export const imagePull = { baseMs: 800, minBytesPerMs: 8_000, maxBytesPerMs: 25_000, presentRecheckMs: { minMs: 100, maxMs: 300 } };

/** Kubelet lease renewal (renewInterval = 0.25 × 40 s lease duration). */
export const heartbeatIntervalMs = 10_000;

/**
 * `ValidatePodSpec` (`pkg/apis/core/validation/validation.go`), for pods and pod templates: volumes,
 * containers, policies, DNS, scheduling fields and tolerations. Container rules live in `container.ts`.
 */
import type { PodSpec, Toleration } from '../types';
import { type FieldError, field } from '../fieldErrors';
import { validateContainers, validateInitContainers } from './container';
import { validateEphemeralContainers } from './ephemeralContainers';
import { validateIP } from './formats';
import { validateLabelName, validateLabels } from './labels';
import {
  inclusiveRangeError,
  isDNS1123Label,
  isDNS1123Subdomain,
  isDNS1123SubdomainWithUnderscore,
  isQualifiedName,
  isValidLabelValue,
} from './names';

type Json = Record<string, unknown>;

const maxInt32 = 2147483647;

/** Volume sources known to the API; exactly one may be set per volume. */
const volumeSources = [
  'hostPath', 'emptyDir', 'gcePersistentDisk', 'awsElasticBlockStore', 'gitRepo', 'secret', 'nfs', 'iscsi', 'glusterfs',
  'persistentVolumeClaim', 'rbd', 'flexVolume', 'cinder', 'cephfs', 'flocker', 'downwardAPI', 'fc', 'azureFile', 'configMap',
  'vsphereVolume', 'quobyte', 'azureDisk', 'photonPersistentDisk', 'projected', 'portworxVolume', 'scaleIO', 'storageos',
  'csi', 'ephemeral', 'image',
];

/** `ValidateVolumes`: names are unique DNS-1123 labels, one source each. Returns the valid names too. */
function validateVolumes(volumes: readonly Json[], path: string): { names: Set<string>; errs: FieldError[] } {
  const errs: FieldError[] = [];
  const names = new Set<string>();
  volumes.forEach((v, i) => {
    const p = `${path}[${i}]`;
    const el: FieldError[] = [];
    const set = volumeSources.filter((k) => v[k] !== undefined && v[k] !== null);
    if (set.length === 0) el.push(field.required(p, 'must specify a volume type'));
    for (const extra of set.slice(1)) el.push(field.forbidden(`${p}.${extra}`, 'may not specify more than 1 volume type'));
    const name = String(v.name ?? '');
    if (!name) el.push(field.required(`${p}.name`));
    else for (const msg of isDNS1123Label(name)) el.push(field.invalid(`${p}.name`, name, msg));
    if (names.has(name)) el.push(field.duplicate(`${p}.name`, name));
    if (el.length === 0) names.add(name);
    errs.push(...el);
  });
  return { names, errs };
}

const taintEffects = ['NoSchedule', 'PreferNoSchedule', 'NoExecute'];

/** `ValidateTolerations` */
export function validateTolerations(tolerations: readonly Toleration[] | undefined, path: string): FieldError[] {
  const errs: FieldError[] = [];
  (tolerations ?? []).forEach((t, i) => {
    const p = `${path}[${i}]`;
    if (t.key) errs.push(...validateLabelName(t.key, `${p}.key`));
    if (!t.key && t.operator !== 'Exists') {
      errs.push(field.invalid(`${p}.operator`, t.operator ?? '', 'operator must be Exists when `key` is empty, which means "match all values and all keys"'));
    }
    if (t.tolerationSeconds !== undefined && t.tolerationSeconds !== null && t.effect !== 'NoExecute') {
      errs.push(field.invalid(`${p}.effect`, t.effect ?? '', "effect must be 'NoExecute' when `tolerationSeconds` is set"));
    }
    switch (t.operator ?? '') {
      case 'Equal':
      case '': {
        const msgs = isValidLabelValue(t.value ?? '');
        if (msgs.length) errs.push(field.invalid(`${p}.operator`, t.value ?? '', msgs.join(';')));
        break;
      }
      case 'Exists':
        if (t.value) errs.push(field.invalid(`${p}.operator`, t.value, "value must be empty when `operator` is 'Exists'"));
        break;
      default:
        errs.push(field.notSupported(`${p}.operator`, t.operator ?? '', ['Equal', 'Exists']));
    }
    if (t.effect && !taintEffects.includes(t.effect)) errs.push(field.notSupported(`${p}.effect`, t.effect, taintEffects));
  });
  return errs;
}

function validateDNSConfig(spec: PodSpec & Json, path: string): FieldError[] {
  const cfg = spec.dnsConfig as Json | undefined;
  if (spec.dnsPolicy === 'None') {
    if (!cfg) return [field.required(path, 'must provide `dnsConfig` when `dnsPolicy` is None')];
    if (!((cfg.nameservers as string[] | undefined) ?? []).length) {
      return [field.required(`${path}.nameservers`, 'must provide at least one DNS nameserver when `dnsPolicy` is None')];
    }
  }
  if (!cfg) return [];
  const errs: FieldError[] = [];
  const ns = (cfg.nameservers as string[] | undefined) ?? [];
  if (ns.length > 3) errs.push(field.invalid(`${path}.nameservers`, ns, 'must not have more than 3 nameservers'));
  ns.forEach((n, i) => {
    errs.push(...validateIP(`${path}.nameservers[${i}]`, n));
  });
  const searches = (cfg.searches as string[] | undefined) ?? [];
  if (searches.length > 32) errs.push(field.invalid(`${path}.searches`, searches, 'must not have more than 32 search paths'));
  searches.forEach((s, i) => {
    if (s === '.') return; // RelaxedDNSSearchValidation (on in 1.34)
    const trimmed = s.endsWith('.') ? s.slice(0, -1) : s;
    for (const msg of isDNS1123SubdomainWithUnderscore(trimmed)) errs.push(field.invalid(`${path}.searches[${i}]`, trimmed, msg));
  });
  ((cfg.options as Json[] | undefined) ?? []).forEach((o, i) => {
    if (!o.name) errs.push(field.required(`${path}.options[${i}]`, 'must not be empty'));
  });
  return errs;
}

/** `ValidatePodSpec` for a pod (`isPod`) or a template's spec. */
export function validatePodSpec(spec: PodSpec | undefined, path: string, isPod: boolean): FieldError[] {
  const s = (spec ?? {}) as PodSpec & Json;
  const errs: FieldError[] = [];
  if (s.terminationGracePeriodSeconds === undefined || s.terminationGracePeriodSeconds === null) {
    errs.push(field.required(`${path}.terminationGracePeriodSeconds`));
  }
  const grace = s.terminationGracePeriodSeconds ?? undefined;
  const vols = validateVolumes((s.volumes ?? []) as unknown as Json[], `${path}.volumes`);
  errs.push(...vols.errs);
  errs.push(...validateContainers(s.containers, vols.names, grace, `${path}.containers`));
  errs.push(...validateInitContainers(s.initContainers, s.containers, vols.names, grace, `${path}.initContainers`));
  errs.push(...validateEphemeralContainers(s.ephemeralContainers, s.containers, s.initContainers, vols.names, `${path}.ephemeralContainers`));
  if (s.hostNetwork) {
    (s.containers ?? []).forEach((c, ci) => {
      (c.ports ?? []).forEach((port, pi) => {
        const hp = port.hostPort ?? 0;
        if ((isPod || hp !== 0) && hp !== port.containerPort) {
          errs.push(field.invalid(`${path}.containers[${ci}].ports[${pi}].hostPort`, hp, 'must match `containerPort` when `hostNetwork` is true'));
        }
      });
    });
  }
  const restart = s.restartPolicy ?? '';
  if (!restart) errs.push(field.required(`${path}.restartPolicy`));
  else if (!['Always', 'OnFailure', 'Never'].includes(restart)) errs.push(field.notSupported(`${path}.restartPolicy`, restart, ['Always', 'OnFailure', 'Never']));
  const dns = s.dnsPolicy ?? '';
  const dnsPolicies = ['ClusterFirstWithHostNet', 'ClusterFirst', 'Default', 'None'];
  if (!dns) errs.push(field.required(`${path}.dnsPolicy`));
  else if (!dnsPolicies.includes(dns)) errs.push(field.notSupported(`${path}.dnsPolicy`, dns, dnsPolicies));
  errs.push(...validateLabels(s.nodeSelector, `${path}.nodeSelector`));
  ((s.imagePullSecrets ?? []) as Json[]).forEach((ref, i) => {
    if (Object.keys(ref).some((k) => k !== 'name')) errs.push(field.invalid(`${path}.imagePullSecrets[${i}]`, String(ref.name ?? ''), 'only name may be set'));
  });
  errs.push(...validateDNSConfig(s, `${path}.dnsConfig`));
  ((s.readinessGates ?? []) as unknown as Json[]).forEach((g, i) => {
    const t = String(g.conditionType ?? '');
    for (const msg of isQualifiedName(t)) errs.push(field.invalid(`${path}.readinessGates[${i}].conditionType`, t, msg));
  });
  const gates = new Set<string>();
  ((s.schedulingGates ?? []) as unknown as Json[]).forEach((g, i) => {
    const n = String(g.name ?? '');
    for (const msg of isQualifiedName(n)) errs.push(field.invalid(`${path}.schedulingGates[${i}]`, n, msg));
    if (gates.has(n)) errs.push(field.duplicate(`${path}.schedulingGates[${i}]`, n));
    gates.add(n);
  });
  if (s.serviceAccountName) for (const msg of isDNS1123Subdomain(s.serviceAccountName)) errs.push(field.invalid(`${path}.serviceAccountName`, s.serviceAccountName, msg));
  if (s.nodeName) for (const msg of isDNS1123Subdomain(s.nodeName)) errs.push(field.invalid(`${path}.nodeName`, s.nodeName, msg));
  if (s.activeDeadlineSeconds !== undefined && s.activeDeadlineSeconds !== null) {
    const v = s.activeDeadlineSeconds;
    if (v < 1 || v > maxInt32) errs.push(field.invalid(`${path}.activeDeadlineSeconds`, v, inclusiveRangeError(1, maxInt32)));
  }
  if (s.hostname) for (const msg of isDNS1123Label(s.hostname)) errs.push(field.invalid(`${path}.hostname`, s.hostname, msg));
  if (s.subdomain) for (const msg of isDNS1123Label(s.subdomain)) errs.push(field.invalid(`${path}.subdomain`, s.subdomain, msg));
  errs.push(...validateTolerations(s.tolerations, `${path}.tolerations`));
  ((s.hostAliases ?? []) as Json[]).forEach((a, i) => {
    errs.push(...validateIP(`${path}.hostAliases[${i}].ip`, String(a.ip ?? '')));
    ((a.hostnames as string[] | undefined) ?? []).forEach((h, j) => {
      for (const msg of isDNS1123Subdomain(h)) errs.push(field.invalid(`${path}.hostAliases[${i}].hostnames[${j}]`, h, msg));
    });
  });
  if (s.priorityClassName) for (const msg of isDNS1123Subdomain(s.priorityClassName)) errs.push(field.invalid(`${path}.priorityClassName`, s.priorityClassName, msg));
  if (s.preemptionPolicy !== undefined && s.preemptionPolicy !== null) {
    const pp = String(s.preemptionPolicy);
    if (!pp) errs.push(field.required(`${path}.preemptionPolicy`));
    else if (pp !== 'PreemptLowerPriority' && pp !== 'Never') errs.push(field.notSupported(`${path}.preemptionPolicy`, pp, ['PreemptLowerPriority', 'Never']));
  }
  const os = s.os as Json | undefined;
  if (os) {
    if (!os.name) errs.push(field.required(`${path}.os.name`, 'cannot be empty'));
    else if (os.name !== 'linux' && os.name !== 'windows') errs.push(field.notSupported(`${path}.os`, String(os.name), ['linux', 'windows']));
  }
  return errs;
}

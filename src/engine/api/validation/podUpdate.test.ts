import { describe, expect, it } from 'vitest';
import { cloneJson } from '../../shared';
import type { Pod } from '../types';
import { newAdmissionTestApi } from '../../registry/admissionTestApi';

type Spec = NonNullable<Pod['spec']>;

/** Creates the kubectl-run style pod, then sends `edit(stored copy)` as an update. */
function updatePod(edit: (pod: Pod & { spec: Spec }) => void) {
  const api = newAdmissionTestApi();
  const created = api.create('Pod', {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name: 'web', labels: { app: 'web' } },
    spec: { containers: [{ name: 'nginx', image: 'nginx', ports: [{ containerPort: 80 }] }], tolerations: [{ key: 'a', operator: 'Exists' }] },
  });
  if (!created.ok) throw new Error(created.status.message);
  const next = cloneJson(created.value) as Pod & { spec: Spec };
  edit(next);
  return { result: api.update('Pod', next), volume: created.value.spec?.volumes?.[0]?.name ?? '' };
}

// ValidatePodUpdate, pkg/apis/core/validation/validation.go (1.32–1.34 wording)
const forbiddenHead =
  'spec: Forbidden: pod updates may not change fields other than `spec.containers[*].image`,`spec.initContainers[*].image`,`spec.activeDeadlineSeconds`,`spec.tolerations` (only additions to existing tolerations),`spec.terminationGracePeriodSeconds` (allow it to be set to 1 if it was previously negative)';

describe('ValidatePodUpdate', () => {
  it('forbids changing a container port, with a cmp.Diff of the specs', () => {
    const { result, volume } = updatePod((p) => {
      p.spec.containers[0].ports = [{ containerPort: 81, protocol: 'TCP' }];
    });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    const causes = result.status.details?.causes ?? [];
    expect(causes.map((c) => c.field)).toEqual(['spec']);
    const message = `${causes[0].field}: ${causes[0].message}`;
    // the diff follows go-cmp's report layout (report_compare.go, report_text.go); 1.34's core.Container has 25
    // fields and core.PodSpec 30 after RestartPolicy
    expect(message).toBe(
      `${forbiddenHead}
  core.PodSpec{
  \tVolumes:        {{Name: "${volume}", VolumeSource: {Projected: &{Sources: {{ServiceAccountToken: &{ExpirationSeconds: 3607, Path: "token"}}, {ConfigMap: &{LocalObjectReference: {Name: "kube-root-ca.crt"}, Items: {{Key: "ca.crt", Path: "ca.crt"}}}}, {DownwardAPI: &{Items: {{Path: "namespace", FieldRef: &{APIVersion: "v1", FieldPath: "metadata.namespace"}}}}}}, DefaultMode: &420}}}},
  \tInitContainers: nil,
  \tContainers: []core.Container{
  \t\t{
  \t\t\t... // 3 identical fields
  \t\t\tArgs:       nil,
  \t\t\tWorkingDir: "",
  \t\t\tPorts: []core.ContainerPort{
  \t\t\t\t{
  \t\t\t\t\tName:          "",
  \t\t\t\t\tHostPort:      0,
- \t\t\t\t\tContainerPort: 80,
+ \t\t\t\t\tContainerPort: 81,
  \t\t\t\t\tProtocol:      "TCP",
  \t\t\t\t\tHostIP:        "",
  \t\t\t\t},
  \t\t\t},
  \t\t\tEnvFrom: nil,
  \t\t\tEnv:     nil,
  \t\t\t... // 17 identical fields
  \t\t},
  \t},
  \tEphemeralContainers: nil,
  \tRestartPolicy:       "Always",
  \t... // 30 identical fields
  }
`,
    );
    expect(result.status.message.startsWith(`Pod "web" is invalid: ${forbiddenHead}\n  core.PodSpec{`)).toBe(true);
  });

  it('shows an added env var as an inserted list', () => {
    const { result } = updatePod((p) => {
      p.spec.containers[0].env = [{ name: 'MODE', value: 'debug' }];
    });
    const message = !result.ok ? (result.status.details?.causes?.[0].message ?? '') : '';
    // one-line records align on the longest key of their run (ResizePolicy)
    expect(message).toContain('- \t\t\tEnv:          nil,\n+ \t\t\tEnv:          []core.EnvVar{{Name: "MODE", Value: "debug"}},\n');
  });

  it('forbids adding or removing containers', () => {
    const { result } = updatePod((p) => {
      p.spec.containers.push({ name: 'sidecar', image: 'busybox' });
    });
    expect(!result.ok && result.status.message).toBe('Pod "web" is invalid: spec.containers: Forbidden: pod updates may not add or remove containers');
  });

  it('lets the image, a shorter deadline, added tolerations and labels change', () => {
    const { result } = updatePod((p) => {
      p.spec.containers[0].image = 'nginx:1.27';
      p.spec.tolerations = [...(p.spec.tolerations ?? []), { key: 'b', operator: 'Exists' }];
      p.spec.activeDeadlineSeconds = 600;
      p.metadata = { ...p.metadata, labels: { app: 'web', tier: 'front' }, annotations: { note: 'x' } };
    });
    expect(result.ok).toBe(true);
    expect(result.ok && result.value.metadata?.generation).toBe(2);
  });

  it('lets a negative grace period become 1', () => {
    const api = newAdmissionTestApi();
    const created = api.create('Pod', {
      metadata: { name: 'g' },
      spec: { containers: [{ name: 'c', image: 'nginx' }], terminationGracePeriodSeconds: -1 },
    });
    if (!created.ok) throw new Error(created.status.message);
    const next = cloneJson(created.value);
    (next.spec as Spec).terminationGracePeriodSeconds = 1;
    expect(api.update('Pod', next).ok).toBe(true);
  });

  it.each<[string, number | undefined, number | undefined, string]>([
    ['raising the deadline', 30, 60, 'spec.activeDeadlineSeconds: Invalid value: 60: must be less than or equal to previous value'],
    ['removing the deadline', 30, undefined, 'spec.activeDeadlineSeconds: Invalid value: null: must not update from a positive integer to nil value'],
    ['a negative deadline', undefined, -1, 'spec.activeDeadlineSeconds: Invalid value: -1: must be between 0 and 2147483647, inclusive'],
  ])('activeDeadlineSeconds: %s', (_name, before, after, want) => {
    const api = newAdmissionTestApi();
    const created = api.create('Pod', { metadata: { name: 'd' }, spec: { containers: [{ name: 'c', image: 'nginx' }], activeDeadlineSeconds: before } });
    if (!created.ok) throw new Error(created.status.message);
    const next = cloneJson(created.value);
    (next.spec as Spec & { activeDeadlineSeconds?: number }).activeDeadlineSeconds = after;
    const r = api.update('Pod', next);
    expect(!r.ok && r.status.details?.causes?.map((c) => `${c.field}: ${c.message}`)).toContain(want);
  });

  it('refuses changes to existing tolerations', () => {
    const { result } = updatePod((p) => {
      p.spec.tolerations = (p.spec.tolerations ?? []).filter((t) => t.key !== 'a');
    });
    expect(!result.ok && result.status.details?.causes?.map((c) => `${c.field}: ${c.message}`)).toEqual([
      'spec.tolerations: Forbidden: existing toleration can not be modified except its tolerationSeconds',
    ]);
  });

  it('refuses a replace that drops the admission-added volume', () => {
    const { result, volume } = updatePod((p) => {
      delete p.spec.volumes;
      p.spec.containers[0].volumeMounts = undefined;
    });
    const message = !result.ok ? (result.status.details?.causes?.[0].message ?? '') : '';
    expect(message.startsWith(forbiddenHead.slice('spec: '.length))).toBe(true);
    // a removed value longer than 80 columns is printed expanded, nested values cut by verbosity
    expect(message).toContain(
      `- \tVolumes: []core.Volume{\n- \t\t{\n- \t\t\tName:         "${volume}",\n- \t\t\tVolumeSource: core.VolumeSource{Projected: &core.ProjectedVolumeSource{...}},\n- \t\t},\n- \t},\n+ \tVolumes:        nil,\n  \tInitContainers: nil,\n`,
    );
    expect(message).toContain('+ \t\t\tVolumeMounts:  nil,\n  \t\t\tVolumeDevices: nil,\n');
  });
});

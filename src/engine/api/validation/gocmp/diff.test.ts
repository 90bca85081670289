import { describe, expect, it } from 'vitest';
import { podSpecType } from './coreTypes';
import { goCmpDiff } from './diff';
import { boolResult, difference } from './edits';
import { struct, str, int, ptr, slice, map } from './goTypes';

const volume = {
  name: 'kube-api-access-99gff',
  projected: {
    defaultMode: 420,
    sources: [
      { serviceAccountToken: { expirationSeconds: 3607, path: 'token' } },
      { configMap: { name: 'kube-root-ca.crt', items: [{ key: 'ca.crt', path: 'ca.crt' }] } },
      { downwardAPI: { items: [{ fieldRef: { apiVersion: 'v1', fieldPath: 'metadata.namespace' }, path: 'namespace' }] } },
    ],
  },
};

function podSpec(container: Record<string, unknown>) {
  return {
    volumes: [volume],
    containers: [
      {
        name: 'nginx',
        image: 'nginx',
        resources: {},
        volumeMounts: [{ name: volume.name, readOnly: true, mountPath: '/var/run/secrets/kubernetes.io/serviceaccount' }],
        terminationMessagePath: '/dev/termination-log',
        terminationMessagePolicy: 'File',
        imagePullPolicy: 'Always',
        ...container,
      },
    ],
    restartPolicy: 'Always',
    terminationGracePeriodSeconds: 30,
    dnsPolicy: 'ClusterFirst',
    serviceAccountName: 'default',
    securityContext: {},
    schedulerName: 'default-scheduler',
    priority: 0,
    enableServiceLinks: true,
    preemptionPolicy: 'PreemptLowerPriority',
  };
}

const volumesLine =
  '  \tVolumes:        {{Name: "kube-api-access-99gff", VolumeSource: {Projected: &{Sources: {{ServiceAccountToken: &{ExpirationSeconds: 3607, Path: "token"}}, {ConfigMap: &{LocalObjectReference: {Name: "kube-root-ca.crt"}, Items: {{Key: "ca.crt", Path: "ca.crt"}}}}, {DownwardAPI: &{Items: {{Path: "namespace", FieldRef: &{APIVersion: "v1", FieldPath: "metadata.namespace"}}}}}}, DefaultMode: &420}}}},';

// The shapes below are those of real `kubectl apply` / `kubectl edit` transcripts of the Pod update Forbidden
// error (Kubernetes 1.2x–1.3x); field counts follow the 1.34 internal types.
describe('goCmpDiff on core.PodSpec', () => {
  it('a dropped port list (the "kubectl apply" transcript)', () => {
    const old = podSpec({ ports: [{ containerPort: 80, protocol: 'TCP' }] });
    expect(goCmpDiff(podSpecType, old, podSpec({}))).toBe(
      [
        '  core.PodSpec{',
        volumesLine,
        '  \tInitContainers: nil,',
        '  \tContainers: []core.Container{',
        '  \t\t{',
        '  \t\t\t... // 3 identical fields',
        '  \t\t\tArgs:       nil,',
        '  \t\t\tWorkingDir: "",',
        '- \t\t\tPorts:      []core.ContainerPort{{ContainerPort: 80, Protocol: "TCP"}},',
        '+ \t\t\tPorts:      nil,',
        '  \t\t\tEnvFrom:    nil,',
        '  \t\t\tEnv:        nil,',
        '  \t\t\t... // 17 identical fields',
        '  \t\t},',
        '  \t},',
        '  \tEphemeralContainers: nil,',
        '  \tRestartPolicy:       "Always",',
        '  \t... // 30 identical fields',
        '  }',
        '',
      ].join('\n'),
    );
  });

  it('a changed env value (the "kubectl edit" transcript)', () => {
    const diff = goCmpDiff(podSpecType, podSpec({ env: [{ name: 'APP_COLOR', value: 'pink' }] }), podSpec({ env: [{ name: 'APP_COLOR', value: 'green' }] }));
    expect(diff).toContain(
      [
        '  \t\t\tEnv: []core.EnvVar{',
        '  \t\t\t\t{',
        '  \t\t\t\t\tName:      "APP_COLOR",',
        '- \t\t\t\t\tValue:     "pink",',
        '+ \t\t\t\t\tValue:     "green",',
        '  \t\t\t\t\tValueFrom: nil,',
        '  \t\t\t\t},',
        '  \t\t\t},',
        '  \t\t\tResources:    {},',
      ].join('\n'),
    );
  });

  it('a long string diffs in chunks (strings.Join)', () => {
    const diff = goCmpDiff(
      podSpecType,
      podSpec({ command: ['sh', '-c', 'echo Hello Kubernetes from $(hostname)! && sleep 30'] }),
      podSpec({ command: ['sh', '-c', 'echo Hello Kubernetes from $(hostname)! && sleep 3600'] }),
    );
    expect(diff).toContain('  \t\t\tCommand: []string{\n  \t\t\t\t"sh",\n  \t\t\t\t"-c",\n  \t\t\t\tstrings.Join({\n  \t\t\t\t\t"echo Hello Kubernetes from $(hostname)! && sleep 3",\n');
    expect(diff).toContain('}, ""),\n');
  });

  it('is empty for equal specs', () => {
    expect(goCmpDiff(podSpecType, podSpec({}), podSpec({}))).toBe('');
  });
});

describe('go-cmp details', () => {
  const t = struct('x.T', [
    ['Name', 'name', str()],
    ['Count', 'count', ptr(int('int64'))],
    ['Tags', 'tags', slice(str())],
    ['Labels', 'labels', map(str(), str())],
  ]);

  it('prints pointers as &value and map keys sorted', () => {
    expect(goCmpDiff(t, { name: 'a', count: 1, labels: { b: '2', a: '1' } }, { name: 'a', count: 2, labels: { b: '2', a: '1' } })).toBe(
      ['  x.T{', '  \tName:   "a",', '- \tCount:  &1,', '+ \tCount:  &2,', '  \tTags:   nil,', '  \tLabels: {"a": "1", "b": "2"},', '  }', ''].join('\n'),
    );
  });

  it('reports inserted slice elements', () => {
    expect(goCmpDiff(t, { tags: ['a', 'b'] }, { tags: ['a', 'x', 'b'] })).toContain('  \tTags: []string{\n  \t\t"a",\n+ \t\t"x",\n  \t\t"b",\n  \t},\n');
  });

  it('edit scripts match equal runs first (diff.Difference)', () => {
    const x = 'abcde';
    const y = 'abxde';
    const es = difference(x.length, y.length, (i, j) => boolResult(x[i] === y[j]));
    expect(es).toEqual(['identity', 'identity', 'uniqueX', 'uniqueY', 'identity', 'identity']);
  });
});

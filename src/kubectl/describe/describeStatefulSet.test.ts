/**
 * `kubectl describe sts` as kubectl 1.34 prints it (kubernetes/kubectl pkg/describe/describe.go
 * `describeStatefulSet`: CreationTimestamp and Selector before the labels, `Replicas: N desired | M total`, the
 * partition (and maxUnavailable under it) one level in, then the pods' phases, the template, `Volume Claims`
 * from `describeVolumeClaimTemplates`, Events).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createCluster } from '../../engine';
import type { StatefulSet } from '../../engine/api/types';
import { splitCommandLine } from '../commandLine';
import { runKubectl } from '../kubectl';
import { describeStatefulSet } from './describeStatefulSet';

const webYaml = readFileSync(join(__dirname, '..', 'testdata', 'web-statefulset.yaml'), 'utf8');

/** A StatefulSet that is not stored: no pods and no events are found for it. */
function sts(spec: Partial<NonNullable<StatefulSet['spec']>>): StatefulSet {
  return {
    metadata: { name: 'db', namespace: 'prod', uid: 'u-1', creationTimestamp: '2026-01-05T09:00:00Z', labels: { tier: 'db', app: 'pg' } },
    spec: { serviceName: 'db', selector: { matchLabels: { app: 'pg' } }, replicas: 3, template: { metadata: { labels: { app: 'pg' } }, spec: { containers: [{ name: 'pg', image: 'postgres:17' }] } }, ...spec },
    status: { replicas: 1 },
  } as StatefulSet;
}

describe('describe StatefulSet', () => {
  it("describes the tutorial's web StatefulSet once rolled out: replicas, partition, pods, template, claims, events", () => {
    const cluster = createCluster({ seed: 7 });
    const ctx = { cluster, readFile: () => webYaml };
    const run = (line: string) => runKubectl(ctx, splitCommandLine(line));
    run('apply -f web.yaml');
    expect(run('rollout status sts/web').exitCode).toBe(0);
    const out = run('describe statefulset web').stdout;
    expect(out.split('\n').slice(0, 10)).toEqual([
      'Name:               web',
      'Namespace:          default',
      expect.stringMatching(/^CreationTimestamp: {2}\w{3}, \d\d \w{3} \d{4} \d\d:\d\d:\d\d \+0000$/),
      'Selector:           app=nginx',
      'Labels:             <none>',
      'Annotations:        <none>',
      'Replicas:           2 desired | 2 total',
      'Update Strategy:    RollingUpdate',
      '  Partition:        0',
      'Pods Status:        2 Running / 0 Waiting / 0 Succeeded / 0 Failed',
    ]);
    expect(out).toContain('\nPod Template:\n  Labels:  app=nginx\n  Containers:\n   nginx:\n    Image:        registry.k8s.io/nginx-slim:0.21\n');
    expect(out).toContain('\n    Mounts:\n      /usr/share/nginx/html from www (rw)\n');
    // "StorageClass:" keeps the padding of its empty cell, as Go's tabwriter does
    expect(out).toContain(
      '\nVolume Claims:\n  Name:          www\n  StorageClass:  \n  Labels:        <none>\n  Annotations:   <none>\n  Capacity:      1Gi\n  Access Modes:  [ReadWriteOnce]\nEvents:\n',
    );
    expect(out).toMatch(/\n {2}Normal {2}SuccessfulCreate {2}\S+ +statefulset-controller {2}create Pod web-0 in StatefulSet web successful\n/);
  });

  it('prints an OnDelete strategy without a partition, and no claims as <none>', () => {
    const out = describeStatefulSet(sts({ updateStrategy: { type: 'OnDelete' } }), createCluster({ seed: 7 }));
    expect(out).toBe(
      [
        'Name:               db',
        'Namespace:          prod',
        'CreationTimestamp:  Mon, 05 Jan 2026 09:00:00 +0000',
        'Selector:           app=pg',
        'Labels:             app=pg',
        '                    tier=db',
        'Annotations:        <none>',
        'Replicas:           3 desired | 1 total',
        'Update Strategy:    OnDelete',
        'Pods Status:        0 Running / 0 Waiting / 0 Succeeded / 0 Failed',
        'Pod Template:',
        '  Labels:  app=pg',
        '  Containers:',
        '   pg:',
        '    Image:         postgres:17',
        '    Port:          <none>',
        '    Host Port:     <none>',
        '    Environment:   <none>',
        '    Mounts:        <none>',
        '  Volumes:         <none>',
        '  Node-Selectors:  <none>',
        '  Tolerations:     <none>',
        'Volume Claims:     <none>',
        'Events:            <none>',
        '',
      ].join('\n'),
    );
  });

  it('prints maxUnavailable under the partition, and each claim template with its class, labels, annotations and size', () => {
    const out = describeStatefulSet(
      sts({
        updateStrategy: { type: 'RollingUpdate', rollingUpdate: { partition: 2, maxUnavailable: '50%' } },
        volumeClaimTemplates: [
          {
            metadata: { name: 'data', labels: { b: '2', a: '1' }, annotations: { 'volume.beta.kubernetes.io/storage-class': 'slow', note: 'x' } },
            spec: { storageClassName: 'fast', accessModes: ['ReadWriteOnce', 'ReadOnlyMany'], resources: { requests: { storage: '1024Mi' } } },
          },
          { metadata: { name: 'logs' }, spec: { storageClassName: 'fast' } },
        ],
      }),
      createCluster({ seed: 7 }),
    );
    expect(out).toContain('\nUpdate Strategy:    RollingUpdate\n  Partition:        2\n  MaxUnavailable:   50%\nPods Status:');
    // the beta annotation wins over storageClassName (storageutil.GetPersistentVolumeClaimClass); the request is
    // printed in canonical form (Quantity.String()); annotations print as k=v, like labels
    expect(out).toContain(
      [
        '\nVolume Claims:',
        '  Name:          data',
        '  StorageClass:  slow',
        '  Labels:        a=1',
        '                 b=2',
        '  Annotations:   note=x',
        '                 volume.beta.kubernetes.io/storage-class=slow',
        '  Capacity:      1Gi',
        '  Access Modes:  [ReadWriteOnce ReadOnlyMany]',
        '  Name:          logs',
        '  StorageClass:  fast',
        '  Labels:        <none>',
        '  Annotations:   <none>',
        '  Capacity:      <default>',
        '  Access Modes:  []',
        'Events:          <none>\n',
      ].join('\n'),
    );
  });
});

/**
 * An image reference that does not parse (pkg/kubelet/images/image_manager.go EnsureImageExists →
 * applyDefaultImageTag): the container waits with InvalidImageName, the kubelet records InspectFailed and
 * `Error: InvalidImageName` (pkg/kubelet/kuberuntime/kuberuntime_container.go startContainer), nothing is pulled;
 * a corrected image starts it.
 */
import { describe, expect, it } from 'vitest';
import { boundPod, getPod, mustCreate, podEvents, testCluster } from './testing';

describe('InvalidImageName', () => {
  it('waits without pulling, and starts once the image is corrected', () => {
    const c = testCluster();
    mustCreate(c, boundPod('up', [{ name: 'c', image: 'Nginx:1.27' }]));
    c.advance(20_000);
    const message = `Failed to apply default image tag "Nginx:1.27": couldn't parse image name "Nginx:1.27": invalid reference format: repository name (library/Nginx) must be lowercase`;
    expect(getPod(c, 'up')?.status?.containerStatuses?.[0]?.state).toEqual({ waiting: { reason: 'InvalidImageName', message } });
    expect(getPod(c, 'up')?.status?.phase).toBe('Pending');
    expect(podEvents(c, 'up')).toEqual([`InspectFailed: ${message}`, 'Failed: Error: InvalidImageName']);
    const pod = getPod(c, 'up');
    if (!pod?.spec) throw new Error('no pod');
    expect(c.update('Pod', { ...pod, spec: { ...pod.spec, containers: [{ ...pod.spec.containers[0], image: 'nginx:1.27' }] } }).ok).toBe(true);
    c.advance(20_000);
    expect(getPod(c, 'up')?.status?.containerStatuses?.[0]?.state?.running).toBeDefined();
  });
});

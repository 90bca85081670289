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

/**
 * A program the image does not have as the main process (`kubectl run --image=busybox -- curl …`): containerd
 * creates the container and runc cannot exec it, so it ends at once with StartError, exit code 128 and the zero
 * start time (kubernetes/kubernetes pkg/kubelet/kuberuntime/kuberuntime_container.go startContainer records the
 * Failed event); restartPolicy decides as for any exit.
 */
describe('StartError', () => {
  const message =
    'failed to create containerd task: failed to create shim task: OCI runtime create failed: runc create failed: unable to start container process: error during container init: exec: "curl": executable file not found in $PATH: unknown';

  it('fails a Never pod at once; an Always pod backs off', () => {
    const c = testCluster();
    mustCreate(c, boundPod('once', [{ name: 'c', image: 'busybox:1.28', args: ['curl', 'http://web'] }], { restartPolicy: 'Never' }));
    mustCreate(c, boundPod('again', [{ name: 'c', image: 'busybox:1.36', command: ['curl'], args: ['-s', 'web'] }]));
    mustCreate(c, boundPod('has', [{ name: 'c', image: 'curlimages/curl:8.10.1', command: ['curl'], args: ['-s', 'web'] }], { restartPolicy: 'Never' }));
    c.advance(30_000);
    const once = getPod(c, 'once');
    expect(once?.status?.phase).toBe('Failed');
    expect(once?.status?.containerStatuses?.[0]?.state?.terminated).toMatchObject({ reason: 'StartError', exitCode: 128, message, startedAt: '1970-01-01T00:00:00Z' });
    expect(podEvents(c, 'once').filter((e) => /Created|Started|Failed/.test(e))).toEqual(['Created: Created container: c', `Failed: Error: ${message}`]);
    const again = getPod(c, 'again')?.status?.containerStatuses?.[0];
    expect(again?.state?.waiting?.reason).toBe('CrashLoopBackOff');
    expect(again?.lastState?.terminated?.reason).toBe('StartError');
    expect(again?.restartCount).toBeGreaterThan(0);
    // curlimages/curl has curl: it runs (and fails to resolve a name that does not exist) instead
    expect(getPod(c, 'has')?.status?.containerStatuses?.[0]?.state?.terminated?.reason).toBe('Error');
  });
});

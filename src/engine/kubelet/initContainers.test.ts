/**
 * Init containers and sidecars, as the kubelet runs them (kuberuntime_manager.go `computePodActions`) and
 * reports them: kubelet_pods.go `getPhase` and `convertToAPIContainerStatuses` (PodInitializing as the default
 * waiting reason, init statuses in spec order), pkg/kubelet/status/generate.go (Initialized, ContainersReady),
 * the prober manager (a completed init container is ready), status_manager.go `TerminatePod`.
 */
import { describe, expect, it } from 'vitest';
import type { Cluster } from '../cluster';
import type { Container, ContainerStatus, Event, Pod, Service } from '../api/types';
import { boundPod, getPod, mustCreate, testCluster, testNode } from './testing';

function condition(pod: Pod | undefined, type: string) {
  const c = pod?.status?.conditions?.find((x) => x.type === type);
  return c && { status: c.status, reason: c.reason, message: c.message };
}

function initStatus(pod: Pod | undefined, name: string): ContainerStatus | undefined {
  return pod?.status?.initContainerStatuses?.find((s) => s.name === name);
}

function appStatus(pod: Pod | undefined, name: string): ContainerStatus | undefined {
  return pod?.status?.containerStatuses?.find((s) => s.name === name);
}

function log(c: Cluster, pod: string, container: string): string {
  const view = c.runtime.pod('default', pod)?.containers.find((x) => x.name === container);
  return (view?.log() ?? []).map((e) => e.line).join('\n');
}

function events(c: Cluster, pod: string): Event[] {
  const r = c.list('Event', { namespace: 'default' });
  return r.ok ? r.value.items.filter((e) => e.involvedObject.name === pod) : [];
}

// the Kubernetes docs' init container example (concepts/workloads/pods/init-containers)
const waitFor = (svc: string): Container => ({
  name: `init-${svc}`,
  image: 'busybox:1.28',
  command: ['sh', '-c', `until nslookup ${svc}.$(cat /var/run/secrets/kubernetes.io/serviceaccount/namespace).svc.cluster.local; do echo waiting for ${svc}; sleep 2; done`],
});
const app: Container = { name: 'myapp-container', image: 'busybox:1.28', command: ['sh', '-c', 'echo The app is running! && sleep 3600'] };

function service(name: string, targetPort: number): Service {
  return { apiVersion: 'v1', kind: 'Service', metadata: { name, namespace: 'default' }, spec: { ports: [{ protocol: 'TCP', port: 80, targetPort }] } };
}

describe('init containers', () => {
  it('run one by one, each until it exits 0, before the app container starts', () => {
    const c = testCluster();
    mustCreate(c, boundPod('myapp-pod', [app], { initContainers: [waitFor('myservice'), waitFor('mydb')] }));
    c.advance(15_000);
    let pod = getPod(c, 'myapp-pod');
    expect(pod?.status?.phase).toBe('Pending');
    expect(initStatus(pod, 'init-myservice')?.state?.running).toBeDefined();
    expect(initStatus(pod, 'init-mydb')?.state).toEqual({ waiting: { reason: 'PodInitializing' } });
    expect(appStatus(pod, 'myapp-container')?.state).toEqual({ waiting: { reason: 'PodInitializing' } });
    expect(pod?.status?.initContainerStatuses?.map((s) => s.name)).toEqual(['init-myservice', 'init-mydb']);
    expect(condition(pod, 'Initialized')).toEqual({ status: 'False', reason: 'ContainersNotInitialized', message: 'containers with incomplete status: [init-myservice init-mydb]' });
    expect(condition(pod, 'Ready')).toEqual({ status: 'False', reason: 'ContainersNotReady', message: 'containers with unready status: [myapp-container]' });
    // the serviceaccount volume's namespace file feeds the name; the loop goes round every 2 s
    // busybox 1.28's nslookup (the docs' image): the libc-based one, see dns/tools/busyboxLegacyNslookup.ts
    expect(log(c, 'myapp-pod', 'init-myservice')).toContain("nslookup: can't resolve 'myservice.default.svc.cluster.local'\nwaiting for myservice");
    expect(log(c, 'myapp-pod', 'init-myservice').split('\n').filter((l) => l === 'waiting for myservice').length).toBeGreaterThanOrEqual(6);
    expect(c.runtime.pod('default', 'myapp-pod')?.containers.find((x) => x.name === 'myapp-container')?.startedAt).toBeUndefined();

    expect(c.create('Service', service('myservice', 9376)).ok).toBe(true);
    expect(c.create('Service', service('mydb', 9377)).ok).toBe(true);
    c.advance(15_000);
    pod = getPod(c, 'myapp-pod');
    expect(pod?.status?.phase).toBe('Running');
    for (const name of ['init-myservice', 'init-mydb']) {
      const s = initStatus(pod, name);
      expect(s?.state?.terminated).toMatchObject({ exitCode: 0, reason: 'Completed' });
      expect([s?.ready, s?.started]).toEqual([true, false]);
    }
    expect(condition(pod, 'Initialized')).toEqual({ status: 'True', reason: undefined, message: undefined });
    expect(condition(pod, 'Ready')?.status).toBe('True');
    expect(log(c, 'myapp-pod', 'init-mydb')).toMatch(/^Name: {6}mydb\.default\.svc\.cluster\.local\nAddress 1: [\d.]+ mydb\.default\.svc\.cluster\.local$/m);
    expect(log(c, 'myapp-pod', 'myapp-container')).toBe('The app is running!');
    // events point at spec.initContainers{…}, and the init containers started before the app container
    const started = events(c, 'myapp-pod').filter((e) => e.reason === 'Started');
    expect(started.map((e) => e.involvedObject.fieldPath)).toEqual(['spec.initContainers{init-myservice}', 'spec.initContainers{init-mydb}', 'spec.containers{myapp-container}']);
  });

  it('a failing init container restarts with back-off under restartPolicy Always; the app never starts', () => {
    const c = testCluster();
    const check: Container = { name: 'check', image: 'busybox:1.36', command: ['sh', '-c', 'echo checking; exit 1'] };
    const reasons = new Set<string>();
    c.watch('Pod', { namespace: 'default' }, (e) => {
      const s = (e.object as Pod).status?.initContainerStatuses?.[0]?.state;
      if (s) reasons.add(s.waiting?.reason ?? s.terminated?.reason ?? 'running');
    });
    mustCreate(c, boundPod('failing', [{ name: 'app', image: 'nginx:1.27' }], { initContainers: [check] }));
    c.advance(60_000);
    const pod = getPod(c, 'failing');
    const s = initStatus(pod, 'check');
    expect(pod?.status?.phase).toBe('Pending');
    expect(s?.restartCount).toBeGreaterThanOrEqual(2);
    expect(s?.lastState?.terminated).toMatchObject({ exitCode: 1, reason: 'Error' });
    // what `kubectl get pods` shows as Init:0/1, Init:Error, Init:CrashLoopBackOff (the process exits at once,
    // before a status write could see it running)
    expect([...reasons].sort()).toEqual(['CrashLoopBackOff', 'Error', 'PodInitializing']);
    expect(appStatus(pod, 'app')?.state).toEqual({ waiting: { reason: 'PodInitializing' } });
    expect(events(c, 'failing').some((e) => e.reason === 'BackOff' && e.message === `Back-off restarting failed container check in pod failing_default(${pod?.metadata?.uid})`)).toBe(true);
  });

  it('under restartPolicy Never a failed init container fails the pod; later ones and the app stay waiting', () => {
    const c = testCluster();
    const initContainers: Container[] = [
      { name: 'check', image: 'busybox:1.36', command: ['sh', '-c', 'exit 3'] },
      { name: 'second', image: 'busybox:1.36', command: ['true'] },
    ];
    mustCreate(c, boundPod('never', [{ name: 'app', image: 'nginx:1.27' }], { restartPolicy: 'Never', initContainers }));
    c.advance(20_000);
    const pod = getPod(c, 'never');
    expect(pod?.status?.phase).toBe('Failed');
    expect(initStatus(pod, 'check')?.state?.terminated).toMatchObject({ exitCode: 3, reason: 'Error' });
    expect(initStatus(pod, 'check')?.restartCount).toBe(0);
    expect(initStatus(pod, 'second')?.state).toEqual({ waiting: { reason: 'PodInitializing' } });
    // TerminatePod leaves the app container waiting: the pod never initialized (hasPodInitialized)
    expect(appStatus(pod, 'app')?.state).toEqual({ waiting: { reason: 'PodInitializing' } });
    expect(condition(pod, 'Ready')).toEqual({ status: 'False', reason: 'PodFailed', message: undefined });
    expect(condition(pod, 'PodReadyToStartContainers')?.status).toBe('False');
  });
});

describe('a node that powers back on', () => {
  it('gives the pod a new sandbox whose init containers run again before the app container', () => {
    const c = testCluster();
    const setup: Container = { name: 'setup', image: 'busybox:1.36', command: ['sh', '-c', 'echo setting up'] };
    mustCreate(c, boundPod('cycled', [{ name: 'app', image: 'nginx:1.27' }], { initContainers: [setup] }));
    c.advance(30_000);
    expect(c.simulation.stopNode(testNode)).toBe(true);
    c.advance(10_000);
    expect(c.simulation.startNode(testNode)).toBe(true);
    c.advance(30_000);
    const started = events(c, 'cycled')
      .filter((e) => e.reason === 'Started')
      .map((e) => `${e.involvedObject.fieldPath} x${e.count ?? 1}`);
    expect(started).toEqual(['spec.initContainers{setup} x2', 'spec.containers{app} x2']);
    // in the new sandbox too, the init container started before the app container
    const last = (path: string) => events(c, 'cycled').find((e) => e.reason === 'Started' && e.involvedObject.fieldPath === path)?.lastTimestamp ?? '';
    expect(last('spec.initContainers{setup}') < last('spec.containers{app}')).toBe(true);
    const pod = getPod(c, 'cycled');
    expect(pod?.status?.phase).toBe('Running');
    expect(initStatus(pod, 'setup')?.state?.terminated).toMatchObject({ exitCode: 0, reason: 'Completed' });
  });
});

describe('an init container of an image svcsim does not know', () => {
  it('is taken to do its work and exit 0, and the cluster log says so', () => {
    const c = testCluster();
    mustCreate(c, boundPod('migrated', [{ name: 'app', image: 'nginx:1.27' }], { initContainers: [{ name: 'migrate', image: 'example.com/my-migrations:1.0' }] }));
    c.advance(30_000);
    const pod = getPod(c, 'migrated');
    expect(pod?.status?.phase).toBe('Running');
    expect(initStatus(pod, 'migrate')?.state?.terminated).toMatchObject({ exitCode: 0, reason: 'Completed' });
    expect(c.log.recent().some((e) => e.message === 'svcsim does not know what image example.com/my-migrations:1.0 does: init container migrate is taken to exit 0 at once')).toBe(true);
  });
});

describe('sidecar containers (init containers with restartPolicy: Always)', () => {
  const shipper: Container = { name: 'logshipper', image: 'busybox:1.36', restartPolicy: 'Always', command: ['sh', '-c', 'while true; do echo shipping; sleep 5; done'] };

  it('start before the app containers, keep running beside them and count for readiness', () => {
    const c = testCluster();
    mustCreate(c, boundPod('with-sidecar', [{ name: 'app', image: 'nginx:1.27' }], { initContainers: [shipper] }));
    c.advance(30_000);
    const pod = getPod(c, 'with-sidecar');
    expect(pod?.status?.phase).toBe('Running');
    expect(initStatus(pod, 'logshipper')?.state?.running).toBeDefined();
    expect([initStatus(pod, 'logshipper')?.ready, initStatus(pod, 'logshipper')?.started]).toEqual([true, true]);
    expect(condition(pod, 'Initialized')?.status).toBe('True');
    expect(condition(pod, 'ContainersReady')?.status).toBe('True');
    expect(log(c, 'with-sidecar', 'logshipper').split('\n').filter((l) => l === 'shipping').length).toBeGreaterThanOrEqual(5);
    const started = events(c, 'with-sidecar').filter((e) => e.reason === 'Started');
    expect(started.map((e) => e.involvedObject.fieldPath)).toEqual(['spec.initContainers{logshipper}', 'spec.containers{app}']);
  });

  it('are stopped after the app containers when the pod is deleted', () => {
    const c = testCluster();
    mustCreate(c, boundPod('with-sidecar', [{ name: 'app', image: 'nginx:1.27' }], { initContainers: [shipper] }));
    c.advance(30_000);
    c.delete('Pod', 'default', 'with-sidecar');
    c.advance(60_000);
    expect(getPod(c, 'with-sidecar')).toBeUndefined();
    const killing = events(c, 'with-sidecar').filter((e) => e.reason === 'Killing');
    expect(killing.map((e) => e.involvedObject.fieldPath)).toEqual(['spec.containers{app}', 'spec.initContainers{logshipper}']);
  });

  it('end with a pod whose app containers are done (restartPolicy Never): the pod succeeds', () => {
    const c = testCluster();
    const job: Container = { name: 'job', image: 'busybox:1.36', command: ['sh', '-c', 'echo done'] };
    mustCreate(c, boundPod('batch', [job], { restartPolicy: 'Never', initContainers: [shipper] }));
    c.advance(90_000);
    const pod = getPod(c, 'batch');
    expect(pod?.status?.phase).toBe('Succeeded');
    expect(appStatus(pod, 'job')?.state?.terminated).toMatchObject({ exitCode: 0, reason: 'Completed' });
    expect(initStatus(pod, 'logshipper')?.state?.terminated).toBeDefined();
  });
});

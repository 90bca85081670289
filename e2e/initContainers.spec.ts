/**
 * The Kubernetes docs' init container example (concepts/workloads/pods/init-containers) in the browser: two
 * busybox:1.28 init containers wait with `until nslookup …` for Services that do not exist yet, so the pod stays
 * `Init:0/2`; the Inspector names each init container's state; the init container's log is busybox 1.28's
 * nslookup failing; `kubectl logs -f` of the second one returns when it exits; once both Services exist, the pod
 * initializes and its app container runs.
 */
import { expect, test } from './fixtures/test';
import { testIds } from '../src/testids';
import { TerminalPane } from './pages/TerminalPane';
import { Workbench } from './pages/Workbench';

const manifest = `apiVersion: v1
kind: Pod
metadata:
  name: myapp-pod
  labels:
    app.kubernetes.io/name: MyApp
spec:
  containers:
  - name: myapp-container
    image: busybox:1.28
    command: ['sh', '-c', 'echo The app is running! && sleep 3600']
  initContainers:
  - name: init-myservice
    image: busybox:1.28
    command: ['sh', '-c', "until nslookup myservice.$(cat /var/run/secrets/kubernetes.io/serviceaccount/namespace).svc.cluster.local; do echo waiting for myservice; sleep 2; done"]
  - name: init-mydb
    image: busybox:1.28
    command: ['sh', '-c', "until nslookup mydb.$(cat /var/run/secrets/kubernetes.io/serviceaccount/namespace).svc.cluster.local; do echo waiting for mydb; sleep 2; done"]
`;

test('init containers hold a pod at Init:0/2 until the Services they wait for exist', async ({ page }) => {
  test.setTimeout(120_000);
  const app = new Workbench(page);
  const errors = app.trackErrors();
  await app.openFresh();
  await app.editor.setText(manifest);
  await app.editor.apply();
  const term = new TerminalPane(page);
  await term.open();
  await term.run('sleep 10');
  await term.run('kubectl get pod myapp-pod');
  await term.expectText(/NAME\s+READY\s+STATUS\s+RESTARTS\s+AGE\nmyapp-pod\s+0\/1\s+Init:0\/2\s+0\s+\d+s\n/);
  await term.run('kubectl logs myapp-pod -c init-myservice --tail=2');
  await term.expectText("--tail=2\nnslookup: can't resolve 'myservice.default.svc.cluster.local'\nwaiting for myservice\n$ ");

  await page.getByTestId('rf__node-pod:default/myapp-pod').dispatchEvent('click');
  await expect(page.getByTestId('pod-status')).toHaveText('Init:0/2');
  await expect(page.getByTestId(testIds.podInitContainers).locator('li')).toHaveText(['init-myservice: Running', 'init-mydb: Waiting (PodInitializing)']);
  await page.screenshot({ path: 'test-results/init-containers-waiting.png' });

  await term.run('kubectl create service clusterip myservice --tcp=80:9376');
  await term.run('sleep 5');
  // follow the second init container: its log ends, and the prompt comes back, when it exits (the kubelet's
  // log follow ends with the container)
  await term.run('kubectl logs -f myapp-pod -c init-mydb');
  await term.expectText("nslookup: can't resolve 'mydb.default.svc.cluster.local'\nwaiting for mydb\n");
  await term.newTab();
  await term.tab(2);
  await term.run('kubectl create service clusterip mydb --tcp=80:9377');
  await term.run('sleep 10');
  await term.tab(1);
  await term.expectText(/Name: {6}mydb\.default\.svc\.cluster\.local\nAddress 1: [\d.]+ mydb\.default\.svc\.cluster\.local\n\$ $/);
  await term.run('kubectl get pod myapp-pod');
  await term.expectText(/myapp-pod\s+1\/1\s+Running\s+0\s+\d+s\n/);
  await term.run('kubectl logs myapp-pod');
  await term.expectText('Defaulted container "myapp-container" out of: myapp-container, init-myservice (init), init-mydb (init)\nThe app is running!\n$ ');
  await expect(page.getByTestId(testIds.podInitContainers).locator('li')).toHaveText(['init-myservice: Terminated (Completed)', 'init-mydb: Terminated (Completed)']);
  await expect(page.getByTestId('pod-status')).toHaveText('Running');
  await page.screenshot({ path: 'test-results/init-containers-running.png' });
  expect(errors).toEqual([]);
});

/**
 * ConfigMaps and Secrets in the browser, as the Kubernetes docs' "Configure a Pod to Use a ConfigMap" and
 * "Distribute Credentials Securely Using Secrets" pages use them: a pod applied from the editor before its
 * ConfigMap exists waits with CreateContainerConfigError (red on the canvas, the reason in the Inspector); once
 * `kubectl create configmap` and `kubectl create secret generic` have made them, the pod starts with their values
 * in its environment (Inspector and `printenv`) and their keys as files in its volume (`cat`).
 */
import { expect, test } from './fixtures/test';
import { testIds } from '../src/testids';
import { PodEnv } from './pages/PodEnv';
import { TerminalPane } from './pages/TerminalPane';
import { Workbench } from './pages/Workbench';

const manifest = `apiVersion: v1
kind: Pod
metadata:
  name: cfg
spec:
  containers:
  - name: app
    image: busybox:1.36
    command: ["sleep", "3600"]
    env:
    - name: SPECIAL_LEVEL_KEY
      valueFrom:
        configMapKeyRef:
          name: special-config
          key: special.how
    envFrom:
    - secretRef:
        name: db-creds
      prefix: DB_
    volumeMounts:
    - name: config-volume
      mountPath: /etc/config
  volumes:
  - name: config-volume
    configMap:
      name: special-config
`;

test('a pod waits for its ConfigMap and Secret, then starts with their values in its environment and volume', async ({ page }) => {
  test.setTimeout(120_000);
  const app = new Workbench(page);
  const errors = app.trackErrors();
  await app.openFresh();
  const term = new TerminalPane(page);
  await term.open();
  await app.editor.setText(manifest);
  await app.editor.apply();

  // its volume cannot be set up yet: ContainerCreating, and FailedMount says why
  await term.run('sleep 5');
  await term.run('kubectl get pod cfg');
  await term.expectText(/cfg\s+0\/1\s+ContainerCreating\s+0\s+5s\n/);
  await term.run('kubectl get events --field-selector reason=FailedMount');
  await term.expectText('MountVolume.SetUp failed for volume "config-volume" : configmap "special-config" not found');

  // the ConfigMap: the volume mounts, but the Secret the environment names is still missing
  await term.run('kubectl create configmap special-config --from-literal=special.how=very');
  await term.expectText('configmap/special-config created\n$ ');
  await term.run('sleep 70');
  await term.run('kubectl get pod cfg');
  await term.expectText(/cfg\s+0\/1\s+CreateContainerConfigError\s+0\s+75s\n/);
  await page.getByTestId('rf__node-pod:default/cfg').dispatchEvent('click');
  await expect(page.getByTestId('pod-status')).toHaveText('CreateContainerConfigError');
  // the kubelet's reason and message, as kubectl describe pod shows the waiting state
  await expect(page.getByTestId(testIds.podWaiting)).toHaveText('app: CreateContainerConfigError: secret "db-creds" not found');
  await page.screenshot({ path: 'test-results/config-error.png' });

  await term.run('kubectl create secret generic db-creds --from-literal=password=s3cr3t');
  await term.expectText('secret/db-creds created\n$ ');
  await term.run('sleep 20');
  await term.run('kubectl get pod cfg');
  await term.expectText(/cfg\s+1\/1\s+Running\s+0\s+95s\n/);
  await expect(page.getByTestId('pod-status')).toHaveText('Running');
  await expect(page.getByTestId(testIds.podWaiting)).toHaveCount(0);
  const env = new PodEnv(page);
  await expect(env.lines.filter({ hasText: /^SPECIAL_LEVEL_KEY=very$/ })).toHaveCount(1);
  await expect(env.lines.filter({ hasText: /^DB_password=s3cr3t$/ })).toHaveCount(1);

  await term.run('kubectl exec cfg -- printenv SPECIAL_LEVEL_KEY DB_password');
  await term.expectText('very\ns3cr3t\n$ ');
  await term.run('kubectl exec cfg -- cat /etc/config/special.how');
  await term.expectText('kubectl exec cfg -- cat /etc/config/special.how\nvery$ ');
  await term.run('kubectl get secret db-creds -o jsonpath={.data.password}');
  await term.expectText('czNjcjN0$ ');
  await page.screenshot({ path: 'test-results/config-running.png' });
  expect(errors).toEqual([]);
});

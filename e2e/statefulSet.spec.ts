/**
 * The Kubernetes "StatefulSet Basics" tutorial in the browser: a headless Service `nginx` and a StatefulSet `web`
 * applied from the editor; `web-1` is only created once `web-0` is ready; each pod resolves as
 * `web-N.nginx.default.svc.cluster.local`; a deleted pod comes back under the same name; a scale-out draws `web-2`
 * on the canvas with its identity labels in the Inspector; the set's badge on that card opens the StatefulSet in the
 * Inspector, whose Scale − takes the highest ordinal away again.
 */
import { readFileSync } from 'node:fs';
import { expect, test } from './fixtures/test';
import { testIds } from '../src/testids';
import { TerminalPane } from './pages/TerminalPane';
import { Workbench } from './pages/Workbench';

// the README's example: a headless Service nginx and a two-replica StatefulSet web
const manifest = readFileSync(new URL('../docs/examples/statefulset-web.yaml', import.meta.url), 'utf8');

test('a StatefulSet behind a headless Service: ordered pods with DNS names of their own', async ({ page }) => {
  test.setTimeout(120_000);
  const app = new Workbench(page);
  const errors = app.trackErrors();
  await app.openFresh();
  const term = new TerminalPane(page);
  await term.open();
  // the playground's seed already has a Service named nginx (with a cluster IP, which may not become None)
  await term.run('kubectl delete svc,deploy nginx');
  await term.expectText('deployment.apps "nginx" deleted from default namespace\n$ ');
  // its pods (also labelled app=nginx) finish terminating first
  await term.run('sleep 35');
  await app.editor.setText(manifest);
  await app.editor.apply();

  // the clock stands still: web-0 is being created, web-1 does not exist yet
  await term.run('kubectl get pods -l app=nginx');
  await term.expectText(/NAME\s+READY\s+STATUS\s+RESTARTS\s+AGE\nweb-0\s+0\/1\s+ContainerCreating\s+0\s+0s\n\$ $/);
  await term.run('sleep 30');
  await term.run('kubectl get sts web');
  await term.expectText(/NAME\s+READY\s+AGE\nweb\s+2\/2\s+30s\n/);
  await term.run('kubectl get events --field-selector involvedObject.kind=StatefulSet');
  await term.expectText(/SuccessfulCreate\s+statefulset\/web\s+create Pod web-0 in StatefulSet web successful\n.*SuccessfulCreate\s+statefulset\/web\s+create Pod web-1 in StatefulSet web successful\n/);
  await expect(page.getByTestId('rf__node-pod:default/web-0')).toBeVisible();
  await expect(page.getByTestId('rf__node-pod:default/web-1')).toBeVisible();
  await expect(page.getByTestId('rf__node-svc:default/nginx')).toContainText('None');

  // each pod has a name of its own under the headless Service
  await term.run('kubectl run -i --rm --restart=Never dns-test --image=busybox:1.28 -- nslookup web-0.nginx');
  await term.expectText(/Name: {6}web-0\.nginx\nAddress 1: ([\d.]+) web-0\.nginx\.default\.svc\.cluster\.local\npod "dns-test" deleted from default namespace\n/);
  const firstIp = /Address 1: ([\d.]+) web-0\.nginx/.exec(await term.text())?.[1];
  await page.screenshot({ path: 'test-results/statefulset-dns.png' });

  // a deleted pod comes back under the same name and the same DNS name
  await term.run('kubectl delete pod web-0');
  await term.run('sleep 15');
  await term.run('kubectl get pod web-0 -o jsonpath={.spec.hostname}.{.spec.subdomain}');
  await term.expectText('web-0.nginx$ ');
  await term.run('kubectl run -i --rm --restart=Never dns-test2 --image=busybox:1.28 -- nslookup web-0.nginx');
  await term.expectText(/dns-test2 --image=busybox:1\.28 -- nslookup web-0\.nginx\n[\s\S]*Address 1: [\d.]+ web-0\.nginx\.default\.svc\.cluster\.local\n/);
  expect(firstIp).toBeTruthy();

  // scale out: web-2 appears with its identity labels
  await term.run('kubectl scale sts web --replicas=3');
  await term.expectText('statefulset.apps/web scaled\n$ ');
  await term.run('sleep 20');
  await page.getByTestId('rf__node-pod:default/web-2').dispatchEvent('click');
  await expect(page.getByTestId('pod-status')).toHaveText('Running');
  await expect(page.getByText('statefulset.kubernetes.io/pod-name=web-2')).toBeVisible();
  await expect(page.getByText('apps.kubernetes.io/pod-index=2')).toBeVisible();
  await page.screenshot({ path: 'test-results/statefulset-scaled.png' });

  // the set's badge on web-2's card selects the StatefulSet; Scale − removes the highest ordinal, web-2
  await app.canvas.node('pod:default/web-2').getByTestId(testIds.statefulSetBadge).click();
  await expect(app.inspector).toContainText('StatefulSet web');
  await expect(page.getByTestId(testIds.statefulSetReady)).toHaveText('3/3');
  await app.inspector.getByRole('button', { name: 'Scale down' }).click();
  await expect(app.inspector.getByTestId(testIds.scale)).toContainText('2');
  await term.run('sleep 20');
  await expect(app.canvas.node('pod:default/web-2')).toHaveCount(0);
  await expect(app.canvas.node('pod:default/web-1')).toBeVisible();
  await expect(page.getByTestId(testIds.statefulSetReady)).toHaveText('2/2');
  expect(errors).toEqual([]);
});

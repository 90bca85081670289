/**
 * kuard's Server Env and Liveness pages in the localhost tab (issue 9 §5) drive the simulated app: the env page
 * shows the variables the kubelet gave the container (the Services that existed when it started, as
 * kubernetes/kubernetes pkg/kubelet/envvars/envvars.go makes them), and failing /healthy from the Liveness page
 * makes the kubelet's livenessProbe restart the container (pkg/kubelet/prober), counted in RESTARTS.
 */
import { expect } from '@playwright/test';
import { test } from './fixtures/test';
import { LocalhostTab } from './pages/LocalhostTab';
import { TerminalPane } from './pages/TerminalPane';
import { Workbench } from './pages/Workbench';

test('kuard through port-forward: the Server Env page lists the service variables; failing liveness restarts the container', async ({ page }) => {
  test.setTimeout(180_000);
  const app = new Workbench(page);
  await app.openFresh();
  const term = new TerminalPane(page);
  await term.open();
  await term.run(
    'kubectl run alpaca-live --image=gcr.io/kuar-demo/kuard-amd64:blue --overrides=\'{"spec":{"containers":[{"name":"alpaca-live","image":"gcr.io/kuar-demo/kuard-amd64:blue","livenessProbe":{"httpGet":{"path":"/healthy","port":8080},"periodSeconds":2}}]}}\'',
  );
  await term.expectText('pod/alpaca-live created');
  await app.advance(2);
  await term.run('kubectl get svc nginx -o jsonpath={.spec.clusterIP}');
  await term.expectText(/jsonpath=\{\.spec\.clusterIP\}\s*10\.\d+\.\d+\.\d+/);
  const clusterIP = /jsonpath=\{\.spec\.clusterIP\}\s*(10\.\d+\.\d+\.\d+)/.exec(await term.text())?.[1] ?? '';
  await term.run('kubectl port-forward alpaca-live 48860:8080');
  await term.expectText('Forwarding from 127.0.0.1:48860 -> 8080');

  const kuard = new LocalhostTab(page);
  await kuard.show(48860);
  await kuard.nav('env');
  await expect(kuard.envValue('HOSTNAME')).toHaveText('alpaca-live');
  await expect(kuard.envValue('KUBERNETES_SERVICE_HOST')).toHaveText('10.96.0.1');
  await expect(kuard.envValue('NGINX_SERVICE_HOST')).toHaveText(clusterIP);
  await expect(kuard.envValue('NGINX_PORT_80_TCP')).toHaveText(`tcp://${clusterIP}:80`);
  await page.screenshot({ path: 'test-results/kuard-env-1440.png' });

  await kuard.nav('liveness');
  await expect(kuard.probeNote).toContainText('declares a livenessProbe');
  await kuard.failProbe();
  await expect(kuard.probeStatus).toHaveText('Probe will permanently fail');
  // three failures 2 s apart (failureThreshold 3), then the kubelet kills and restarts the container
  await app.advance(1);
  // the forward holds the first terminal, as it would hold yours: a second one for the next commands
  await term.open();
  await term.newTab();
  await term.run('kubectl get pod alpaca-live');
  await term.expectText(/alpaca-live +\d\/1 +\S+ +[1-9]\d* \(\d+s ago\)/);
  await term.run('kubectl describe pod alpaca-live | grep Liveness');
  await term.expectText('Liveness probe failed: HTTP probe failed with statuscode: 500');
  await page.screenshot({ path: 'test-results/kuard-liveness-1440.png' });
});

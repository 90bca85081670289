/**
 * Each pod's environment in the Inspector (issue 9 §6): the seed's "env vars" step is visible — the `app` pod has
 * NGINX_SERVICE_HOST and the other Docker-links variables (kubernetes/kubernetes pkg/kubelet/envvars/envvars.go),
 * the same lines `kubectl exec app -- env` prints — and so is the catch: a Service created after the pod started
 * has no variables in it.
 */
import { expect } from '@playwright/test';
import { test } from './fixtures/test';
import { PodEnv } from './pages/PodEnv';
import { TerminalPane } from './pages/TerminalPane';
import { TopologyCanvas } from './pages/TopologyCanvas';
import { Workbench } from './pages/Workbench';

test.describe('pod environment in the Inspector', () => {
  test("the app pod's Service variables, the same as kubectl exec env; a later Service is missing", async ({ page }) => {
    const app = new Workbench(page);
    await app.openFresh();
    const canvas = new TopologyCanvas(page);
    const env = new PodEnv(page);
    await canvas.select('pod:default/app');
    await expect(env.section).toBeVisible();
    await expect(env.serviceLines.filter({ hasText: /^NGINX_SERVICE_HOST=10\.\d+\.\d+\.\d+$/ })).toHaveCount(1);
    await expect(env.serviceLines.filter({ hasText: /^NGINX_PORT_80_TCP=tcp:\/\/10\.\d+\.\d+\.\d+:80$/ })).toHaveCount(1);
    await expect(env.lines.filter({ hasText: /^HOSTNAME=app$/ })).toHaveCount(1);
    await expect(env.missing).toHaveCount(0);

    const term = new TerminalPane(page);
    await term.open();
    await term.run('kubectl exec app -- env');
    await term.expectText('HOSTNAME=app');
    const printed = (await term.text()).split('\n').filter((l) => /^[A-Z_][A-Z0-9_]*=/.test(l));
    expect(await env.lines.allTextContents()).toEqual(printed);

    await term.run('kubectl expose deployment nginx --name=late --port=8080 --target-port=80');
    await term.expectText('service/late exposed');
    await expect(env.missing).toContainText('No variables for late');
    await expect(env.serviceLines.filter({ hasText: /^LATE_/ })).toHaveCount(0);
    await page.screenshot({ path: 'test-results/pod-env-1440.png' });
    await page.setViewportSize({ width: 1024, height: 768 });
    await page.screenshot({ path: 'test-results/pod-env-1024.png' });
  });
});

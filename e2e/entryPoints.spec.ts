/**
 * Where traffic can enter (issue 9 §6): a LoadBalancer Service opens its NodePort on every node box as
 * `<node IP>:<nodePort>`, its ingress address is drawn in front of the nodes, `externalTrafficPolicy: Local`
 * marks nodes without a local endpoint as not answering (kubernetes/kubernetes pkg/proxy/iptables/proxier.go
 * drops there), your machine reaches it through a node, and each node box says when its kube-proxy last synced.
 */
import { expect } from '@playwright/test';
import { test } from './fixtures/test';
import { DataPlanePanels } from './pages/DataPlanePanels';
import { EntryPoints } from './pages/EntryPoints';
import { TerminalPane } from './pages/TerminalPane';
import { TrafficCanvas } from './pages/TrafficCanvas';
import { Workbench } from './pages/Workbench';

const nodes = { 'kind-control-plane': '172.18.0.2', 'kind-worker': '172.18.0.3', 'kind-worker2': '172.18.0.4', 'kind-worker3': '172.18.0.5' };

test.describe('entry points on the canvas', () => {
  test('a LoadBalancer: its NodePort on every node box, its address in front, Local policy, traffic from your machine', async ({ page }) => {
    const app = new Workbench(page);
    await app.openFresh();
    const entry = new EntryPoints(page);
    // kube-proxy's last sync, in virtual time, on every node box
    for (const node of Object.keys(nodes)) await expect(entry.sync(node)).toContainText(/synced \d+[smhd]/);
    // the Inspector of a node says it in full, with how many syncs it has run (the badge only in its hover title)
    await app.canvas.select('node:kind-worker');
    await expect(entry.syncCount('kind-worker')).toHaveText(/^iptables · synced \d+[smhd]\w* ago · \d+ syncs?$/);
    const syncsBefore = await entry.syncCountOf('kind-worker');
    expect(syncsBefore).toBeGreaterThan(0);
    const term = new TerminalPane(page);
    await term.open();
    await term.run('kubectl expose deployment nginx --name=nginx-lb --type=LoadBalancer --port=80');
    await term.expectText('service/nginx-lb exposed');
    await app.advance();
    // the new Service is one more sync on every node
    await expect.poll(() => entry.syncCountOf('kind-worker')).toBeGreaterThan(syncsBefore);
    for (const [node, ip] of Object.entries(nodes)) {
      await expect(entry.nodePorts(node)).toHaveCount(1);
      await expect(entry.nodePorts(node)).toContainText(new RegExp(`^${ip.replaceAll('.', '\\.')}:3\\d{4} nginx-lb`));
      await expect(entry.nodePorts(node)).toHaveAttribute('data-answering', 'true');
    }
    await expect(entry.loadBalancer('default/nginx-lb')).toContainText(/LoadBalancer\s*172\.18\.\d+\.\d+:80/);
    await page.screenshot({ path: 'test-results/entry-points-1440.png' });

    await term.run(`kubectl patch service nginx-lb -p '{"spec":{"externalTrafficPolicy":"Local"}}'`);
    await term.expectText('service/nginx-lb patched');
    // the control plane runs no nginx pod: it drops what arrives on the NodePort
    await expect(entry.nodePorts('kind-control-plane')).toHaveAttribute('data-answering', 'false');
    await expect(entry.nodePorts('kind-control-plane')).toContainText('no local endpoint');
    await expect(entry.nodePorts('kind-worker')).toHaveAttribute('data-answering', 'true');

    const dp = new DataPlanePanels(page);
    const canvas = new TrafficCanvas(page);
    await dp.openTraffic();
    await canvas.chooseClient('your machine');
    await dp.send('default/nginx-lb', 30);
    await expect(canvas.machine).toBeVisible();
    await expect(dp.trace).toContainText('your machine');
    expect(await canvas.routes.count()).toBeGreaterThan(0);
    await page.waitForTimeout(400);
    await page.screenshot({ path: 'test-results/entry-points-traffic-1440.png' });
    for (const width of [1024, 390]) {
      await page.setViewportSize({ width, height: width === 390 ? 844 : 768 });
      await page.screenshot({ path: `test-results/entry-points-${width}.png` });
    }
  });
});

/**
 * Two modes side by side for the same Service (issue 9 §6): kind-worker's iptables rules for nginx (its KUBE-SVC
 * chain's probability cascade, kubernetes/kubernetes pkg/proxy/iptables/proxier.go) beside the same node rendered
 * by the engine in IPVS mode (one virtual server, four real servers, kubernetes/kubernetes pkg/proxy/ipvs), and
 * beside another node's real rules.
 */
import { expect } from '@playwright/test';
import { test } from './fixtures/test';
import { DataPlanePanels } from './pages/DataPlanePanels';
import { RulesCompare } from './pages/RulesCompare';
import { Workbench } from './pages/Workbench';

test.describe('rules compared', () => {
  test('nginx on kind-worker: iptables beside IPVS, then nftables, then another node', async ({ page }) => {
    const app = new Workbench(page);
    await app.openFresh();
    const dp = new DataPlanePanels(page);
    await dp.openRules();
    await dp.chooseRules('kind-worker', 'default/nginx');
    const cmp = new RulesCompare(page);
    await cmp.open();
    await expect(cmp.column).toBeVisible();
    await expect(dp.ruleLines).toContainText('--probability 0.25000000000');
    await expect(cmp.lines).toContainText(/TCP {2}10\.\d+\.\d+\.\d+:80 rr/);
    await expect(cmp.lines.getByText(/-> 10\.244\.\d+\.\d+:80 +Masq/)).toHaveCount(4);
    await expect(cmp.column).toContainText('As kube-proxy would write it in ipvs mode on kind-worker (which runs iptables)');
    // the node itself did not change mode
    await expect(dp.nodeMode('kind-worker')).toContainText('kube-proxy iptables');
    await page.screenshot({ path: 'test-results/rules-compare-1440.png' });

    await cmp.choose('kind-worker', 'nftables');
    await expect(cmp.lines).toContainText('default/nginx');
    await expect(cmp.lines).toContainText(/numgen random mod 4/);

    await cmp.choose('kind-worker2', 'iptables');
    await expect(cmp.column).toContainText('What kube-proxy on kind-worker2 runs');
    await expect(cmp.lines).toContainText(/-A KUBE-SVC-[A-Z2-7]{16} .*--probability 0\.25000000000/);
    for (const width of [1024, 390]) {
      await page.setViewportSize({ width, height: width === 390 ? 844 : 768 });
      await dp.openRules();
      // the narrow layout mounts the panels afresh: Compare starts off there
      if (!(await cmp.column.isVisible())) await cmp.open();
      await expect(cmp.lines).toContainText(/:80 rr|-A KUBE-SVC-/);
      await page.screenshot({ path: `test-results/rules-compare-${width}.png`, fullPage: width === 390 });
    }
  });
});

/**
 * The data plane made visible (issue 9 §6): the Rules view shows kind-worker's iptables rules for the nginx
 * Service (its KUBE-SVC chain, as iptables-save prints it — kubernetes/kubernetes pkg/proxy/iptables/proxier.go),
 * the Traffic view sends 100 connections through those rules and draws one bar per endpoint (the seed's nginx
 * has four), and every node box says which mode its kube-proxy runs.
 */
import { expect } from '@playwright/test';
import { test } from './fixtures/test';
import { DataPlanePanels } from './pages/DataPlanePanels';
import { TerminalPane } from './pages/TerminalPane';
import { Workbench } from './pages/Workbench';

test.describe('data plane views', () => {
  test('Rules view for nginx on kind-worker, 100 connections over four endpoints, kube-proxy mode on the nodes', async ({ page }) => {
    const app = new Workbench(page);
    await app.openFresh();
    const dp = new DataPlanePanels(page);
    await dp.openRules();
    await dp.chooseRules('kind-worker', 'default/nginx');
    await expect(dp.rulesMode).toContainText('iptables');
    await expect(dp.ruleLines).toContainText(/-A KUBE-SVC-[A-Z2-7]{16} .*"default\/nginx -> 10\.244\.\d+\.\d+:80"/);
    await expect(dp.ruleLines).toContainText('--probability 0.25000000000');
    await expect(dp.nodeMode('kind-worker')).toContainText('kube-proxy iptables');
    await page.screenshot({ path: 'test-results/data-plane-rules-1440.png' });

    await dp.openTraffic();
    await dp.send('default/nginx', 100);
    await expect(dp.bars).toHaveCount(4);
    const counts = await dp.bars.locator('.histogram-count').allTextContents();
    expect(counts.map(Number).reduce((a, b) => a + b, 0)).toBe(100);
    await expect(dp.trace).toContainText(/KUBE-SVC-[A-Z2-7]{16}/);
    await page.screenshot({ path: 'test-results/data-plane-views-1440.png' });
    await page.setViewportSize({ width: 390, height: 844 });
    await dp.openTraffic();
    await page.screenshot({ path: 'test-results/data-plane-views-390.png', fullPage: true });
  });

  test('switching kube-proxy to IPVS changes each node box and the Rules view as the DaemonSet rolls', async ({ page }) => {
    const app = new Workbench(page);
    await app.openFresh();
    const dp = new DataPlanePanels(page);
    await dp.openRules();
    await dp.chooseRules('kind-worker', 'default/nginx');
    await expect(dp.rulesMode).toContainText('iptables');
    await dp.switchMode('ipvs');
    // the pods restart one node at a time (maxUnavailable 1): let virtual time pass until every node has switched
    for (const node of ['kind-control-plane', 'kind-worker', 'kind-worker2', 'kind-worker3']) {
      await expect(async () => {
        await app.advance();
        await expect(dp.nodeMode(node)).toContainText('kube-proxy ipvs', { timeout: 500 });
      }).toPass({ timeout: 30_000 });
    }
    await expect(dp.rulesMode).toContainText('ipvs');
    await expect(dp.ruleLines).toContainText(/TCP {2}10\.\d+\.\d+\.\d+:80 rr/);
    await expect(dp.ruleLines.getByText(/-> 10\.244\.\d+\.\d+:80 +Masq/)).toHaveCount(4);
    await page.screenshot({ path: 'test-results/data-plane-ipvs-1440.png' });
  });

  // kube-proxy rewrites the KUBE-SVC cascade for N endpoints (1/N, 1/(N-1), …: pkg/proxy/iptables/proxier.go):
  // scaling four pods to three changes the probabilities and drops one KUBE-SEP chain
  test('the Rules view highlights what an endpoint change did to the rules', async ({ page }) => {
    const app = new Workbench(page);
    await app.openFresh();
    const dp = new DataPlanePanels(page);
    await dp.openRules();
    await dp.chooseRules('kind-worker', 'default/nginx');
    await expect(dp.ruleLines).toContainText('--probability 0.25000000000');

    const terminal = new TerminalPane(page);
    await terminal.open();
    await terminal.run('kubectl scale deployment nginx --replicas=3');
    await terminal.expectText('deployment.apps/nginx scaled');
    await app.advance();
    await dp.openRules();
    await expect(dp.ruleLines).toContainText('--probability 0.33333333349');
    // the new cascade is highlighted, the old one and the gone endpoint's chain are struck through
    await expect(dp.changedRuleLines.filter({ hasText: '--probability 0.33333333349' })).toHaveCount(1);
    await expect(dp.changedRuleLines.filter({ hasText: '--probability 0.50000000000' })).toHaveCount(1);
    await expect(dp.removedRuleLines.filter({ hasText: '--probability 0.25000000000' })).toHaveCount(1);
    await expect(dp.removedRuleLines.filter({ hasText: /-A KUBE-SEP-[A-Z2-7]{16} .*-j DNAT/ })).toHaveCount(1);
    // unchanged lines (the KUBE-SERVICES jump) are not highlighted
    await expect(dp.ruleLines.locator('.rule-line:not(.rule-changed):not(.rule-removed)').filter({ hasText: '-A KUBE-SERVICES' })).toHaveCount(1);
    await page.screenshot({ path: 'test-results/data-plane-rules-changed-1440.png' });
  });
});

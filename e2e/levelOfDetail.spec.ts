/**
 * Issue 8 §7: 1,000 pods on the canvas stay usable by level of detail. Zoomed out (the fitted view), the pods of
 * one owner on one node are one card with their counts (the canvas opens at a legible zoom; fit view zooms out); zoomed in, pods are drawn one by one, and only those in
 * view: the number of node elements in the DOM stays bounded either way.
 */
import { expect, test } from './fixtures/test';
import { TerminalPane } from './pages/TerminalPane';
import { Workbench } from './pages/Workbench';

test.describe('level of detail', () => {
  test('1,000 pods: grouped per owner and node when zoomed out, one by one and only in view when zoomed in', async ({ page }) => {
    test.setTimeout(180_000);
    const app = new Workbench(page);
    await app.openFresh();
    // the seed topology at its fitted zoom: every pod drawn
    await expect(app.canvas.pods('default/nginx-')).toHaveCount(4);
    expect(await app.canvas.detail()).toBe('pods');
    const seedPods = await app.canvas.podCount();

    const term = new TerminalPane(page);
    await term.open();
    await term.run('kubectl create deployment big --image=nginx --replicas=1000');
    await term.expectText('deployment.apps/big created');
    // the replicaset controller creates 20 pods a second (its API client's QPS): let a few virtual minutes pass
    await app.advanceMinutes(2);
    await expect.poll(() => app.canvas.podCount(), { timeout: 90_000 }).toBe(seedPods + 1000);

    // the canvas opens at a legible zoom and pans (FitOnGrowth); the user asks to see everything with the
    // Controls' fit-view button: fitted to 1,000 pods the zoom is far below legible pod text, so cards stand for
    // the pods of one owner on one node, each saying how many pods it holds
    await page.locator('.react-flow__controls-fitview').click();
    await expect.poll(() => app.canvas.detail(), { timeout: 15_000 }).toBe('owners');
    await expect(app.canvas.podGroups.first()).toBeVisible();
    await expect(app.canvas.podGroups.filter({ hasText: 'big:' }).first()).toContainText(/\d+ pods,\s*\d+ Ready/);
    const grouped = await app.canvas.podGroups.evaluateAll((cards) =>
      cards.filter((c) => c.textContent?.startsWith('big:')).reduce((sum, c) => sum + Number(c.querySelector('.pod-group')?.getAttribute('data-pods')), 0),
    );
    expect(grouped).toBeGreaterThan(0);
    expect(grouped).toBeLessThanOrEqual(1000);
    expect(await app.canvas.renderedNodes.count()).toBeLessThan(60);
    await page.waitForTimeout(500);
    await page.screenshot({ path: 'test-results/lod-1000-zoomed-out.png' });

    // a click on a card zooms in on it until its pods are drawn one by one
    await app.canvas.clickVisiblePart(app.canvas.podGroups.filter({ hasText: 'big:' }).first());
    await expect.poll(() => app.canvas.detail(), { timeout: 15_000 }).toBe('pods');
    await page.waitForTimeout(800);
    await expect(app.canvas.pods('default/big-').first()).toBeVisible();
    const rendered = await app.canvas.renderedNodes.count();
    // only what is in view: a screenful of pod cards, not a thousand
    expect(rendered).toBeGreaterThan(5);
    expect(rendered).toBeLessThan(200);
    // cards that mounted because they came into view do not grow in as new pods do (podArrivals.ts)
    await expect(page.locator('.pod-node.pod-enter')).toHaveCount(0);
    await page.screenshot({ path: 'test-results/lod-1000-zoomed-in.png' });
  });
});

/**
 * Traffic you can see on the canvas (issue 9 §6): the Traffic view's connections run as dots along the routes the
 * engine's trace took (client pod → nginx's VIP → each endpoint edge → the pod that answered), the stepped trace
 * step is boxed where it happened, and with prefers-reduced-motion the routes are a static highlight.
 */
import { expect } from '@playwright/test';
import { test } from './fixtures/test';
import { DataPlanePanels } from './pages/DataPlanePanels';
import { TrafficCanvas } from './pages/TrafficCanvas';
import { Workbench } from './pages/Workbench';

test.describe('traffic on the canvas', () => {
  test('100 connections to nginx run along four routes; stepping the trace boxes the rule, the VIP and the pod', async ({ page }) => {
    const app = new Workbench(page);
    await app.openFresh();
    const dp = new DataPlanePanels(page);
    const canvas = new TrafficCanvas(page);
    await dp.openTraffic();
    await expect(canvas.overlay).toHaveCount(0);
    await dp.send('default/nginx', 100);
    await expect(dp.bars).toHaveCount(4);
    await expect(canvas.routes).toHaveCount(4);
    await expect(canvas.dots).toHaveCount(12);
    expect(await canvas.dotMoves()).toBe(true);
    // the routes end at the pods the histogram counted
    const answered = (await dp.bars.locator('.histogram-label').allTextContents()).map((t) => t.split(' ')[0]);
    const routed = await canvas.routes.evaluateAll((els) => els.map((e) => (e.getAttribute('data-pod') ?? '').split('/')[1]));
    expect(routed.sort()).toEqual(answered.sort());
    await expect(canvas.focus).toHaveAttribute('data-kind', 'dns');
    await canvas.stepTo('rule');
    await canvas.stepTo('dnat');
    const vip = page.locator('.react-flow__node[data-id="svc:default/nginx"]');
    // the box glides to the VIP (a 350 ms move): wait for it to arrive rather than measure it mid-way
    await expect
      .poll(async () => {
        const [box, svc] = [await canvas.focus.boundingBox(), await vip.boundingBox()];
        return box && svc ? Math.abs(box.x + box.width / 2 - (svc.x + svc.width / 2)) : Number.POSITIVE_INFINITY;
      })
      .toBeLessThan(6);
    await canvas.stepTo('deliver');
    await page.waitForTimeout(400); // the box's 350 ms move, for the picture only
    await page.screenshot({ path: 'test-results/traffic-canvas-1440.png' });
    for (const width of [1024, 390]) {
      await page.setViewportSize({ width, height: width === 390 ? 844 : 768 });
      await page.screenshot({ path: `test-results/traffic-canvas-${width}.png` });
    }
  });

  test('with prefers-reduced-motion the routes stay lit and no dot moves', async ({ page }) => {
    await page.emulateMedia({ reducedMotion: 'reduce' });
    const app = new Workbench(page);
    await app.openFresh();
    const dp = new DataPlanePanels(page);
    const canvas = new TrafficCanvas(page);
    await dp.openTraffic();
    await dp.send('default/nginx', 20);
    await expect(canvas.routes).toHaveCount(4);
    await expect(canvas.routes.first()).toBeVisible();
    await expect(canvas.dots.first()).toBeHidden();
    await expect(canvas.focus).toBeVisible();
    await page.getByRole('button', { name: 'Clear canvas' }).click();
    await expect(canvas.overlay).toHaveCount(0);
  });
});

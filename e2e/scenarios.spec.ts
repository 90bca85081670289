/**
 * The scenario journeys (issue 10 §1 and §2): a new visitor lands on the gallery; the seed walk-through played to
 * its end with every check ✓ (one step typed into the terminal key by key instead of run); a share link opened in
 * another browser gives the same step, the same IPs and the same view (dock tab, zoom); a corrupt link opens the
 * gallery with a message.
 */
import { expect, test } from './fixtures/test';
import { Scenarios } from './pages/Scenarios';
import { TerminalPane } from './pages/TerminalPane';
import { TopologyCanvas } from './pages/TopologyCanvas';

test.describe('scenarios', () => {
  test.describe('as a first visit', () => {
    test.use({ firstVisit: true });

    test('the gallery is the first screen; the empty playground is one click away, and a reload then stays there', async ({ page }) => {
      const s = new Scenarios(page);
      await s.openAsNewVisitor();
      await expect(s.gallery).toBeVisible();
      await expect(s.cards).toHaveCount(12);
      await expect(s.card('alpaca-prod')).toContainText('Your first Service: alpaca-prod');
      await expect(s.card('alpaca-prod')).toContainText('Beginner · 9 steps');
      await page.screenshot({ path: 'test-results/scenario-gallery.png' });
      await page.getByRole('button', { name: 'Open the empty playground' }).click();
      await expect(new TopologyCanvas(page).root).toBeVisible();
      await page.reload();
      await expect(new TopologyCanvas(page).root).toBeVisible();
      await expect(s.gallery).toBeHidden();
    });

    test('the seed walk-through plays to its end with every check ✓', async ({ page }) => {
      test.setTimeout(120_000);
      const s = new Scenarios(page);
      await s.openAsNewVisitor();
      await s.card('alpaca-prod').click();
      await expect(s.stepBar).toBeVisible();
      await expect(s.stepTitle).toHaveText('Step 1 of 9: Run the kuard pod');
      const steps = 9;
      for (let i = 0; i < steps; i++) {
        await expect(s.stepTitle).toContainText(`Step ${i + 1} of ${steps}`);
        if (i === 1) {
          // step 2 typed by the learner: the checks follow the cluster and the step counts as done
          const term = new TerminalPane(page);
          await term.open();
          await term.run('kubectl expose pod alpaca-prod');
          await term.expectText('service/alpaca-prod exposed');
          await s.expectAllChecksPass();
          await expect(s.runButton).toHaveText('✓ Done');
        } else if (await s.runButton.isVisible()) {
          await s.runButton.click();
          await expect(s.runButton).toHaveText('✓ Done');
        }
        await s.expectAllChecksPass();
        if (i < steps - 1) await s.nextButton.click();
      }
      await expect(s.checks).toHaveCount(2);
      await page.screenshot({ path: 'test-results/scenario-seed-end.png' });
      // back to step 7 rebuilds that state: the Service is there again, a NodePort not yet
      await page.getByTestId('step-jump').selectOption('6');
      await expect(s.stepTitle).toContainText('Step 7 of 9: Make it a NodePort');
      await expect(s.checks.first()).toHaveAttribute('data-ok', 'false');
    });

    test('a corrupt link opens the gallery with a message', async ({ page }) => {
      const s = new Scenarios(page);
      await s.openAsNewVisitor('/#s=1.eJzLSM3JyVcozy_KSQEAGgQEXQ-broken');
      await expect(s.gallery).toBeVisible();
      await expect(s.galleryMessage).toContainText('This link is damaged');
      await s.openAsNewVisitor('/#s=9.abc');
      await expect(s.galleryMessage).toHaveText(/made by a newer svcsim \(format 9/);
    });
  });

  test('share → open the link in another browser → same step, same IPs', async ({ page, browser }) => {
    test.setTimeout(120_000);
    const s = new Scenarios(page);
    await s.openAsNewVisitor();
    await page.getByTestId('scenarios-button').click();
    await s.card('alpaca-prod').click();
    await page.getByTestId('step-jump').selectOption('6');
    await expect(s.stepTitle).toContainText('Step 7 of 9');
    const term = new TerminalPane(page);
    await term.open();
    await term.run('kubectl get pods,svc -o wide');
    await term.expectText(/service\/alpaca-prod\s+ClusterIP/);
    const ips = (await term.text()).match(/\b10\.\d+\.\d+\.\d+\b/g);
    expect(ips?.length).toBeGreaterThanOrEqual(2);
    // the view travels too: the Rules tab open under the canvas, zoomed in twice
    await page.getByTestId('dock-tab-rules').click();
    const canvas = new TopologyCanvas(page);
    await canvas.zoomIn();
    await canvas.zoomIn();
    await page.waitForTimeout(400);
    const viewport = await canvas.viewport();
    const link = await s.shareLink();
    expect(link).toMatch(/#s=1\.[A-Za-z0-9_-]+$/);
    await s.closeShare();

    const friend = await browser.newContext();
    const other = await friend.newPage();
    await other.goto(link);
    const s2 = new Scenarios(other);
    await expect(s2.stepTitle).toContainText('Step 7 of 9: Make it a NodePort', { timeout: 60_000 });
    await expect(other.getByTestId('dock-tab-rules')).toHaveAttribute('aria-selected', 'true');
    const canvas2 = new TopologyCanvas(other);
    await expect.poll(async () => (await canvas2.viewport()).zoom).toBeCloseTo(viewport.zoom, 3);
    const v2 = await canvas2.viewport();
    expect(Math.abs(v2.x - viewport.x)).toBeLessThan(1);
    expect(Math.abs(v2.y - viewport.y)).toBeLessThan(1);
    const term2 = new TerminalPane(other);
    await term2.open();
    await term2.run('kubectl get pods,svc -o wide');
    await term2.expectText(/service\/alpaca-prod\s+ClusterIP/);
    expect((await term2.text()).match(/\b10\.\d+\.\d+\.\d+\b/g)).toEqual(ips);
    await friend.close();
  });
});

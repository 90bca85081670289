/**
 * The data-plane scenarios in the browser: session affinity played to its end with every check ✓ (its traffic
 * checks read what the step's `svcsim load` sent, in the worker as in `svcsim run`), and a step's
 * `panel:traffic` focus opening the Traffic tab under the canvas.
 */
import { expect, test } from './fixtures/test';
import { Scenarios } from './pages/Scenarios';

test('session affinity plays to its end with every check ✓', async ({ page }) => {
  test.setTimeout(120_000);
  const s = new Scenarios(page);
  await s.openAsNewVisitor();
  await page.getByTestId('scenarios-button').click();
  await s.card('session-affinity').click();
  await expect(s.stepTitle).toHaveText('Step 1 of 5: Without affinity, every connection rolls the dice');
  await expect(page.getByTestId('dock-tab-traffic')).toHaveAttribute('aria-selected', 'true');
  await s.playToEnd(5);
  await expect(s.checks).toHaveCount(1);
  await expect(s.checks.first()).toContainText('1 pod answered');
});

test('the StatefulSet scenario plays to its end with every check ✓', async ({ page }) => {
  test.setTimeout(120_000);
  const s = new Scenarios(page);
  await s.openAsNewVisitor();
  await page.getByTestId('scenarios-button').click();
  await s.card('statefulset-stable-names').click();
  await expect(s.stepTitle).toHaveText('Step 1 of 5: One pod at a time');
  await s.playToEnd(5);
  // the last step: scaled in from the top, the headless Service answers with web-0 alone
  await expect(s.checks).toHaveCount(2);
  await expect(s.checks.first()).toContainText('pod web-1: gone');
  await expect(s.checks.nth(1)).toContainText('does not print "web-1.nginx"');
});

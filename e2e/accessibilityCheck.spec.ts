/**
 * The axe-core check every journey ends with (fixtures/accessibility.ts) really finds violations, in both
 * themes: a planted nameless button is reported once per theme, and text that fails only in the dark theme only
 * there.
 */
import { axeBothThemes } from './fixtures/accessibility';
import { expect, test } from './fixtures/test';
import { Workbench } from './pages/Workbench';

// in view (axe cannot judge the contrast of what lies outside it): a nameless button, and a text drawn in the
// light theme's ink on the theme's panel colour, which reads in the light theme and not in the dark one
const plant = `<div id="planted" style="position:fixed;left:8px;top:8px;z-index:9999;background:var(--panel);padding:4px"><button style="width:20px;height:20px"></button><span style="color:#1b2330">dark ink</span></div>`;

test('the end-of-journey scan reports planted violations in the light and the dark theme', async ({ page }) => {
  const app = new Workbench(page);
  await app.openFresh();
  await expect(app.canvas.node('pod:default/app')).toBeVisible();
  await page.evaluate((html) => document.body.insertAdjacentHTML('beforeend', html), plant);
  const problems = await axeBothThemes(page);
  const rules = problems.map((p) => p.slice(0, p.indexOf(' at ')));
  expect(rules).toEqual([
    'light: button-name: Buttons must have discernible text',
    'dark: button-name: Buttons must have discernible text',
    'dark: color-contrast: Elements must meet minimum color contrast ratio thresholds',
  ]);
  expect(problems.every((p) => p.includes('#planted'))).toBe(true);
  // the flip reached the app: the second scan saw the dark theme
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  await page.evaluate(() => {
    document.getElementById('planted')?.remove();
  });
});

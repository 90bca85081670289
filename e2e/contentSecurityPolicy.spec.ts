/**
 * The page runs under the strict Content-Security-Policy of index.html, and the journeys' fixture really sees
 * violations (every other journey asserts it saw none). The policy is a <meta> tag, so `vite preview` and
 * `npm start` serve it with the build.
 */
import { expect, test } from './fixtures/test';
import { Workbench } from './pages/Workbench';

test.describe('content security policy', () => {
  // Chromium logs the refused eval and inline script as console errors: they are the point of this journey
  // and the image the injected handler hangs on has no alt text, being no content of the app's
  test.use({ expectedErrors: [/Content Security Policy/], axeExclude: ['img[src="data:,not-an-image"]'] });

  test('refuses injected scripts and has no eval or remote origin, and the fixture records what it blocks', async ({ page }) => {
    const app = new Workbench(page);
    await app.openFresh();
    const policy = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content');
    expect(policy).toContain("script-src 'self'");
    expect(policy).toContain("object-src 'none'");
    expect(policy).toContain("base-uri 'none'");
    expect(policy).not.toContain('unsafe-eval');
    expect(policy).not.toMatch(/https?:/);

    // what an injected page could try: an inline script, a script from a data: URL, an inline handler
    await page.evaluate(() => {
      const inline = document.createElement('script');
      inline.textContent = 'window.__injected = "inline"';
      document.body.append(inline);
      const data = document.createElement('script');
      data.src = 'data:text/javascript,window.__injected="data"';
      document.body.append(data);
      const img = document.createElement('img');
      img.setAttribute('onerror', 'window.__injected = "handler"');
      img.src = 'data:,not-an-image';
      document.body.append(img);
    });
    await expect.poll(() => page.evaluate(() => window.__cspViolations?.length ?? 0)).toBeGreaterThanOrEqual(3);
    expect(await page.evaluate(() => (window as { __injected?: string }).__injected ?? 'nothing ran')).toBe('nothing ran');

    // the refusals reached the collector; clear them so the fixture's own check covers the rest of the page
    const seen = await page.evaluate(() => window.__cspViolations?.splice(0) ?? []);
    expect(seen.some((v) => v.startsWith('script-src-elem blocked inline'))).toBe(true);
    expect(seen.some((v) => v.startsWith('script-src-elem blocked data'))).toBe(true);
    expect(seen.some((v) => v.startsWith('script-src-attr blocked inline'))).toBe(true);
  });
});

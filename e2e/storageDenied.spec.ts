/**
 * Storage denied (issue "Solid ground" §2): embedded in a cross-site frame where the browser denies storage,
 * the app renders (reading `localStorage` used to throw and blank the page) and says once that it runs
 * without saving.
 */
import { expect, test } from './fixtures/test';
import { testIds } from '../src/testids';
import { chromiumArgs, chromiumPath } from './chromium';
import { StorageBanner } from './pages/StorageBanner';

// The outer page is served by route (an unknown address space) and embeds the app from 127.0.0.1: Chromium's
// Local Network Access checks would block that frame, which has nothing to do with storage.
test.use({ launchOptions: { executablePath: chromiumPath(), args: [...chromiumArgs, '--disable-features=LocalNetworkAccessChecks'] } });

test('in a cross-site frame without storage the app renders and says it runs without saving', async ({ page, baseURL }) => {
  // Chromium blocks storage to third-party frames when third-party cookies are blocked: reading
  // window.localStorage then throws a SecurityError. Made deterministic here for frames only.
  await page.addInitScript(() => {
    if (window.top === window) return;
    const deny = () => {
      throw new DOMException("Failed to read the 'localStorage' property from 'Window': Access is denied for this document.", 'SecurityError');
    };
    Object.defineProperty(window, 'localStorage', { get: deny, configurable: true });
    Object.defineProperty(window, 'indexedDB', { get: deny, configurable: true });
  });
  const app = new URL(baseURL ?? '');
  // localhost and 127.0.0.1 are different sites: the outer page is cross-site to the app it embeds
  const outer = `http://localhost:${app.port}/embedding-page.html`;
  await page.route(outer, (route) =>
    route.fulfill({
      contentType: 'text/html',
      body: `<!doctype html><html lang="en"><title>embedding page</title><iframe title="svcsim" src="${app.origin}/" style="width:1300px;height:820px"></iframe>`,
    }),
  );
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(outer);
  const frame = page.frameLocator('iframe');
  await expect(frame.getByTestId(testIds.topology)).toBeVisible();
  await expect(frame.locator('[data-testid^="rf__node-pod:default/nginx-"]')).toHaveCount(4);
  const banner = new StorageBanner(page, frame);
  await expect(banner.root).toContainText('Running without saving: the browser denies storage to this page');
  expect(errors).toEqual([]);
});

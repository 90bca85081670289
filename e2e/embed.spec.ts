/**
 * Embed mode for slides (issue 10 §3): public/embed-example.html, a deck served from another origin than the
 * app (localhost vs 127.0.0.1: different sites), frames two embeds; they start only when their slide shows,
 * follow the deck's postMessage buttons and report back, load no Monaco, are legible at 800×450 and leave the
 * keyboard focus on the deck until clicked.
 */
import type { Page, Request } from '@playwright/test';
import { expect, test } from './fixtures/test';
import { testIds } from '../src/testids';
import { chromiumArgs, chromiumPath } from './chromium';
import { EmbedDeck } from './pages/EmbedDeck';
import { Scenarios } from './pages/Scenarios';

// The deck is served by route on localhost (an unknown address space to Chromium) and frames the app on
// 127.0.0.1: Chromium's Local Network Access checks would block those frames, which has nothing to do with embedding.
test.use({ launchOptions: { executablePath: chromiumPath(), args: [...chromiumArgs, '--disable-features=LocalNetworkAccessChecks'] } });

/** Opens the example deck from the other origin; returns the requests every frame made. */
async function openDeck(page: Page, baseURL: string | undefined, query = ''): Promise<{ deck: EmbedDeck; requests: Request[] }> {
  const app = new URL(baseURL ?? '');
  const deckOrigin = `http://localhost:${app.port}`;
  // the deck's files come from the app's server but are served to the browser as localhost's
  await page.route(`${deckOrigin}/embed-example.*`, async (route) => {
    const path = new URL(route.request().url()).pathname;
    const response = await route.fetch({ url: `${app.origin}${path}` });
    await route.fulfill({ response });
  });
  // as a browser that blocks third-party storage: reading localStorage in a cross-site frame throws
  await page.addInitScript(() => {
    if (window.top === window) return;
    const deny = () => {
      throw new DOMException("Failed to read the 'localStorage' property from 'Window': Access is denied for this document.", 'SecurityError');
    };
    Object.defineProperty(window, 'localStorage', { get: deny, configurable: true });
    Object.defineProperty(window, 'indexedDB', { get: deny, configurable: true });
  });
  const requests: Request[] = [];
  page.on('request', (r) => requests.push(r));
  await page.goto(`${deckOrigin}/embed-example.html?app=${encodeURIComponent(app.origin)}${query}`);
  return { deck: new EmbedDeck(page), requests };
}

test('the example deck steps two cross-site embeds by postMessage and hears their checks', async ({ page, baseURL }) => {
  test.setTimeout(120_000);
  const { deck, requests } = await openDeck(page, baseURL);
  // the embeds are loaded with the deck (preloaded) but start nothing until their slide is shown
  await expect(deck.embed('embed-a')).toHaveAttribute('data-started', 'false');
  await expect(deck.embed('embed-b')).toHaveAttribute('data-started', 'false');
  await expect(deck.frame('embed-a').getByTestId(testIds.embedWaiting)).toContainText('starts when this slide is shown');

  await deck.nextSlide();
  await expect(deck.embed('embed-a')).toHaveAttribute('data-started', 'true');
  await expect(deck.stepTitle('embed-a')).toHaveText(/^Step 1 of \d+: /);
  await expect(deck.events('embed-a', 'svcsim:ready')).toHaveCount(1);
  await expect(deck.events('embed-a', 'svcsim:ready')).toContainText('ready: alpaca-prod, step 1 of');
  // slide 3 is still off screen: its embed waits
  await expect(deck.embed('embed-b')).toHaveAttribute('data-started', 'false');

  // a presenter types step 1 instead of running it: the commands run in the frame (no terminal on this slide),
  // the step's check turns ✓ and the deck hears it
  await expect(deck.checks('embed-a').first()).toHaveAttribute('data-ok', 'false');
  await deck.post('embed-a', { type: 'svcsim:command', command: 'kubectl run alpaca-prod --image=gcr.io/kuar-demo/kuard-amd64:blue --port=8000 --labels="ver=1,app=alpaca,env=prod"' });
  await deck.post('embed-a', { type: 'svcsim:command', command: 'kubectl wait --for=condition=Ready pod/alpaca-prod' });
  await expect(deck.events('embed-a', 'svcsim:command-done')).toHaveText([/ran kubectl run alpaca-prod .* → exit 0$/, /ran kubectl wait .* → exit 0$/]);
  await expect(deck.checks('embed-a').first()).toHaveAttribute('data-ok', 'true');
  await expect(deck.events('embed-a', 'svcsim:check').last()).toContainText('checks of step 1: ✓ pod alpaca-prod');
  // what the deck's page did not send is not obeyed: a message without our type, a command with two lines
  await deck.post('embed-a', { type: 'svcsim:command', command: 'kubectl get pods\nkubectl delete pod alpaca-prod' });
  await deck.post('embed-a', { type: 'svcsim:goto', step: 4 });
  await deck.post('embed-a', { type: 'svcsim:step', step: '4' });
  // requests are handled in order: once the next valid one is done, the ignored ones would have been too
  await deck.post('embed-a', { type: 'svcsim:command', command: 'kubectl get pod alpaca-prod' });
  await expect(deck.events('embed-a', 'svcsim:command-done')).toHaveText([/kubectl run/, /kubectl wait/, /ran kubectl get pod alpaca-prod → exit 0$/]);
  await expect(deck.stepTitle('embed-a')).toHaveText(/^Step 1 of \d+: /);

  // the deck's button posts {type:'svcsim:step'}; the frame moves and says so
  await deck.button('embed-a', 'next').click();
  await expect(deck.stepTitle('embed-a')).toHaveText(/^Step 2 of \d+: /);
  await expect(deck.events('embed-a', 'svcsim:step-changed').last()).toContainText('step 2 of');
  await expect(deck.events('embed-a', 'svcsim:check').last()).toContainText('checks of step 2');
  await deck.button('embed-a', 'next').click();
  await expect(deck.stepTitle('embed-a')).toHaveText(/^Step 3 of \d+: /);
  await deck.button('embed-a', 'reset').click();
  await expect(deck.stepTitle('embed-a')).toHaveText(/^Step 1 of \d+: /);

  // the second embed starts when its slide shows; a command typed into its terminal by postMessage
  await deck.nextSlide();
  await expect(deck.embed('embed-b')).toHaveAttribute('data-started', 'true');
  await expect(deck.events('embed-b', 'svcsim:ready')).toContainText('ready: readiness-probes, step 1 of');
  await deck.button('embed-b', 'next').click();
  await expect(deck.stepTitle('embed-b')).toHaveText(/^Step 2 of \d+: /);
  await expect(deck.frame('embed-b').locator('.xterm-rows')).toBeVisible();
  await deck.button('embed-b', 'command').click();
  await expect(deck.events('embed-b', 'svcsim:command-done')).toContainText('ran kubectl get endpointslices (in its terminal)');
  await expect(deck.frame('embed-b').locator('.xterm-rows')).toContainText('ADDRESSTYPE');
  // storage is denied in these frames: they run without it and without the playground's banner about it
  await expect(deck.frame('embed-a').getByTestId(testIds.storageBanner)).toHaveCount(0);
  await expect(deck.frame('embed-b').getByTestId(testIds.embedMessage)).toHaveCount(0);
  // the first embed's events stayed its own
  await expect(deck.events('embed-a', 'svcsim:ready')).toHaveCount(1);
  await page.screenshot({ path: 'test-results/embed-example-deck.png' });

  // neither embed asked for Monaco (nor any chunk of the editor)
  const urls = requests.map((r) => r.url());
  expect(urls.filter((u) => /embed\.html/.test(u))).toHaveLength(2);
  expect(urls.filter((u) => /monaco|MonacoEditor|editor\.worker|yaml\.worker/i.test(u))).toEqual([]);
});

test('focus stays on the deck until an embed is clicked', async ({ page, baseURL }) => {
  const { deck } = await openDeck(page, baseURL);
  const notes = page.locator('#notes');
  await notes.click();
  await page.keyboard.type(' (typed)');
  await expect(notes).toBeFocused();
  // both embeds start and draw while the deck has the focus: neither takes it
  await page.locator('#slide-next').focus();
  await page.keyboard.press('Enter');
  await expect(deck.embed('embed-a')).toHaveAttribute('data-started', 'true');
  // it draws: the scenario's node boxes (at step 1 of alpaca-prod no pod of the user's exists yet)
  await expect(deck.frame('embed-a').locator('[data-testid^="rf__node-node:"]')).not.toHaveCount(0);
  await expect(page.locator('#slide-next')).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(deck.frame('embed-b').locator('.xterm-rows')).toBeVisible();
  await expect(page.locator('#slide-next')).toBeFocused();
  // a click gives the frame the focus, as any iframe
  await deck.frame('embed-b').locator('.xterm-screen').click();
  expect(await page.evaluate(() => document.activeElement?.id)).toBe('embed-b');
});

for (const size of [
  { width: 800, height: 450 },
  { width: 1920, height: 1080 },
]) {
  for (const view of ['graph', 'split'] as const) {
    test(`an embed is legible at ${size.width}×${size.height} (view=${view})`, async ({ page, baseURL }) => {
      await page.setViewportSize(size);
      const app = new URL(baseURL ?? '');
      await page.goto(`${app.origin}/embed.html?embed=1&scenario=alpaca-prod&step=3&view=${view}`);
      await expect(page.getByTestId(testIds.stepTitle)).toHaveText(/^Step 3 of \d+: /);
      await expect(page.locator('[data-testid="rf__node-svc:default/alpaca-prod"]')).toBeInViewport();
      if (view === 'split') await expect(page.locator('.xterm-rows')).toContainText('svcsim terminal');
      // no chrome: no top bar, editor or gallery
      await expect(page.getByTestId(testIds.editor)).toHaveCount(0);
      await expect(page.getByTestId(testIds.gallery)).toHaveCount(0);
      await expect(page.locator('.topbar')).toHaveCount(0);
      // every name a viewer reads is 12 px or more on screen: the step bar, the canvas's names (CSS size times
      // the canvas zoom) and the terminal
      const sizes = await page.evaluate(() => {
        const zoomOf = (el: Element) => {
          const vp = el.closest('.react-flow__viewport') as HTMLElement | null;
          return vp ? new DOMMatrixReadOnly(getComputedStyle(vp).transform).a : 1;
        };
        const px = (el: Element) => Number.parseFloat(getComputedStyle(el).fontSize) * zoomOf(el);
        const shown = (sel: string) => [...document.querySelectorAll(sel)].filter((e) => (e as HTMLElement).offsetParent && e.textContent?.trim());
        const min = (sel: string) => Math.min(...shown(sel).map(px));
        return {
          stepBar: min('.embed-step-bar h2, .embed-step-bar li'),
          canvas: min('.react-flow__node .service-name, .react-flow__node .pod-name, .react-flow__node .node-name'),
          terminal: min('.xterm-rows'),
        };
      });
      expect(sizes.stepBar).toBeGreaterThanOrEqual(12);
      expect(sizes.canvas).toBeGreaterThanOrEqual(12);
      if (view === 'split') expect(sizes.terminal).toBeGreaterThanOrEqual(12);
      await page.screenshot({ path: `test-results/embed-${view}-${size.width}x${size.height}.png` });
    });
  }
}

test('"Copy embed code" in the Share dialog gives an iframe that opens the scenario at its step; ?embed=1 on the playground address forwards to it', async ({ page, baseURL }) => {
  test.setTimeout(120_000);
  const s = new Scenarios(page);
  await s.openAsNewVisitor();
  await page.getByTestId(testIds.scenariosButton).click();
  await s.card('alpaca-prod').click();
  await page.getByTestId(testIds.stepJump).selectOption('3');
  await expect(s.stepTitle).toContainText('Step 4 of 9');
  await page.getByTestId(testIds.shareButton).click();
  const code = await page.getByTestId(testIds.shareEmbedCode).inputValue();
  expect(code).toMatch(/^<iframe src="[^"]+\/embed\.html\?embed=1&amp;scenario=alpaca-prod&amp;step=4&amp;view=graph" width="800" height="450" title="svcsim: [^"]+" style="border:0"><\/iframe>$/);
  await page.getByTestId(testIds.shareCopyEmbed).click();
  await expect(page.getByTestId(testIds.shareDialog).getByRole('status')).toContainText(/Embed code copied|did not allow copying/);
  const src = (/src="([^"]+)"/.exec(code)?.[1] ?? '').replace(/&amp;/g, '&');
  await page.goto(src);
  await expect(page.getByTestId(testIds.stepTitle)).toHaveText(/^Step 4 of 9: /);
  // the playground's address with ?embed=1 lands on the same page
  await page.goto(`${baseURL}/?embed=1&scenario=alpaca-prod&step=2`);
  await expect(page).toHaveURL(/\/embed\.html\?embed=1&scenario=alpaca-prod&step=2$/);
  await expect(page.getByTestId(testIds.stepTitle)).toHaveText(/^Step 2 of 9: /);
  // the narration's language from the address; a value it cannot use is named, not fatal
  // the embed speaks the language the address asks for: the note about an ignored parameter too
  await page.goto(`${baseURL}/embed.html?scenario=alpaca-prod&lang=zh-TW&view=cube`);
  await expect(page.getByTestId(testIds.stepTitle)).toHaveText(/^第 1 \/ 9 步：/);
  await expect(page.getByTestId(testIds.embedMessage)).toHaveText(/網址中被忽略的參數：view=cube/);
});

/**
 * JavaScript before the first graph (issue 8 §7): the simulation worker posts the seed topology, computed at
 * build time by the engine itself, and fetches the engine's chunk afterwards. The journey holds that chunk
 * back: the graph is drawn all the same, and a command typed meanwhile waits for the engine, then answers as
 * always. Embeds (issue 10 §3) draw a built-in scenario's graph from the build's data, and a free-form session's
 * from the first graph its link carries.
 */
import type { BrowserContext } from '@playwright/test';
import { testIds } from '../src/testids';
import { expect, test } from './fixtures/test';
import { TerminalPane } from './pages/TerminalPane';
import { Workbench } from './pages/Workbench';

/** Holds back the scripts matching `pattern` (the engine's chunks) until `release`; `asked` lists each request. */
async function holdBack(context: BrowserContext, pattern: RegExp): Promise<{ asked: string[]; release: () => void }> {
  let release: () => void = () => {};
  const held = new Promise<void>((resolve) => {
    release = resolve;
  });
  const asked: string[] = [];
  await context.route(pattern, async (route) => {
    asked.push(route.request().url());
    await held;
    await route.continue();
  });
  return { asked, release };
}

test('the seed topology is drawn before the engine has loaded; a command typed meanwhile waits for it', async ({ page, context }) => {
  const { asked, release } = await holdBack(context, /\/assets\/engineSide-[^/]+\.js$/);
  const app = new Workbench(page);
  await app.openFresh();
  // the Service, its four nginx pods Running behind it, and the app pod: the graph of the seed after 15 s
  await expect(app.canvas.pods('default/nginx-')).toHaveCount(4);
  await expect(app.canvas.endpointEdges('default', 'nginx', true)).toHaveCount(4);
  // the worker asked for the engine and is still waiting for it
  expect(asked).toHaveLength(1);

  const terminal = new TerminalPane(page);
  await terminal.open();
  await terminal.run('kubectl get deployments');
  await page.waitForTimeout(500);
  expect(await terminal.text()).not.toMatch(/READY/);
  release();
  await terminal.expectText(/nginx\s+4\/4\s+4\s+4/);
});

test("an embed opens a built-in scenario at its step before the engine has loaded, fetching only that step's data", async ({ page, context, baseURL }) => {
  const { asked: engineAsked, release } = await holdBack(context, /\/assets\/(engineSide|terminalParts)-[^/]+\.js$/);
  // every script the page and its worker fetch (a dedicated worker's requests are the page's)
  const scripts: string[] = [];
  page.on('request', (r) => {
    if (/\.js$/.test(new URL(r.url()).pathname)) scripts.push(new URL(r.url()).pathname.replace(/^\/assets\//, ''));
  });
  const origin = new URL(baseURL ?? '').origin;
  await page.goto(`${origin}/embed.html?embed=1&scenario=alpaca-prod&step=3&view=graph`);
  await expect(page.getByTestId(testIds.stepTitle)).toHaveText(/^Step 3 of \d+: /);
  // step 3's cluster (the Service exposed, its pod behind it), drawn while the engine is held back
  await expect(page.locator('[data-testid="rf__node-svc:default/alpaca-prod"]')).toBeVisible();
  await expect(page.locator('[data-testid="rf__node-pod:default/alpaca-prod"]')).toBeVisible();
  expect(engineAsked.length).toBeGreaterThan(0);
  // that step's data, and neither the seed's nor another step's
  expect(scripts.filter((s) => /svcsim-opening-/.test(s))).toEqual([expect.stringMatching(/^_virtual_svcsim-opening-alpaca-prod-step2-/)]);
  expect(scripts.filter((s) => /svcsim-first-graph/.test(s))).toEqual([]);
  release();
  // the engine takes over: the presenter's next step runs there
  await page.getByTestId(testIds.stepNext).click();
  await expect(page.getByTestId(testIds.stepTitle)).toHaveText(/^Step 4 of \d+: /);
});

test("a free-form session's embed code draws the sender's cluster before the engine has loaded, then the engine's own", async ({ page, context, baseURL }) => {
  test.slow(); // a playground, then an embed
  const app = new Workbench(page);
  await app.openFresh();
  const terminal = new TerminalPane(page);
  await terminal.open();
  await terminal.run('kubectl run alpaca-prod --image=gcr.io/kuar-demo/kuard-amd64:blue --port=8080 --labels="app=alpaca"');
  await terminal.expectText('pod/alpaca-prod created');
  await terminal.run('kubectl expose pod alpaca-prod --type=NodePort');
  await terminal.expectText('service/alpaca-prod exposed');
  await expect(app.canvas.node('svc:default/alpaca-prod')).toBeVisible();
  await app.advance(2); // the pod starts and becomes the Service's endpoint
  await expect(page.locator('[data-testid="rf__edge-ep:default/alpaca-prod/alpaca-prod"]')).toHaveCount(1);
  await page.getByTestId(testIds.shareButton).click();
  // the link to share stays short (its QR code scannable); the embed code's carries the first graph
  const link = await page.getByTestId(testIds.shareLink).inputValue();
  await expect(page.getByTestId(testIds.shareQr)).toBeVisible();
  const code = await page.getByTestId(testIds.shareEmbedCode).inputValue();
  const src = (/src="([^"]+)"/.exec(code)?.[1] ?? '').replace(/&amp;/g, '&');
  expect(src).toMatch(/\/embed\.html\?embed=1&view=graph#s=1\./);
  expect(src.length).toBeGreaterThan(link.length);
  expect(new URL(src).hash.length).toBeLessThan(16 * 1024);

  const { asked: engineAsked, release } = await holdBack(context, /\/assets\/(engineSide|terminalParts)-[^/]+\.js$/);
  const embed = await context.newPage();
  expect(new URL(src).origin).toBe(new URL(baseURL ?? '').origin);
  await embed.goto(src);
  // the Service and its pod (an edge between them), the seed's Deployment beside them: drawn from the link alone
  await expect(embed.locator('[data-testid="rf__node-svc:default/alpaca-prod"]')).toBeVisible();
  await expect(embed.locator('[data-testid="rf__node-svc:default/alpaca-prod"]')).toContainText('NodePort');
  await expect(embed.locator('[data-testid="rf__node-pod:default/alpaca-prod"]')).toBeVisible();
  await expect(embed.locator('[data-testid="rf__edge-ep:default/alpaca-prod/alpaca-prod"]')).toHaveCount(1);
  await expect(embed.locator('[data-testid^="rf__node-pod:default/nginx-"]')).toHaveCount(4);
  // a cluster is on screen: no "Starting the cluster…" over it
  await expect(embed.getByTestId(testIds.embedWaiting)).toHaveCount(0);
  expect(engineAsked.length).toBeGreaterThan(0);
  release();
  // the engine replays the link: the same cluster, now live (kube-proxy reports on the node boxes)
  await expect(embed.locator('[data-testid="rf__node-node:kind-worker"]')).toContainText(/kube-proxy iptables/);
  await expect(embed.locator('[data-testid="rf__node-pod:default/alpaca-prod"]')).toBeVisible();
  await expect(embed.locator('[data-testid^="rf__node-pod:default/nginx-"]')).toHaveCount(4);
});

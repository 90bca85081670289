/**
 * JavaScript before the first graph (issue 8 §7): the simulation worker posts the seed topology, computed at
 * build time by the engine itself, and fetches the engine's chunk afterwards. The journey holds that chunk
 * back: the graph is drawn all the same, and a command typed meanwhile waits for the engine, then answers as
 * always.
 */
import { expect, test } from './fixtures/test';
import { TerminalPane } from './pages/TerminalPane';
import { Workbench } from './pages/Workbench';

test('the seed topology is drawn before the engine has loaded; a command typed meanwhile waits for it', async ({ page, context }) => {
  let release: () => void = () => {};
  const held = new Promise<void>((resolve) => {
    release = resolve;
  });
  const asked: string[] = [];
  await context.route(/\/assets\/engineSide-[^/]+\.js$/, async (route) => {
    asked.push(route.request().url());
    await held;
    await route.continue();
  });
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

/**
 * Issue 8 §4, a canvas that does not mislead, legible from a phone to a projector: cordoned nodes read as
 * kubectl says, /ready without a probe tells the truth, replicas are told apart, edges pass no other pod,
 * the layout works at 390, 1024, 1440 and 1920 px (Large text), notices cover nothing, tables fit.
 * With SVCSIM_DOCS_SCREENSHOTS=1 the journeys also write the README's screenshots into docs/.
 */
import type { Locator, Page } from '@playwright/test';
import { expect, test } from './fixtures/test';
import { testIds } from '../src/testids';
import { TerminalPane } from './pages/TerminalPane';
import { Workbench } from './pages/Workbench';

const docs = !!process.env.SVCSIM_DOCS_SCREENSHOTS;
// The journeys whose pictures are the README's open the playground as a newcomer gets it: the clock running at ×1
const shot = (page: Page, name: string) => page.screenshot({ path: docs ? `docs/${name}` : `test-results/${name}` });

/** The element's box lies inside the container's box (nothing clipped off an edge). */
async function expectInside(inner: Locator, outer: Locator): Promise<void> {
  const a = await inner.boundingBox();
  const b = await outer.boundingBox();
  if (!a || !b) throw new Error('not laid out');
  expect(a.x).toBeGreaterThanOrEqual(b.x - 0.5);
  expect(a.x + a.width).toBeLessThanOrEqual(b.x + b.width + 0.5);
  expect(a.y + a.height).toBeLessThanOrEqual(b.y + b.height + 0.5);
}

test.describe('canvas and layout', () => {
  test('a cordoned node reads Ready,SchedulingDisabled with the unschedulable taint, as kubectl shows it', async ({ page }) => {
    const app = new Workbench(page);
    await app.openFresh();
    await app.canvas.select('node:kind-worker');
    await page.getByTestId(testIds.cordon).click();
    await expect(app.canvas.node('node:kind-worker').locator('.node-status')).toHaveText('Ready,SchedulingDisabled');
    await expect(page.getByTestId(testIds.nodeStatus)).toHaveText('Ready,SchedulingDisabled');
    await expect(page.getByTestId(testIds.nodeTaints)).toHaveText('node.kubernetes.io/unschedulable:NoSchedule');
    // one name for powering a node off: Stop node, as `docker stop kind-worker`
    await expect(page.getByTestId(testIds.nodePower)).toHaveText('Stop node');
    const term = new TerminalPane(page);
    await term.open();
    await term.run('kubectl get nodes kind-worker');
    await term.expectText(/kind-worker\s+Ready,SchedulingDisabled\s+<none>/);
    await term.run('kubectl uncordon kind-worker');
    await term.expectText('node/kind-worker uncordoned');
    await expect(page.getByTestId(testIds.nodeTaints)).toHaveText('<none>');
    await expect(app.canvas.node('node:kind-worker').locator('.node-status')).toHaveText('Ready');
  });

  test('/ready on a pod without a readiness probe says the pod stays Ready, and adding a probe rolls one out', async ({ page }) => {
    const app = new Workbench(page);
    await app.openFresh();
    const term = new TerminalPane(page);
    await term.open();
    await term.run('kubectl create deployment kuard --image=gcr.io/kuar-demo/kuard-amd64:blue');
    await term.expectText('deployment.apps/kuard created');
    await term.run('kubectl expose deployment kuard --port=80 --target-port=8080');
    await term.expectText('service/kuard exposed');
    await app.advance(2);
    await expect(app.canvas.endpointEdges('default', 'kuard', true)).toHaveCount(1);
    const first = await app.canvas.podName(app.canvas.pods('default/kuard-').first());
    await app.canvas.select(`pod:default/${first}`);
    await expect(page.getByTestId(testIds.noReadinessProbe)).toContainText('Kubernetes keeps this pod Ready');
    // failing /ready changes nothing without a probe: the endpoint stays ready
    await page.getByTestId(testIds.readyToggle).click();
    await app.advance(2);
    await expect(app.canvas.edge('default', 'kuard', first)).toHaveAttribute('data-ready', 'true');
    await page.getByTestId(testIds.addReadinessProbe).click();
    await app.advance(4);
    await expect(app.canvas.pods('default/kuard-')).toHaveCount(1);
    const probed = await app.canvas.podName(app.canvas.pods('default/kuard-').first());
    expect(probed).not.toBe(first);
    await app.canvas.select(`pod:default/${probed}`);
    await expect(page.getByTestId(testIds.noReadinessProbe)).toHaveCount(0);
    await page.getByTestId(testIds.readyToggle).click();
    await app.advance(2);
    await expect(app.canvas.endpointEdges('default', 'kuard', false)).toHaveCount(1);
  });

  test("replicas show the part of their name that differs; the full name stays the pod's accessible name", async ({ page }) => {
    const app = new Workbench(page);
    await app.openFresh();
    const pods = app.canvas.pods('default/nginx-');
    await expect(pods).toHaveCount(4);
    const shown = new Set<string>();
    for (const pod of await pods.all()) {
      const name = await app.canvas.podName(pod);
      const visible = (await pod.locator('.pod-name [aria-hidden="true"]').textContent()) ?? '';
      expect(visible).toContain('…');
      expect(name.endsWith(visible.split('…')[1])).toBe(true);
      expect(visible.endsWith(name.slice(-5))).toBe(true);
      await expect(pod.locator('.pod-name')).toContainText(name);
      shown.add(visible);
    }
    expect(shown.size).toBe(4);
  });

  test('endpoint edges pass through no pod they do not end at, their port labels on top', async ({ page }) => {
    const app = new Workbench(page);
    await app.openFresh();
    await expect(app.canvas.endpointEdges('default', 'nginx', true)).toHaveCount(4);
    expect(await app.canvas.edgesCrossingPods()).toEqual([]);
    const term = new TerminalPane(page);
    await term.open();
    await term.run('kubectl scale deployment nginx --replicas=9');
    await term.expectText('deployment.apps/nginx scaled');
    await term.run('kubectl create deployment web --image=nginx:1.27 --replicas=5 --port=80');
    await term.run('kubectl expose deployment web --port=8080 --target-port=80');
    await term.expectText('service/web exposed');
    await app.advance(2);
    await expect(app.canvas.endpointEdges('default', 'nginx', true)).toHaveCount(9);
    await expect(app.canvas.endpointEdges('default', 'web', true)).toHaveCount(5);
    await page.getByRole('button', { name: 'Fit View' }).click();
    await page.waitForTimeout(400);
    expect(await app.canvas.edgesCrossingPods()).toEqual([]);
    // the label sits under its Service, covered by no node box
    const label = page.locator('.edge-port').first();
    const box = await label.boundingBox();
    if (!box) throw new Error('no port label');
    const covered = await page.evaluate(
      ({ x, y }) => document.elementsFromPoint(x, y).some((el) => el.closest('.react-flow__node')),
      { x: box.x + box.width / 2, y: box.y + box.height / 2 },
    );
    expect(covered).toBe(false);
  });

  test('1024×768: legible pods, an Inspector whose buttons and values fit, events and endpoints that fit', async ({ page }) => {
    await page.setViewportSize({ width: 1024, height: 768 });
    const app = new Workbench(page);
    await app.openFresh({ clock: 'running' });
    await expect(app.canvas.pods('default/nginx-')).toHaveCount(4);
    await page.waitForTimeout(500);
    expect(await app.canvas.podNamePixels()).toBeGreaterThanOrEqual(9.9);
    const dock = page.getByTestId('dock-panel-inspector');
    await app.canvas.select('svc:default/nginx');
    await expectInside(app.inspector.getByRole('button', { name: 'Add' }), dock);
    // the terminating condition of every endpoint is on screen, not clipped off the panel's edge
    await expectInside(app.page.getByTestId(testIds.endpointsList).locator('tbody td[data-label="terminating"]').last(), dock);
    await shot(page, 'screenshot-1024.png');
    await app.canvas.select('pod:default/app');
    // "default" on one line, not "defau / lt"
    const ns = app.inspector.locator('.facts dd').first();
    await expect(ns).toHaveText('default');
    const lineHeight = await ns.evaluate((el) => Number.parseFloat(getComputedStyle(el).lineHeight) || Number.parseFloat(getComputedStyle(el).fontSize) * 1.4);
    expect((await ns.boundingBox())?.height ?? 99).toBeLessThan(lineHeight * 1.6);
    await page.getByTestId(`${testIds.dockTab}-events`).click();
    const events = page.getByTestId(testIds.events);
    await expect(events.locator('tbody tr').first()).toBeVisible();
    const fits = await events.evaluate((el) => el.scrollWidth <= (el.parentElement?.clientWidth ?? 0));
    expect(fits).toBe(true);
    await expectInside(events.locator('tbody tr td:nth-child(4)').first(), page.getByTestId('dock-panel-events'));
  });

  test('390×844: the panels are tabs, nothing is off screen, and a pod can be inspected', async ({ page }) => {
    await page.setViewportSize({ width: 390, height: 844 });
    const app = new Workbench(page);
    await app.openFresh({ clock: 'running' });
    // at the legible zoom a phone shows part of the cluster, and only what is in view is drawn: the graph holds
    // the seed's five pods, at least one nginx card is on screen
    await expect(app.canvas.pods('default/nginx-').first()).toBeVisible();
    await expect.poll(() => app.canvas.podCount()).toBe(5);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    const tabs = page.getByRole('tablist', { name: 'Panels' });
    await expect(tabs).toBeVisible();
    await expectInside(page.getByRole('banner'), page.getByTestId(testIds.app));
    await page.waitForTimeout(500);
    expect(await app.canvas.podNamePixels()).toBeGreaterThanOrEqual(9.9);
    await shot(page, 'screenshot-390.png');
    await app.canvas.select('pod:default/app');
    await page.getByTestId(`${testIds.narrowTab}-inspector`).click();
    await expect(app.inspector).toContainText('app');
    await expectInside(app.inspector.getByRole('button', { name: 'Add' }), page.getByTestId(testIds.app));
    await page.getByTestId(`${testIds.narrowTab}-terminal`).click();
    const term = new TerminalPane(page);
    await term.run('kubectl get nodes');
    await term.expectText(/kind-worker3\s+Ready/);
  });

  test('Large text scales the whole UI, survives a reload, and the canvas stays legible at 1920×1080', async ({ page }) => {
    // two page loads and the editor's lazy chunk: more than a minute on a busy machine
    test.setTimeout(150_000);
    await page.setViewportSize({ width: 1920, height: 1080 });
    const app = new Workbench(page);
    await app.openFresh({ clock: 'running' });
    await app.canvas.select('svc:default/nginx');
    const title = app.inspector.locator('h2');
    const before = await title.evaluate((el) => Number.parseFloat(getComputedStyle(el).fontSize));
    await page.getByTestId(testIds.largeText).click();
    await expect(page.getByTestId(testIds.largeText)).toHaveAttribute('aria-pressed', 'true');
    const after = await title.evaluate((el) => Number.parseFloat(getComputedStyle(el).fontSize));
    expect(after / before).toBeCloseTo(1.25, 2);
    await page.reload();
    await expect(page.getByTestId(testIds.largeText)).toHaveAttribute('aria-pressed', 'true');
    await expect(app.canvas.pods('default/nginx-')).toHaveCount(4);
    await page.waitForTimeout(500);
    expect(await app.canvas.podNamePixels()).toBeGreaterThanOrEqual(12.4);
    await app.canvas.select('svc:default/nginx');
    await app.editor.ready();
    await shot(page, 'screenshot-1920-large-text.png');
  });

  test('1440×900: an apply notice covers neither the terminal nor the canvas controls, and fades', async ({ page }) => {
    test.setTimeout(120_000);
    const app = new Workbench(page);
    await app.openFresh({ clock: 'running' });
    await expect(app.canvas.pods('default/nginx-')).toHaveCount(4);
    await app.editor.ready();
    await app.editor.apply();
    await expect(app.notice).toBeVisible();
    const notice = await app.notice.boundingBox();
    for (const other of [page.getByTestId('dock-panel-terminal'), page.locator('.react-flow__controls')]) {
      const b = await other.boundingBox();
      if (!notice || !b) throw new Error('not laid out');
      const overlaps = notice.x < b.x + b.width && b.x < notice.x + notice.width && notice.y < b.y + b.height && b.y < notice.y + notice.height;
      expect(overlaps).toBe(false);
    }
    await shot(page, 'screenshot-1440.png');
    if (docs) await shot(page, 'screenshot.png');
    await expect(app.notice).toHaveCount(0, { timeout: 6000 });
    // the problems list keeps what the apply said
    await expect(app.editor.problems).toContainText('unchanged');
  });
});

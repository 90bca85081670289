/**
 * The walking skeleton: the seed topology comes up, the Service has an edge per nginx pod, and deleting a
 * pod removes its edge while the Deployment's ReplicaSet brings a replacement (and a new edge).
 */
import { expect, test } from './fixtures/test';
import { testIds } from '../src/testids';
import { Workbench } from './pages/Workbench';

test('deleting a Deployment pod removes its endpoint edge and a replacement appears', async ({ page }) => {
  const app = new Workbench(page);
  const errors = app.trackErrors();
  await app.openFresh();
  const { canvas } = app;

  await expect(canvas.pods('default/nginx-')).toHaveCount(4);
  await expect(canvas.endpointEdges('default', 'nginx', true)).toHaveCount(4);
  await expect(canvas.node('pod:default/app')).toBeVisible();
  await expect(canvas.node('svc:default/nginx')).toBeVisible();
  await page.screenshot({ path: 'test-results/skeleton-before.png' });

  const before = await canvas.pods('default/nginx-').evaluateAll((cards) => cards.map((c) => c.getAttribute('data-id')));
  const victim = await canvas.podName(canvas.pods('default/nginx-').first());
  await canvas.select(`pod:default/${victim}`);
  await page.getByTestId(testIds.podDelete).click();

  // a terminating pod leaves the ready endpoints at once
  await expect(canvas.edge('default', 'nginx', victim)).toHaveCount(0);
  await app.advance(3);
  await expect(canvas.node(`pod:default/${victim}`)).toHaveCount(0);
  await expect(canvas.pods('default/nginx-')).toHaveCount(4);
  await expect(canvas.endpointEdges('default', 'nginx', true)).toHaveCount(4);
  // the replacement is new to the cluster: its card grows in (as every card did when the page opened)
  const names = await canvas.pods('default/nginx-').evaluateAll((cards) => cards.map((c) => c.getAttribute('data-id')));
  const replacement = names.find((id) => !before.includes(id));
  expect(replacement).toBeDefined();
  await expect(page.locator(`[data-id="${replacement}"] .pod-node`)).toHaveClass(/\bpod-enter\b/);
  await page.screenshot({ path: 'test-results/skeleton-after.png' });
  expect(errors).toEqual([]);
});

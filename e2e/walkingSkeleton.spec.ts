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

  const victim = await canvas.podName(canvas.pods('default/nginx-').first());
  await canvas.select(`pod:default/${victim}`);
  await page.getByTestId(testIds.podDelete).click();

  // a terminating pod leaves the ready endpoints at once
  await expect(canvas.edge('default', 'nginx', victim)).toHaveCount(0);
  await app.advance(3);
  await expect(canvas.node(`pod:default/${victim}`)).toHaveCount(0);
  await expect(canvas.pods('default/nginx-')).toHaveCount(4);
  await expect(canvas.endpointEdges('default', 'nginx', true)).toHaveCount(4);
  await page.screenshot({ path: 'test-results/skeleton-after.png' });
  expect(errors).toEqual([]);
});

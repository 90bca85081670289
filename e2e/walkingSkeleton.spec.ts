/**
 * The walking skeleton: the seed topology comes up, a Service has an endpoint edge per nginx pod, and deleting
 * a pod removes its edge while the Deployment's ReplicaSet brings a replacement (and a new edge).
 */
import { expect, test } from '@playwright/test';
import { Playground } from './pages/Playground';
import { testIds } from '../src/testids';

test('deleting a Deployment pod removes its endpoint edge and a replacement appears', async ({ page }) => {
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
  });
  const app = new Playground(page);
  await app.open();

  // four nginx pods, all Ready, each with an edge from the nginx Service
  await expect(app.pods('default/nginx-')).toHaveCount(4);
  await expect(app.endpointEdges('default', 'nginx')).toHaveCount(4);
  await expect(page.locator('[data-testid^="rf__edge-ep:default/nginx/"][data-ready="true"]')).toHaveCount(4);
  await expect(app.graphNode('pod:default/app')).toBeVisible();
  await expect(app.graphNode('svc:default/nginx')).toBeVisible();
  await page.screenshot({ path: 'test-results/skeleton-before.png' });

  const first = app.pods('default/nginx-').first();
  const victimId = (await first.getAttribute('data-testid'))?.replace('rf__node-pod:default/', '') ?? '';
  await first.click();
  await page.getByTestId(testIds.podDelete).click();

  // the endpoint is dropped at once: terminating pods leave the ready set
  await expect(page.getByTestId(`rf__edge-ep:default/nginx/${victimId}`)).toHaveCount(0);
  // after some virtual time the replacement runs and the Service has four endpoints again
  await app.advance(3);
  await expect(app.graphNode(`pod:default/${victimId}`)).toHaveCount(0);
  await expect(app.pods('default/nginx-')).toHaveCount(4);
  await expect(page.locator('[data-testid^="rf__edge-ep:default/nginx/"][data-ready="true"]')).toHaveCount(4);
  await page.screenshot({ path: 'test-results/skeleton-after.png' });
  expect(errors).toEqual([]);
});

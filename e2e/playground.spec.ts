/**
 * Journeys through the playground (issue: the playground UI §6). Each one acts as a user would and checks
 * what the canvas, the inspector and the editor say, not pixels.
 */
import { expect, test } from './fixtures/test';
import { testIds } from '../src/testids';
import { badNodePort, fixedNodePort, kuardDeployment } from './fixtures/manifests';
import { Workbench } from './pages/Workbench';

test.describe('playground', () => {
  test('an invalid manifest is marked at its line and changes nothing; the fixed one applies', async ({ page }) => {
    const app = new Workbench(page);
    await app.openFresh();
    await expect(app.canvas.pods('default/nginx-')).toHaveCount(4);
    await app.editor.setText(`${kuardDeployment}---\n${badNodePort}`);
    await app.editor.apply();
    // the Service is rejected with the apiserver's message, pointing at the nodePort line (13 + 26 lines before)
    const problem = app.editor.problems.locator('.problem-error');
    await expect(problem).toContainText(
      'The Service "alpaca-prod" is invalid: spec.ports[0].nodePort: Invalid value: 40000: provided port is not in the valid range. The range of valid ports is 30000-32767',
    );
    await expect(problem.locator('.problem-pos')).toHaveText('39:17');
    // the problem jumps to its line (in a short editor, line 39 is below the fold), where the marker is drawn
    await problem.click();
    await expect(app.editor.errorMarkers.first()).toBeAttached();
    await expect(app.canvas.node('svc:default/alpaca-prod')).toHaveCount(0);
    await page.screenshot({ path: 'test-results/editor-error.png' });

    // fix it by hand: select the bad port and type a valid one
    // Monaco re-renders the lines it scrolls into view: let the error reveal settle before aiming at the word
    const badPort = app.editor.root.locator('.view-lines span', { hasText: /^40000$/ });
    await badPort.scrollIntoViewIfNeeded();
    await page.waitForTimeout(300);
    await badPort.dblclick();
    await page.keyboard.type('30306');
    await expect(app.editor.root.locator('.view-lines')).toContainText('nodePort:\u00a030306');
    await page.keyboard.press('ControlOrMeta+Enter');
    await expect(app.editor.problems).toContainText('service/alpaca-prod created');
    await expect(app.editor.problems).toContainText('deployment.apps/alpaca-prod unchanged');
    await expect(app.canvas.node('svc:default/alpaca-prod')).toBeVisible();
    await app.advance(2);
    await expect(app.canvas.pods('default/alpaca-prod-')).toHaveCount(2);
    await expect(app.canvas.endpointEdges('default', 'alpaca-prod', true)).toHaveCount(2);
  });

  test('relabelling a pod takes it out of its Service and back', async ({ page }) => {
    const app = new Workbench(page);
    await app.openFresh();
    await expect(app.canvas.endpointEdges('default', 'nginx', true)).toHaveCount(4);
    const pod = await app.canvas.podName(app.canvas.pods('default/nginx-').first());
    await app.canvas.select(`pod:default/${pod}`);
    await app.inspector.locator('[data-label="app=nginx"] .chip-remove').click();
    await expect(app.canvas.edge('default', 'nginx', pod)).toHaveCount(0);
    // the ReplicaSet lost it too and made a replacement
    await app.canvas.select('svc:default/nginx');
    await expect(app.page.getByTestId(testIds.endpointsList)).not.toContainText(pod);
    await app.canvas.select(`pod:default/${pod}`);
    await app.page.getByTestId(testIds.labelAdd).fill('app=nginx');
    await app.page.getByTestId(testIds.labelAdd).press('Enter');
    await expect(app.canvas.edge('default', 'nginx', pod)).toHaveCount(1);
    await app.canvas.select('svc:default/nginx');
    await expect(app.page.getByTestId(testIds.endpointsList)).toContainText(pod);
  });

  test('a kuard pod failing /ready turns its edge dashed, then solid again', async ({ page }) => {
    const app = new Workbench(page);
    await app.openFresh();
    await app.editor.setText(`${kuardDeployment}---\n${fixedNodePort}`);
    await app.editor.apply();
    await app.advance(2);
    await expect(app.canvas.endpointEdges('default', 'alpaca-prod', true)).toHaveCount(2);
    const pod = await app.canvas.podName(app.canvas.pods('default/alpaca-prod-').first());
    await app.canvas.select(`pod:default/${pod}`);
    await app.page.getByTestId(testIds.readyToggle).click();
    await app.advance(1);
    await expect(app.canvas.edge('default', 'alpaca-prod', pod)).toHaveAttribute('data-ready', 'false');
    await expect(app.canvas.node(`pod:default/${pod}`).locator('.pod-node')).toHaveAttribute('data-state', 'notready');
    await page.screenshot({ path: 'test-results/not-ready.png' });
    await app.inspector.getByRole('button', { name: 'Make /ready pass' }).click();
    await app.advance(1);
    await expect(app.canvas.edge('default', 'alpaca-prod', pod)).toHaveAttribute('data-ready', 'true');
  });

  test('a stopped node loses its pods after the toleration and they come back elsewhere', async ({ page }) => {
    const app = new Workbench(page);
    await app.openFresh();
    await expect(app.canvas.endpointEdges('default', 'nginx', true)).toHaveCount(4);
    const node = 'kind-worker';
    const before = await app.canvas.node(`node:${node}`).page().locator(`[data-testid^="rf__node-pod:default/nginx-"]`).count();
    expect(before).toBe(4);
    await app.canvas.select(`node:${node}`);
    await app.page.getByTestId(testIds.nodePower).click();
    await app.advance(6); // past the node monitor grace period: NotReady, pods not ready
    await expect(app.canvas.node(`node:${node}`).locator('.node-box')).toHaveClass(/node-down/);
    await app.advanceMinutes(2); // past the 300 s not-ready/unreachable toleration: evicted and replaced
    await app.advance(3);
    await expect(app.canvas.endpointEdges('default', 'nginx', true)).toHaveCount(4);
    await page.screenshot({ path: 'test-results/node-stopped.png' });
  });

  test('a Deployment scales and rolls out a new image from its badge, endpoints following the new pods', async ({ page }) => {
    const app = new Workbench(page);
    await app.openFresh();
    await expect(app.canvas.endpointEdges('default', 'nginx', true)).toHaveCount(4);
    const before = await app.canvas.pods('default/nginx-').evaluateAll((els) => els.map((e) => e.getAttribute('data-testid')));
    await app.canvas.pods('default/nginx-').first().locator('.deploy-badge').click();
    await expect(app.inspector).toContainText('Deployment nginx');
    await app.inspector.getByRole('button', { name: 'Scale up' }).click();
    await app.advance(2);
    await expect(app.canvas.endpointEdges('default', 'nginx', true)).toHaveCount(5);
    await page.getByTestId(testIds.rolloutImage).fill('nginx:1.28');
    await app.inspector.getByRole('button', { name: 'Roll out' }).click();
    await app.advance(6);
    // every pod was replaced by one of the new ReplicaSet, and the Service points at exactly those
    await expect(app.canvas.pods('default/nginx-')).toHaveCount(5);
    await expect(app.canvas.endpointEdges('default', 'nginx', true)).toHaveCount(5);
    const after = await app.canvas.pods('default/nginx-').evaluateAll((els) => els.map((e) => e.getAttribute('data-testid')));
    expect(after.filter((id) => before.includes(id))).toEqual([]);
    await expect(app.inspector).toContainText('Up-to-date5');
  });

  test('a dragged node box stays where the user put it while pods come and go', async ({ page }) => {
    const app = new Workbench(page);
    await app.openFresh();
    await expect(app.canvas.endpointEdges('default', 'nginx', true)).toHaveCount(4);
    const box = app.canvas.node('node:kind-worker3');
    const header = box.locator('.node-header');
    const start = await header.boundingBox();
    if (!start) throw new Error('no node box');
    await page.mouse.move(start.x + 20, start.y + 8);
    await page.mouse.down();
    await page.mouse.move(start.x + 120, start.y + 68, { steps: 8 });
    await page.mouse.up();
    const moved = await box.getAttribute('style');
    // a pod elsewhere goes and its replacement comes: the dragged box does not jump back
    const pod = await app.canvas.podName(app.canvas.pods('default/nginx-').first());
    await app.canvas.select(`pod:default/${pod}`);
    await page.getByTestId(testIds.podDeleteNow).click();
    await app.advance(2);
    await expect(app.canvas.endpointEdges('default', 'nginx', true)).toHaveCount(4);
    expect(await box.getAttribute('style')).toBe(moved);
    const end = await header.boundingBox();
    expect(Math.round((end?.x ?? 0) - start.x)).toBeGreaterThan(50);
  });

  test('a reload restores the editor text and the cluster', async ({ page }) => {
    const app = new Workbench(page);
    await app.openFresh();
    await app.editor.setText(`${kuardDeployment}---\n${fixedNodePort}`);
    await app.editor.apply();
    await app.advance(2);
    await expect(app.canvas.pods('default/alpaca-prod-')).toHaveCount(2);
    const names = await app.canvas.pods('default/alpaca-prod-').evaluateAll((els) => els.map((e) => e.getAttribute('data-testid')));
    await page.waitForTimeout(400); // the autosave debounce
    await page.reload();
    await expect(app.canvas.pods('default/alpaca-prod-')).toHaveCount(2);
    const after = await app.canvas.pods('default/alpaca-prod-').evaluateAll((els) => els.map((e) => e.getAttribute('data-testid')));
    expect(after).toEqual(names);
    await app.editor.ready();
    expect(await app.editor.visibleText()).toContain('image: gcr.io/kuar-demo/kuard-amd64:blue');
  });

  test('a crashed worker is replaced and the cluster rebuilt, with a notice', async ({ page }) => {
    const app = new Workbench(page);
    await app.openFresh();
    await expect(app.canvas.endpointEdges('default', 'nginx', true)).toHaveCount(4);
    const names = await app.canvas.pods('default/nginx-').evaluateAll((els) => els.map((e) => e.getAttribute('data-testid')));
    await page.evaluate(() => window.svcsim?.crashWorker());
    await expect(app.notice).toContainText('The simulation restarted');
    await expect(app.canvas.pods('default/nginx-')).toHaveCount(4);
    const after = await app.canvas.pods('default/nginx-').evaluateAll((els) => els.map((e) => e.getAttribute('data-testid')));
    expect(after).toEqual(names);
  });

  test('editing a pod through "Edit object" gets the apiserver\'s Forbidden for an immutable field', async ({ page }) => {
    const app = new Workbench(page);
    await app.openFresh();
    await expect(app.canvas.pods('default/nginx-')).toHaveCount(4);
    const pod = await app.canvas.podName(app.canvas.pods('default/nginx-').first());
    await app.canvas.select(`pod:default/${pod}`);
    await page.getByTestId(testIds.editObject).click();
    await expect.poll(() => app.editor.fullText()).toContain(`name: ${pod}`);
    const live = await app.editor.fullText();
    expect(live).toContain('containerPort: 80');
    await app.editor.setText(live.replace('containerPort: 80', 'containerPort: 8081'));
    await app.editor.apply();
    // pkg/apis/core/validation ValidatePodUpdate, 1.34 wording
    await expect(app.editor.problems).toContainText(
      `The Pod "${pod}" is invalid: spec: Forbidden: pod updates may not change fields other than \`spec.containers[*].image\``,
    );
    await expect(app.editor.problems).toContainText('ContainerPort: 8081');
    // a label change on the same object is allowed
    await app.editor.setText(live.replace('app: nginx', 'app: nginx\n    tier: web'));
    await app.editor.apply();
    await expect(app.editor.problems).toContainText(`pod/${pod} configured`);
  });

  test('the editor validates against the Kubernetes schema as you type', async ({ page }) => {
    const app = new Workbench(page);
    await app.openFresh();
    await app.editor.setText('apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\nspec:\n  replicas: many\n');
    // monaco-yaml with the schema generated from the v1.34 OpenAPI (replicas is an int32 `integer` there)
    await expect(app.editor.problems.locator('.problem-source', { hasText: 'schema' }).first()).toBeVisible();
    await expect(app.editor.problems).toContainText('6:13schemaIncorrect type. Expected "integer".');
    await expect(app.editor.problems).toContainText('Missing property "selector".');
  });

  test('the editor completes Kubernetes fields from the schema', async ({ page }) => {
    const app = new Workbench(page);
    await app.openFresh();
    await app.editor.setText('apiVersion: v1\nkind: Service\nmetadata:\n  name: web\nspec:\n  ');
    await app.editor.root.locator('.view-lines').click();
    await page.keyboard.press('ControlOrMeta+End');
    await page.keyboard.press('Control+Space');
    // monaco-yaml suggests the ServiceSpec fields the generated schema knows
    const suggest = app.editor.root.locator('.suggest-widget');
    await expect(suggest).toBeVisible();
    await expect(suggest).toContainText('clusterIP');
    await page.keyboard.type('se');
    await expect(suggest).toContainText('selector');
    await expect(suggest).toContainText('sessionAffinity');
  });
});

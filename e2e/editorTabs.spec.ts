/**
 * Nothing the user typed is thrown away (issue 8 §5) and Kubernetes' own strictness (§6): `kubectl edit` opens
 * the object in its own editor tab while the manifests keep their text and undo history; Reset asks first and
 * then restores everything it names; an unknown field is refused on Apply with the apiserver's own message
 * (kubernetes/apiserver pkg/endpoints/handlers/rest.go transformDecodeError, apimachinery pkg/runtime/error.go).
 */
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { testIds } from '../src/testids';
import { expect, test } from './fixtures/test';
import { TerminalPane } from './pages/TerminalPane';
import { Workbench } from './pages/Workbench';

/** Serious or critical axe-core violations inside `selector`. */
async function axeViolations(page: Page, selector: string): Promise<string[]> {
  const r = await new AxeBuilder({ page }).include(selector).analyze();
  return r.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(" ")).join(", ")})`);
}

test.describe('editor tabs and reset', () => {
  test('kubectl edit opens its own tab; the manifests keep typed text and Ctrl+Z still works there', async ({ page }) => {
    // two editor tabs, a terminal, an apply and a reload: more than the default minute on a shared machine
    test.slow();
    const app = new Workbench(page);
    await app.openFresh();
    await app.editor.ready();
    await app.editor.typeKeysOnNewLastLine('# typed before the edit');
    expect(await app.editor.fullText()).toContain('# typed before the edit');

    const term = new TerminalPane(page);
    await term.open();
    await term.run('kubectl edit svc nginx');
    await term.expectText('Opened in the editor');
    await expect(app.editor.tab('service/nginx')).toHaveAttribute('aria-current', 'page');
    await expect.poll(() => app.editor.fullText()).toContain('name: nginx');
    expect(await app.editor.fullText()).not.toContain('# typed before the edit');

    // an edit in the object tab marks it unapplied; the manifests are untouched
    await app.editor.typeKeysOnNewLastLine('# object tab note');
    await expect(app.editor.tab('service/nginx').getByTestId(testIds.editorTabDirty)).toBeVisible();
    expect(await axeViolations(page, `[data-testid="${testIds.editorTabs}"]`)).toEqual([]);

    await app.editor.showTab('manifests.yaml');
    const manifests = await app.editor.fullText();
    expect(manifests).toContain('# typed before the edit');
    expect(manifests).not.toContain('# object tab note');
    // the manifests' own undo history: the typed line goes away key by key
    await app.editor.undo(3);
    await expect.poll(() => app.editor.fullText()).not.toContain('# typed before the edit');

    // back in the object tab, its text is still there; Apply applies that object
    await app.editor.showTab('service/nginx');
    expect(await app.editor.fullText()).toContain('# object tab note');
    await app.editor.apply();
    await expect(app.editor.problems).toContainText('service/nginx configured');
    await expect(app.editor.tab('service/nginx').getByTestId(testIds.editorTabDirty)).toHaveCount(0);

    // tabs survive a reload
    await page.reload();
    await expect(app.editor.tab('service/nginx')).toBeVisible();
    await app.editor.ready();
  });

  test('Reset asks first, then restores the cluster, the default manifests, the tabs and the layout', async ({ page }) => {
    const app = new Workbench(page);
    await app.openFresh();
    await app.editor.ready();
    const defaultText = await app.editor.fullText();
    await app.editor.typeKeysOnNewLastLine('# mine');
    await app.canvas.select('svc:default/nginx');
    await page.getByTestId(testIds.editObject).click();
    await expect(app.editor.tab('service/nginx')).toBeVisible();

    const box = app.canvas.node('node:kind-worker3');
    const header = box.locator('.node-header');
    const start = await header.boundingBox();
    if (!start) throw new Error('no node box');
    await page.mouse.move(start.x + 20, start.y + 8);
    await page.mouse.down();
    await page.mouse.move(start.x + 140, start.y + 80, { steps: 8 });
    await page.mouse.up();
    const dragged = await box.getAttribute('style');

    // Cancel (and Escape) change nothing
    await app.askReset();
    await expect(app.resetDialog).toContainText('the cluster goes back to the seed topology');
    await expect(app.resetDialog).toContainText('the open object tab is closed');
    expect(await axeViolations(page, `[data-testid="${testIds.resetDialog}"]`)).toEqual([]);
    await page.keyboard.press('Escape');
    await expect(app.resetDialog).toHaveCount(0);
    await expect(app.editor.tab('service/nginx')).toBeVisible();

    await app.askReset();
    await app.confirmReset();
    await expect(app.editor.tabs).toHaveCount(1);
    await expect.poll(() => app.editor.fullText()).toBe(defaultText);
    await expect.poll(() => box.getAttribute('style')).not.toBe(dragged);
    await expect(app.canvas.root.locator('.is-selected')).toHaveCount(0);
  });
});

test.describe('strict field validation', () => {
  // the known monaco-yaml completion TypeError while typing (see input.spec.ts)
  test.use({ expectedErrors: [/monaco-yaml yaml\.completion\.error TypeError/] });

  test('Apply refuses an unknown field with the apiserver\'s strict decoding error, at its line', async ({ page }) => {
    const app = new Workbench(page);
    await app.openFresh();
    await app.editor.setText('apiVersion: v1\nkind: Service\nmetadata:\n  name: typo\nspec:\n  selector:\n    app: nginx\n  ports:\n  - port: 80');
    await app.editor.typeManifestAtEnd('    tragetPort: 8080');
    await app.editor.apply();
    await expect(app.editor.problems).toContainText(
      'Error from server (BadRequest): Service in version "v1" cannot be handled as a Service: strict decoding error: unknown field "spec.ports[0].tragetPort"',
    );
    // the problem points at the line of the field the apiserver refused (10); the schema's warning stays
    await expect(app.editor.problems.locator('li', { hasText: 'strict decoding error' })).toContainText('10:');
    await expect(app.editor.problems).toContainText('Property tragetPort is not allowed');
    await expect(app.canvas.node('svc:default/typo')).toHaveCount(0);
  });

  // kubectl converts YAML to JSON with sigs.k8s.io/yaml's non-strict Unmarshal (apimachinery pkg/util/yaml
  // decoder.go), so a key given twice keeps its last value and the apiserver never sees the duplicate
  // (kubernetes/kubernetes#125885); the editor's YAML checker still marks it
  test('Apply keeps the last value of a key typed twice, as kubectl does, and the checker marks the key', async ({ page }) => {
    const app = new Workbench(page);
    await app.openFresh();
    await app.editor.setText('apiVersion: v1\nkind: Service\nmetadata:\n  name: twice\nspec:\n  selector:\n    app: nginx\n  ports:\n  - port: 80');
    await app.editor.typeManifestAtEnd('    port: 8081');
    await expect(app.editor.problems).toContainText('Map keys must be unique; kubectl keeps the last value');
    await app.editor.apply();
    await expect(app.editor.problems).toContainText('service/twice created');
    await expect(app.canvas.node('svc:default/twice')).toHaveCount(1);
    const terminal = new TerminalPane(page);
    await terminal.open();
    await terminal.run("kubectl get svc twice -o jsonpath='{.spec.ports[0].port}'");
    await terminal.expectText(/\n8081/);
  });
});

/**
 * Hostile input stays harmless (issue "Solid ground" §3): control sequences from a cluster object are shown,
 * never obeyed, by the terminal; an alias bomb and deep nesting are YAML errors at their lines and the schema
 * checker keeps working; a 10,000-document apply is summed up in one notice. Every journey also runs under the
 * Content-Security-Policy check of fixtures/test.ts.
 */
import { billionLaughs } from '../src/kubectl/testdata/billionLaughs';
import { expect, test } from './fixtures/test';
import { deepService, hostileAnnotationService, manyNamespaces } from './fixtures/hostile';
import { TerminalPane } from './pages/TerminalPane';
import { Workbench } from './pages/Workbench';

test.describe('hostile input', () => {
  test.describe.configure({ timeout: 180_000 });

  test('an annotation full of escape sequences is shown as text, not obeyed', async ({ page }) => {
    const app = new Workbench(page);
    await app.openFresh();
    await app.editor.setText(hostileAnnotationService);
    await app.editor.apply();
    await expect(app.editor.problems).toContainText('service/hostile created');

    const term = new TerminalPane(page);
    await term.open();
    await term.run('kubectl get svc hostile');
    await term.expectText(/^hostile\s+ClusterIP/m);
    // jsonpath prints the raw value (as kubectl does); the terminal shows every control character
    await term.run('kubectl get svc hostile -o jsonpath={.metadata.annotations.note}');
    await term.expectText('^[[2J^[[31mred^[]8;;https://evil.example/^Gclick^[]8;;^G^Gbell');
    // describe escapes ESC itself (kubectl's PrefixWriter); the BELs it lets through are shown by the terminal
    await term.run('kubectl describe svc hostile');
    await term.expectText(/^Annotations:\s+note: \^\[\[2J\^\[\[31mred\^\[\]8;;https:\/\/evil\.example\/\^Gclick\^\[\]8;;\^G\^Gbell$/m);

    const text = await term.text();
    // nothing cleared the screen: the banner and the first command's output are still there
    expect(text).toContain('svcsim terminal — kubectl v1.34');
    expect(text).toMatch(/^hostile\s+ClusterIP/m);
    // no red text and no link; the prompt's own bold green (xterm's DOM renderer: bright green, class 10) renders
    await expect(term.active.locator('.xterm-rows').locator('.xterm-fg-1, .xterm-fg-9')).toHaveCount(0);
    await expect(term.active.locator('.xterm-rows').locator('.xterm-fg-2, .xterm-fg-10').first()).toBeAttached();
    await term.active.locator('.xterm-rows > div', { hasText: 'evil.example' }).first().hover({ force: true });
    await expect(term.active.locator('.xterm a, .xterm [href], .xterm-rows [class*="underline"]')).toHaveCount(0);
  });

  test('an alias bomb is a YAML error at its line, and the schema checker keeps working', async ({ page }) => {
    const app = new Workbench(page);
    await app.openFresh();
    await app.editor.setText(billionLaughs);
    await app.editor.apply();
    const problem = app.editor.problems.locator('.problem-error');
    await expect(problem).toContainText('document contains excessive aliasing');
    await expect(problem.locator('.problem-pos')).toHaveText('8:22');
    await expect(app.editor.errorMarkers.first()).toBeAttached();
    // the schema checker never saw it: only the apply's problem is listed
    await expect(app.editor.problems.locator('.problem-source', { hasText: 'schema' })).toHaveCount(0);

    // a manifest with a schema error afterwards still gets monaco-yaml's markers
    await app.editor.setText('apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\nspec:\n  replicas: many\n');
    // (the language service compiles the Kubernetes schema on first use: slow on a busy machine)
    await expect(app.editor.problems).toContainText('6:13schemaIncorrect type. Expected "integer".', { timeout: 60_000 });
  });

  test('nesting 10,000 deep is a YAML error at its line, not a stack overflow', async ({ page }) => {
    const app = new Workbench(page);
    await app.openFresh();
    await app.editor.setText(deepService);
    await app.editor.apply();
    const problem = app.editor.problems.locator('.problem-error');
    await expect(problem).toContainText('exceeded max depth of 100');
    await expect(problem.locator('.problem-pos')).toHaveText('5:107');
    await expect(app.editor.problems).not.toContainText('Maximum call stack');
  });

  test('a 10,000-document apply is summed up in one notice, failures listed', async ({ page }) => {
    const app = new Workbench(page);
    await app.openFresh();
    await app.editor.setText(manyNamespaces(10_000, [17, 9_000]));
    await app.editor.apply();
    await expect(app.notice).toContainText('10,000 objects: 9,998 created, 2 failed', { timeout: 90_000 });
    await expect(app.editor.problems.locator('.problem-error')).toHaveCount(2);
    await expect(app.editor.problems.locator('.problem-error').first()).toContainText('The Namespace "Bad_17" is invalid');
    await expect(app.editor.problems.locator('.problem-ok')).toHaveText('10,000 objects: 9,998 created, 2 failed');
    // the page still answers: the canvas is there and a terminal command runs
    const term = new TerminalPane(page);
    await term.open();
    await term.run('kubectl get ns ns-9999');
    await term.expectText(/^ns-9999\s+Active/m);
  });
});

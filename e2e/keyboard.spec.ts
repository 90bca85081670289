/**
 * Keyboard and accessibility (issue 8 §3), with real key presses: Tab from the top of the page reaches the
 * canvas, Enter selects a pod, the Inspector opens and Delete deletes it; the terminal and the editor let focus
 * go with the keys the `?` list documents; axe finds no serious or critical violation in either theme, fresh,
 * with a pod selected, with the shortcuts dialog open and with the terminal in use.
 */
import type { Page } from '@playwright/test';
import { axeProblems } from './fixtures/accessibility';
import { expect, test } from './fixtures/test';
import { TerminalPane } from './pages/TerminalPane';
import { Workbench } from './pages/Workbench';

/** `data-id` of the focused canvas element, or the focused element's tag. */
const focusedId = (page: Page) => page.evaluate(() => (document.activeElement as HTMLElement | null)?.dataset?.id ?? document.activeElement?.tagName ?? '');
const focusInside = (page: Page, selector: string) => page.evaluate((sel) => !!document.activeElement?.closest(sel), selector);

test.describe('keyboard', () => {
  test('Tab from the page start reaches the canvas; Enter selects a pod, the Inspector opens, Delete deletes it', async ({ page }) => {
    const app = new Workbench(page);
    await app.openFresh();
    await expect(app.canvas.endpointEdges('default', 'nginx', true)).toHaveCount(4);
    await page.keyboard.press('Tab');
    await expect(page.getByRole('button', { name: 'Skip to the canvas' })).toBeFocused();
    await page.keyboard.press('Enter');
    await expect.poll(() => focusInside(page, '.react-flow__node')).toBe(true);
    // Tab walks the canvas elements until the `app` pod has focus
    for (let i = 0; i < 20 && (await focusedId(page)) !== 'pod:default/app'; i++) await page.keyboard.press('Tab');
    expect(await focusedId(page)).toBe('pod:default/app');
    await expect(app.canvas.node('pod:default/app')).toBeFocused();
    await page.keyboard.press('Enter');
    await expect(app.inspector).toBeVisible();
    await expect(app.inspector).toContainText('app');
    await expect(app.inspector.getByRole('button', { name: /^Delete/ }).first()).toBeVisible();
    await page.keyboard.press('Delete');
    // paused: the pod is Terminating for its grace period (as `kubectl delete` leaves it), then gone
    await expect(app.canvas.node('pod:default/app').locator('.pod-status')).toHaveText('Terminating');
    // Space selects too: a Service
    await app.canvas.node('svc:default/nginx').focus();
    await page.keyboard.press('Space');
    await expect(app.inspector).toContainText('nginx');
    await expect(app.inspector).toContainText('ClusterIP');
  });

  test('the terminal and the editor let focus go with the documented keys; digits focus the panels', async ({ page }) => {
    const app = new Workbench(page);
    await app.openFresh();
    const term = new TerminalPane(page);
    await term.open();
    // `3` focuses the terminal; Tab on a typed line completes and keeps focus
    await page.locator('body').click({ position: { x: 1, y: 1 } });
    await page.keyboard.press('3');
    await expect.poll(() => focusInside(page, '.terminal-host')).toBe(true);
    await page.keyboard.type('kubectl desc');
    await page.keyboard.press('Tab');
    await term.expectText('$ kubectl describe');
    expect(await focusInside(page, '.terminal-host')).toBe(true);
    // Shift+Tab leaves
    await page.keyboard.press('Shift+Tab');
    await expect.poll(() => focusInside(page, '.terminal-host')).toBe(false);
    // Escape then Tab leaves too, with text on the line
    await page.keyboard.press('3');
    await expect.poll(() => focusInside(page, '.terminal-host')).toBe(true);
    await page.keyboard.press('Escape');
    await page.keyboard.press('Tab');
    await expect.poll(() => focusInside(page, '.terminal-host')).toBe(false);
    // the line was not completed by that Tab
    await expect.poll(() => term.text()).toMatch(/\$ kubectl describe $/m);
    // `1` focuses the editor; Tab indents there until Ctrl+M makes it move focus (Monaco's tab focus mode)
    await app.editor.ready();
    await page.keyboard.press('1');
    await expect.poll(() => focusInside(page, '.monaco-editor')).toBe(true);
    const text = await app.editor.fullText();
    await page.keyboard.press('Tab');
    expect(await focusInside(page, '.monaco-editor')).toBe(true);
    await expect.poll(() => app.editor.fullText()).not.toBe(text);
    await page.keyboard.press('Control+Z');
    await expect.poll(() => app.editor.fullText()).toBe(text);
    await page.keyboard.press('Control+M');
    await page.keyboard.press('Tab');
    await expect.poll(() => focusInside(page, '.monaco-editor')).toBe(false);
    expect(await app.editor.fullText()).toBe(text);
    // `4` and `5`: the side dock's tabs
    await page.keyboard.press('5');
    await expect(page.getByRole('tab', { name: 'Events' })).toBeFocused();
    await expect(page.getByRole('tab', { name: 'Events' })).toHaveAttribute('aria-selected', 'true');
    await page.keyboard.press('4');
    await expect(page.getByRole('tab', { name: 'Inspector' })).toBeFocused();
    // `?` lists every one of these, and Escape closes the list and gives focus back
    await page.keyboard.press('?');
    const dialog = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
    await expect(dialog).toBeVisible();
    for (const documented of ['Play or pause the clock', 'Step', 'Focus the terminal', 'Ctrl + M', 'Escape then Tab', 'Enter or Space']) {
      await expect(dialog).toContainText(documented);
    }
    await expect(dialog.getByRole('button', { name: 'Close' })).toBeFocused();
    await page.keyboard.press('Escape');
    await expect(dialog).toBeHidden();
    await expect(page.getByRole('tab', { name: 'Inspector' })).toBeFocused();
  });
});

test.describe('accessibility', () => {
  test.use({ colorScheme: 'light' });

  test('axe finds no serious or critical violation in either theme: fresh, pod selected, dialog open, terminal in use', async ({ page }) => {
    // eight full-page axe runs: each takes a second or more on a loaded machine
    test.setTimeout(180_000);
    const app = new Workbench(page);
    await app.openFresh();
    await expect(app.canvas.endpointEdges('default', 'nginx', true)).toHaveCount(4);
    await app.editor.ready();
    const term = new TerminalPane(page);
    const problems: string[] = [];
    for (const theme of ['light', 'dark'] as const) {
      if (theme === 'dark') {
        // a light OS, Dark picked in the app: system → light → dark
        await page.getByTestId('theme').click();
        await page.getByTestId('theme').click();
        await expect(page.getByTestId('theme')).toHaveText('Theme: dark');
        await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
        // React Flow's zoom controls and minimap follow the app's theme, not the OS's
        await expect(page.locator('.react-flow')).toHaveClass(/\bdark\b/);
        const controlBg = await page.locator('.react-flow__controls-button').first().evaluate((e) => getComputedStyle(e).backgroundColor);
        expect(controlBg).not.toBe('rgb(254, 254, 254)');
        expect(controlBg).not.toBe('rgb(255, 255, 255)');
      }
      await page.locator('body').click({ position: { x: 1, y: 1 } });
      await page.keyboard.press('Escape');
      problems.push(...(await axeProblems(page, `${theme}, fresh`)));
      await app.canvas.node('pod:default/app').focus();
      await page.keyboard.press('Enter');
      await expect(app.inspector).toContainText('app');
      problems.push(...(await axeProblems(page, `${theme}, pod selected`)));
      await page.keyboard.press('Escape');
      await page.keyboard.press('?');
      await expect(page.getByRole('dialog', { name: 'Keyboard shortcuts' })).toBeVisible();
      problems.push(...(await axeProblems(page, `${theme}, shortcuts dialog`)));
      await page.keyboard.press('Escape');
      await term.open();
      await term.run('kubectl get pods');
      await term.expectText(/NAME\s+READY\s+STATUS/);
      problems.push(...(await axeProblems(page, `${theme}, terminal in use`)));
    }
    expect(problems).toEqual([]);
  });
});

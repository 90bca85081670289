/**
 * The playground's clock (issue 8 §2): a fresh playground runs at ×1, so `kubectl run` reaches Running with no
 * button pressed; Pause says "Paused" in words and time stands still (across a reload too); Step moves to the
 * next change the canvas shows, one per press.
 */
import type { Locator } from '@playwright/test';
import { expect, test } from './fixtures/test';
import { TerminalPane } from './pages/TerminalPane';
import { Workbench } from './pages/Workbench';

/** What the canvas shows of the pods matching `prefix`: each pod's state, status, READY and IP. */
async function shownPods(pods: Locator): Promise<string> {
  return pods.evaluateAll((els) => els.map((e) => `${e.getAttribute('data-testid')} ${e.querySelector('[data-state]')?.getAttribute('data-state')} ${e.textContent}`).sort().join('\n'));
}

test.describe('clock', () => {
  test('a fresh playground runs at ×1: a pod from kubectl run becomes Running without pressing anything', async ({ page }) => {
    const app = new Workbench(page);
    await app.openFresh({ clock: 'running' });
    await expect(app.clockState).toHaveText('Clock running at ×1');
    await expect(page.getByRole('button', { name: 'Pause' })).toBeVisible();
    const term = new TerminalPane(page);
    await term.open();
    await term.run('kubectl run web --image=nginx:1.27');
    await term.expectText('pod/web created');
    // ContainerCreating first, then Running on its own as virtual time follows real time
    await expect(app.canvas.node('pod:default/web').locator('.pod-status')).toHaveText('Running', { timeout: 30_000 });
    await term.run('kubectl get pod web');
    await term.expectText(/web\s+1\/1\s+Running\s+0\s+\d+s/);
  });

  test('Pause says "Paused" and the clock stands still, across a reload; p plays again', async ({ page }) => {
    const app = new Workbench(page);
    await app.openFresh({ clock: 'running' });
    const first = await app.clock.textContent();
    await expect(app.clock).not.toHaveText(first ?? '');
    await page.getByRole('button', { name: 'Pause' }).click();
    await expect(app.clockState).toHaveText('❚❚ Paused');
    await expect(app.clockState).toBeVisible();
    await expect(page.getByRole('status').filter({ hasText: 'Paused' })).toBeVisible();
    // a tick the worker sent before it heard Pause may still be drawn: read the clock once it has settled
    let stopped: string | null = null;
    await expect
      .poll(async () => {
        const before = await app.clock.textContent();
        await page.waitForTimeout(300);
        stopped = await app.clock.textContent();
        return before === stopped;
      })
      .toBe(true);
    await page.waitForTimeout(2500);
    await expect(app.clock).toHaveText(stopped ?? '');
    // a pause is remembered: the reloaded page replays the session and stays still
    await page.reload();
    await expect(app.clockState).toHaveText('❚❚ Paused');
    await expect(app.clock).toHaveText(stopped ?? '');
    await page.waitForTimeout(1500);
    await expect(app.clock).toHaveText(stopped ?? '');
    // the shortcut, pressed outside any text field
    await page.locator('body').click({ position: { x: 1, y: 1 } });
    await page.keyboard.press('p');
    await expect(app.clockState).toHaveText('Clock running at ×1');
    await expect(app.clock).not.toHaveText(stopped ?? '');
    await expect(page.getByRole('button', { name: 'Pause' })).toBeVisible();
  });

  test('Step moves to the next visible change: five presses, five changes, then "nothing in the next hour"', async ({ page }) => {
    const app = new Workbench(page);
    await app.openFresh();
    await expect(app.clockState).toHaveText('❚❚ Paused');
    const term = new TerminalPane(page);
    await term.open();
    await term.run('kubectl create deployment web --image=nginx:1.27 --replicas=5');
    await term.expectText('deployment.apps/web created');
    const pods = app.canvas.pods('default/web-');
    await expect(pods).toHaveCount(5);
    await expect(pods.locator('.pod-status', { hasText: 'Running' })).toHaveCount(0);
    for (let press = 1; press <= 5; press++) {
      const before = await shownPods(pods);
      if (press % 2) await page.getByTestId('step').click();
      else {
        await page.locator('body').click({ position: { x: 1, y: 1 } });
        await page.keyboard.press('.');
      }
      await expect.poll(() => shownPods(pods), { message: `press ${press} changed nothing on the canvas` }).not.toBe(before);
      await expect(pods.locator('.pod-status', { hasText: 'Running' })).toHaveCount(press);
      // some presses move the clock by a few milliseconds: what changes is a pod, not the shown second
    }
    await expect(app.clockState).toHaveText('❚❚ Paused');
    const settled = await shownPods(pods);
    await page.getByTestId('step').click();
    await expect(app.notice).toContainText('nothing visible happens in the next hour');
    expect(await shownPods(pods)).toBe(settled);
  });
});

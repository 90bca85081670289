/**
 * Long commands and poison recovery (issue "Solid ground"): `sleep 1000000h` typed in the terminal runs in
 * slices with progress and stops at Ctrl+C as in bash; a command that never finished (the page was reloaded
 * while it ran, or it hung the worker) is skipped when the session is rebuilt, and the notice names it.
 */
import { expect, test } from '@playwright/test';
import { testIds } from '../src/testids';
import { TerminalPane } from './pages/TerminalPane';
import { Workbench } from './pages/Workbench';

test.describe('long commands', () => {
  // each journey reloads the page at least once and rebuilds the cluster by replay: give a loaded machine room
  test.describe.configure({ timeout: 120_000 });

  test('sleep 1000000h shows progress, Ctrl+C stops it, and the terminal carries on', async ({ page }) => {
    const app = new Workbench(page);
    const errors = app.trackErrors();
    await app.openFresh();
    await expect(app.canvas.endpointEdges('default', 'nginx', true)).toHaveCount(4);
    const term = new TerminalPane(page);
    await term.open();
    // a pod that keeps crashing is real change every few minutes of virtual time: a long sleep has work to do
    // (on a quiet cluster it would be over at once, since quiet probes cost nothing)
    await term.run("kubectl run crash --image=busybox:1.36 -- sh -c 'exit 1'");
    await term.expectText('pod/crash created');
    const clock = page.getByTestId(testIds.clock);
    const before = await clock.textContent();
    await term.run('sleep 1000000h');
    const progress = page.getByTestId(testIds.workProgress);
    await expect(progress).toContainText(/sleep 1000000h — [\d.]+% of virtual time/);
    // virtual time moves while it sleeps, and the canvas keeps following the cluster
    await expect(clock).not.toHaveText(before ?? '');
    await term.press('Control+C');
    await expect(progress).toBeHidden();
    // bash: ^C, then a fresh prompt
    await term.expectText(/\$ sleep 1000000h\n\^C\n\$ $/);
    const stoppedAt = await clock.textContent();
    await term.run('kubectl get pods');
    await term.expectText(/NAME\s+READY\s+STATUS\s+RESTARTS\s+AGE/);
    await term.expectText(/^nginx-\S+\s+1\/1\s+Running\s+0\s+\S+$/m);
    // the interrupted sleep is replayed exactly as far as it got
    await page.reload();
    await expect(app.canvas.endpointEdges('default', 'nginx', true)).toHaveCount(4);
    await expect(clock).toHaveText(stoppedAt ?? '');
    await expect(app.notice).toBeHidden();
    expect(errors).toEqual([]);
  });

  test('Stop in the progress bar interrupts the sleep; Ctrl+C ends kubectl wait, which prints nothing more', async ({ page }) => {
    const app = new Workbench(page);
    await app.openFresh();
    const term = new TerminalPane(page);
    await term.open();
    // a pod that keeps crashing is real change every few minutes of virtual time: a long sleep has work to do
    // (on a quiet cluster it would be over at once, since quiet probes cost nothing)
    await term.run("kubectl run crash --image=busybox:1.36 -- sh -c 'exit 1'");
    await term.expectText('pod/crash created');
    await term.run('sleep 1000000h');
    await expect(page.getByTestId(testIds.workProgress)).toBeVisible();
    await page.getByTestId(testIds.workStop).click();
    await expect(page.getByTestId(testIds.workProgress)).toBeHidden();
    await term.run('echo back');
    await term.expectText(/^back$/m);
    // kubectl wait blocks in its watch until Ctrl+C kills it. Not a negative timeout (a week): with one pod
    // crash-looping, a week of virtual time is over in about a second and the wait could time out first.
    await term.run('kubectl wait --for=delete service/nginx --timeout=1000000h');
    await expect(page.getByTestId(testIds.workProgress)).toContainText('kubectl wait --for=delete service/nginx --timeout=1000000h');
    await term.press('Control+C');
    await expect(page.getByTestId(testIds.workProgress)).toBeHidden();
    await term.expectText(/\$ kubectl wait --for=delete service\/nginx --timeout=1000000h\n\^C\n\$ $/);
  });

  test('a reload while a sleep runs: the page comes back without it, and says so', async ({ page }) => {
    const app = new Workbench(page);
    await app.openFresh();
    await expect(app.canvas.endpointEdges('default', 'nginx', true)).toHaveCount(4);
    const term = new TerminalPane(page);
    await term.open();
    await term.run('kubectl create deployment web --image=nginx:1.27 --replicas=2');
    await term.expectText('deployment.apps/web created');
    // a pod that keeps crashing is real change every few minutes of virtual time: a long sleep has work to do
    // (on a quiet cluster it would be over at once, since quiet probes cost nothing)
    await term.run("kubectl run crash --image=busybox:1.36 -- sh -c 'exit 1'");
    await term.expectText('pod/crash created');
    await term.run('sleep 1000000h');
    await expect(page.getByTestId(testIds.workProgress)).toBeVisible();
    await page.reload();
    await expect(app.notice).toContainText('skipped (it never finished): sleep 1000000h');
    // the rest of the session is intact: the seed topology and the deployment typed before the sleep
    await expect(app.canvas.endpointEdges('default', 'nginx', true)).toHaveCount(4);
    await expect(app.canvas.pods('default/web-')).toHaveCount(2);
    await expect(page.getByTestId(testIds.workProgress)).toBeHidden();
    await term.open();
    await term.run('kubectl get deployments');
    await term.expectText(/^web\s+\d\/2\s+2\s+\d\s+\S+$/m);
    // and the next reload does not mention it again
    await page.reload();
    await expect(app.canvas.pods('default/web-')).toHaveCount(2);
    await expect(app.notice).toBeHidden();
  });

  test('a worker that stops answering is replaced, without the command that hung it', async ({ page }) => {
    const app = new Workbench(page);
    await app.openFresh();
    await expect(app.canvas.endpointEdges('default', 'nginx', true)).toHaveCount(4);
    await page.evaluate(() => window.svcsim?.hangWorker());
    await expect(app.notice).toContainText('The simulation restarted (the simulation stopped answering)', { timeout: 40_000 });
    await expect(app.notice).toContainText('skipped (it never finished): hang');
    await expect(app.canvas.endpointEdges('default', 'nginx', true)).toHaveCount(4);
    const term = new TerminalPane(page);
    await term.open();
    await term.run('kubectl get svc nginx');
    await term.expectText(/^nginx\s+ClusterIP\s+10\.\S+/m);
  });
});

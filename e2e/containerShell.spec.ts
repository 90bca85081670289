/**
 * An interactive shell in a pod from the browser terminal: `kubectl exec -it POD -- sh` prompts as busybox's
 * ash does for root (`/ # `, its default PS1 `\w \$ `, busybox shell/ash.c), each line runs in the container
 * (DNS through the pod's resolv.conf, HTTP through kube-proxy's rules), `exit` gives the terminal back. The
 * shell outlives a reload: the lines were logged and replayed, and the new terminal asks for its prompt. Ctrl+D
 * on an empty line ends it as `exit` does. A `for` loop typed over several lines prompts with PS2 (`> `, the
 * default of every shell) until `done`.
 */
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures/test';
import { testIds } from '../src/testids';
import { TerminalPane } from './pages/TerminalPane';
import { Workbench } from './pages/Workbench';

/** A fresh playground with its Terminal tab open; the page's errors are collected. */
async function openTerminal(page: Page): Promise<{ errors: string[]; term: TerminalPane }> {
  const app = new Workbench(page);
  const errors = app.trackErrors();
  await app.openFresh();
  const term = new TerminalPane(page);
  await term.open();
  return { errors, term };
}

test('kubectl exec -it app -- sh: a busybox prompt, lines run in the pod, a reload keeps it, exit leaves', async ({ page }) => {
  test.setTimeout(120_000);
  const { errors, term } = await openTerminal(page);
  await term.run('kubectl exec -it app -- sh');
  await expect.poll(() => term.text()).toMatch(/\n\/ # $/);
  await term.run('nslookup nginx');
  await term.expectText(/\/ # nslookup nginx\nServer:\s+10\.96\.0\.10\nAddress:\s+10\.96\.0\.10:53\n\nName:\s+nginx\.default\.svc\.cluster\.local\nAddress: 10\.\d+\.\d+\.\d+\n/);
  await term.run('wget -qO- nginx | grep title');
  await term.expectText('/ # wget -qO- nginx | grep title\n<title>Welcome to nginx!</title>\n/ # ');
  // Tab completes kubectl words at the terminal's own prompt, never inside the container's shell
  await term.active.locator('.xterm-screen').click();
  await page.keyboard.type('kubectl ge');
  await page.keyboard.press('Tab');
  await page.keyboard.press('Control+C');
  await term.expectText('/ # kubectl ge^C\n/ # ');
  await term.run('env | grep NGINX_SERVICE_HOST');
  await term.expectText(/NGINX_SERVICE_HOST=10\.\d+\.\d+\.\d+\n\/ # $/);
  await page.screenshot({ path: 'test-results/container-shell.png' });

  await page.reload();
  await term.open();
  await expect.poll(() => term.text()).toMatch(/\n\/ # $/);
  await term.run('hostname');
  await term.expectText('/ # hostname\napp\n/ # ');
  // Ctrl+D on the empty line ends the shell's input, as `exit` does
  await term.press('Control+D');
  await expect.poll(() => term.text()).toMatch(/\/ # exit\n\$ $/);
  await term.run('kubectl get pod app -o name');
  await term.expectText('$ kubectl get pod app -o name\npod/app\n$ ');
  expect(errors).toEqual([]);
});

// kubectl pkg/cmd/run/run.go and pkg/cmd/attach/attach.go: the canonical debugging pod of the "Debug Services" page
test('kubectl run -it --rm: a throwaway busybox shell in a new pod, deleted on exit', async ({ page }) => {
  test.setTimeout(120_000);
  const { errors, term } = await openTerminal(page);
  await term.run('kubectl run -it --rm --restart=Never debug --image=busybox:1.36 -- sh');
  await expect.poll(() => term.text(), { timeout: 30_000 }).toMatch(/--image=busybox:1\.36 -- sh\nAll commands and output from this session will be recorded in container logs, including credentials and sensitive information passed through the command prompt\.\nIf you don't see a command prompt, try pressing enter\.\n\/ # $/);
  await term.run('nslookup nginx.default.svc.cluster.local');
  await term.expectText(/Name:\s+nginx\.default\.svc\.cluster\.local\nAddress: 10\.\d+\.\d+\.\d+\n/);
  // a for loop typed over three lines: the shell prompts with PS2 (`> `) until `done`, then runs it
  await term.run('for i in $(seq 3); do');
  await expect.poll(() => term.text()).toMatch(/\/ # for i in \$\(seq 3\); do\n> $/);
  await term.run('echo "try $i: $(wget -qO- nginx | grep -c title)"');
  await term.run('done');
  await term.expectText('> done\ntry 1: 1\ntry 2: 1\ntry 3: 1\n/ # ');
  // a sleep in a loop moves virtual time round by round
  await term.run('for i in 1 2; do echo tick $i; sleep 5; done; echo done');
  await term.expectText('/ # for i in 1 2; do echo tick $i; sleep 5; done; echo done\ntick 1\ntick 2\ndone\n/ # ');
  // if over two lines, arithmetic and date
  await term.run('if nslookup nope >/dev/null 2>&1; then echo found; else');
  await term.run('echo "missing $((6 * 7)) $(date +%Y)"; fi');
  await term.expectText('> echo "missing $((6 * 7)) $(date +%Y)"; fi\nmissing 42 2026\n/ # ');
  await term.run('exit');
  await term.expectText('/ # exit\npod "debug" deleted from default namespace\n$ ');
  await page.screenshot({ path: 'test-results/container-shell-run.png' });
  expect(errors).toEqual([]);
});

test("the Inspector's Shell and Logs type kubectl exec -it POD -n NS -- sh and kubectl logs -f POD -n NS into the terminal", async ({ page }) => {
  test.setTimeout(120_000);
  const app = new Workbench(page);
  const errors = app.trackErrors();
  await app.openFresh();
  await app.canvas.select('pod:default/app');
  await page.getByTestId(testIds.podShell).click();
  const term = new TerminalPane(page);
  await expect.poll(() => term.text(), { timeout: 15_000 }).toMatch(/\$ kubectl exec -it app -n default -- sh\n\/ # $/);
  // the caret is in the terminal: typing goes to the pod's shell
  await page.keyboard.type('hostname');
  await page.keyboard.press('Enter');
  await term.expectText('/ # hostname\napp\n/ # ');
  await page.keyboard.type('exit');
  await page.keyboard.press('Enter');
  // Logs types kubectl logs -f POD -n NS the same way: a pod whose command loops logs a line a second
  await term.run(`kubectl run ticker --image=busybox:1.36 -- sh -c 'i=0; while true; do echo tick $i; i=$((i+1)); sleep 1; done'`);
  await term.expectText('pod/ticker created');
  await app.advance(3);
  await app.canvas.select('pod:default/ticker');
  await page.getByTestId(testIds.podLogs).click();
  await term.expectText(/\$ kubectl logs -f ticker -n default\ntick 0\ntick 1\n/);
  await page.screenshot({ path: 'test-results/inspector-logs.png' });
  expect(errors).toEqual([]);
});

// Closing a terminal tab hangs up what runs in it, as closing a terminal window does: the pod's shell loses its
// input. Before, the worker kept the shell attached to that session id, and after a reload the next new tab
// (which reuses the id) opened at the container's prompt.
test('closing a terminal tab ends the shell in it: a new tab after a reload gets the host prompt', async ({ page }) => {
  test.setTimeout(120_000);
  const { errors, term } = await openTerminal(page);
  await term.newTab();
  await term.run('kubectl exec -it app -- sh');
  await expect.poll(() => term.text()).toMatch(/\n\/ # $/);
  await page.getByRole('button', { name: 'Close terminal 2' }).click();
  await expect(page.getByTestId('terminal-tab-2')).toHaveCount(0);
  await page.reload();
  await term.open();
  await term.newTab();
  await expect.poll(() => term.text()).toMatch(/\$ $/);
  await term.run('kubectl get pod app -o name');
  await term.expectText('$ kubectl get pod app -o name\npod/app\n$ ');
  expect(errors).toEqual([]);
});

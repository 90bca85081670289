/**
 * The kubeconfig's namespace in the browser, as a learner following the docs' "Configure Access to Multiple
 * Clusters" / namespace walkthroughs uses it: `kubectl config set-context --current --namespace=dev` (kubectl
 * v0.34.0 pkg/cmd/config/set_context.go) makes `dev` the namespace of every later command without `-n` — the pod
 * `kubectl run` makes lands in `dev` on the canvas and `kubectl get pods` lists it — in every terminal tab (one
 * `~/.kube/config` per machine), and after a reload, because the config line is logged and replayed like any
 * other command. The prompt stays bash's `$ `.
 */
import { expect, test } from './fixtures/test';
import { TerminalPane } from './pages/TerminalPane';
import { Workbench } from './pages/Workbench';

test('set-context --namespace makes dev the default namespace in every tab and across a reload', async ({ page }) => {
  test.setTimeout(120_000);
  const app = new Workbench(page);
  const errors = app.trackErrors();
  await app.openFresh();
  const term = new TerminalPane(page);
  await term.open();

  await term.run('kubectl create namespace dev');
  await term.expectText('namespace/dev created\n$ ');
  await term.run('kubectl config set-context --current --namespace=dev');
  await term.expectText('Context "kind-kind" modified.\n$ ');
  await term.run('kubectl run web --image=nginx');
  await term.expectText('pod/web created\n$ ');
  await expect(page.getByTestId('rf__node-pod:dev/web')).toBeVisible();
  await expect(page.getByTestId('rf__node-pod:default/web')).toHaveCount(0);
  await term.run('kubectl get pods');
  await term.expectText(/\$ kubectl get pods\nNAME {3}READY {3}STATUS {2,}RESTARTS {3}AGE\nweb {4}[01]\/1 {5}\S+ +0 {10}\d+s\n\$ $/);
  await term.run('kubectl config get-contexts');
  await term.expectText(/\n\* {9}kind-kind {3}kind-kind {3}kind-kind {3}dev\n\$ $/);

  // a second tab reads the same kubeconfig
  await term.newTab();
  await expect(term.active.locator('.xterm-rows')).toBeVisible();
  await term.run('kubectl get pods -o name');
  await term.expectText('$ kubectl get pods -o name\npod/web\n$ ');
  await term.run('kubectl get pod web -n default');
  await term.expectText('$ kubectl get pod web -n default\nError from server (NotFound): pods "web" not found\n$ ');

  // the config line was logged: a reload replays it
  await page.reload();
  await term.open();
  await term.run("kubectl config view --minify -o jsonpath='{..namespace}'");
  await term.expectText("$ kubectl config view --minify -o jsonpath='{..namespace}'\ndev$ ");
  await term.run('kubectl get pod web -o name');
  await term.expectText('$ kubectl get pod web -o name\npod/web\n$ ');
  await page.screenshot({ path: 'test-results/kubeconfig-namespace.png' });
  expect(errors).toEqual([]);
});

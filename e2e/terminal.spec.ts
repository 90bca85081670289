/**
 * The terminal journeys (issue: kubectl, exactly §2 and §4): the seed note's commands typed into the browser
 * terminal print what kubectl prints; a watch in one tab keeps updating while another tab deletes the pod;
 * Tab completes; kubectl explain prints the API documentation, its schemas fetched on first use.
 */
import { expect, test } from './fixtures/test';
import { TerminalPane } from './pages/TerminalPane';
import { Workbench } from './pages/Workbench';

test.describe('terminal', () => {
  test('runs the seed walk-through commands', async ({ page }) => {
    const app = new Workbench(page);
    await app.openFresh();
    const term = new TerminalPane(page);
    await term.open();
    await term.run('kubectl run alpaca-prod --image=gcr.io/kuar-demo/kuard-amd64:blue --port=8000 --labels="ver=1,app=alpaca,env=prod"');
    await term.expectText('pod/alpaca-prod created');
    await term.run('kubectl expose pod alpaca-prod');
    await term.expectText('service/alpaca-prod exposed');
    await term.run('kubectl get services -o wide');
    // kubectl get svc -o wide columns (printers.go printService): NAME TYPE CLUSTER-IP EXTERNAL-IP PORT(S) AGE SELECTOR
    await term.expectText(/NAME\s+TYPE\s+CLUSTER-IP\s+EXTERNAL-IP\s+PORT\(S\)\s+AGE\s+SELECTOR/);
    await term.expectText(/alpaca-prod\s+ClusterIP\s+10\.\d+\.\d+\.\d+\s+<none>\s+8000\/TCP\s+\d+s\s+app=alpaca,env=prod,ver=1/);
    await term.run('sleep 20s');
    await term.run('kubectl describe svc alpaca-prod');
    await term.expectText(/Selector:\s+app=alpaca,env=prod,ver=1/);
    await term.expectText(/Endpoints:\s+10\.244\.\d+\.\d+:8000/);
    await expect(app.canvas.node('svc:default/alpaca-prod')).toBeVisible();
    await expect(app.canvas.endpointEdges('default', 'alpaca-prod', true)).toHaveCount(1);
    await term.run("ALPACA_POD=$(kubectl get pods -l app=alpaca -o jsonpath='{.items[0].metadata.name}')");
    await term.run('echo $ALPACA_POD');
    await term.expectText(/^alpaca-prod$/m);
    await term.run('kubectl port-forward $ALPACA_POD 48858:8080');
    await term.expectText('Forwarding from 127.0.0.1:48858 -> 8080');
    await term.press('Control+C');
    await term.run('kubectl exec alpaca-prod -- env');
    await term.expectText('HOSTNAME=alpaca-prod');
    await term.expectText(/^KUBERNETES_SERVICE_HOST=10\.96\.0\.1$/m);
    // kubectl edit in the browser opens the live object in the editor
    await term.run('kubectl edit service alpaca-prod');
    await term.expectText('Opened in the editor');
    await expect.poll(() => app.editor.fullText()).toContain('name: alpaca-prod');
    await term.run('kubectl get pods,services -l app');
    await term.expectText(/^pod\/alpaca-prod\s+1\/1\s+Running/m);
    await term.expectText(/^service\/alpaca-prod\s+ClusterIP/m);
    await term.run('kubectl delete services,deployments,pods -l app');
    await term.expectText('service "alpaca-prod" deleted from default namespace');
    await term.expectText('pod "alpaca-prod" deleted from default namespace');
    await expect(app.canvas.node('svc:default/alpaca-prod')).toHaveCount(0);
    await page.screenshot({ path: 'test-results/terminal-seed.png' });
  });

  test('a watch in one tab updates while another tab deletes and re-creates the pod', async ({ page }) => {
    const app = new Workbench(page);
    await app.openFresh();
    const term = new TerminalPane(page);
    await term.open();
    await term.run('kubectl run alpaca-prod --image=gcr.io/kuar-demo/kuard-amd64:blue --port=8000 --labels="ver=1,app=alpaca,env=prod"');
    await term.run('kubectl expose pod alpaca-prod');
    await term.run('sleep 20s');
    await term.run('kubectl get endpoints alpaca-prod --watch');
    await term.expectText(/alpaca-prod\s+10\.244\.\d+\.\d+:8000/);
    await term.newTab();
    await term.run('kubectl delete pods alpaca-prod');
    await term.expectText('pod "alpaca-prod" deleted from default namespace');
    await term.run('kubectl run alpaca-prod --image=gcr.io/kuar-demo/kuard-amd64:blue --port=8000 --labels="ver=1,app=alpaca,env=prod"');
    await term.run('sleep 20s');
    await term.tab(1);
    // the watch printed <none> when the pod went away, then the new pod's address
    await term.expectText(/alpaca-prod\s+<none>/);
    const lines = (await term.text()).split('\n').filter((l) => /^alpaca-prod\s/.test(l));
    expect(lines.length).toBeGreaterThanOrEqual(3);
    expect(lines[lines.length - 1]).toMatch(/10\.244\.\d+\.\d+:8000/);
    expect(lines[lines.length - 1]).not.toEqual(lines[0]);
    await page.screenshot({ path: 'test-results/terminal-watch.png' });
    await term.press('Control+C');
    await term.expectText('^C');
  });

  test('Tab completes verbs, resource types and names; ↑ recalls history', async ({ page }) => {
    const app = new Workbench(page);
    await app.openFresh();
    const term = new TerminalPane(page);
    await term.open();
    await term.active.locator('.xterm-screen').click();
    await page.keyboard.type('kubectl desc');
    await page.keyboard.press('Tab');
    await page.keyboard.type('svc ngi');
    await page.keyboard.press('Tab');
    await term.expectText('$ kubectl describe svc nginx');
    await page.keyboard.press('Enter');
    await term.expectText(/Name:\s+nginx/);
    await page.keyboard.press('ArrowUp');
    await term.expectText(/\$ kubectl describe svc nginx\s*$/m);
  });

  test('kubectl explain prints a field’s documentation in kubectl 1.34’s layout, then completes field paths', async ({ page }) => {
    const app = new Workbench(page);
    await app.openFresh();
    const term = new TerminalPane(page);
    await term.open();
    // the OpenAPI schemas are a chunk of their own: the first explain waits for them. Their text is client-node's
    // 1.34 models', which have no enum lists: no ENUM lines (a real apiserver lists ClusterIP, ExternalName...)
    await term.run('kubectl explain svc.spec.type');
    await term.expectText(/KIND: {7}Service\nVERSION: {4}v1\n\nFIELD: type <string>\n\n\nDESCRIPTION:\n {4}type determines how the Service is exposed\. Defaults to ClusterIP\. Valid\n/);
    await term.expectText('    https://kubernetes.io/docs/concepts/services-networking/service/#publishing-services-service-types');
    await term.active.locator('.xterm-screen').click();
    await page.keyboard.type('kubectl explain deploy.spec.strat');
    await page.keyboard.press('Tab');
    await term.expectText('$ kubectl explain deploy.spec.strategy');
  });
});

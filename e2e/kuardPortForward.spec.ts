/**
 * The seed's kuard walk-through (issue 9 §5): `kubectl run alpaca-prod …`, `kubectl expose`, then
 * `kubectl port-forward $ALPACA_POD 48858:8080` typed as the seed types it. A "localhost:48858" tab appears;
 * kuard's DNS Query page answers `alpaca-prod` with the Service's ClusterIP as miekg/dns prints it
 * (kubernetes-up-and-running/kuard `pkg/dnsapi/api.go`), and the forward's terminal prints `Handling connection
 * for 48858` (kubernetes/client-go `tools/portforward/portforward.go`). A kuard with a readinessProbe, failed
 * from its Readiness page, leaves the Service's endpoints on the canvas. The DNS view shows the search walk.
 */
import { expect } from '@playwright/test';
import { test } from './fixtures/test';
import { LocalhostTab } from './pages/LocalhostTab';
import { TerminalPane } from './pages/TerminalPane';
import { Workbench } from './pages/Workbench';
import { testIds } from '../src/testids';

test.describe('kuard through kubectl port-forward', () => {
  test("the seed's port-forward opens a localhost:48858 tab: DNS query for alpaca-prod, then readiness flipped off and on", async ({ page }) => {
    // a long walk typed key by key on a shared 2-core machine
    test.setTimeout(240_000);
    const app = new Workbench(page);
    await app.openFresh();
    const term = new TerminalPane(page);
    await term.open();
    await term.run('kubectl run alpaca-prod --image=gcr.io/kuar-demo/kuard-amd64:blue --port=8000 --labels="ver=1,app=alpaca,env=prod"');
    await term.expectText('pod/alpaca-prod created');
    await term.run('kubectl expose pod alpaca-prod');
    await term.expectText('service/alpaca-prod exposed');
    await app.advance(3);
    await term.run("ALPACA_POD=$(kubectl get pods -l app=alpaca -o jsonpath='{.items[0].metadata.name}')");
    await term.run('kubectl get svc alpaca-prod -o jsonpath={.spec.clusterIP}');
    await term.expectText(/10\.\d+\.\d+\.\d+/);
    const clusterIP = /(10\.\d+\.\d+\.\d+)/.exec((await term.text()).split('jsonpath={.spec.clusterIP}')[1] ?? '')?.[1] ?? '';
    expect(clusterIP).toMatch(/^10\./);
    await term.run('kubectl port-forward $ALPACA_POD 48858:8080');
    await term.expectText('Forwarding from 127.0.0.1:48858 -> 8080');

    const kuard = new LocalhostTab(page);
    await kuard.show(48858);
    await expect(kuard.hostname).toHaveText('alpaca-prod');
    await expect(kuard.view.getByText('Client addr:')).toBeVisible();
    await kuard.dnsQuery('A', 'alpaca-prod');
    await expect(kuard.dnsResult).toContainText(';; flags: qr aa rd; QUERY: 1, ANSWER: 1, AUTHORITY: 0, ADDITIONAL: 0');
    await expect(kuard.dnsResult).toContainText(new RegExp(`alpaca-prod\\.default\\.svc\\.cluster\\.local\\.\\s+30\\s+IN\\s+A\\s+${clusterIP.replaceAll('.', '\\.')}`));
    await page.screenshot({ path: 'test-results/kuard-dns-1440.png' });

    // the seed's pod declares no readinessProbe: kuard says so, and failing /ready changes nothing
    await kuard.nav('readiness');
    await expect(kuard.probeNote).toContainText('declares no readinessProbe');

    // a second kuard behind the same Service with a readinessProbe, forwarded from a second terminal
    await term.open();
    await term.newTab();
    await term.run(
      'kubectl run alpaca-ready --image=gcr.io/kuar-demo/kuard-amd64:blue --labels="ver=1,app=alpaca,env=prod" --overrides=\'{"spec":{"containers":[{"name":"alpaca-ready","image":"gcr.io/kuar-demo/kuard-amd64:blue","readinessProbe":{"httpGet":{"path":"/ready","port":8080},"periodSeconds":2}}]}}\'',
    );
    await term.expectText('pod/alpaca-ready created');
    await app.advance(3);
    await expect(app.canvas.endpointEdges('default', 'alpaca-prod', true)).toHaveCount(2);
    await term.open();
    await term.run('kubectl port-forward alpaca-ready 48859:8080');
    await term.expectText('Forwarding from 127.0.0.1:48859 -> 8080');
    await kuard.show(48859);
    await kuard.nav('readiness');
    await expect(kuard.probeNote).toContainText('declares a readinessProbe');
    await kuard.failProbe();
    await expect(kuard.probeStatus).toHaveText('Probe will permanently fail');
    await app.advance(1);
    await expect(app.canvas.edge('default', 'alpaca-prod', 'alpaca-ready')).toHaveAttribute('data-ready', 'false');
    await expect(app.canvas.edge('default', 'alpaca-prod', 'alpaca-prod')).toHaveAttribute('data-ready', 'true');
    await page.screenshot({ path: 'test-results/kuard-readiness-1440.png' });
    await kuard.succeedProbe();
    await expect(kuard.probeStatus).toHaveText('Probe will permanently succeed');
    await app.advance(1);
    await expect(app.canvas.edge('default', 'alpaca-prod', 'alpaca-ready')).toHaveAttribute('data-ready', 'true');
    // the forward's terminal printed a line for each connection the tab made
    await term.expectText('Handling connection for 48859');

    // the DNS view: the search walk from the pod's resolv.conf, NXDOMAIN for each miss
    await kuard.openDnsView();
    await kuard.dnsViewQuery('default/alpaca-prod', 'alpaca-prod.default.svc.cluster.local', 'A');
    await expect(kuard.dnsTried).toHaveCount(4);
    await expect(kuard.dnsTried.nth(0)).toContainText('NXDOMAIN');
    await expect(kuard.dnsTried.nth(3)).toContainText('NOERROR');
    await expect(kuard.dnsAnswer).toContainText(clusterIP);
    await page.screenshot({ path: 'test-results/dns-view-1440.png' });
    // on a phone the layout is rebuilt with new terminals: closing a terminal stops its port-forward, as it
    // would on your machine, so the forward is typed again
    await page.setViewportSize({ width: 390, height: 844 });
    await page.getByTestId(`${testIds.narrowTab}-terminal`).click();
    await term.open();
    await term.run('kubectl port-forward alpaca-prod 48858:8080');
    await term.expectText('Forwarding from 127.0.0.1:48858 -> 8080');
    await kuard.show(48858);
    await kuard.dnsQuery('A', 'alpaca-prod');
    await expect(kuard.dnsResult).toContainText(clusterIP);
    await page.screenshot({ path: 'test-results/kuard-dns-390.png', fullPage: true });
  });
});

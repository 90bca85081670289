/**
 * Issue 9 §1 and §4 in the browser: a fresh kind-like cluster lists its kube-system pods (static control-plane
 * pods, kube-proxy and kindnet per node, CoreDNS, local-path-provisioner), and the playground's busybox `app`
 * pod resolves the `nginx` Service with busybox's nslookup (search domains tried one by one, NXDOMAIN for the
 * others — mirror/busybox `networking/nslookup.c`).
 */
import { expect, test } from './fixtures/test';
import { TerminalPane } from './pages/TerminalPane';
import { Workbench } from './pages/Workbench';

test.describe('kube-system and cluster DNS', () => {
  test('get pods -A shows kind\'s system pods and nslookup in the app pod answers from CoreDNS', async ({ page }) => {
    const app = new Workbench(page);
    await app.openFresh();
    const term = new TerminalPane(page);
    await term.open();
    await term.run('kubectl get pods -A');
    await term.expectText(/^kube-system\s+etcd-kind-control-plane\s+1\/1\s+Running/m);
    await term.expectText(/^kube-system\s+kube-apiserver-kind-control-plane\s+1\/1\s+Running/m);
    await term.expectText(/^kube-system\s+kube-proxy-[b-df-hj-np-tv-z2-9]{5}\s+1\/1\s+Running/m);
    await term.expectText(/^kube-system\s+kindnet-[b-df-hj-np-tv-z2-9]{5}\s+1\/1\s+Running/m);
    await term.expectText(/^kube-system\s+coredns-[0-9a-f]+-[b-df-hj-np-tv-z2-9]{5}\s+1\/1\s+Running/m);
    await term.expectText(/^local-path-storage\s+local-path-provisioner-[0-9a-f]+-[b-df-hj-np-tv-z2-9]{5}\s+1\/1\s+Running/m);
    await term.expectText(/^default\s+app\s+1\/1\s+Running/m);
    const listing = await term.text();
    expect(listing.match(/^kube-system\s+kube-proxy-/gm)).toHaveLength(4);
    await term.run('kubectl exec app -- nslookup nginx');
    await term.expectText(/^Server:\s+10\.96\.0\.10$/m);
    await term.expectText(/^Address:\s+10\.96\.0\.10:53$/m);
    await term.expectText(/^Name:\s+nginx\.default\.svc\.cluster\.local$/m);
    await term.expectText(/^Address: 10\.\d+\.\d+\.\d+$/m);
    await term.expectText("** server can't find nginx.svc.cluster.local: NXDOMAIN");
    await term.expectText('command terminated with exit code 1');
    await term.run('kubectl exec app -- cat /etc/resolv.conf');
    await term.expectText(/^search default\.svc\.cluster\.local svc\.cluster\.local cluster\.local$/m);
    await term.expectText(/^options ndots:5$/m);
    await page.screenshot({ path: 'test-results/cluster-dns.png' });
  });
});

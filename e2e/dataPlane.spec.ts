/**
 * The data plane in the browser terminal (issue 9 §2): a kind user reaches a node with `docker exec` and reads
 * the nginx Service's KUBE-SVC chain, one KUBE-SEP per endpoint with kube-proxy's probability cascade as
 * iptables-save prints it (kubernetes/kubernetes pkg/proxy/iptables/proxier.go writeServiceToEndpointRules).
 */
import { test } from './fixtures/test';
import { TerminalPane } from './pages/TerminalPane';
import { Workbench } from './pages/Workbench';

test.describe('data plane', () => {
  test('docker exec kind-worker iptables-save -t nat shows the four endpoints of nginx', async ({ page }) => {
    const app = new Workbench(page);
    await app.openFresh();
    const term = new TerminalPane(page);
    await term.open();
    // the playground's seed topology: the nginx Deployment (4 replicas) behind the nginx Service
    await term.run('kubectl get endpointslices -l kubernetes.io/service-name=nginx');
    await term.expectText(/nginx-\w{5}\s+IPv4\s+80\s+10\.244\.\d+\.\d+,10\.244\.\d+\.\d+,10\.244\.\d+\.\d+ \+ 1 more\.\.\./);
    await term.run('docker ps');
    await term.expectText(/kindest\/node:v1\.34\.0 .* 127\.0\.0\.1:\d+->6443\/tcp +kind-control-plane/);
    await term.run('docker exec kind-worker iptables-save -t nat | grep "default/nginx ->"');
    const svc = /-A (KUBE-SVC-[A-Z2-7]{16}) -m comment --comment "default\/nginx -> 10\.244\.\d+\.\d+:80"/;
    await term.expectText(new RegExp(`${svc.source} -m statistic --mode random --probability 0\\.25000000000 -j KUBE-SEP-`));
    await term.expectText(new RegExp(`${svc.source} -m statistic --mode random --probability 0\\.33333333349 -j KUBE-SEP-`));
    await term.expectText(new RegExp(`${svc.source} -m statistic --mode random --probability 0\\.50000000000 -j KUBE-SEP-`));
    await term.expectText(new RegExp(`${svc.source} -j KUBE-SEP-[A-Z2-7]{16}$`, 'm'));
    await page.screenshot({ path: 'test-results/data-plane-iptables.png' });
  });
});

/**
 * The data plane in the browser terminal (issue 9 §2): a kind user reaches a node with `docker exec` and reads
 * the nginx Service's KUBE-SVC chain, one KUBE-SEP per endpoint with kube-proxy's probability cascade as
 * iptables-save prints it (kubernetes/kubernetes pkg/proxy/iptables/proxier.go writeServiceToEndpointRules).
 */
import { expect, test } from './fixtures/test';
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

  // agnhost netexec answers /hostname with the pod's name and /clientip with the address it saw
  // (kubernetes/kubernetes test/images/agnhost/netexec/netexec.go); BIND's dig takes the type before the name
  // (isc-projects/bind9 bin/dig/dig.c); kind nodes run iptables-nft (pkg/kubelet/kubelet_network_linux.go)
  test('echo-style pods say which pod answered and who asked; dig SRV; nft list tables', async ({ page }) => {
    test.setTimeout(120_000);
    const app = new Workbench(page);
    await app.openFresh();
    const term = new TerminalPane(page);
    await term.open();
    await term.run('kubectl create deployment netexec --image=registry.k8s.io/e2e-test-images/agnhost:2.39 --replicas=3 -- /agnhost netexec --http-port=8080');
    await term.expectText('deployment.apps/netexec created');
    await term.run('kubectl expose deployment netexec --port=80 --target-port=8080');
    await term.expectText('service/netexec exposed');
    await term.run('kubectl run client --image=registry.k8s.io/e2e-test-images/agnhost:2.39 -- pause');
    await term.expectText('pod/client created');
    await app.advance(3);
    await term.run("kubectl exec client -- curl -s -w '\\n' http://netexec/hostname");
    await term.expectText(/\/hostname\n+netexec-[a-z0-9]{9,10}-[a-z0-9]{5}\n/);
    await term.run("kubectl exec client -- curl -s -w '\\n' http://netexec/clientip");
    await term.expectText(/\/clientip\n+10\.244\.\d+\.\d+:\d+\n/);
    await term.run('kubectl exec client -- dig SRV _https._tcp.kubernetes.default.svc.cluster.local +short');
    await term.expectText('0 100 443 kubernetes.default.svc.cluster.local.');
    await term.run('docker exec kind-worker nft list tables');
    await term.expectText(/table ip mangle\ntable ip filter\ntable ip nat/);
    await page.screenshot({ path: 'test-results/data-plane-echo.png' });
    // the classic way to watch a Service spread requests: a pod whose own command loops, and its log followed
    await term.run("kubectl run watch --image=busybox:1.36 -- sh -c 'while true; do wget -qO- netexec/hostname; echo; sleep 1; done'");
    await term.expectText('pod/watch created');
    await app.advance(3);
    await term.run('kubectl logs -f watch');
    const answers = async () => (await term.text()).match(/^netexec-[a-z0-9]{9,10}-[a-z0-9]{5}$/gm)?.length ?? 0;
    await expect.poll(answers).toBeGreaterThanOrEqual(2);
    // a line a second of virtual time: the follow prints each round's answer as the clock moves on
    const seen = await answers();
    await page.getByRole('button', { name: '+10s' }).click();
    await expect.poll(answers).toBeGreaterThanOrEqual(seen + 10);
    // scaled down from a second terminal while the first follows the log: the rounds go to the one pod left
    await term.newTab();
    await term.run('kubectl scale deployment netexec --replicas=1');
    await term.expectText('deployment.apps/netexec scaled');
    await term.tab(1);
    await page.getByRole('button', { name: '+10s' }).click();
    await expect.poll(answers).toBeGreaterThanOrEqual(seen + 20);
    const names = (await term.text()).match(/^netexec-[a-z0-9]{9,10}-[a-z0-9]{5}$/gm) ?? [];
    expect(new Set(names.slice(-5)).size).toBe(1);
    await term.press('Control+C');
    await term.run('kubectl logs watch | sort | uniq -c');
    // kube-proxy's random choice spread the rounds over more than one of the three pods before the scale-down
    await term.expectText(/^ +\d+ (netexec-\S+)\n +\d+ (?!\1)netexec-\S+$/m);
    await page.screenshot({ path: 'test-results/data-plane-loop.png' });
    // the Kubernetes docs' counter pod (kubernetes/website content/en/examples/debug/counter-pod.yaml): a counter
    // kept from round to round with $((…)), and date at each round's own time
    await term.run(`kubectl run counter --image=busybox:1.36 -- /bin/sh -c 'i=0; while true; do echo "$i: $(date)"; i=$((i+1)); sleep 1; done'`);
    await term.expectText('pod/counter created');
    await app.advance(3);
    await term.run('kubectl logs counter --tail=2');
    await term.expectText(/^(\d+): \w{3} \w{3} [ \d]\d \d\d:\d\d:(\d\d) UTC 2026\n(?!\1:)\d+: \w{3} \w{3} [ \d]\d \d\d:\d\d:(?!\2 )\d\d UTC 2026\n\$ $/m);
  });

  // the kubelet expands $(VAR) in args before the process starts (kubernetes/kubernetes
  // pkg/kubelet/container/helpers.go ExpandContainerCommandAndArgs); the spec keeps what was written
  test('$(VAR) in a container\'s args reaches the process expanded; the spec keeps it as written', async ({ page }) => {
    test.setTimeout(120_000);
    const app = new Workbench(page);
    await app.openFresh();
    const term = new TerminalPane(page);
    await term.open();
    await term.run("kubectl run echo --image=hashicorp/http-echo --env=MSG=hello -- '-text=$(MSG) from the kubelet'");
    await term.expectText('pod/echo created');
    await term.run('kubectl expose pod echo --port=5678');
    await term.expectText('service/echo exposed');
    await term.run('kubectl run client --image=registry.k8s.io/e2e-test-images/agnhost:2.39 -- pause');
    await term.expectText('pod/client created');
    await app.advance(3);
    await term.run('kubectl exec client -- curl -s echo:5678');
    await term.expectText(/curl -s echo:5678\n+hello from the kubelet\n/);
    await term.run("kubectl get pod echo -o jsonpath='{.spec.containers[0].args}'");
    await term.expectText('["-text=$(MSG) from the kubelet"]');
    // sh -c in the client's busybox shell: its statements in order, a variable of its environment, 127 for a
    // command it cannot find
    await term.run("kubectl exec client -- sh -c 'curl -s echo:5678 && echo asked by $HOSTNAME; frob || echo fallback'");
    await term.expectText(/hello from the kubelet\nasked by client\nsh: frob: not found\nfallback\n/);
    // jsonpath prints no newline: the next prompt follows it on its line, as in bash, and typing keeps it
    await term.expectText(`["-text=$(MSG) from the kubelet"]$ kubectl exec client -- sh -c`);
    await page.screenshot({ path: 'test-results/data-plane-expansion.png' });
  });
});

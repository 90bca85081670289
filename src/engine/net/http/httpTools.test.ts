import { describe, expect, it } from 'vitest';
import { nginxCluster } from '../testing';
import { sendLoad } from '../trafficLoad';
import { parseUrl } from './httpClient';
import { httpToolsOf, runHttpToolInPod } from './httpTools';
import { appForImage } from '../../kubelet/apps/registry';

describe('http tools', () => {
  it('parses URLs as curl and wget accept them', () => {
    expect(parseUrl('nginx')).toEqual({ scheme: 'http', host: 'nginx', port: 80, path: '/' });
    expect(parseUrl('http://nginx.default.svc.cluster.local:8080/a?b=1')).toEqual({ scheme: 'http', host: 'nginx.default.svc.cluster.local', port: 8080, path: '/a?b=1' });
    expect(parseUrl('ftp://x')).toBeUndefined();
    expect(parseUrl('http://x:99999')).toBeUndefined();
  });

  it('gives each image only the tools it ships', () => {
    expect(httpToolsOf('busybox', 'busybox')).toEqual({ wget: 'busybox' });
    // busybox 1.28 differs only in its nslookup: it is still the busybox app, with busybox's wget
    expect(httpToolsOf(appForImage('busybox:1.28').name, 'busybox:1.28')).toEqual({ wget: 'busybox' });
    // the Connecting Applications with Services tutorial's client: busybox with curl added
    expect(httpToolsOf(appForImage('radial/busyboxplus:curl').name, 'radial/busyboxplus:curl')).toEqual({ curl: true, wget: 'busybox' });
    expect(httpToolsOf(appForImage('radial/busyboxplus').name, 'radial/busyboxplus')).toEqual({ wget: 'busybox' });
    expect(httpToolsOf('nginx', 'nginx:1.27')).toEqual({ curl: true });
    expect(httpToolsOf('nginx', 'nginx:1.27-alpine')).toEqual({ curl: true, wget: 'busybox' });
    expect(httpToolsOf('kuard', 'gcr.io/kuar-demo/kuard-amd64:blue')).toEqual({});
    // a container whose command is overridden still runs its image: the tools do not change
    expect(httpToolsOf('agnhost/command', 'registry.k8s.io/e2e-test-images/agnhost:2.39')).toEqual({ curl: true, wget: 'busybox' });
    expect(httpToolsOf('nginx/command', 'nginx:1.27')).toEqual({ curl: true });
  });

  it("says curl's real options it does not model are not simulated, and a typo is unknown as curl says", () => {
    const c = nginxCluster(1);
    const pods = c.list('Pod', { namespace: 'default' });
    const pod = pods.ok ? (pods.value.items[0].metadata?.name ?? '') : '';
    const run = (...args: string[]) => runHttpToolInPod(c, 'default', pod, 'nginx', ['curl', ...args]);
    expect(run('-sk', 'https://kubernetes.default.svc/api')?.stderr).toMatch(/^svcsim: curl's -k is not simulated; /);
    expect(run('--cacert', '/x', 'https://kubernetes.default.svc/api')?.stderr).toMatch(/^svcsim: curl's --cacert is not simulated; /);
    // curl 8 src/tool_getparam.c: an option it does not know
    expect(run('--frobnicate', 'http://nginx')).toMatchObject({ exitCode: 2, stderr: "curl: option --frobnicate: is unknown\ncurl: try 'curl --help' or 'curl --manual' for more information\n" });
  });

  it('the answering app logs the request with the address it saw', () => {
    const c = nginxCluster(1);
    const pods = c.list('Pod', { namespace: 'default' });
    const pod = pods.ok ? (pods.value.items[0].metadata?.name ?? '') : '';
    const r = runHttpToolInPod(c, 'default', pod, 'nginx', ['curl', '-s', 'http://nginx']);
    expect(r?.exitCode).toBe(0);
    expect(r?.stdout).toContain('<h1>Welcome to nginx!</h1>');
    const log = c.runtime.pod('default', pod)?.containers[0].log() ?? [];
    // the only endpoint is the client itself: hairpin traffic is masqueraded (KUBE-SEP `-s <pod IP> -j
    // KUBE-MARK-MASQ`), so nginx sees the node's address
    expect(log[log.length - 1]?.line).toMatch(/^172\.18\.\d+\.\d+ - - \[.*\] "GET \/ HTTP\/1\.1" 200 615 "-" "curl\/8\.14\.1" "-"$/);
    expect(runHttpToolInPod(c, 'default', pod, 'nginx', ['wget', 'http://nginx'])).toBeUndefined();
  });

  it('counts connections per endpoint: IPVS rr is exact round-robin', () => {
    const c = nginxCluster(3, { proxyMode: 'ipvs' });
    const pods = c.list('Pod', { namespace: 'default' });
    const pod = pods.ok ? (pods.value.items[0].metadata?.name ?? '') : '';
    const r = sendLoad(c, { from: { pod, namespace: 'default' }, to: 'nginx', port: 80, count: 99 });
    expect(r.mode).toBe('ipvs');
    expect(r.endpoints.map((e) => e.count)).toEqual([33, 33, 33]);
    expect(r.failed).toEqual({});
  });
});

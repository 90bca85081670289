/**
 * Echo-style apps through Services, as a kind user reads them: agnhost netexec (kubernetes/kubernetes
 * `test/images/agnhost/netexec/netexec.go`: `/hostname`, `/clientip` = `r.RemoteAddr`, `/echo`, `NOW:` on `/`),
 * traefik/whoami (`app.go` whoamiHandler and Go's `Request.Write`), hashicorp/http-echo (`main.go`, `handlers.go`
 * access log), and BIND dig reading its type after the name (bind9 `bin/dig/dig.c` `parse_args`).
 */
import { describe, expect, it } from 'vitest';
import { goldenTranscript as golden, replayScript as replay } from './goldenTranscript';

describe('echo-style apps transcript', () => {
  it('says which pod answered and what address the request came from', () => {
    const got = replay('echo-apps');
    expect(got).toBe(golden('echo-apps', got));
    const pods = [...got.matchAll(/^(netexec-\S+) +1\/1 +Running/gm)].map((m) => m[1]);
    const answered = new Set([...got.matchAll(/curl -s http:\/\/netexec\/hostname\n(netexec-[\w-]+)\$/g)].map((m) => m[1]));
    // four requests through the ClusterIP reach more than one of the three pods, each one of them
    expect(answered.size).toBeGreaterThan(1);
    for (const p of answered) expect(pods).toContain(p);
    // from a pod to a ClusterIP there is no SNAT: /clientip is the client pod's own address
    const clientIP = /^client +1\/1 +Running +0 +\S+ +(\S+)/m.exec(got)?.[1];
    expect(got).toContain(`curl -s netexec/clientip\n${clientIP}:`);
    // through the NodePort of its own node the source is masqueraded to that node's address
    expect(got).toMatch(/curl -s http:\/\/\$HOSTIP:\$NODEPORT\/clientip\n172\.18\.0\.\d+:\d+\$/);
    // through another node's NodePort the packet crosses to that node (kind-control-plane, 172.18.0.2), whose
    // KUBE-EXT chain masquerades it: netexec sees the control plane's address
    expect(got).toMatch(/curl -s http:\/\/\$OTHERIP:\$NODEPORT\/clientip\n172\.18\.0\.2:\d+\$/);
    expect(got).toMatch(/ {2}hop {3}kind-worker2 → kind-control-plane \(172\.18\.0\.2\) over the kind network\n(?: {2}rule .*\n)*? {2}rule {2}\[nat KUBE-NODEPORTS\] /);
    expect(got).toMatch(/RemoteAddr: 10\.244\.\d+\.\d+:\d+\nGET \/ HTTP\/1\.1\r\nHost: whoami\r\nUser-Agent: curl\/\S+\r\nAccept: \*\/\*\r\n\r\n/);
    expect(got).toContain('$ kubectl logs words\nToo many arguments!\n');
    expect(got).toContain(';; ANSWER SECTION:\n_https._tcp.kubernetes.default.svc.cluster.local. 30 IN SRV 0 100 443 kubernetes.default.svc.cluster.local.\n');
  });
});

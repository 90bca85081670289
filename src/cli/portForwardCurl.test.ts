/**
 * The seed's `kubectl port-forward $ALPACA_POD 48858:8080`, then curl on the user's machine. Formats: kubectl
 * `Handling connection for N` (kubernetes/client-go `tools/portforward/portforward.go`); kuard's routes and
 * JSON (kubernetes-up-and-running/kuard `pkg/app/app.go`, `pkg/debugprobe/probe.go`, `pkg/env/api.go`,
 * `pkg/dnsapi/api.go`); the DNS answer as miekg/dns `Msg.String` prints it (github.com/miekg/dns `msg.go`);
 * curl's refusal (curl `lib/strerror.c`, exit 7).
 */
import { describe, expect, it } from 'vitest';
import { goldenTranscript as golden, replayScript as replay } from './goldenTranscript';

describe('curl localhost through kubectl port-forward', () => {
  it('reaches kuard while the forward runs, with a Handling connection line each time; refused before and after', () => {
    const got = replay('port-forward-curl');
    expect(got).toBe(golden('port-forward-curl', got));
    const before = got.split('$ ALPACA_POD=')[0];
    expect(before).toContain("$ curl localhost:48858/healthy\ncurl: (7) Failed to connect to localhost port 48858 after 0 ms: Couldn't connect to server\n");
    expect(got).toContain('$ curl localhost:48858/healthy\nHandling connection for 48858\nok$ ');
    // failNext 2: two failures counting down, then ok again
    expect(got).toMatch(/fail, 1 left\$ curl localhost:48858\/ready\nHandling connection for 48858\nfail, 0 left\$ curl localhost:48858\/ready\nHandling connection for 48858\nok\$/);
    expect(got).toContain('"failNext":2');
    expect(got).toContain('$ curl localhost:48858/dns/api\nHandling connection for 48858\nMethod Not Allowed\n');
    const svcIp = /"ALPACA_PROD_SERVICE_HOST":"(10\.\d+\.\d+\.\d+)"/.exec(got)?.[1];
    expect(svcIp).toBeDefined();
    expect(got).toContain(`;; flags: qr aa rd; QUERY: 1, ANSWER: 1, AUTHORITY: 0, ADDITIONAL: 0\\n\\n;; QUESTION SECTION:\\n;alpaca-prod.default.svc.cluster.local.\\tIN\\t A\\n\\n;; ANSWER SECTION:\\nalpaca-prod.default.svc.cluster.local.\\t30\\tIN\\tA\\t${svcIp}\\n`);
    expect(got).toContain('Unknown DNS type: BOGUS');
    expect(got).toMatch(/"requestAddr":"127\.0\.0\.1:\d+"/);
    const after = got.split('$ kill %1')[1].split('$ kubectl run alpaca-ready')[0];
    expect(after).toContain("curl: (7) Failed to connect to localhost port 48858 after 0 ms: Couldn't connect to server");
  });

  it("kuard's readiness API through the forward fails the kubelet's probe: the pod leaves the Service's endpoints and comes back", () => {
    const got = replay('port-forward-curl');
    const probed = got.split('$ kubectl run alpaca-ready')[1];
    // --overrides (a JSON merge patch, kubectl's default --override-type) gave the pod its readinessProbe
    const eps = [...probed.matchAll(/^alpaca-prod +(\S+) +\d+s$/gm)].map((m) => m[1].split(',').length);
    expect(eps).toEqual([2, 1, 2]);
    expect(probed).toMatch(/^alpaca-ready +0\/1 +Running +0 +\d+s$/m);
  });
});

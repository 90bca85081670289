/**
 * The data plane as a kind user reads it: golden transcripts of `docker exec <node> …` for a Service with
 * three endpoints under each proxy mode. Formats: iptables-save and iptables -S/-L (netfilter iptables
 * 1.8.9, rule shapes from kubernetes/kubernetes pkg/proxy/iptables/proxier_test.go), ipvsadm -Ln (ipvsadm
 * 1.31), nft list table (kubernetes/kubernetes pkg/proxy/nftables/proxier_test.go), docker ps (docker/cli).
 */
import { describe, expect, it } from 'vitest';
import { goldenTranscript as golden, replayScript as replay } from './goldenTranscript';

describe('data plane transcripts', () => {
  it('iptables: the KUBE-SVC chain of three endpoints, NodePorts, and REJECT once no endpoint is left', () => {
    const got = replay('data-plane', {});
    expect(got).toBe(golden('data-plane', got));
    expect(got).toContain('--probability 0.33333333349');
    expect(got).toContain('--probability 0.50000000000');
    expect(got).toMatch(/-A KUBE-SERVICES -d \S+ -p tcp -m comment --comment "default\/nginx has no endpoints" -m tcp --dport 80 -j REJECT --reject-with icmp-port-unreachable/);
  });

  it('ipvs: a virtual server with three real servers, the VIP on kube-ipvs0', () => {
    const got = replay('data-plane-ipvs', { proxyMode: 'ipvs' });
    expect(got).toBe(golden('data-plane-ipvs', got));
    expect(got.match(/^ {2}-> 10\.244\.\d+\.\d+:80 +Masq {4}1 {6}0 {10}0 {9}$/gm)?.length).toBe(3);
  });

  it('nftables: the service chain picks with numgen random mod 2', () => {
    const got = replay('data-plane-nftables', { proxyMode: 'nftables' });
    expect(got).toBe(golden('data-plane-nftables', got));
    expect(got).toMatch(/numgen random mod 2 vmap \{ 0 : goto endpoint-\w{8}-default\/nginx\/tcp\/__10\.244/);
  });

  it('mode switch: the ConfigMap edit alone changes nothing; after the DaemonSet restart kind-worker serves IPVS', () => {
    const got = replay('data-plane-mode-switch', {});
    expect(got).toBe(golden('data-plane-mode-switch', got));
    const [before, after] = got.split('daemon set "kube-proxy" successfully rolled out');
    expect(before).not.toMatch(/^TCP {2}\S+:80 rr$/m);
    expect(after.match(/^ {2}-> 10\.244\.\d+\.\d+:80 +Masq/gm)?.length).toBe(3);
  });

  // busybox networking/wget.c (bad address, can't connect to remote host, server returned error) and
  // libbb/progress.c; curl lib/strerror.c + lib/cf-socket.c (codes 6, 7, 22) and src/tool_progress.c's meter
  it('http: wget and curl in the images that ship them, through DNS and the rules; svcsim load counts the pods', () => {
    const got = replay('data-plane-http', {});
    expect(got).toBe(golden('data-plane-http', got));
    expect(got).toContain('<title>Welcome to nginx!</title>');
    expect(got).toMatch(/^- {20}100% \|\*{32}\| {3}615 {2}0:00:00 ETA$/m);
    expect(got).toContain("wget: bad address 'nope'");
    expect(got).toMatch(/^wget: can't connect to remote host \(10\.\d+\.\d+\.\d+\): Connection refused$/m);
    expect(got).toContain('wget: server returned error: HTTP/1.1 404 Not Found');
    expect(got).toContain('exec: "curl": executable file not found in $PATH');
    expect(got).toContain('curl: (6) Could not resolve host: nope');
    expect(got).toContain("curl: (7) Failed to connect to nginx port 80 after 0 ms: Couldn't connect to server");
    expect(got).toContain('curl: (22) The requested URL returned error: 404');
    // 100 connections over three endpoints: every endpoint answers, the counts add up
    const load = got.split('$ svcsim load nginx -n 100 --from app\n')[1].split('$ ')[0];
    const counts = [...load.matchAll(/^nginx-\S+ +10\.244\.\d+\.\d+:80 +kind-worker\d? +(\d+)/gm)].map((m) => Number(m[1]));
    expect(counts.length).toBe(3);
    expect(counts.reduce((a, b) => a + b, 0)).toBe(100);
  });
});

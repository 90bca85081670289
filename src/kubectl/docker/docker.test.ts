import { describe, expect, it } from 'vitest';
import { nginxCluster } from '../../engine/net/testing';
import { runDocker } from './docker';
import { humanDuration } from './dockerPs';

describe('docker on the user machine', () => {
  const c = nginxCluster(3, { proxyMode: 'userspace' });

  it('lists the kind node containers with the API server port on the control plane', () => {
    const out = runDocker(c, ['ps']).stdout.split('\n');
    // docker/cli formats with tabwriter (padding 3): each column as wide as its widest cell plus three spaces
    expect(out[0]).toMatch(/^CONTAINER ID {3}IMAGE {18}COMMAND {18}CREATED +STATUS +PORTS +NAMES$/);
    expect(out[1]).toMatch(/^[0-9a-f]{12} {3}kindest\/node:v1\.34\.0 {3}"\/usr\/local\/bin\/entr…" {3}.* 127\.0\.0\.1:\d+->6443\/tcp {3}kind-control-plane$/);
    expect(out.filter((l) => l.includes('kindest/node')).length).toBe(4);
  });

  it('fails as docker does for unknown containers and programs', () => {
    expect(runDocker(c, ['exec', 'kind-nope', 'ip', 'addr'])).toEqual({ stdout: '', stderr: 'Error response from daemon: No such container: kind-nope\n', exitCode: 1 });
    const r = runDocker(c, ['exec', '-it', 'kind-worker', 'bash']);
    expect(r.exitCode).toBe(127);
    expect(r.stderr).toContain('exec: "bash": executable file not found in $PATH');
    expect(runDocker(c, ['exec', 'kind-worker']).stderr).toContain('"docker exec" requires at least 2 arguments.');
  });

  it('shows the userspace proxy table, marked as removed, and its portal rules in iptables-save', () => {
    const table = runDocker(c, ['exec', 'kind-worker', 'kube-proxy-userspace']).stdout;
    expect(table).toContain('removed in Kubernetes 1.26');
    expect(table).toMatch(/default\/nginx +10\.\d+\.\d+\.\d+:80\/TCP +\d+ +>10\.244/);
    expect(runDocker(c, ['exec', 'kind-worker', 'iptables-save', '-t', 'nat']).stdout).toMatch(/-A KUBE-PORTALS-CONTAINER -d 10\.\d+\.\d+\.\d+\/32 -p tcp -m comment --comment "default\/nginx" -m tcp --dport 80 -j REDIRECT --to-ports \d+/);
  });

  it('lists tracked connections with conntrack -L', () => {
    const svc = c.get('Service', 'default', 'nginx');
    const ip = svc.ok ? (svc.value.spec?.clusterIP ?? '') : '';
    c.net.connect({ from: { node: 'kind-worker' }, to: ip, port: 80 });
    const r = runDocker(c, ['exec', 'kind-worker', 'conntrack', '-L']);
    expect(r.stdout).toMatch(new RegExp(`^tcp {6}6 120 TIME_WAIT src=172\\.18\\.0\\.3 dst=${ip.replace(/\./g, '\\.')} sport=\\d+ dport=80 src=10\\.244\\.\\d+\\.\\d+ dst=172\\.18\\.0\\.3 sport=80 dport=\\d+ \\[ASSURED\\] mark=0 use=1$`, 'm'));
    expect(r.stderr).toBe('conntrack v1.4.7 (conntrack-tools): 1 flow entries have been shown.\n');
  });

  // go-units HumanDuration (docker/go-units duration.go)
  it.each([
    [500, 'Less than a second'],
    [1000, '1 second'],
    [45_000, '45 seconds'],
    [90_000, 'About a minute'],
    [300_000, '5 minutes'],
    [3_600_000, 'About an hour'],
    [7_200_000, '2 hours'],
  ])('humanDuration(%i) is %s', (ms, text) => {
    expect(humanDuration(ms)).toBe(text);
  });
});

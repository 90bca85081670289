/**
 * DNS tools inside pods, end to end through `kubectl exec` on a simulated kind cluster. Formats pinned from:
 * busybox `networking/nslookup.c` (mirror/busybox 1_36_1), bind9 `bin/dig/dig.c` + `lib/dns/masterdump.c`
 * (dig), `bin/dig/nslookup.c`, `bin/dig/host.c`, glibc `nss/getent.c`.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { type Cluster, createCluster } from '../../engine';
import { splitCommandLine } from '../commandLine';
import { runKubectl } from '../kubectl';

let cluster: Cluster;
const run = (line: string) => runKubectl({ cluster }, splitCommandLine(line));
let nginxIP = '';

beforeAll(() => {
  cluster = createCluster({ seed: 3 });
  run('run app --image=busybox:1.36 -- sleep 3600');
  run('run dnsutils --image=registry.k8s.io/e2e-test-images/jessie-dnsutils:1.3 -- sleep 3600');
  run('run kuard --image=gcr.io/kuar-demo/kuard-amd64:blue');
  run('create deployment nginx --image=nginx --replicas=2');
  run('expose deployment nginx --port=80');
  run('wait --for=condition=Ready pod --all --timeout=120s');
  nginxIP = run('get svc nginx -o jsonpath={.spec.clusterIP}').stdout;
});

describe('busybox nslookup', () => {
  it('tries a dotless name under every search domain, A then AAAA, and exits 1 when any failed', () => {
    const r = run('exec app -- nslookup nginx');
    const nx = (n: string) => `** server can't find nginx.${n}: NXDOMAIN\n\n`;
    expect(r.stdout).toBe(
      `Server:\t\t10.96.0.10\nAddress:\t10.96.0.10:53\n\nName:\tnginx.default.svc.cluster.local\nAddress: ${nginxIP}\n\n` +
        `${nx('svc.cluster.local')}${nx('cluster.local')}\n${nx('svc.cluster.local')}${nx('cluster.local')}`,
    );
    expect(r.stderr).toBe('command terminated with exit code 1\n');
  });

  it('queries a dotted name literally (no ndots), so `nginx.default` is NXDOMAIN', () => {
    const r = run('exec app -- nslookup nginx.default');
    expect(r.stdout).toContain("** server can't find nginx.default: NXDOMAIN\n");
    expect(r.stdout).not.toContain('Name:');
  });

  it('prints a full name once, with the empty AAAA reply as a bare line', () => {
    expect(run('exec app -- nslookup kubernetes.default.svc.cluster.local').stdout).toBe(
      'Server:\t\t10.96.0.10\nAddress:\t10.96.0.10:53\n\nName:\tkubernetes.default.svc.cluster.local\nAddress: 10.96.0.1\n\n\n',
    );
  });
});

describe('BIND tools', () => {
  it('dig prints the full default report with BIND column layout', () => {
    const out = run('exec dnsutils -- dig kubernetes.default.svc.cluster.local').stdout;
    expect(out).toMatch(/^\n; <<>> DiG 9\.18\.\S+ <<>> kubernetes\.default\.svc\.cluster\.local\n;; global options: \+cmd\n;; Got answer:\n/);
    expect(out).toContain(';; WARNING: .local is reserved for Multicast DNS\n');
    expect(out).toMatch(/;; ->>HEADER<<- opcode: QUERY, status: NOERROR, id: \d+\n;; flags: qr aa rd; QUERY: 1, ANSWER: 1, AUTHORITY: 0, ADDITIONAL: 1\n/);
    expect(out).toContain(';; QUESTION SECTION:\n;kubernetes.default.svc.cluster.local. IN A\n\n;; ANSWER SECTION:\nkubernetes.default.svc.cluster.local. 30 IN A\t10.96.0.1\n\n');
    expect(out).toMatch(/;; SERVER: 10\.96\.0\.10#53\(10\.96\.0\.10\) \(UDP\)\n;; WHEN: \w{3} \w{3} \d\d \d\d:\d\d:\d\d UTC \d{4}\n;; MSG SIZE {2}rcvd: 129\n\n$/);
    expect(run('exec dnsutils -- dig kubernetes.default.svc.cluster.local').stdout).toBe(out);
  });

  it('dig shows NXDOMAIN with the SOA in the authority section, tab-aligned', () => {
    const out = run('exec dnsutils -- dig nosuch.default.svc.cluster.local').stdout;
    expect(out).toContain('status: NXDOMAIN');
    expect(out).toMatch(/;; AUTHORITY SECTION:\ncluster\.local\.\t\t30\tIN\tSOA\tns\.dns\.cluster\.local\. hostmaster\.cluster\.local\. \d+ 7200 1800 86400 30\n/);
  });

  it('dig +short and +search', () => {
    expect(run('exec dnsutils -- dig +short nginx.default.svc.cluster.local').stdout).toBe(`${nginxIP}\n`);
    expect(run('exec dnsutils -- dig +short +search nginx').stdout).toBe(`${nginxIP}\n`);
    expect(run('exec dnsutils -- dig +short nginx').stdout).toBe('');
  });

  it('nslookup, host and getent use the search list with ndots and stop at the first answer', () => {
    expect(run('exec dnsutils -- nslookup nginx').stdout).toBe(`Server:\t\t10.96.0.10\nAddress:\t10.96.0.10#53\n\nName:\tnginx.default.svc.cluster.local\nAddress: ${nginxIP}\n\n`);
    expect(run('exec dnsutils -- nslookup nosuch').stdout).toContain("** server can't find nosuch: NXDOMAIN\n");
    expect(run('exec dnsutils -- host nginx').stdout).toBe(`nginx.default.svc.cluster.local has address ${nginxIP}\n`);
    expect(run('exec dnsutils -- host 10.96.0.1').stdout).toBe('1.0.96.10.in-addr.arpa domain name pointer kubernetes.default.svc.cluster.local.\n');
    const nf = run('exec dnsutils -- host nosuch');
    expect([nf.stdout, nf.exitCode]).toEqual(['Host nosuch not found: 3(NXDOMAIN)\n', 1]);
    expect(run('exec dnsutils -- getent hosts nginx').stdout).toBe(`${nginxIP.padEnd(15)} nginx.default.svc.cluster.local\n`);
    expect(run('exec dnsutils -- getent hosts nosuch').exitCode).toBe(2);
  });

  // host.c: -t takes any type dns_rdatatype_fromtext knows; printmessage says "NAME has no TYPE record" for an
  // answer without one (short form, an explicit type)
  it('host -t takes any BIND type: a type the name has no record of is said so, an unknown word is refused', () => {
    expect(run('exec dnsutils -- host -t mx nginx')).toMatchObject({ stdout: 'nginx.default.svc.cluster.local has no MX record\n', exitCode: 0 });
    expect(run('exec dnsutils -- host -t AAAA nginx').stdout).toBe('nginx.default.svc.cluster.local has no AAAA record\n');
    expect(run('exec dnsutils -- host -t TYPE1 nginx').stdout).toBe(`nginx.default.svc.cluster.local has address ${nginxIP}\n`);
    expect(run('exec dnsutils -- host -t BOGUS nginx')).toMatchObject({ stderr: 'host: invalid type: BOGUS\ncommand terminated with exit code 1\n', exitCode: 1 });
  });
});

describe('images without the tools, and CoreDNS down', () => {
  it('kuard and busybox lack what they lack', () => {
    expect(run('exec kuard -- nslookup nginx').stderr).toContain('exec: "nslookup": executable file not found in $PATH');
    expect(run('exec app -- dig nginx').stderr).toContain('exec: "dig": executable file not found in $PATH');
  });

  it('times out when no CoreDNS pod is ready', () => {
    run('scale deployment coredns -n kube-system --replicas=0');
    cluster.advance(60_000);
    const r = run('exec app -- nslookup nginx');
    expect([r.stdout, r.exitCode]).toEqual([';; connection timed out; no servers could be reached\n', 1]);
    expect(run('exec dnsutils -- dig nginx.default.svc.cluster.local').stdout).toMatch(/^(;; communications error to 10\.96\.0\.10#53: timed out\n){3}\n; <<>> DiG .*\n;; global options: \+cmd\n;; no servers could be reached\n$/);
    run('scale deployment coredns -n kube-system --replicas=2');
  });
});

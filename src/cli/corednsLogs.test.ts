/**
 * The "Debugging DNS Resolution" page in a playground: CoreDNS's start-up lines (coredns/coredns
 * `coremain/run.go`, `plugin/reload/reload.go`), the `log` plugin added to the Corefile and picked up by the
 * reload plugin once the kubelet has refreshed the ConfigMap volume, the queries it then logs (`plugin/log`),
 * its removal, and a Corefile that does not parse.
 */
import { describe, expect, it } from 'vitest';
import { corefileSha512, parseCorefile } from '../engine/dns/coredns/corefile';
import { corefile } from '../engine/kubeSystem/coreDnsManifests';
import { goldenTranscript as golden, replayScript as replay } from './goldenTranscript';

function sha(text: string): string {
  const p = parseCorefile(text);
  if (!p.ok) throw new Error(p.error);
  return corefileSha512(p.blocks);
}

describe('CoreDNS logs transcript', () => {
  it('walks the DNS debugging page: start-up lines, log plugin on, queries logged, log plugin off', () => {
    const got = replay('coredns-logs');
    expect(got).toBe(golden('coredns-logs', got));
    const kubeadm = sha(corefile('cluster.local'));
    const withLog = sha(corefile('cluster.local').replace('    errors', '    log\n    errors'));
    const banner = `maxprocs: Leaving GOMAXPROCS=8: CPU quota undefined\n.:53\n[INFO] plugin/reload: Running configuration SHA512 = ${kubeadm}\nCoreDNS-1.12.1\nlinux/amd64, go1.24.1, 707c7c1\n`;
    // one block per CoreDNS pod
    expect(got).toContain(`$ kubectl logs --namespace=kube-system -l k8s-app=kube-dns\n${banner}${banner}$`);
    // each pod reloads with the new Corefile
    const afterSleep = got.slice(got.indexOf('--tail=3 --prefix\n'), got.indexOf('$ kubectl get pod dnsutils'));
    const reloads = afterSleep.match(new RegExp(`\\] \\[INFO\\] Reloading\\n.*\\] \\[INFO\\] plugin/reload: Running configuration SHA512 = ${withLog}\\n.*\\] \\[INFO\\] Reloading complete\\n`, 'g'));
    expect(reloads).toHaveLength(2);
    // the query nslookup sent, logged by the pod that answered it, from the dnsutils pod's address
    const clientIP = /^dnsutils +1\/1 +Running +0 +\S+ +(\S+)/m.exec(got)?.[1];
    expect(got).toMatch(new RegExp(`\\] \\[INFO\\] ${clientIP}:\\d+ - \\d+ "A IN kubernetes\\.default\\.svc\\.cluster\\.local\\. udp 54 false 512" NOERROR qr,aa,rd 106 0\\.000\\d+s\\n`));
    // dig's query carries EDNS (1232) and a cookie, and its id is the one dig printed
    expect(got).toMatch(/"A IN kubernetes\.default\.svc\.cluster\.local\. udp 77 false 1232" NOERROR qr,aa,rd 129 /);
    // removing `log` leaves an empty line (the SHA512 counts token lines, so it is not kubeadm's), and queries go unlogged
    const afterRemoval = got.slice(got.indexOf('s/^        log$//'));
    expect(afterRemoval).toContain(`Running configuration SHA512 = ${sha(corefile('cluster.local').replace('    errors', '\n    errors'))}`);
    expect(afterRemoval.slice(0, afterRemoval.indexOf('s/^    }$//'))).not.toMatch(/\[INFO\] 10\.244\./);
    // a Corefile that does not parse: the old configuration stays and the reload plugin says why
    expect(got).toContain("[WARNING] plugin/reload: Corefile parse failed: /etc/coredns/Corefile:23 - Syntax error: Unexpected token 'loadbalance', expecting '}'\n");
  });
});

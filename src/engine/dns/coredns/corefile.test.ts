import { describe, expect, it } from 'vitest';
import { corefile } from '../../kubeSystem/coreDnsManifests';
import { corednsDirectives, corefileSha512, parseCorefile } from './corefile';

/** kubeadm's Corefile up to 1.31 (`cache 30` without the `disable` lines). */
const kubeadm131 = corefile('cluster.local').replace(/ {4}cache 30 \{\n[^}]*\}\n/, '    cache 30\n');

function sha(text: string): string {
  const p = parseCorefile(text);
  if (!p.ok) throw new Error(p.error);
  return corefileSha512(p.blocks);
}

describe('the reload plugin SHA512', () => {
  it('matches what CoreDNS logs for the kubeadm Corefile of the "Debugging DNS Resolution" page', () => {
    // the page's `kubectl logs -l k8s-app=kube-dns` output (CoreDNS 1.10.1, kubeadm's Corefile of that time)
    expect(sha(kubeadm131)).toBe(
      '591cf328cccc12bc490481273e738df59329c62c0b729d94e8b61db9961c2fa5f046dd37f1cf888b953814040d180f52594972691cd6ff41be96639138a43908',
    );
  });

  it('depends on tokens and their lines, not on spaces or comments', () => {
    const base = corefile('cluster.local');
    expect(sha(base.replace('    errors', '    errors   # report errors'))).toBe(sha(base));
    expect(sha(base.replace('    errors', '    log\n    errors'))).not.toBe(sha(base));
  });
});

describe('parseCorefile errors', () => {
  it('reports an unclosed block and an unknown directive as Caddy does', () => {
    expect(parseCorefile('.:53 {\n    errors\n    ready\n')).toEqual({
      ok: false,
      error: "/etc/coredns/Corefile:3 - Syntax error: Unexpected token 'ready', expecting '}'",
    });
    expect(parseCorefile('.:53 {\n    health {\n       lameduck 5s\n')).toEqual({ ok: false, error: '/etc/coredns/Corefile:3 - Error during parsing: Unexpected EOF' });
    expect(parseCorefile('.:53 {\n    errors\n    logg\n}\n', corednsDirectives)).toEqual({
      ok: false,
      error: "/etc/coredns/Corefile:3 - Error during parsing: Unknown directive 'logg'",
    });
    expect(parseCorefile('.:53 {\n    logg\n}\n').ok).toBe(true);
  });
});

// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { mermaidDiagramType } from '../adapters/mermaid';
import { traceToSequence } from './sequenceDiagram';

describe('traceToSequence', () => {
  it('names CoreDNS only when the client asked for a name, and says why a connection failed', async () => {
    const text = traceToSequence({
      client: 'default/app',
      outcome: 'timeout',
      steps: [
        { kind: 'send', text: 'pod default/app 10.244.1.2 → 10.96.5.5:80/TCP (SYN)', node: 'kind-worker' },
        { kind: 'rule', mode: 'iptables', chain: 'KUBE-SERVICES', text: '-A KUBE-SERVICES …' },
        { kind: 'fail', text: 'no rule matched 10.96.5.5:80; a ClusterIP is virtual' },
      ],
    });
    expect(text).toBe(
      [
        'sequenceDiagram',
        '  participant client as pod default/app',
        '  participant proxy as kube-proxy rules on kind-worker (iptables)',
        '  client->>proxy: pod default/app 10.244.1.2 → 10.96.5.5:80/TCP (SYN)',
        '  Note over proxy: KUBE-SERVICES',
        '  Note over proxy: ✗ no rule matched 10.96.5.5:80#59; a ClusterIP is virtual',
        '',
      ].join('\n'),
    );
    expect(await mermaidDiagramType(text)).toBe('sequence');
  });

  it('keeps hostile text from ending a statement or opening a tag', async () => {
    const text = traceToSequence({ client: 'x;<b>', outcome: 'connected', pod: 'p\nNote over a: hi', steps: [{ kind: 'deliver', text: 'pod p#1 answered', pod: 'p' }] });
    expect(text).toContain('participant client as pod x#59;#60;b#62;');
    expect(text).toContain('participant pod as pod p#10;Note over a: hi');
    expect(text.split('\n')).toHaveLength(6);
    expect(await mermaidDiagramType(text)).toBe('sequence');
  });
});

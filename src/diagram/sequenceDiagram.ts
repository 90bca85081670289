/**
 * One connection's trace as a Mermaid `sequenceDiagram`: the client, CoreDNS when the client asked for a name,
 * the kube-proxy rules of the node the packet entered (the chains it walked, in order), and the pod that
 * answered. Built from the engine's trace steps as they are; nothing here decides where a packet goes.
 */
import type { WireTraceStep } from '../protocol/messages';
import { mermaidFreeText } from './mermaidText';

export interface SequenceInput {
  /** `namespace/name` of the client pod. */
  client: string;
  steps: readonly WireTraceStep[];
  outcome: string;
  /** `namespace/name` of the pod that answered. */
  pod?: string;
}

export function traceToSequence(t: SequenceInput): string {
  const body: string[] = [];
  const used = new Set<string>(['client']);
  let proxyNode = '';
  let proxyMode = '';
  let chains: string[] = [];
  const flushChains = () => {
    if (chains.length) body.push(`  Note over proxy: ${mermaidFreeText(chains.join(' → '))}`);
    chains = [];
  };
  for (const s of t.steps) {
    if (s.kind !== 'rule') flushChains();
    switch (s.kind) {
      case 'dns':
        used.add('dns');
        body.push(`  client->>dns: ${mermaidFreeText(`A? ${s.name ?? s.text}`)}`);
        body.push(`  dns-->>client: ${mermaidFreeText(s.answer ? s.text : `${s.text}`)}`);
        break;
      case 'send':
        used.add('proxy');
        proxyNode ||= s.node ?? '';
        body.push(`  client->>proxy: ${mermaidFreeText(s.text)}`);
        break;
      case 'rule': {
        used.add('proxy');
        proxyMode ||= s.mode ?? '';
        const name = s.chain ?? s.text.slice(0, 60);
        if (chains[chains.length - 1] !== name) chains.push(name);
        break;
      }
      case 'dnat':
      case 'snat':
        used.add('proxy');
        body.push(`  proxy->>proxy: ${mermaidFreeText(`${s.kind.toUpperCase()} ${s.text}`)}`);
        break;
      case 'hop':
        used.add('proxy');
        body.push(`  Note right of proxy: ${mermaidFreeText(s.text)}`);
        break;
      case 'deliver':
        used.add('pod');
        body.push(`  proxy->>pod: ${mermaidFreeText(s.text.replace(/ answered.*$/, ''))}`);
        body.push(`  pod-->>client: ${mermaidFreeText(`answers (${t.outcome})`)}`);
        break;
      case 'fail':
        body.push(`  Note over ${used.has('proxy') ? 'proxy' : 'client'}: ${mermaidFreeText(`✗ ${s.text}`)}`);
        break;
      default:
        body.push(`  Note over client: ${mermaidFreeText(s.text)}`);
    }
  }
  flushChains();
  const dnsServer = t.steps.find((s) => s.kind === 'dns')?.server;
  const head = ['sequenceDiagram', `  participant client as ${mermaidFreeText(`pod ${t.client}`)}`];
  if (used.has('dns')) head.push(`  participant dns as ${mermaidFreeText(`CoreDNS${dnsServer ? ` ${dnsServer}` : ''}`)}`);
  if (used.has('proxy')) head.push(`  participant proxy as ${mermaidFreeText(`kube-proxy rules${proxyNode ? ` on ${proxyNode}` : ''}${proxyMode ? ` (${proxyMode})` : ''}`)}`);
  if (used.has('pod')) head.push(`  participant pod as ${mermaidFreeText(`pod ${t.pod ?? ''}`.trim())}`);
  return `${[...head, ...body].join('\n')}\n`;
}

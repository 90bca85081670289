/**
 * Which kubectl output escapes terminal control characters, and how. kubectl 1.34 escapes with
 * `printers.EscapeTerminal` / `WriteEscaped` (kubernetes/cli-runtime pkg/printers/terminal.go: ESC becomes `^[`,
 * CR becomes the two characters `\r`, nothing else changes), called from the table printer
 * (cli-runtime pkg/printers/tableprinter.go), custom-columns (kubectl pkg/cmd/get/customcolumn.go), describe's
 * PrefixWriter (kubectl pkg/describe/describe.go) and `kubectl events` (kubectl pkg/cmd/events/event_printer.go).
 * `-o jsonpath`, `-o go-template` and `kubectl logs` print the raw text; `-o json` escapes as JSON does.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { type Cluster, createCluster } from '../engine';
import { splitCommandLine } from './commandLine';
import { type KubectlContext, runKubectl } from './kubectl';

const hostile = 'a\x1b[2J\x1b[31mred\x1b]8;;https://evil.example/\x07link\x1b]8;;\x07\rbell\x07end';
const escaped = 'a^[[2J^[[31mred^[]8;;https://evil.example/\x07link^[]8;;\x07\\rbell\x07end';

let cluster: Cluster;
let ctx: KubectlContext;
const out = (line: string) => runKubectl(ctx, splitCommandLine(line)).stdout;

beforeEach(() => {
  cluster = createCluster({ seed: 7 });
  ctx = { cluster };
  cluster.create('Pod', {
    metadata: { name: 'web', namespace: 'default', annotations: { note: hostile } },
    spec: { containers: [{ name: 'c', image: 'nginx' }] },
  } as never);
});

describe('terminal escaping as kubectl does it', () => {
  it('describe escapes ESC and CR but lets BEL through', () => {
    const text = out('describe pod web');
    expect(text).toContain(`note: ${escaped}`);
    expect(text).not.toContain('\x1b');
    expect(text).not.toContain('\r');
  });

  it('custom-columns escapes each value', () => {
    expect(out('get pod web -o custom-columns=NOTE:.metadata.annotations.note')).toBe(`NOTE\n${escaped}\n`);
  });

  it('jsonpath prints the raw value, as kubectl does', () => {
    expect(out('get pod web -o jsonpath={.metadata.annotations.note}')).toBe(hostile);
  });

  it('go-template prints the raw value too', () => {
    expect(out('get pod web -o go-template={{.metadata.annotations.note}}')).toBe(hostile);
  });

  it('json escapes control characters as JSON strings', () => {
    const json = out('get pod web -o json');
    expect(json).toContain('"note": "a\\u001b[2J\\u001b[31mred\\u001b]8;;https://evil.example/\\u0007link\\u001b]8;;\\u0007\\rbell\\u0007end"');
  });
});

describe('events', () => {
  beforeEach(() => {
    cluster.create('Event', {
      metadata: { name: 'web.1', namespace: 'default' },
      involvedObject: { kind: 'Pod', name: 'web', namespace: 'default' },
      type: 'Warning',
      reason: 'Bad\x1b[5m',
      message: '  cleared\x1b[2J\r  ',
      count: 1,
      source: { component: 'kubelet' },
    } as never);
  });

  it('kubectl events escapes type, reason, object and the message (trimmed first, so the CR goes)', () => {
    const text = out('events');
    expect(text).toContain('Warning   Bad^[[5m    Pod/web   cleared^[[2J\n');
    expect(text).not.toContain('\x1b');
  });

  it('the get table escapes every cell', () => {
    const text = out('get events');
    expect(text).toContain('Bad^[[5m');
    expect(text).not.toContain('\x1b');
  });
});

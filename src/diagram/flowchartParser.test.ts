// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { formatFlowchart } from './flowchartFormat';
import { FlowchartError, parseFlowchart } from './flowchartParser';
import { mermaidFlowchart } from '../adapters/mermaid';
import { seedDiagram, seedDiagramOneLine } from './seedDiagram';

function ours(text: string) {
  const c = parseFlowchart(text);
  return {
    vertices: [...c.vertices.values()].map((v) => [v.id, v.label]),
    edges: c.edges.map((e) => [e.from, e.to, e.label]),
    subgraphs: c.subgraphs.map((s) => [s.title, [...s.vertices, ...s.subgraphs].sort()]).sort(([a], [b]) => String(a).localeCompare(String(b))),
  };
}

const sortedSubgraphs = (m: Awaited<ReturnType<typeof mermaidFlowchart>>) => ({ ...m, subgraphs: [...m.subgraphs].sort(([a], [b]) => String(a).localeCompare(String(b))) });

describe('parseFlowchart', () => {
  it('reads the seed diagram with its line breaks as Mermaid itself does', async () => {
    expect(ours(seedDiagram)).toEqual(sortedSubgraphs(await mermaidFlowchart(seedDiagram)));
  });

  it('reads the one-line print of the seed diagram (which Mermaid rejects) the same way', async () => {
    await expect(mermaidFlowchart(seedDiagramOneLine)).rejects.toThrow(/Parse error/);
    expect(ours(seedDiagramOneLine)).toEqual(ours(seedDiagram));
  });

  it('puts the line breaks back in a form Mermaid parses to the same diagram', async () => {
    const text = formatFlowchart(parseFlowchart(seedDiagramOneLine));
    const m = await mermaidFlowchart(text);
    expect(m.edges).toEqual(ours(seedDiagram).edges);
    expect(m.vertices).toEqual(ours(seedDiagram).vertices);
  });

  it('reads chains, quoted and entity-coded texts, -- text --> links and ; separators', () => {
    const c = parseFlowchart('flowchart LR; a["x #quot;y#quot; #35;1"] -- calls --> b((db)) -.-> c{ok}; %% note\nclassDef hot fill:#f00');
    expect(c.direction).toBe('LR');
    expect([...c.vertices.values()].map((v) => [v.id, v.label])).toEqual([
      ['a', 'x "y" #1'],
      ['b', 'db'],
      ['c', 'ok'],
    ]);
    expect(c.edges.map((e) => [e.from, e.arrow, e.label, e.to])).toEqual([
      ['a', '-->', 'calls', 'b'],
      ['b', '-.->', '', 'c'],
    ]);
    expect(c.ignored).toEqual([{ text: 'classDef hot fill:#f00', line: 2, col: 1 }]);
  });

  it.each([
    ['pie title x', 1, 1, 'a flowchart starts with "graph TD"'],
    ['graph TD\nA[Service --> B', 2, 2, '"[" is never closed with "]"'],
    ['graph TD\nsubgraph One\nA --> B\n', 2, 1, 'subgraph "One" is never closed with "end"'],
    ['graph TD\nA -->', 2, 6, 'the link "-->" needs a node after it'],
    ['graph TD\nend', 2, 1, '"end" without a subgraph to close'],
    ['graph TD\n  A --> |x B', 2, 9, 'a link label opened with | is never closed'],
  ])('says where %j goes wrong', (text, line, col, reason) => {
    try {
      parseFlowchart(text);
      expect.unreachable('parsed');
    } catch (e) {
      expect(e).toBeInstanceOf(FlowchartError);
      expect({ line: (e as FlowchartError).line, col: (e as FlowchartError).col, reason: (e as FlowchartError).reason }).toEqual({ line, col, reason: expect.stringContaining(reason) });
    }
  });
});

/**
 * A chart read by the flowchart reader written back as Mermaid text, one statement per line, which Mermaid's own
 * parser accepts: how a diagram pasted on one line (as the seed note prints it) gets its line breaks back.
 */
import type { FlowEdge, FlowSubgraph, Flowchart } from './flowchartParser';


/** The statements of a chart, one per line, as Mermaid's own parser wants them (for one-line notes). */
export function formatFlowchart(chart: Flowchart): string {
  const lines = [`graph ${chart.direction}`];
  const shown = new Set<string>();
  const node = (id: string) => {
    const v = chart.vertices.get(id);
    if (!v || shown.has(id)) return id;
    shown.add(id);
    return v.label === id ? id : `${id}["${encodeQuoted(v.label)}"]`;
  };
  const edgesOf = (sg: FlowSubgraph | undefined) => chart.edges.filter((e) => owner(chart, e) === sg?.id);
  const write = (sg: FlowSubgraph | undefined, indent: string) => {
    for (const e of edgesOf(sg)) lines.push(`${indent}${node(e.from)} ${e.arrow}${e.label ? `|${encodeQuoted(e.label).replace(/\|/g, '#124;')}|` : ''} ${node(e.to)}`);
    for (const child of chart.subgraphs.filter((s) => s.parent === sg?.id)) {
      lines.push(`${indent}subgraph ${safeSubgraphId(child.id)}["${encodeQuoted(child.title)}"]`);
      write(child, `${indent}  `);
      lines.push(`${indent}end`);
    }
    if (sg) for (const v of sg.vertices) if (!edgesOf(sg).some((e) => e.from === v || e.to === v) || !shown.has(v)) lines.push(`${indent}${node(v)}`);
  };
  write(undefined, '  ');
  for (const v of chart.vertices.keys()) if (!shown.has(v) && !chart.subgraphs.some((s) => s.vertices.includes(v))) lines.push(`  ${node(v)}`);
  return `${lines.join('\n')}\n`;
}

/** The subgraph an edge was written in: the innermost one holding both ends, or none. */
function owner(chart: Flowchart, e: FlowEdge): string | undefined {
  const chain = (v: string) => {
    const ids: string[] = [];
    let sg = chart.subgraphs.find((s) => s.vertices.includes(v));
    while (sg) {
      ids.push(sg.id);
      const parent = sg.parent;
      sg = parent ? chart.subgraphs.find((s) => s.id === parent) : undefined;
    }
    return ids;
  };
  const a = chain(e.from);
  const b = new Set(chain(e.to));
  return a.find((id) => b.has(id));
}

function encodeQuoted(text: string): string {
  return text.replace(/#/g, '#35;').replace(/"/g, '#quot;');
}

function safeSubgraphId(id: string): string {
  return id.replace(/[^\p{L}\p{N}_]/gu, '_');
}

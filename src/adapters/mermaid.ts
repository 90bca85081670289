/**
 * Mermaid, loaded only when a diagram is shown (a dynamic import: it never sits on the critical path of the graph
 * or of embed mode). Always `securityLevel: 'strict'`: Mermaid encodes the text's tags and disables click
 * handlers, so a name in a diagram can never become markup or a script.
 */
type Mermaid = (typeof import('mermaid'))['default'];

let loading: Promise<Mermaid> | undefined;
let renders = 0;

export function loadMermaid(): Promise<Mermaid> {
  loading ??= import('mermaid').then(({ default: mermaid }) => {
    mermaid.initialize({ startOnLoad: false, securityLevel: 'strict' });
    return mermaid;
  });
  return loading;
}

/**
 * A render's result: the SVG, or why there is none as a code the UI words (`unreadable`: Mermaid read no diagram
 * in the text; `failed`: Mermaid's own message, shown as Mermaid wrote it, like a tool's output).
 */
export type MermaidRender = { ok: true; svg: string } | { ok: false; problem: 'unreadable' } | { ok: false; problem: 'failed'; detail: string };

/** The diagram as SVG text, or why Mermaid could not draw it (never thrown). */
export async function renderMermaid(text: string, dark = false): Promise<MermaidRender> {
  const mermaid = await loadMermaid();
  mermaid.initialize({ startOnLoad: false, securityLevel: 'strict', theme: dark ? 'dark' : 'default' });
  renders += 1;
  const id = `svcsim-mermaid-${renders}`;
  try {
    const parsed = await mermaid.parse(text, { suppressErrors: false });
    if (!parsed) return { ok: false, problem: 'unreadable' };
    const { svg } = await mermaid.render(id, text);
    return { ok: true, svg };
  } catch (e) {
    // a failed render leaves its scratch element in the page
    document.getElementById(`d${id}`)?.remove();
    return { ok: false, problem: 'failed', detail: e instanceof Error ? e.message : String(e) };
  }
}

/** Mermaid's name for the diagram type when it parses the text; throws Mermaid's error otherwise. */
export async function mermaidDiagramType(text: string): Promise<string> {
  const mermaid = await loadMermaid();
  const r = await mermaid.parse(text);
  return r ? r.diagramType : 'invalid';
}

/** Mermaid's own reading of a flowchart: vertices (id, text), edges (start, end, text), subgraphs (title, members). */
export async function mermaidFlowchart(text: string) {
  const mermaid = await loadMermaid();
  const d = await mermaid.mermaidAPI.getDiagramFromText(text);
  const db = d.db as unknown as {
    getVertices(): Map<string, { id: string; text: string }>;
    getEdges(): { start: string; end: string; text: string }[];
    getSubGraphs(): { id: string; title: string; nodes: string[] }[];
  };
  return {
    vertices: [...db.getVertices().values()].map((v) => [v.id, v.text]),
    edges: db.getEdges().map((e) => [e.start, e.end, e.text]),
    subgraphs: db.getSubGraphs().map((s) => [s.title, [...s.nodes].sort()]),
  };
}

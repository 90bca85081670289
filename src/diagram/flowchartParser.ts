/**
 * A reader for the subset of Mermaid's flowchart syntax that topology sketches use: `graph|flowchart DIR`,
 * `subgraph … end`, nodes with a shape (`A[text]`, `A(text)`, `A{text}`, `A((text))`, `A["quoted"]`), links
 * (`-->`, `---`, `-.->`, `==>`, with `|label|` or `-- label -->`) and chains of them.
 *
 * Mermaid's own parser needs statements on separate lines (or `;`); notes copied from web pages often print a
 * diagram on one line, so this reader is driven by tokens, not lines: a node statement ends where the next word
 * is not a link, and a subgraph title ends at the first word that names a node. Errors carry line:col.
 * Lines it does not model (`classDef`, `style`, `click`, …) are kept in `ignored` so the caller can say so.
 */
import { type FlowchartProblemCode, type FlowchartValues, flowchartReasonEn } from './flowchartProblems';

export interface FlowVertex {
  id: string;
  /** The shape's text, or the id when the node never had one. */
  label: string;
  line: number;
  col: number;
}

export interface FlowEdge {
  from: string;
  to: string;
  /** The link's text (`|Endpoints|`), '' when none. */
  label: string;
  /** The arrow as written (`-->`, `-.->`, …). */
  arrow: string;
  line: number;
  col: number;
}

export interface FlowSubgraph {
  id: string;
  title: string;
  /** Vertex ids written inside this subgraph (not inside a nested one), in order. */
  vertices: string[];
  /** Ids of the subgraphs nested directly inside. */
  subgraphs: string[];
  parent?: string;
  line: number;
  col: number;
}

export interface Flowchart {
  direction: string;
  vertices: Map<string, FlowVertex>;
  edges: FlowEdge[];
  subgraphs: FlowSubgraph[];
  /** Statements read but not modelled (styles, classes, clicks), with where they were. */
  ignored: { text: string; line: number; col: number }[];
}

/** Where a text stops being a flowchart, and why: a problem code (worded by the reader's catalogs) and in English. */
export class FlowchartError extends Error {
  /** The problem in English. */
  readonly reason: string;
  constructor(
    readonly line: number,
    readonly col: number,
    readonly code: FlowchartProblemCode,
    readonly values: FlowchartValues = {},
  ) {
    const reason = flowchartReasonEn(code, values);
    super(`line ${line}:${col}: ${reason}`);
    this.reason = reason;
  }
}

type Token =
  | { t: 'word'; v: string; line: number; col: number }
  | { t: 'shape'; v: string; line: number; col: number }
  | { t: 'link'; v: string; label: string; line: number; col: number }
  | { t: 'pipe'; v: string; line: number; col: number }
  | { t: 'eol'; line: number; col: number };

const shapeClose: Record<string, string> = { '[': ']', '(': ')', '{': '}', '>': ']' };
// longest first: a link is dashes/equals/dots with an optional head at either end
const linkPattern = /^(<?(?:-{2,}|={2,}|-\.+-)(?:>|o|x)?)/;
const labelledLinkStart = /^(--|==|-\.)(?=[ \t])/;
const ignoredKeywords = new Set(['classDef', 'class', 'style', 'linkStyle', 'click', 'direction', 'accTitle', 'accDescr']);

function tokenize(src: string): Token[] {
  const out: Token[] = [];
  let i = 0;
  let line = 1;
  let lineStart = 0;
  const col = () => i - lineStart + 1;
  const fail = (code: FlowchartProblemCode, values?: FlowchartValues): never => {
    throw new FlowchartError(line, col(), code, values);
  };
  while (i < src.length) {
    const c = src[i] as string;
    if (c === '\n') {
      out.push({ t: 'eol', line, col: col() });
      i++;
      line++;
      lineStart = i;
      continue;
    }
    if (c === ';') {
      out.push({ t: 'eol', line, col: col() });
      i++;
      continue;
    }
    if (c === ' ' || c === '\t' || c === '\r') {
      i++;
      continue;
    }
    if (c === '%' && src[i + 1] === '%') {
      while (i < src.length && src[i] !== '\n') i++;
      continue;
    }
    const rest = src.slice(i, i + 200);
    const labelled = labelledLinkStart.exec(rest);
    if (labelled) {
      // `A -- text --> B`: the text runs to the closing arrow
      const start = { line, col: col() };
      const close = src.slice(i + 2).search(labelled[1] === '==' ? /={2,}[>ox]?/ : labelled[1] === '-.' ? /\.-+>?/ : /-{2,}[>ox]?/);
      if (close < 0) fail('linkTextOpen');
      const text = src.slice(i + 2, i + 2 + close).trim();
      const arrowAt = i + 2 + close;
      const arrow = /^(={2,}|\.-+|-{2,})[>ox]?/.exec(src.slice(arrowAt))?.[0] ?? '';
      if (text.includes('\n')) fail('linkTextLine');
      // `A -- text --> B` is `A -->|text| B`
      out.push({ t: 'link', v: labelled[1] === '-.' ? `-${arrow}` : arrow, label: text, ...start });
      i = arrowAt + arrow.length;
      continue;
    }
    const link = linkPattern.exec(rest);
    if (link) {
      out.push({ t: 'link', v: link[1] as string, label: '', line, col: col() });
      i += (link[1] as string).length;
      continue;
    }
    if (c === '|') {
      const start = { line, col: col() };
      const end = src.indexOf('|', i + 1);
      const nl = src.indexOf('\n', i + 1);
      if (end < 0 || (nl >= 0 && nl < end)) fail('labelOpen');
      out.push({ t: 'pipe', v: src.slice(i + 1, end).trim(), ...start });
      i = end + 1;
      continue;
    }
    if (c in shapeClose) {
      const shape = readShape(src, i, line, col(), fail);
      out.push(shape.token);
      i = shape.end;
      continue;
    }
    if (c === ']' || c === ')' || c === '}') fail('unexpected', { char: c });
    // a word: up to whitespace, a shape, a pipe, a semicolon or the start of a link
    const start = i;
    while (i < src.length) {
      const d = src[i] as string;
      if (/\s/.test(d) || d === ';' || d === '|' || d in shapeClose || d === ']' || d === ')' || d === '}') break;
      if ((d === '-' || d === '=' || d === '<') && (linkPattern.test(src.slice(i, i + 200)) || labelledLinkStart.test(src.slice(i, i + 3)))) break;
      if (d === '"') fail('quoteOutside');
      i++;
    }
    out.push({ t: 'word', v: src.slice(start, i), line, col: start - lineStart + 1 });
  }
  out.push({ t: 'eol', line, col: col() });
  return out;
}

function readShape(src: string, i: number, line: number, col: number, fail: (code: FlowchartProblemCode, values?: FlowchartValues) => never): { token: Token; end: number } {
  // an opener of up to two characters (`[[`, `((`, `([`, `[(`, `{{`, `>`), then text, then the mirrored closer
  let open = src[i] as string;
  let j = i + 1;
  if ('[({'.includes(src[j] as string) && open !== '>') open += src[j++];
  const closer = [...open]
    .reverse()
    .map((o) => shapeClose[o] as string)
    .join('');
  let text: string;
  if (src[j] === '"') {
    const q = src.indexOf('"', j + 1);
    if (q < 0) fail('quoteOpen');
    text = src.slice(j + 1, q);
    j = q + 1;
    if (!src.startsWith(closer, j)) fail('closerAfterQuote', { closer });
  } else {
    const end = src.indexOf(closer, j);
    if (end < 0) fail('shapeOpen', { open, closer });
    text = src.slice(j, end);
    j = end;
  }
  if (text.includes('\n')) fail('nodeTextLine');
  return { token: { t: 'shape', v: decodeEntities(text.trim()), line, col }, end: j + closer.length };
}

/** Mermaid's entity codes (`#quot;`, `#35;`) as the characters they stand for. */
export function decodeEntities(text: string): string {
  const named: Record<string, string> = { quot: '"', amp: '&', lt: '<', gt: '>', nbsp: ' ' };
  return text.replace(/#(\d+|[a-z]+);/g, (m, code: string) => {
    if (/^\d+$/.test(code)) {
      const n = Number(code);
      return n <= 0x10ffff ? String.fromCodePoint(n) : m;
    }
    return named[code] ?? m;
  });
}

/** Reads a flowchart; throws {@link FlowchartError} with line:col when the text is not one. */
export function parseFlowchart(src: string): Flowchart {
  const tokens = tokenize(src);
  // ids that are nodes somewhere (with a shape or in a link): these end a subgraph title on a one-line diagram
  const nodeIds = new Set<string>();
  tokens.forEach((tk, k) => {
    if (tk.t !== 'word') return;
    const prev = tokens[k - 1];
    const next = tokens[k + 1];
    if (next?.t === 'shape' || next?.t === 'link' || prev?.t === 'link' || prev?.t === 'pipe') nodeIds.add(tk.v);
  });
  const chart: Flowchart = { direction: 'TD', vertices: new Map(), edges: [], subgraphs: [], ignored: [] };
  let k = 0;
  const peek = () => tokens[k] as Token;
  const skipEol = () => {
    while (peek().t === 'eol' && k < tokens.length - 1) k++;
  };
  skipEol();
  const head = peek();
  if (head.t !== 'word' || !/^(graph|flowchart)$/.test(head.v)) {
    throw new FlowchartError(head.line, head.col, 'notFlowchart');
  }
  k++;
  const dir = peek();
  if (dir.t === 'word' && /^(TD|TB|BT|RL|LR)$/.test(dir.v)) {
    chart.direction = dir.v;
    k++;
  }
  const stack: FlowSubgraph[] = [];
  const subgraphIds = new Set<string>();
  const place = (id: string) => {
    const top = stack[stack.length - 1];
    if (top && !top.vertices.includes(id)) top.vertices.push(id);
  };
  const vertex = (tk: Extract<Token, { t: 'word' }>): string => {
    const shape = tokens[k]?.t === 'shape' ? (tokens[k] as Extract<Token, { t: 'shape' }>) : undefined;
    if (shape) k++;
    const known = chart.vertices.get(tk.v);
    if (!known) chart.vertices.set(tk.v, { id: tk.v, label: shape?.v ?? tk.v, line: tk.line, col: tk.col });
    else if (shape) known.label = shape.v;
    place(tk.v);
    return tk.v;
  };
  while (k < tokens.length) {
    const tk = peek();
    if (tk.t === 'eol') {
      k++;
      continue;
    }
    if (tk.t !== 'word') throw new FlowchartError(tk.line, tk.col, tk.t === 'link' ? 'linkFirst' : tk.t === 'pipe' ? 'labelFirst' : 'shapeFirst');
    k++;
    if (tk.v === 'end') {
      if (!stack.pop()) throw new FlowchartError(tk.line, tk.col, 'endAlone');
      continue;
    }
    if (tk.v === 'subgraph') {
      const words: string[] = [];
      let explicitTitle: string | undefined;
      while (peek().t === 'word' && (words.length === 0 || !(nodeIds.has((peek() as { v: string }).v) || (peek() as { v: string }).v === 'end' || (peek() as { v: string }).v === 'subgraph'))) {
        words.push((peek() as { v: string }).v);
        k++;
        if (peek().t === 'shape') {
          explicitTitle = (peek() as { v: string }).v;
          k++;
          break;
        }
      }
      if (words.length === 0) throw new FlowchartError(tk.line, tk.col, 'subgraphTitle');
      const title = explicitTitle ?? words.join(' ');
      let id = explicitTitle !== undefined || words.length === 1 ? words.join(' ') : title;
      if (subgraphIds.has(id)) id = `${id}#${chart.subgraphs.length}`;
      subgraphIds.add(id);
      const parent = stack[stack.length - 1];
      const sg: FlowSubgraph = { id, title, vertices: [], subgraphs: [], line: tk.line, col: tk.col, ...(parent ? { parent: parent.id } : {}) };
      parent?.subgraphs.push(id);
      chart.subgraphs.push(sg);
      stack.push(sg);
      continue;
    }
    if (ignoredKeywords.has(tk.v)) {
      const parts = [tk.v];
      while (peek().t !== 'eol') {
        const p = peek();
        parts.push('v' in p ? p.v : '');
        k++;
      }
      chart.ignored.push({ text: parts.join(' '), line: tk.line, col: tk.col });
      continue;
    }
    let from = vertex(tk);
    while (peek().t === 'link') {
      const link = peek() as Extract<Token, { t: 'link' }>;
      k++;
      let label = link.label;
      if (peek().t === 'pipe') {
        label = decodeEntities((peek() as { v: string }).v);
        k++;
      }
      const target = peek();
      if (target.t !== 'word' || target.v === 'end' || target.v === 'subgraph') throw new FlowchartError(target.line, target.col, 'linkTarget', { link: link.v });
      k++;
      const to = vertex(target);
      chart.edges.push({ from, to, label, arrow: link.v, line: link.line, col: link.col });
      from = to;
    }
    const after = peek();
    if (after.t === 'shape' || after.t === 'pipe') throw new FlowchartError(after.line, after.col, after.t === 'pipe' ? 'labelAfterLink' : 'oneShape');
  }
  const open = stack[stack.length - 1];
  if (open) throw new FlowchartError(open.line, open.col, 'subgraphOpen', { title: open.title });
  // a node written in a nested subgraph belongs there only (as Mermaid draws it), not to the enclosing ones too
  for (const sg of chart.subgraphs) {
    const nested = new Set(chart.subgraphs.filter((s) => s.parent === sg.id).flatMap((s) => descendantsVertices(chart, s)));
    sg.vertices = sg.vertices.filter((v) => !nested.has(v));
  }
  return chart;
}

function descendantsVertices(chart: Flowchart, sg: FlowSubgraph): string[] {
  return [...sg.vertices, ...chart.subgraphs.filter((s) => s.parent === sg.id).flatMap((s) => descendantsVertices(chart, s))];
}

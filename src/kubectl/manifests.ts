/**
 * Multi-document YAML manifests, as `kubectl apply -f` reads them: each `---` document becomes one object,
 * with the line it starts on so errors can point at the editor. Empty documents are skipped like kubectl does.
 * Hostile input (nesting too deep, an alias bomb) is a YAML error at its position, like any other.
 */
import { LineCounter, parseAllDocuments } from 'yaml';
import { aliasingError, nestingDepthError } from './yamlLimits';

export interface ManifestDoc {
  /** 0-based index among the documents in the text (empty ones included). */
  index: number;
  /** 1-based line where the document's content starts. */
  line: number;
  object?: Record<string, unknown>;
  /** A YAML syntax error or a shape error, with its own 1-based position. */
  error?: { message: string; line: number; column: number };
}

export function parseManifests(text: string): ManifestDoc[] {
  const deep = nestingDepthError(text);
  if (!deep) return parseDocuments(text).docs;
  // a document nested that deep would overflow the parser's stack: read the documents before it, then stop
  // there, as kubectl stops reading a stream at its first decode error
  const { docs, count } = parseDocuments(text.slice(0, deep.documentStart));
  const lines = new LineCounter();
  lines.addNewLine(0);
  for (let i = text.indexOf('\n'); i >= 0 && i < deep.offset; i = text.indexOf('\n', i + 1)) lines.addNewLine(i + 1);
  const at = lines.linePos(deep.offset);
  const line = lines.linePos(deep.documentStart).line;
  return [...docs, { index: count, line, error: { message: deep.message, line: at.line, column: at.col } }];
}

/** The documents of `text`, and how many there were (empty ones included). */
function parseDocuments(text: string): { docs: ManifestDoc[]; count: number } {
  const lineCounter = new LineCounter();
  const docs = parseAllDocuments(text, { lineCounter, prettyErrors: false, uniqueKeys: true });
  const list = Array.isArray(docs) ? docs : [docs];
  const out: ManifestDoc[] = [];
  const errorAt = (index: number, line: number, message: string, offset: number): ManifestDoc => {
    const pos = lineCounter.linePos(offset);
    return { index, line, error: { message, line: pos.line, column: pos.col } };
  };
  list.forEach((doc, index) => {
    const start = doc.contents?.range?.[0] ?? doc.range?.[0] ?? 0;
    const line = lineCounter.linePos(start).line;
    if (doc.errors.length > 0) {
      const e = doc.errors[0];
      out.push(errorAt(index, line, yamlMessage(e.message), e.pos[0]));
      return;
    }
    const aliasing = aliasingError(doc);
    if (aliasing) {
      out.push(errorAt(index, line, aliasing.message, aliasing.offset));
      return;
    }
    // go-yaml's aliasing rule (checked above) bounds the expansion; the yaml package's own cruder count is off
    const value = doc.toJS({ maxAliasCount: -1 }) as unknown;
    if (value === null || value === undefined) return;
    if (typeof value !== 'object' || Array.isArray(value)) {
      out.push({ index, line, error: { message: 'a manifest document must be a mapping (an object with apiVersion, kind and metadata)', line, column: 1 } });
      return;
    }
    out.push({ index, line, object: value as Record<string, unknown> });
  });
  return { docs: out, count: list.length };
}

/** The first line of the yaml library's message, which is the part a user needs. */
function yamlMessage(m: string): string {
  return m.split('\n')[0];
}

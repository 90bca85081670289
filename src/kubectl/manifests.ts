/**
 * Multi-document YAML manifests, as `kubectl apply -f` reads them: each `---` document becomes one object,
 * with the line it starts on so errors can point at the editor. Empty documents are skipped like kubectl does.
 */
import { LineCounter, parseAllDocuments } from 'yaml';

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
  const lineCounter = new LineCounter();
  const docs = parseAllDocuments(text, { lineCounter, prettyErrors: false, uniqueKeys: true });
  const list = Array.isArray(docs) ? docs : [docs];
  const out: ManifestDoc[] = [];
  list.forEach((doc, index) => {
    const start = doc.contents?.range?.[0] ?? doc.range?.[0] ?? 0;
    const line = lineCounter.linePos(start).line;
    if (doc.errors.length > 0) {
      const e = doc.errors[0];
      const pos = lineCounter.linePos(e.pos[0]);
      out.push({ index, line, error: { message: yamlMessage(e.message), line: pos.line, column: pos.col } });
      return;
    }
    const value = doc.toJS({ maxAliasCount: 100 }) as unknown;
    if (value === null || value === undefined) return;
    if (typeof value !== 'object' || Array.isArray(value)) {
      out.push({ index, line, error: { message: 'a manifest document must be a mapping (an object with apiVersion, kind and metadata)', line, column: 1 } });
      return;
    }
    out.push({ index, line, object: value as Record<string, unknown> });
  });
  return out;
}

/** The first line of the yaml library's message, which is the part a user needs. */
function yamlMessage(m: string): string {
  return m.split('\n')[0];
}

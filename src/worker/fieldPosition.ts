/**
 * Maps an apiserver field path (`spec.ports[0].nodePort`) back to the line and column in the manifest text
 * where the user wrote it, so the editor can underline the very field the apiserver rejected.
 */
import { isNode, LineCounter, parseAllDocuments } from 'yaml';

/** `spec.ports[0].nodePort` → ['spec', 'ports', 0, 'nodePort']; `metadata.labels[app]` style keys kept whole. */
export function splitFieldPath(path: string): Array<string | number> {
  const out: Array<string | number> = [];
  const re = /([^.[\]]+)|\[(\d+)\]|\[([^\]]+)\]/g;
  for (let m = re.exec(path); m; m = re.exec(path)) {
    if (m[1] !== undefined) out.push(m[1]);
    else if (m[2] !== undefined) out.push(Number(m[2]));
    else out.push(m[3]);
  }
  return out;
}

/**
 * The 1-based position of the deepest part of `fieldPath` that exists in document `index` of `text`
 * (a missing field points at its parent), or undefined when nothing matches.
 */
export function fieldPosition(text: string, index: number, fieldPath: string): { line: number; column: number } | undefined {
  const lineCounter = new LineCounter();
  const docs = parseAllDocuments(text, { lineCounter });
  const list = Array.isArray(docs) ? docs : [docs];
  const doc = list[index];
  if (!doc) return undefined;
  const parts = splitFieldPath(fieldPath);
  for (let n = parts.length; n > 0; n--) {
    const node = doc.getIn(parts.slice(0, n), true);
    if (isNode(node) && node.range) {
      const pos = lineCounter.linePos(node.range[0]);
      return { line: pos.line, column: pos.col };
    }
  }
  return undefined;
}

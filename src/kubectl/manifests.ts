/**
 * Multi-document YAML manifests, as `kubectl apply -f` reads them: each `---` document becomes one object,
 * with the line it starts on so errors can point at the editor. Empty documents are skipped like kubectl does.
 * Hostile input (nesting too deep, an alias bomb) is a YAML error at its position, like any other.
 */
import { Composer, type Document, LineCounter } from 'yaml';
import { maxRequestBodyBytes, yamlTextExceedsRequestBody } from '../engine';
import { NestingLimit, aliasingError, depthCheckedTokens } from '../shared/yamlLimits';

export interface ManifestDoc {
  /** 0-based index among the documents in the text (empty ones included). */
  index: number;
  /** 1-based line where the document's content starts. */
  line: number;
  object?: Record<string, unknown>;
  /** A YAML syntax error or a shape error, with its own 1-based position. */
  error?: { message: string; line: number; column: number };
  /** Too large to be sent in one request: not parsed at all (the apiserver would refuse it, see requestSize.ts). */
  tooLarge?: boolean;
}

export function parseManifests(text: string): ManifestDoc[] {
  return [...manifestStream(text)];
}

/**
 * The manifests of `text`, parsed lazily when no document can exceed the apiserver's request limit; otherwise
 * split first, so an oversize document is refused without being parsed.
 */
export function manifestStream(text: string): Iterable<ManifestDoc> {
  if (text.length <= maxRequestBodyBytes) return manifestDocs(text);
  // A document over the request limit is refused before the YAML parser spends seconds on it.
  const chunks = splitDocuments(text);
  const oversize = chunks.map((c) => yamlTextExceedsRequestBody(c.text));
  if (!oversize.includes(true)) return manifestDocs(text);
  const out: ManifestDoc[] = [];
  chunks.forEach((c, index) => {
    if (oversize[index]) {
      out.push({ index, line: c.line, tooLarge: true });
      return;
    }
    for (const d of manifestDocs(c.text)) {
      out.push({ ...d, index, line: d.line + c.line - 1, ...(d.error ? { error: { ...d.error, line: d.error.line + c.line - 1 } } : {}) });
    }
  });
  return out;
}

/** The text between `---` lines, each with the 1-based line it starts on (a leading empty part dropped). */
function splitDocuments(text: string): Array<{ text: string; line: number }> {
  const chunks: Array<{ text: string; line: number }> = [];
  let chunkStart = 0;
  let chunkLine = 1;
  let counted = 0;
  let line = 1;
  for (const m of text.matchAll(/^---(?:[ \t].*)?$/gm)) {
    for (let i = text.indexOf('\n', counted); i !== -1 && i < m.index; i = text.indexOf('\n', i + 1)) line++;
    counted = m.index;
    chunks.push({ text: text.slice(chunkStart, m.index), line: chunkLine });
    chunkStart = m.index + m[0].length + 1;
    chunkLine = line + 1;
  }
  chunks.push({ text: text.slice(chunkStart), line: chunkLine });
  return chunks.filter((c, i) => i > 0 || c.text.trim() !== '');
}

/**
 * A key given twice in one mapping is no error for kubectl: its decoder (apimachinery `pkg/util/yaml/decoder.go`,
 * `YAMLToJSONDecoder.Decode`) converts each document with sigs.k8s.io/yaml's non-strict `Unmarshal` (`yaml.go`:
 * "Duplicate fields are ... ignored"; go-yaml v2 keeps the last value), so the apiserver receives JSON with one
 * value and its strict field validation never sees the duplicate (kubernetes/kubernetes#125885 shows the request
 * body). The editor's YAML checker still marks the key while typing.
 */
const uniqueKeys = false;

/** The manifests of `text` one by one, each parsed only when asked for (a long apply can interleave work). */
export function* manifestDocs(text: string): Generator<ManifestDoc, void> {
  const lineCounter = new LineCounter();
  const composer = new Composer({ prettyErrors: false, uniqueKeys });
  let index = 0;
  function* read(docs: Iterable<Document.Parsed>): Generator<ManifestDoc, void> {
    for (const doc of docs) {
      const m = readDocument(doc, index++, lineCounter);
      if (m) yield m;
    }
  }
  let tooDeep: NestingLimit | undefined;
  try {
    yield* read(composer.compose(depthCheckedTokens(text, lineCounter.addNewLine)));
  } catch (e) {
    if (!(e instanceof NestingLimit)) throw e;
    tooDeep = e;
  }
  if (!tooDeep) return;
  // a document nested that deep would overflow the composer's stack: keep the documents before it (the
  // composer holds the last complete one back until it sees the next) and stop there, as kubectl stops
  // reading a stream at its first decode error
  yield* read(composer.end());
  const at = lineCounter.linePos(tooDeep.offset);
  yield { index, line: lineCounter.linePos(tooDeep.documentStart).line, error: { message: tooDeep.message, line: at.line, column: at.col } };
}

/** One composed document as a manifest, or undefined for an empty one. */
function readDocument(doc: Document.Parsed, index: number, lineCounter: LineCounter): ManifestDoc | undefined {
  const errorAt = (message: string, offset: number): ManifestDoc => {
    const pos = lineCounter.linePos(offset);
    return { index, line, error: { message, line: pos.line, column: pos.col } };
  };
  const start = doc.contents?.range?.[0] ?? doc.range?.[0] ?? 0;
  const line = lineCounter.linePos(start).line;
  if (doc.errors.length > 0) return errorAt(yamlMessage(doc.errors[0].message), doc.errors[0].pos[0]);
  const aliasing = aliasingError(doc);
  if (aliasing) return errorAt(aliasing.message, aliasing.offset);
  // go-yaml's aliasing rule (checked above) bounds the expansion; the yaml package's own cruder count is off
  const value = doc.toJS({ maxAliasCount: -1 }) as unknown;
  if (value === null || value === undefined) return undefined;
  if (typeof value !== 'object' || Array.isArray(value)) {
    return { index, line, error: { message: 'a manifest document must be a mapping (an object with apiVersion, kind and metadata)', line, column: 1 } };
  }
  return { index, line, object: value as Record<string, unknown> };
}

/** The first line of the yaml library's message, which is the part a user needs. */
function yamlMessage(m: string): string {
  return m.split('\n')[0];
}

/**
 * The two guards go-yaml puts in front of hostile YAML, so a paste cannot freeze or crash the simulator:
 *
 * - Nesting depth. go-yaml refuses to scan deeper than 10000 levels ("exceeded max depth of 10000",
 *   sigs.k8s.io/yaml goyaml.v2/scannerc.go, max_flow_level and max_indents). The yaml package and the engine
 *   recurse over the tree, which a JavaScript stack cannot do 10000 levels deep, so the limit here is
 *   `maxNestingDepth`, far deeper than any Kubernetes object.
 * - Alias expansion ("billion laughs"). go-yaml counts every node it decodes and fails with "document contains
 *   excessive aliasing" once more than 100 of over 1000 decoded nodes came from aliases and their share is above
 *   what the document's size allows: 99% up to 400,000 decodes, falling linearly to 10% at 4,000,000
 *   (sigs.k8s.io/yaml goyaml.v2/decode.go, `allowedAliasRatio` and `unmarshal`). The same count is made here
 *   from expansion sizes, without expanding anything, so the failing alias can be pointed at.
 */
import { type CST, type Document, Lexer, Parser, isAlias, isMap, isScalar, isSeq } from 'yaml';

type Token = CST.Token;

/** How deep collections may nest in the simulator's YAML and JSON input. */
export const maxNestingDepth = 100;

/** A limit hit at an offset of the text. */
export interface YamlLimitError {
  message: string;
  /** 0-based offset of the text where the limit was passed. */
  offset: number;
}

/** Thrown by `depthCheckedTokens` where the text first nests deeper than `maxNestingDepth`. */
export class NestingLimit extends Error {
  constructor(
    /** 0-based offset of the collection start that went too deep. */
    readonly offset: number,
    /** Offset of the document holding it. */
    readonly documentStart: number,
  ) {
    super(`exceeded max depth of ${maxNestingDepth}`);
  }
}

/**
 * The yaml package's CST tokens for `text` (what `Parser.parse` yields, reporting new lines to `onNewLine`),
 * throwing `NestingLimit` as soon as collections nest too deep: the CST parser keeps open collections on an
 * explicit stack (no recursion), where a document and its top-level collection take two entries.
 */
export function* depthCheckedTokens(text: string, onNewLine?: (offset: number) => void): Generator<Token, void> {
  const parser = new Parser(onNewLine);
  onNewLine?.(0);
  const limit = maxNestingDepth + 2;
  let offset = 0;
  for (const lexeme of new Lexer().lex(text)) {
    yield* parser.next(lexeme);
    if (parser.stack.length > limit) throw new NestingLimit(offset, parser.stack[0]?.offset ?? 0);
    offset = parser.offset;
  }
  yield* parser.end();
}

/** Where the text first nests deeper than `maxNestingDepth`, and the offset of the document holding it. */
export function nestingDepthError(text: string): (YamlLimitError & { documentStart: number }) | undefined {
  try {
    for (const _ of depthCheckedTokens(text)) {
      // only the depth matters here
    }
    return undefined;
  } catch (e) {
    if (e instanceof NestingLimit) return { message: e.message, offset: e.offset, documentStart: e.documentStart };
    throw e;
  }
}

const aliasRatioRangeLow = 400_000;
const aliasRatioRangeHigh = 4_000_000;

function allowedAliasRatio(decodeCount: number): number {
  if (decodeCount <= aliasRatioRangeLow) return 0.99;
  if (decodeCount >= aliasRatioRangeHigh) return 0.1;
  return 0.99 - (0.89 * (decodeCount - aliasRatioRangeLow)) / (aliasRatioRangeHigh - aliasRatioRangeLow);
}

class AliasLimit extends Error {
  constructor(
    message: string,
    readonly offset: number,
  ) {
    super(message);
  }
}

/**
 * go-yaml's aliasing check over a parsed document (its nesting already checked): the first node at which
 * decoding it would fail, or undefined. Aliases are sized from their anchor's already-counted size.
 */
export function aliasingError(doc: Document): YamlLimitError | undefined {
  let decodeCount = 1; // the document node
  let aliasCount = 0;
  const sizes = new Map<unknown, number>();
  const check = (offset: number) => {
    if (aliasCount > 100 && decodeCount > 1000 && aliasCount / decodeCount > allowedAliasRatio(decodeCount)) {
      throw new AliasLimit('document contains excessive aliasing', offset);
    }
  };
  // decodes `node` in document order, as go-yaml does; returns how many nodes decoding it takes
  const walk = (node: unknown, offset: number): number => {
    decodeCount++;
    const at = (node as { range?: [number] } | null)?.range?.[0] ?? offset;
    check(at);
    let size = 1;
    if (isAlias(node)) {
      const target = node.resolve(doc);
      const expanded = target === undefined ? 0 : sizes.get(target);
      if (expanded === undefined) throw new AliasLimit(`anchor '${node.source}' value contains itself`, at);
      decodeCount += expanded;
      aliasCount += expanded;
      check(at);
      size += expanded;
    } else if (isMap(node)) {
      for (const pair of node.items) size += walk(pair.key, at) + walk(pair.value, at);
    } else if (isSeq(node)) {
      for (const item of node.items) size += walk(item, at);
    } else if (!isScalar(node) && node !== null && node !== undefined) {
      return size;
    }
    sizes.set(node, size);
    return size;
  };
  try {
    walk(doc.contents, doc.range?.[0] ?? 0);
    return undefined;
  } catch (e) {
    if (e instanceof AliasLimit) return { message: e.message, offset: e.offset };
    throw e;
  }
}

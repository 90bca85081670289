/**
 * go-cmp's text tree (`cmp/report_text.go`): lines, wrappers and comma-separated lists that collapse onto
 * one line when they can, otherwise print one record per line with `  `, `- ` or `+ ` and tab indentation,
 * keys and values aligned in runs.
 */

/** Diff modes are bytes in go-cmp and get OR-ed together, so the numeric values matter. */
export const diffUnknown = 0;
/** An unchanged record. */
export const diffIdentical = 0x20; // ' '
/** A record only in the old value. */
export const diffRemoved = 0x2d; // '-'
/** A record only in the new value. */
export const diffInserted = 0x2b; // '+'
export type DiffMode = number;

export type TextNode = TextLine | TextWrap | TextList;

/** A single line of text (`textLine`). */
export class TextLine {
  constructor(readonly s: string) {}
}

/** A prefix and suffix around a node, e.g. `core.Container{` ... `}` (`textWrap`). */
export class TextWrap {
  constructor(
    readonly prefix: string,
    public value: TextNode,
    readonly suffix: string,
  ) {}
}

export interface TextRecord {
  diff: DiffMode;
  key: string;
  value: TextNode;
  elideComma?: boolean;
  comment?: DiffStats | string;
}

/** Comma-separated records (`textList`). */
export class TextList {
  constructor(readonly records: TextRecord[] = []) {}
  push(r: Partial<TextRecord> & { value: TextNode }): void {
    this.records.push({ diff: diffUnknown, key: '', ...r });
  }
  /** Adds a "..." record, or merges the statistics into a trailing one. */
  appendEllipsis(ds?: DiffStats): void {
    const hasStats = ds !== undefined && !ds.isZero();
    const last = this.records[this.records.length - 1];
    if (!last || !textEqual(last.value, textEllipsis)) {
      this.records.push({ diff: diffUnknown, key: '', value: textEllipsis, elideComma: true, comment: hasStats ? ds : undefined });
      return;
    }
    if (hasStats && ds) last.comment = last.comment instanceof DiffStats ? last.comment.append(ds) : ds;
  }
}

/** `nil` and `...` as go-cmp prints them. */
export const textNil = new TextLine('nil');
export const textEllipsis = new TextLine('...');

const utf8 = new TextEncoder();
const byteLen = (s: string) => utf8.encode(s).length;
const runeLen = (s: string) => [...s].length;

/** Single-line length in bytes (diff marks and comments ignored). */
export function textLen(n: TextNode): number {
  if (n instanceof TextLine) return byteLen(n.s);
  if (n instanceof TextWrap) return byteLen(n.prefix) + textLen(n.value) + byteLen(n.suffix);
  let total = 0;
  n.records.forEach((r, i) => {
    total += byteLen(r.key) + (r.key ? 2 : 0) + textLen(r.value) + (i < n.records.length - 1 ? 2 : 0);
  });
  return total;
}

/** Structural equality of two text trees (`textNode.Equal`). */
export function textEqual(a: TextNode, b: TextNode): boolean {
  if (a instanceof TextLine) return b instanceof TextLine && a.s === b.s;
  if (a instanceof TextWrap) return b instanceof TextWrap && a.prefix === b.prefix && a.suffix === b.suffix && textEqual(a.value, b.value);
  if (!(b instanceof TextList) || a.records.length !== b.records.length) return false;
  return a.records.every((r, i) => {
    const s = b.records[i];
    const ca = r.comment === undefined ? '' : String(r.comment);
    const cb = s.comment === undefined ? '' : String(s.comment);
    return r.diff === s.diff && r.key === s.key && textEqual(r.value, s.value) && ca === cb;
  });
}

const maxColumnLength = 80;

/** `formatCompactTo`: the one-line text, and the node with every collapsible sub-tree replaced by a line. */
function compact(n: TextNode, d: DiffMode): [string, TextNode] {
  if (n instanceof TextLine) return [n.s, n];
  if (n instanceof TextWrap) {
    const [inner, v] = compact(n.value, d);
    n.value = v; // go-cmp stores the compacted child in place
    const text = n.prefix + inner + n.suffix;
    return [text, v instanceof TextLine ? new TextLine(text) : n];
  }
  const records = n.records.map((r) => ({ ...r }));
  let multiLine = false;
  let text = '';
  records.forEach((r, i) => {
    if (r.diff === diffInserted || r.diff === diffRemoved) multiLine = true;
    text += r.key + (r.key ? ': ' : '');
    const [inner, v] = compact(r.value, d | r.diff);
    r.value = v;
    text += inner;
    if (!(v instanceof TextLine)) multiLine = true;
    if (r.comment !== undefined) multiLine = true;
    if (i < records.length - 1) text += ', ';
  });
  if ((d === diffInserted || d === diffRemoved) && byteLen(text) > maxColumnLength) multiLine = true;
  return [text, multiLine ? new TextList(records) : new TextLine(text)];
}

function indent(n: number, d: DiffMode): string {
  const mark = d === diffUnknown || d === diffIdentical ? '  ' : d === diffRemoved ? '- ' : d === diffInserted ? '+ ' : '';
  return mark + '\t'.repeat(n);
}

/** `alignLens`: padding per record so that runs of aligned records line up. */
function alignLens(recs: TextRecord[], skip: (r: TextRecord) => boolean, len: (r: TextRecord) => number): number[] {
  const lens = new Array<number>(recs.length).fill(0);
  let start = 0;
  let end = 0;
  let max = 0;
  const flush = () => {
    for (let j = start; j < end && j < recs.length; j++) lens[j] = max - len(recs[j]);
  };
  recs.forEach((r, i) => {
    if (skip(r)) {
      flush();
      start = i + 1;
      end = i + 1;
      max = 0;
    } else {
      max = Math.max(max, len(r));
      end = i + 1;
    }
  });
  flush();
  return lens;
}

/** `formatExpandedTo` */
function expand(node: TextNode, d: DiffMode, n: number): string {
  if (node instanceof TextLine) return node.s;
  if (node instanceof TextWrap) return node.prefix + expand(node.value, d, n) + node.suffix;
  const recs = node.records;
  const keyLens = alignLens(
    recs,
    (r) => r.key === '' || !(r.value instanceof TextLine),
    (r) => runeLen(r.key),
  );
  const valueLens = alignLens(
    recs,
    (r) => !(r.value instanceof TextLine) || textEqual(r.value, textEllipsis) || r.comment === undefined,
    (r) => runeLen((r.value as TextLine).s),
  );
  const simple = recs.length > 0 && recs.every((r) => r.diff === 0 && r.key === '' && r.value instanceof TextLine && r.comment === undefined);
  let b = '';
  if (simple) {
    // lists of plain values are batched several to a line
    let batch = '';
    const emit = () => {
      if (batch) b += `\n${indent(n + 1, d)}${batch.trimEnd()}`;
      batch = '';
    };
    for (const r of recs) {
      const line = (r.value as TextLine).s;
      if (byteLen(batch) + byteLen(line) + 2 > maxColumnLength) emit();
      batch += `${line}, `;
    }
    emit();
    return `${b}\n${indent(n, d)}`;
  }
  recs.forEach((r, i) => {
    b += `\n${indent(n + 1, d | r.diff)}`;
    if (r.key) b += `${r.key}: `;
    b += ' '.repeat(keyLens[i]);
    b += expand(r.value, d | r.diff, n + 1);
    if (!r.elideComma) b += ',';
    b += ' '.repeat(valueLens[i]);
    if (r.comment !== undefined) b += ` // ${String(r.comment)}`;
  });
  return `${b}\n${indent(n, d)}`;
}

/** `textWrap.String()`: the whole report, indented, with a trailing newline. */
export function renderText(root: TextNode): string {
  const [, n] = compact(root, diffUnknown);
  return `${indent(0, diffUnknown)}${expand(n, diffUnknown, 0)}\n`;
}

/** Counts of coalesced records, printed as `3 identical fields` (`diffStats`). */
export class DiffStats {
  constructor(
    readonly name: string,
    public numIdentical = 0,
    public numRemoved = 0,
    public numInserted = 0,
    public numModified = 0,
  ) {}
  isZero(): boolean {
    return this.numIdentical + this.numRemoved + this.numInserted + this.numModified === 0;
  }
  numDiff(): number {
    return this.numRemoved + this.numInserted + this.numModified;
  }
  append(o: DiffStats): DiffStats {
    return new DiffStats(this.name, this.numIdentical + o.numIdentical, this.numRemoved + o.numRemoved, this.numInserted + o.numInserted, this.numModified + o.numModified);
  }
  toString(): string {
    const labels = ['identical', 'removed', 'inserted', 'modified'];
    const counts = [this.numIdentical, this.numRemoved, this.numInserted, this.numModified];
    const parts: string[] = [];
    let sum = 0;
    counts.forEach((c, i) => {
      if (c > 0) parts.push(`${c} ${labels[i]}`);
      sum += c;
    });
    let name = this.name;
    if (sum > 1) {
      name += 's';
      if (name.endsWith('ys')) name = `${name.slice(0, -2)}ies`;
    }
    if (parts.length === 0) return '';
    if (parts.length <= 2) return `${parts.join(' and ')} ${name}`;
    return `${parts.slice(0, -1).join(', ')}, and ${parts[parts.length - 1]} ${name}`;
  }
}

/** How one record or edit compares: the four counters of DiffStats. */
export type DiffClass = 'identical' | 'removed' | 'inserted' | 'modified';

/**
 * Adjacent items grouped into alternating runs of identical and changed ones, each run counted per class:
 * `coalesceAdjacentRecords` (report_compare.go) and `coalesceAdjacentEdits` (report_slices.go) share this.
 */
export function coalesceAdjacent<T>(name: string, items: readonly T[], classOf: (item: T) => DiffClass): DiffStats[] {
  const groups: DiffStats[] = [];
  let prevIdentical: boolean | undefined;
  for (const item of items) {
    const c = classOf(item);
    const identical = c === 'identical';
    if (identical !== prevIdentical) {
      groups.push(new DiffStats(name));
      prevIdentical = identical;
    }
    const g = groups[groups.length - 1];
    if (c === 'identical') g.numIdentical++;
    else if (c === 'removed') g.numRemoved++;
    else if (c === 'inserted') g.numInserted++;
    else g.numModified++;
  }
  return groups;
}

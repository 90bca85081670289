/**
 * go-cmp's specialised diff of long strings (`cmp/report_slices.go`): two strings of 32 bytes or more are
 * diffed byte by byte and printed as `strings.Join({"common", - "old", + "new"}, "")` in chunks of 64.
 * Multi-line and binary strings are printed the same way here (go-cmp has dedicated layouts for them).
 */
import type { ValueNode } from './compare';
import { boolResult, difference, type EditType } from './edits';
import { type FormatOptions, formatType, quote, verbosity } from './formatValue';
import { isNamed } from './goTypes';
import {
  coalesceAdjacent,
  type DiffClass,
  diffIdentical,
  diffInserted,
  diffRemoved,
  diffUnknown,
  type DiffMode,
  DiffStats,
  TextList,
  TextLine,
  type TextNode,
  TextWrap,
} from './text';

const minLength = 32;

function strings(v: ValueNode): [string, string] | undefined {
  if (v.x?.kind === 'prim' && v.y?.kind === 'prim' && typeof v.x.v === 'string' && typeof v.y.v === 'string') return [v.x.v, v.y.v];
  return undefined;
}

/** `CanFormatDiffSlice`, for the string case. */
export function canFormatDiffSlice(o: FormatOptions, v: ValueNode): boolean {
  if (o.diffMode !== diffUnknown || v.numDiff === 0 || !v.x || !v.y) return false;
  if (v.numCompared > 1 || (v.numCompared === 1 && isNamed(v.type))) return false;
  const s = strings(v);
  return s !== undefined && s[0].length >= minLength && s[1].length >= minLength;
}

const editClass: Record<EditType, DiffClass> = { identity: 'identical', uniqueX: 'removed', uniqueY: 'inserted', modified: 'modified' };

/** Short equal runs between changes on both sides are folded into the change. */
function coalesceInterveningIdentical(groups: DiffStats[], window: number): DiffStats[] {
  const out: DiffStats[] = [];
  for (const ds of groups) {
    if (out.length >= 2 && ds.numDiff() > 0) {
      const prev = out[out.length - 2];
      const curr = out[out.length - 1];
      const hadX = prev.numRemoved > 0;
      const hadY = prev.numInserted > 0;
      const hasX = ds.numRemoved > 0;
      const hasY = ds.numInserted > 0;
      if ((hadX || hasX) && (hadY || hasY) && curr.numIdentical <= window) {
        out[out.length - 2] = prev.append(curr).append(ds);
        out.pop();
        continue;
      }
    }
    out.push(ds);
  }
  return out;
}

/** Leading and trailing equal bytes of a change move to the neighbouring equal runs. */
function cleanupSurroundingIdentical(groups: DiffStats[], eq: (i: number, j: number) => boolean): DiffStats[] {
  let ix = 0;
  let iy = 0;
  const prepend: DiffStats[] = [];
  const append: DiffStats[] = [];
  groups.forEach((ds, i) => {
    if (ds.numDiff() === 0) {
      ix += ds.numIdentical;
      iy += ds.numIdentical;
      return;
    }
    let nx = ds.numIdentical + ds.numRemoved + ds.numModified;
    let ny = ds.numIdentical + ds.numInserted + ds.numModified;
    let lead = 0;
    let trail = 0;
    for (let j = 0; j < nx && j < ny && eq(ix + j, iy + j); j++) lead++;
    for (let j = 0; j < nx && j < ny && eq(ix + nx - 1 - j, iy + ny - 1 - j); j++) trail++;
    if (lead + trail > 0) {
      if (lead > 0) {
        if (i > 0) groups[i - 1].numIdentical += lead;
        else prepend.push(new DiffStats('byte', lead));
        ix += lead;
        iy += lead;
      }
      if (trail > 0) {
        if (i + 1 < groups.length) groups[i + 1].numIdentical += trail;
        else append.push(new DiffStats('byte', trail));
      }
      nx -= lead + trail;
      ny -= lead + trail;
      groups[i] = new DiffStats('byte', 0, nx, ny);
    }
    ix += nx;
    iy += ny;
  });
  return [...prepend, ...groups, ...append];
}

/** `FormatDiffSlice` for two strings. */
export function formatDiffSlice(opts: FormatOptions, v: ValueNode): TextNode {
  const [sx0, sy0] = strings(v) ?? ['', ''];
  let sx = sx0;
  let sy = sy0;
  const chunk = 64;
  const list = new TextList();
  const appendChunks = (s: string, d: DiffMode) => {
    for (let rest = s; rest.length > 0; rest = rest.slice(chunk)) list.push({ diff: d, value: new TextLine(quote(rest.slice(0, chunk))) });
  };
  const eq = (i: number, j: number) => sx0[i] === sy0[j];
  const es = difference(sx.length, sy.length, (i, j) => boolResult(eq(i, j)));
  let maxLen = -1;
  if (opts.limitVerbosity) maxLen = (1 << verbosity(opts)) << 2;
  let groups = coalesceAdjacent('byte', es, (e) => editClass[e]);
  groups = coalesceInterveningIdentical(groups, chunk / 4);
  groups = cleanupSurroundingIdentical(groups, eq);
  let numDiffs = 0;
  let maxGroup = new DiffStats('byte');
  groups.forEach((ds, i) => {
    if (maxLen >= 0 && numDiffs >= maxLen) {
      maxGroup = maxGroup.append(ds);
      return;
    }
    if (ds.numDiff() === 0) {
      const numEqual = ds.numIdentical;
      let lo = 0;
      let hi = 0;
      while (lo < chunk * 2 && lo + hi < numEqual && i !== 0) lo++;
      while (hi < chunk * 2 && lo + hi < numEqual && i !== groups.length - 1) hi++;
      if (numEqual - (lo + hi) <= chunk) hi = numEqual - lo;
      appendChunks(sx.slice(0, lo), diffIdentical);
      if (numEqual > lo + hi) list.appendEllipsis(new DiffStats('byte', numEqual - lo - hi));
      appendChunks(sx.slice(numEqual - hi, numEqual), diffIdentical);
      sx = sx.slice(numEqual);
      sy = sy.slice(numEqual);
      return;
    }
    const before = list.records.length;
    const nx = ds.numIdentical + ds.numRemoved + ds.numModified;
    appendChunks(sx.slice(0, nx), diffRemoved);
    sx = sx.slice(nx);
    const ny = ds.numIdentical + ds.numInserted + ds.numModified;
    appendChunks(sy.slice(0, ny), diffInserted);
    sy = sy.slice(ny);
    numDiffs += list.records.length - before;
  });
  if (!maxGroup.isZero()) list.appendEllipsis(maxGroup);
  const out = new TextWrap('strings.Join(', new TextWrap('{', list, '}'), ', "")');
  // a named string type prints its name only where the type mode asks for it
  return isNamed(v.type) ? formatType(opts, v.type, out) : out;
}

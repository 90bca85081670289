/**
 * The reporting half of `cmp.Diff` (`cmp/report_compare.go`): turns the report tree into text. Unchanged
 * runs collapse to `... // N identical fields` with up to two records of context; changed leaves print as a
 * `-` line and a `+` line; changed composites recurse with their type name.
 */
import type { ReportRecord, ValueNode } from './compare';
import { canFormatDiffSlice, formatDiffSlice } from './formatSlice';
import { type FormatOptions, formatMapKey, formatType, formatValue, verbosity, verbosityPreset, withVerbosity } from './formatValue';
import type { GoType } from './goTypes';
import { isZero } from './goValue';
import {
  coalesceAdjacent,
  type DiffClass,
  diffIdentical,
  diffInserted,
  diffRemoved,
  diffUnknown,
  DiffStats,
  TextList,
  type TextNode,
  TextWrap,
  textEqual,
  textLen,
} from './text';

const numContextRecords = 2;

/** `FormatDiff` */
export function formatDiff(opts: FormatOptions, v: ValueNode): TextNode | undefined {
  let o = opts;
  if (o.diffMode === diffIdentical) o = withVerbosity(o, 1);
  else if (verbosity(o) < 3) o = withVerbosity(o, 3);

  if (canFormatDiffSlice(o, v)) return formatDiffSlice(o, v);

  if (v.maxDepth === 0) {
    if (o.diffMode === diffUnknown || o.diffMode === diffIdentical) {
      if (v.numDiff === 0) {
        const outx = formatValue(o, v.type, v.x);
        const outy = formatValue(o, v.type, v.y);
        if (!outx || !outy) return outx ?? outy;
        return textLen(outx) < textLen(outy) ? outx : outy;
      }
      let outx = formatValue({ ...o, typeMode: 'elide' }, v.type, v.x);
      let outy = formatValue({ ...o, typeMode: 'elide' }, v.type, v.y);
      for (let i = 0; i <= 6 && outx && outy && textEqual(outx, outy); i++) {
        const o2: FormatOptions = { ...verbosityPreset(o, i), typeMode: 'elide' };
        outx = formatValue(o2, v.type, v.x);
        outy = formatValue(o2, v.type, v.y);
      }
      const list = new TextList();
      if (outx) list.push({ diff: diffRemoved, value: outx });
      if (outy) list.push({ diff: diffInserted, value: outy });
      return formatType({ ...o, typeMode: 'emit' }, v.type, list);
    }
    return formatValue(o, v.type, o.diffMode === diffRemoved ? v.x : v.y);
  }

  if (v.value) return new TextWrap('&', formatDiff(o, v.value) ?? new TextList(), '');
  const t = v.type;
  const out = formatDiffList(o, v.records ?? [], t);
  return formatType(o, t, out);
}

function recordKey(parent: GoType, r: ReportRecord): string {
  if (parent.kind === 'map' && r.key !== undefined) return formatMapKey(parent.key, r.key);
  return r.key ?? '';
}

/** How a record's values compare, for `coalesceAdjacentRecords`. */
function recordClass(n: ValueNode): DiffClass {
  if (n.numDiff === 0) return 'identical';
  if (!n.y) return 'removed';
  if (!n.x) return 'inserted';
  return 'modified';
}

/** `formatDiffList`: the records of a struct, slice or map. */
function formatDiffList(opts: FormatOptions, all: ReportRecord[], t: GoType): TextNode {
  const name = t.kind === 'struct' ? 'field' : t.kind === 'map' ? 'entry' : 'element';
  let o: FormatOptions = { ...opts, typeMode: t.kind === 'struct' ? 'auto' : 'elide' };
  let maxLen = -1;
  if (o.limitVerbosity) {
    maxLen = o.diffMode === diffIdentical ? ((1 << verbosity(o)) >> 1) << 2 : (1 << verbosity(o)) << 1;
    o = { ...o, verbosityLevel: o.verbosityLevel - 1 };
  }

  const list = new TextList();
  if (o.diffMode !== diffUnknown) {
    let deferredEllipsis = false;
    for (const r of all) {
      if (list.records.length === maxLen) {
        deferredEllipsis = true;
        break;
      }
      if (t.kind === 'struct') {
        const x = r.node.x;
        const y = r.node.y;
        const zero =
          o.diffMode === diffIdentical ? (x !== undefined && isZero(x)) || (y !== undefined && isZero(y)) : o.diffMode === diffRemoved ? x !== undefined && isZero(x) : y !== undefined && isZero(y);
        if (zero) continue;
      }
      const out = formatDiff(o, r.node);
      if (out) list.push({ key: recordKey(t, r), value: out });
    }
    if (deferredEllipsis) list.appendEllipsis();
    return new TextWrap('{', list, '}');
  }

  let recs = all;
  let numDiffs = 0;
  const groups = coalesceAdjacent(name, recs, (r) => recordClass(r.node));
  let maxGroup = new DiffStats(name);
  groups.forEach((ds, i) => {
    if (maxLen >= 0 && numDiffs >= maxLen) {
      maxGroup = maxGroup.append(ds);
      return;
    }
    if (ds.numDiff() === 0) {
      const numEqual = ds.numIdentical;
      let lo = 0;
      let hi = 0;
      while (lo < numContextRecords && lo + hi < numEqual && i !== 0) lo++;
      while (hi < numContextRecords && lo + hi < numEqual && i !== groups.length - 1) hi++;
      if (numEqual - (lo + hi) === 1) hi++; // a single elided record is shown instead
      const identical = { ...o, diffMode: diffIdentical };
      for (const r of recs.slice(0, lo)) list.push({ key: recordKey(t, r), value: formatDiff(identical, r.node) ?? new TextList() });
      if (numEqual > lo + hi) list.appendEllipsis(new DiffStats(name, numEqual - lo - hi));
      for (const r of recs.slice(numEqual - hi, numEqual)) list.push({ key: recordKey(t, r), value: formatDiff(identical, r.node) ?? new TextList() });
      recs = recs.slice(numEqual);
      return;
    }
    for (const r of recs.slice(0, ds.numDiff())) {
      const key = recordKey(t, r);
      if (canFormatDiffSlice(o, r.node)) {
        list.push({ key, value: formatDiffSlice(o, r.node) });
      } else if (r.node.numChildren === r.node.maxDepth) {
        let outx = formatDiff({ ...o, diffMode: diffRemoved }, r.node);
        let outy = formatDiff({ ...o, diffMode: diffInserted }, r.node);
        for (let j = 0; j <= 6 && outx && outy && textEqual(outx, outy); j++) {
          const o2 = verbosityPreset(o, j);
          outx = formatDiff({ ...o2, diffMode: diffRemoved }, r.node);
          outy = formatDiff({ ...o2, diffMode: diffInserted }, r.node);
        }
        if (outx) list.push({ diff: diffRemoved, key, value: outx });
        if (outy) list.push({ diff: diffInserted, key, value: outy });
      } else {
        list.push({ key, value: formatDiff(o, r.node) ?? new TextList() });
      }
    }
    recs = recs.slice(ds.numDiff());
    numDiffs += ds.numDiff();
  });
  if (!maxGroup.isZero()) list.appendEllipsis(maxGroup);
  return new TextWrap('{', list, '}');
}

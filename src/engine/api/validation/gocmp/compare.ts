/**
 * The comparison half of `cmp.Diff` (`cmp/compare.go` + `cmp/report_value.go`): walks two Go values of the
 * same type and builds the report tree, counting equal and different leaves per node. Slices are aligned
 * with the edit-script algorithm, maps by sorted key, structs field by field.
 */
import { difference, type Result } from './edits';
import type { GoType } from './goTypes';
import { type GoValue, leafEqual } from './goValue';

export interface ReportRecord {
  /** Struct field name or map key; undefined for slice elements. */
  key?: string;
  node: ValueNode;
}

export interface ValueNode {
  type: GoType;
  /** Undefined when the value does not exist on that side (a removed or inserted element). */
  x?: GoValue;
  y?: GoValue;
  numSame: number;
  numDiff: number;
  /** Leaves compared with an Equal method (resource.Quantity). */
  numCompared: number;
  numChildren: number;
  maxDepth: number;
  records?: ReportRecord[];
  /** The pointed-to value, for a pointer whose two sides are both non-nil. */
  value?: ValueNode;
}

function newNode(type: GoType, x: GoValue | undefined, y: GoValue | undefined): ValueNode {
  return { type, x, y, numSame: 0, numDiff: 0, numCompared: 0, numChildren: 0, maxDepth: 0 };
}

function report(n: ValueNode, equal: boolean, byMethod = false): ValueNode {
  if (equal) n.numSame++;
  else n.numDiff++;
  if (byMethod) n.numCompared++;
  return n;
}

/** `PopStep`: a child's counts roll up into its parent. */
function adopt(parent: ValueNode, child: ValueNode): void {
  parent.numSame += child.numSame;
  parent.numDiff += child.numDiff;
  parent.numCompared += child.numCompared;
  parent.numChildren += child.numChildren + 1;
  parent.maxDepth = Math.max(parent.maxDepth, child.maxDepth + 1);
}

function addRecord(parent: ValueNode, key: string | undefined, child: ValueNode): void {
  parent.records ??= [];
  parent.records.push({ key, node: child });
  adopt(parent, child);
}

/** `compareAny`: the report tree for one pair of values. */
export function compareValues(type: GoType, x: GoValue | undefined, y: GoValue | undefined): ValueNode {
  const n = newNode(type, x, y);
  if (!x || !y) return report(n, !x && !y);
  if (type.kind === 'quantity') return report(n, leafEqual(x, y), true);
  if (x.kind === 'prim' || x.kind === 'opaque') return report(n, leafEqual(x, y));
  if (type.kind === 'struct' && x.kind === 'struct' && y.kind === 'struct') {
    type.fields.forEach((f, i) => {
      addRecord(n, f.name, compareValues(f.type, x.fields[i], y.fields[i]));
    });
    return n;
  }
  if (type.kind === 'ptr' && x.kind === 'ptr' && y.kind === 'ptr') {
    if (!x.elem || !y.elem) return report(n, !x.elem && !y.elem);
    n.value = compareValues(type.elem, x.elem, y.elem);
    adopt(n, n.value);
    return n;
  }
  if (type.kind === 'slice' && x.kind === 'slice' && y.kind === 'slice') {
    if (!x.items || !y.items) return report(n, !x.items && !y.items);
    const xs = x.items;
    const ys = y.items;
    const stateless = (ix: number, iy: number): Result => {
      const c = compareValues(type.elem, xs[ix], ys[iy]);
      return { numSame: c.numSame, numDiff: c.numDiff };
    };
    let ix = 0;
    let iy = 0;
    for (const e of difference(xs.length, ys.length, stateless)) {
      if (e === 'uniqueX') addRecord(n, undefined, compareValues(type.elem, xs[ix++], undefined));
      else if (e === 'uniqueY') addRecord(n, undefined, compareValues(type.elem, undefined, ys[iy++]));
      else addRecord(n, undefined, compareValues(type.elem, xs[ix++], ys[iy++]));
    }
    return n;
  }
  if (type.kind === 'map' && x.kind === 'map' && y.kind === 'map') {
    if (!x.entries || !y.entries) return report(n, !x.entries && !y.entries);
    const xm = new Map(x.entries);
    const ym = new Map(y.entries);
    const keys = [...new Set([...xm.keys(), ...ym.keys()])].sort();
    for (const k of keys) addRecord(n, k, compareValues(type.elem, xm.get(k), ym.get(k)));
    return n;
  }
  return report(n, false);
}

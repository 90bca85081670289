/**
 * `--sort-by` (kubectl `pkg/cmd/get/sorter.go`): rows are ordered by the first value a JSONPath finds in each
 * object; rows without a value sort first; strings that are both resource quantities compare as quantities.
 * Rows go through Go's sort.Sort (goSort.ts), so ties end up in kubectl's order.
 */
import { fail } from '../cli/errors';
import { goSort } from '../../shared/goSort';
import { JsonPath } from './jsonpath/jsonpath';
import { JsonPathSyntaxError } from './jsonpath/jsonpathParser';
import { relaxedJsonPath } from './outputPrinters';
import { parseQuantity } from './quantity';
import type { Table } from './table/tableTypes';

function isLess(a: unknown, b: unknown): boolean {
  if (typeof a === 'number' && typeof b === 'number') return a < b;
  if (typeof a === 'string' && typeof b === 'string') {
    const qa = parseQuantity(a);
    const qb = parseQuantity(b);
    if (qa && qb) return qa.nanos < qb.nanos;
    return a < b;
  }
  if (a === null || a === undefined) return b !== null && b !== undefined;
  if (b === null || b === undefined) return false;
  throw fail(`unsortable type: ${typeof a}`);
}

/** Sorts a table's rows in place by a (relaxed) JSONPath expression. */
export function sortTableRows(table: Pick<Table, 'rows'>, sortBy: string, objectsOnly = false): void {
  let field: string;
  try {
    field = relaxedJsonPath(sortBy);
  } catch {
    field = sortBy;
  }
  let jp: JsonPath;
  try {
    jp = new JsonPath(field);
  } catch (e) {
    if (e instanceof JsonPathSyntaxError) throw fail(objectsOnly ? e.message : `sorting error: ${e.message}`);
    throw e;
  }
  jp.allowMissingKeys = true;
  const keyed = table.rows.map((row) => {
    const values = jp.findResults(row.object);
    return { row, value: values.length > 0 && values[0].length > 0 ? { v: values[0][0] } : undefined };
  });
  if (keyed.length > 0 && !keyed.some((k) => k.value)) throw fail(`couldn't find any field with path "${field}" in the list of objects`);
  const less = (i: (typeof keyed)[number], j: (typeof keyed)[number]) => {
    if (!i.value) return true;
    if (!j.value) return false;
    return isLess(i.value.v, j.value.v);
  };
  goSort(keyed, less);
  table.rows.splice(0, table.rows.length, ...keyed.map((k) => k.row));
}

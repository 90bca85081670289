/**
 * The server-side table model (`metav1.Table`): column definitions with a priority (1 = only with `-o wide`)
 * and rows of cells that keep a reference to their object for decoration (namespace, labels, kind/name).
 */
import type { KubeObject } from '../../../engine';

export interface ColumnDefinition {
  name: string;
  type: 'string' | 'integer' | 'boolean';
  /** `name` marks the column that `kind/` is prefixed to when several kinds are printed. */
  format?: 'name';
  priority?: number;
}

export type Cell = string | number | boolean | null;

export interface TableRow {
  cells: Cell[];
  object: KubeObject;
}

export interface Table {
  columns: ColumnDefinition[];
  rows: TableRow[];
}

/** What a row generator may use: the virtual clock for ages. */
export interface RowContext {
  now: number;
}

/** A per-kind table printer, like a `TableHandler` in pkg/printers/internalversion/printers.go. */
export interface KindTablePrinter<T extends KubeObject = KubeObject> {
  columns: ColumnDefinition[];
  /** Cells for every column (the server always generates wide rows; the client hides priority-1 columns). */
  row(obj: T, ctx: RowContext): Cell[];
}

export const nameColumn: ColumnDefinition = { name: 'Name', type: 'string', format: 'name' };
export const ageColumn: ColumnDefinition = { name: 'Age', type: 'string' };

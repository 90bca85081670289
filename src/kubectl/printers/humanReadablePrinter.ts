/**
 * cli-runtime's HumanReadablePrinter (`pkg/printers/tableprinter.go`): decorates a server table with the
 * NAMESPACE column (-A), `kind/` name prefixes (several kinds), `-L` label columns and LABELS (--show-labels),
 * an EVENT column for --output-watch-events, then writes tab-separated rows. Headers are printed once per
 * distinct column set, and only for a table with rows.
 */
import { formatLabels } from './labels';
import type { TabWriter } from './tabWriter';
import type { Cell, ColumnDefinition, Table } from './table/tableTypes';

export interface PrintOptions {
  wide: boolean;
  noHeaders: boolean;
  withNamespace: boolean;
  /** Prefix names with `kind/` (lower-case kind, `.group` for grouped kinds). */
  withKind: boolean;
  kindLabel: string;
  showLabels: boolean;
  /** `-L` keys. */
  columnLabels: readonly string[];
}

const watchEventTypes: Record<string, string> = { ADDED: 'ADDED   ', MODIFIED: 'MODIFIED', DELETED: 'DELETED ', ERROR: 'ERROR   ' };

const sameColumns = (a: readonly ColumnDefinition[] | undefined, b: readonly ColumnDefinition[]) =>
  !!a && a.length === b.length && a.every((c, i) => c.name === b[i].name && c.priority === b[i].priority && c.format === b[i].format);

/** `formatLabelHeaders`: the upper-cased last path segment of each `-L` key. */
export function labelColumnHeaders(keys: readonly string[]): string[] {
  return keys.map((k) => (k.split('/').pop() ?? k).toUpperCase());
}

/** Terminal escaping of cells (`printers.WriteEscaped`): ESC becomes `^[`, CR becomes `\r`. */
export function escapeTerminal(s: string): string {
  return s.replaceAll('\x1b', '^[').replaceAll('\r', '\\r');
}

function cellText(cell: Cell): string {
  if (cell === null) return '';
  if (typeof cell !== 'string') return escapeTerminal(String(cell));
  // truncate at the first newline, carriage return or form feed (tabwriter would treat them as line breaks)
  const brk = cell.search(/[\f\n\r]/);
  return brk >= 0 ? `${escapeTerminal(cell.slice(0, brk))}...` : escapeTerminal(cell);
}

/** Prints tables for one resource type; remembers which header it printed last. */
export class HumanReadablePrinter {
  private lastColumns: ColumnDefinition[] | undefined;
  private printedHeaders = false;

  constructor(private readonly opts: PrintOptions) {}

  /** PrintObj for a table (or a watch event's one-row table when `eventType` is set). */
  print(table: Table, w: TabWriter, eventType?: string): void {
    let noHeaders = this.opts.noHeaders;
    if (this.printedHeaders && sameColumns(this.lastColumns, table.columns)) noHeaders = true;
    if (!sameColumns(this.lastColumns, table.columns)) {
      this.lastColumns = table.columns;
      this.printedHeaders = false;
    }
    if (table.rows.length > 0) this.printedHeaders = true;
    let { columns, rows } = this.decorate(table);
    if (eventType) {
      columns = [{ name: 'Event', type: 'string' }, ...columns];
      rows = rows.map((r) => [watchEventTypes[eventType] ?? eventType, ...r]);
    }
    const shown = (c: ColumnDefinition) => this.opts.wide || !c.priority;
    let text = '';
    if (!noHeaders) {
      if (rows.length === 0) return;
      text += `${columns
        .filter(shown)
        .map((c) => c.name.toUpperCase())
        .join('\t')}\n`;
    }
    for (const cells of rows) {
      const out: string[] = [];
      cells.forEach((cell, i) => {
        if (i < columns.length && shown(columns[i])) out.push(cellText(cell));
      });
      text += `${out.join('\t')}\n`;
    }
    w.write(text);
  }

  private decorate(table: Table): { columns: ColumnDefinition[]; rows: Cell[][] } {
    const o = this.opts;
    const columns: ColumnDefinition[] = [];
    if (o.withNamespace) columns.push({ name: 'Namespace', type: 'string' });
    columns.push(...table.columns);
    for (const h of labelColumnHeaders(o.columnLabels)) columns.push({ name: h, type: 'string' });
    if (o.showLabels) columns.push({ name: 'Labels', type: 'string' });
    const nameIndex = o.withKind && o.kindLabel ? table.columns.findIndex((c) => c.format === 'name' && c.type === 'string') : -1;
    const rows = table.rows.map((row) => {
      const cells = [...row.cells];
      if (nameIndex >= 0) cells[nameIndex] = `${o.kindLabel}/${cells[nameIndex]}`;
      const labels = row.object.metadata?.labels ?? {};
      const prefix: Cell[] = o.withNamespace ? [row.object.metadata?.namespace ?? ''] : [];
      const suffix: Cell[] = o.columnLabels.map((k) => labels[k] ?? '');
      if (o.showLabels) suffix.push(formatLabels(labels));
      return [...prefix, ...cells, ...suffix];
    });
    return { columns, rows };
  }
}

/**
 * A benchmark figure, its budget, and how `npm run bench` and `npm run bench:ui` print it (console line and
 * bench/RESULTS.md table row), so both runners format figures the same way.
 */

export interface Figure {
  name: string;
  value: number;
  unit: string;
  budget?: string;
  pass?: boolean;
  note?: string;
}

/** A budget of at most `limit` (in `unit`, if any): its text and the verdict come from the same number. */
export function atMost(value: number, limit: number, unit = ''): Pick<Figure, 'budget' | 'pass'> {
  return { budget: `≤ ${limit}${unit ? ` ${unit}` : ''}`, pass: value <= limit };
}

/** A budget of at least `limit` (a share of frames, say): its text and the verdict come from the same number. */
export function atLeast(value: number, limit: number, unit = ''): Pick<Figure, 'budget' | 'pass'> {
  return { budget: `≥ ${limit}${unit ? ` ${unit}` : ''}`, pass: value >= limit };
}

/** How a runner prints a figure's value. */
export type ValueFormat = (f: Figure) => string;

function verdict(f: Figure): string {
  return f.pass === undefined ? '' : f.pass ? 'PASS' : 'MISS';
}

/** The console line: the figure beside its budget and verdict. */
export function figureLine(f: Figure, value: ValueFormat): string {
  const budget = f.budget ? `  (budget ${f.budget}: ${verdict(f)})` : '';
  return `${f.name}: ${value(f)} ${f.unit}${budget}${f.note ? `  — ${f.note}` : ''}`;
}

/** The RESULTS.md table of `figures`, header included. */
export function figureTable(figures: readonly Figure[], value: ValueFormat): string {
  const rows = figures.map((f) => `| ${f.name} | ${value(f)} ${f.unit} | ${f.budget ?? '—'} | ${verdict(f)} | ${f.note ?? ''} |`);
  return ['| figure | value | budget | verdict | note |', '| --- | --- | --- | --- | --- |', ...rows].join('\n');
}

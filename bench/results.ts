/**
 * bench/RESULTS.md is shared by `npm run bench` (the engine section) and `npm run bench:ui` (the UI section):
 * each run replaces only its own `## ` sections and keeps the others as they were.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';

export const resultsFile = new URL('./RESULTS.md', import.meta.url);

export interface ResultsUpdate {
  /** Text before the first `## ` heading; kept as it was when omitted. */
  preamble?: string;
  /** Section heading (without `## `) → its whole text, heading line included. */
  sections: Record<string, string>;
}

interface Parsed {
  preamble: string;
  sections: Array<{ heading: string; text: string }>;
}

function parse(text: string): Parsed {
  const parts = text.split(/^(?=## )/m);
  const preamble = parts[0].startsWith('## ') ? '' : (parts.shift() ?? '');
  return { preamble, sections: parts.map((t) => ({ heading: t.slice(3, t.indexOf('\n') < 0 ? undefined : t.indexOf('\n')).trim(), text: t })) };
}

const ensureBreak = (t: string) => (t.endsWith('\n\n') ? t : t.endsWith('\n') ? `${t}\n` : `${t}\n\n`);

/** The new file text: `update`'s sections replace same-named ones in place, new ones go at the end. */
export function mergeResults(existing: string, update: ResultsUpdate): string {
  const old = parse(existing);
  const preamble = update.preamble ?? (old.preamble || '# Benchmark results\n\n');
  const pending = new Map(Object.entries(update.sections));
  const sections = old.sections.map((s) => {
    const fresh = pending.get(s.heading);
    pending.delete(s.heading);
    return fresh ?? s.text;
  });
  sections.push(...pending.values());
  return `${[ensureBreak(preamble), ...sections.map(ensureBreak)].join('').trimEnd()}\n`;
}

/** Rewrites bench/RESULTS.md with `update` merged in. */
export function writeResults(update: ResultsUpdate): void {
  const existing = existsSync(resultsFile) ? readFileSync(resultsFile, 'utf8') : '';
  writeFileSync(resultsFile, mergeResults(existing, update));
}

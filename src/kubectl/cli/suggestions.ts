/**
 * cobra's command suggestions (`Command.SuggestionsFor`): a command is suggested when its Levenshtein distance
 * (case-insensitive) to the typed word is at most 2, when it starts with the typed word, or when the word is in
 * its SuggestFor list.
 */

/** Levenshtein distance, ignoring case like cobra's `ld(s, t, true)`. */
export function levenshtein(a: string, b: string): number {
  const s = a.toLowerCase();
  const t = b.toLowerCase();
  const d: number[][] = Array.from({ length: s.length + 1 }, (_, i) => [i, ...new Array(t.length).fill(0)]);
  for (let j = 1; j <= t.length; j++) d[0][j] = j;
  for (let j = 1; j <= t.length; j++) {
    for (let i = 1; i <= s.length; i++) {
      d[i][j] = s[i - 1] === t[j - 1] ? d[i - 1][j - 1] : Math.min(d[i - 1][j], d[i][j - 1], d[i - 1][j - 1]) + 1;
    }
  }
  return d[s.length][t.length];
}

export interface SuggestableCommand {
  name: string;
  suggestFor?: readonly string[];
}

/** The commands cobra would suggest for a mistyped name. */
export function suggestionsFor(typed: string, commands: readonly SuggestableCommand[]): string[] {
  const out: string[] = [];
  for (const c of commands) {
    if (levenshtein(typed, c.name) <= 2 || c.name.toLowerCase().startsWith(typed.toLowerCase())) out.push(c.name);
    for (const s of c.suggestFor ?? []) if (s.toLowerCase() === typed.toLowerCase()) out.push(c.name);
  }
  return out;
}

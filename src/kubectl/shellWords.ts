/**
 * The little bit of shell the CLI and the browser terminal understand around kubectl: `NAME=value` and `NAME=$(command)` assignments,
 * `$NAME` / `${NAME}` / `$?` expansion outside single quotes, and a trailing `&`.
 */

/**
 * Expands `$NAME` and `${NAME}` outside single quotes; unknown variables expand to nothing, as in sh. Given the
 * last command's `status`, `$?` and `${?}` expand to it; given `substitute`, `$(command)` expands to what it
 * returns for the command (its variables expanded first), trailing newlines removed, as command substitution.
 */
export function expandVariables(line: string, vars: ReadonlyMap<string, string>, status?: number, substitute?: (command: string) => string): string {
  let out = '';
  let inSingle = false;
  for (let i = 0; i < line.length; i++) {
    const c = line[i];
    if (c === "'" && !inSingle) inSingle = true;
    else if (c === "'" && inSingle) inSingle = false;
    const question = line.startsWith('?', i + 1) ? 1 : line.startsWith('{?}', i + 1) ? 3 : 0;
    if (c === '$' && !inSingle && status !== undefined && question > 0) {
      out += String(status);
      i += question;
      continue;
    }
    if (c === '$' && !inSingle && substitute && line[i + 1] === '(' && line[i + 2] !== '(') {
      const end = closingParen(line, i + 2);
      out += substitute(expandVariables(line.slice(i + 2, end), vars, status)).replace(/\n+$/, '');
      i = end;
      continue;
    }
    if (c === '$' && !inSingle && line[i + 1] !== '(') {
      const m = /^\{([A-Za-z_][A-Za-z0-9_]*)\}|^([A-Za-z_][A-Za-z0-9_]*)/.exec(line.slice(i + 1));
      if (m) {
        out += vars.get(m[1] ?? m[2]) ?? '';
        i += m[0].length;
        continue;
      }
    }
    if (c === '\\' && !inSingle && line[i + 1] === '$') {
      out += '$';
      i++;
      continue;
    }
    out += c;
  }
  return out;
}

/** Where the `)` closing the parenthesis opened before `from` is (nested ones counted); the line's end when none does. */
export function closingParen(line: string, from: number): number {
  let depth = 1;
  for (let i = from; i < line.length; i++) {
    if (line[i] === '(') depth++;
    else if (line[i] === ')' && --depth === 0) return i;
  }
  return line.length;
}

export interface Assignment {
  name: string;
  /** The command inside `$(...)`, when the value is a command substitution. */
  command?: string;
  value?: string;
}

/** `NAME=$(cmd)` or `NAME=value` (quotes around a plain value are removed). */
export function parseAssignment(line: string): Assignment | undefined {
  const m = /^([A-Za-z_][A-Za-z0-9_]*)=(.*)$/.exec(line.trim());
  if (!m) return undefined;
  const rhs = m[2].trim();
  const sub = /^"?\$\(([\s\S]*)\)"?$/.exec(rhs);
  if (sub) return { name: m[1], command: sub[1].trim() };
  const quoted = /^"(.*)"$|^'(.*)'$/.exec(rhs);
  return { name: m[1], value: quoted ? (quoted[1] ?? quoted[2]) : rhs };
}

/** Splits off a trailing `&` (background). */
export function backgroundSuffix(line: string): { command: string; background: boolean } {
  const t = line.trimEnd();
  if (t.endsWith('&') && !t.endsWith('&&')) return { command: t.slice(0, -1).trimEnd(), background: true };
  return { command: t, background: false };
}

/** `30s`, `5m`, `2h`, `1.5s`, `100ms`, or a bare number of seconds (as sleep takes it). */
export function parseSleepDuration(text: string): number | undefined {
  const m = /^(\d+(?:\.\d+)?)(ms|s|m|h|d)?$/.exec(text.trim());
  if (!m) return undefined;
  const n = Number(m[1]);
  const unit = m[2] ?? 's';
  const factor = { ms: 1, s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000 }[unit] ?? 1000;
  return Math.round(n * factor);
}

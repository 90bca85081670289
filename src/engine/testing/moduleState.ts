/**
 * Finds module-level mutable state in a TypeScript source (the engine and kubectl keep none: state belongs to
 * its cluster). Module-level statements start at column 0 (the formatter guarantees it), so a line scan is
 * enough: a `let` or `var`, or a `const` bound to a `new` collection or class instance, is state unless the
 * allowlist names it as a constant table that is filled once at load and never written after; and any
 * module-level `const` the file writes into (`name[i] = …`, `name.push(…)`, `name.set(…)`, …) is state
 * whatever the allowlist says.
 */

/** Constructors whose module-level instances hold no state (compiled patterns, stateless encoders). */
const statelessConstructors = ['RegExp', 'TextEncoder', 'TextDecoder'];

const declaration = /^(?:export\s+)?(let|var|const)\s+([A-Za-z_$][\w$]*)\b[^=]*(?:=\s*(.*))?$/;

export interface ModuleStateViolation {
  line: number;
  name: string;
  text: string;
}

/**
 * The module-level declarations of `source` that may hold mutable state. `allowed` lists the names (in this
 * source) of constant tables.
 */
export function moduleStateViolations(source: string, allowed: readonly string[] = []): ModuleStateViolation[] {
  const out: ModuleStateViolation[] = [];
  source.split('\n').forEach((text, i) => {
    const m = declaration.exec(text);
    if (!m) return;
    const [, keyword, name, init = ''] = m;
    const created = /^new\s+([A-Za-z_$][\w$]*)/.exec(init.trim());
    const isState = keyword !== 'const' || (created !== null && !statelessConstructors.includes(created[1]));
    if ((isState && !allowed.includes(name)) || writtenInPlace(source, name)) out.push({ line: i + 1, name, text: text.trim() });
  });
  return out;
}

/** Whether `source` writes into the object bound to `name`: an element or member assignment, or a mutating call. */
function writtenInPlace(source: string, name: string): boolean {
  const n = name.replace(/\$/g, '\\$');
  const assigned = new RegExp(`(?<![\\w$.])${n}(\\[[^\\]]*\\]|\\??\\.[A-Za-z_$][\\w$]*)+\\s*(=(?!=)|\\+=|-=|\\+\\+|--|\\?\\?=|\\|\\|=)`);
  const mutated = new RegExp(`(?<![\\w$.])${n}\\.(push|pop|shift|unshift|splice|sort|reverse|fill|copyWithin|set|add|delete|clear)\\(`);
  return assigned.test(source) || mutated.test(source);
}

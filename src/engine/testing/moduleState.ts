/**
 * Finds module-level mutable state in a TypeScript source (the engine and kubectl keep none: state belongs to
 * its cluster). Module-level statements start at column 0 (the formatter guarantees it), so a line scan is
 * enough: a `let` or `var`, or a `const` bound to a `new` collection or class instance, is state unless the
 * allowlist names it as a constant table that is filled once at load and never written after.
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
    if (allowed.includes(name)) return;
    const created = /^new\s+([A-Za-z_$][\w$]*)/.exec(init.trim());
    const isState = keyword !== 'const' || (created !== null && !statelessConstructors.includes(created[1]));
    if (isState) out.push({ line: i + 1, name, text: text.trim() });
  });
  return out;
}

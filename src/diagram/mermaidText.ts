/**
 * Writing names into Mermaid text so that no name can end a statement, open a shape or smuggle in markup.
 * Ids keep only ASCII letters, digits and `_` (behind a prefix, so never a keyword such as `end`, and never an
 * id starting with `o`/`x`, which Mermaid reads as an arrow head after `--`); texts are quoted, and every
 * character outside a small safe set is written as Mermaid's numeric entity code (`#60;` for `<`), which Mermaid
 * turns back into the character as text, never as HTML.
 */

const safeChar = /^[\p{L}\p{N} ._:/()@+,=-]$/u;

/** A Mermaid text with every unsafe character as an entity code (no quotes around it). */
export function mermaidEscape(text: string): string {
  let out = '';
  for (const ch of text) out += safeChar.test(ch) && !/\p{M}/u.test(ch) ? ch : `#${ch.codePointAt(0)};`;
  // readers trim a shape's text: spaces at either end are kept as codes
  return out.replace(/^ +| +$/g, (s) => '#32;'.repeat(s.length));
}

/** A quoted shape text: `"…"`. */
export function mermaidLabel(text: string): string {
  return `"${mermaidEscape(text)}"`;
}

/** Hands out ids that are unique within one diagram, readable (`pod_default_nginx_1`) and safe. */
export class MermaidIds {
  private readonly byKey = new Map<string, string>();
  private readonly used = new Set<string>();

  id(prefix: string, key: string): string {
    const k = `${prefix}\u0000${key}`;
    const known = this.byKey.get(k);
    if (known) return known;
    const base = `${prefix}_${key.replace(/[^A-Za-z0-9]+/g, '_').replace(/^_+|_+$/g, '')}`.replace(/_+$/, '');
    let id = base;
    for (let n = 2; this.used.has(id); n++) id = `${base}_${n}`;
    this.used.add(id);
    this.byKey.set(k, id);
    return id;
  }
}

/**
 * Free text for a sequence diagram's message or note (to the end of its line): only what Mermaid would read as
 * syntax or markup becomes an entity code (`;` ends a statement, `#` starts an entity, `<` a tag), so the
 * arrows and addresses of a trace stay readable in the copied text.
 */
export function mermaidFreeText(text: string): string {
  let out = '';
  for (const ch of text) out += /[#;<>&"`{}%]|[\p{Cc}\p{M}]/u.test(ch) ? `#${ch.codePointAt(0)};` : ch;
  return out;
}

/**
 * `$KUBE_EDITOR` for headless `kubectl edit`: kubectl writes the object to a temp file and runs the editor on
 * it. Scripts do what people do on CI: `KUBE_EDITOR="sed -i 's/ClusterIP/NodePort/'" kubectl edit svc x`, or
 * `KUBE_EDITOR="cp edited.yaml" kubectl edit svc x` to save a prepared file.
 */
import { splitCommandLine } from '../kubectl/kubectl';

export type Editor = (text: string) => string | undefined;

export interface EditorResult {
  editor?: Editor;
  error?: string;
}

/** Builds the editor a KUBE_EDITOR value describes; `readFile` serves `cp FILE`. */
export function editorFrom(command: string, readFile: (path: string) => string | undefined): EditorResult {
  const words = splitCommandLine(command);
  if (words[0] === 'sed') {
    const scripts: string[] = [];
    for (let i = 1; i < words.length; i++) {
      const w = words[i];
      if (w === '-i' || w.startsWith('-i')) continue;
      if (w === '-e') {
        scripts.push(words[++i] ?? '');
        continue;
      }
      scripts.push(w);
    }
    const subs = scripts.map(parseSubstitution);
    const bad = subs.findIndex((s) => !s);
    if (bad >= 0) return { error: `sed: -e expression #1, char 1: unknown command: \`${scripts[bad]?.[0] ?? ''}'` };
    return {
      editor: (text) => subs.reduce((t, s) => (s ? t.replace(s.re, s.replacement) : t), text),
    };
  }
  if (words[0] === 'cp' && words[1]) {
    const file = words[1];
    return {
      editor: () => readFile(file),
    };
  }
  return { error: `svcsim: KUBE_EDITOR must be "sed -i 's/old/new/'" or "cp FILE" (got "${command}")` };
}

/**
 * GNU sed's replacement text as String.replace reads it: `&` the match, `\1`…`\9` groups, `\n` a newline and `\t`
 * a tab (GNU extensions), `\&` and `\\` themselves; a `$` stays literal.
 */
function jsReplacement(text: string): string {
  let out = '';
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '$') out += '$$';
    else if (c === '&') out += '$&';
    else if (c !== '\\' || i + 1 >= text.length) out += c;
    else {
      const n = text[++i];
      out += n === 'n' ? '\n' : n === 't' ? '\t' : /\d/.test(n) ? `$${n}` : n === '$' ? '$$' : n;
    }
  }
  return out;
}

/** `s/regex/replacement/flags` with any delimiter; `g` replaces every match, otherwise the first on each line. */
function parseSubstitution(script: string): { re: RegExp; replacement: string } | undefined {
  if (script[0] !== 's' || script.length < 4) return undefined;
  const d = script[1];
  const parts: string[] = [];
  let cur = '';
  for (let i = 2; i < script.length; i++) {
    const c = script[i];
    if (c === '\\' && script[i + 1] === d) {
      cur += d;
      i++;
    } else if (c === d) {
      parts.push(cur);
      cur = '';
    } else cur += c;
  }
  parts.push(cur);
  if (parts.length < 3) return undefined;
  const [pattern, replacement, flags] = parts;
  try {
    // sed works line by line: without g, the first match on each line
    return { re: new RegExp(pattern, flags.includes('g') ? 'gm' : 'm'), replacement: jsReplacement(replacement) };
  } catch {
    return undefined;
  }
}

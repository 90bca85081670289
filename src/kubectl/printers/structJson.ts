/**
 * `json.MarshalIndent(obj, "", "    ")` of a typed Go object, as cli-runtime's JSONPrinter prints what is no
 * unstructured map (kubectl's `config view`, `auth whoami`): fields in the struct's declaration order, where
 * unstructured objects (src/shared/goJson.ts) come out with their keys sorted. Objects given here list their
 * fields in struct order; undefined fields are left out (omitempty), and a map is passed with its keys sorted.
 */
import { goJsonMarshal, goJsonString } from '../../shared/goJson';

export function structJsonIndent(v: unknown, indent = '    '): string {
  const walk = (x: unknown, depth: number): string => {
    const pad = indent.repeat(depth);
    if (Array.isArray(x)) {
      if (x.length === 0) return '[]';
      return `[\n${x.map((e) => pad + indent + walk(e, depth + 1)).join(',\n')}\n${pad}]`;
    }
    if (x !== null && typeof x === 'object') {
      const entries = Object.entries(x as Record<string, unknown>).filter(([, e]) => e !== undefined);
      if (entries.length === 0) return '{}';
      return `{\n${entries.map(([k, e]) => `${pad}${indent}${goJsonString(k)}: ${walk(e, depth + 1)}`).join(',\n')}\n${pad}}`;
    }
    return goJsonMarshal(x);
  };
  return walk(v, 0);
}

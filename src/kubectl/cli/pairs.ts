/**
 * `KEY=VALUE` / `KEY-` arguments of annotate and set image (`GetResourcesAndPairs` and `ParsePairs` in kubectl
 * `pkg/cmd/util/helpers.go`).
 */
import { fail } from './errors';

/** Resources first, then pairs; a resource after a pair is an error. */
export function resourcesAndPairs(args: readonly string[], pairType: string): { resources: string[]; pairs: string[] } {
  const resources: string[] = [];
  const pairs: string[] = [];
  for (const s of args) {
    const isPair = (s.includes('=') && s[0] !== '=') || (s.endsWith('-') && s !== '-');
    if (isPair) pairs.push(s);
    else if (pairs.length > 0) throw fail(`all resources must be specified before ${pairType} changes: ${s}`);
    else resources.push(s);
  }
  return { resources, pairs };
}

/**
 * New pairs (a Map in argument order; later values win like Go's map) and, when `supportRemove`, the `KEY-`
 * removals. Anything else is `invalid <type> format: a, b`.
 */
export function parsePairs(pairs: readonly string[], pairType: string, supportRemove: boolean): { add: Map<string, string>; remove: string[] } {
  const add = new Map<string, string>();
  const remove: string[] = [];
  const invalid: string[] = [];
  for (const p of pairs) {
    const eq = p.indexOf('=');
    if (eq > 0) add.set(p.slice(0, eq), p.slice(eq + 1));
    else if (supportRemove && p.endsWith('-') && p !== '-') remove.push(p.slice(0, -1));
    else invalid.push(p);
  }
  if (invalid.length > 0) throw fail(`invalid ${pairType} format: ${invalid.join(', ')}`);
  return { add, remove };
}

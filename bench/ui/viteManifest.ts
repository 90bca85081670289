/** Vite's build manifest (`dist/.vite/manifest.json`) and the chunk graphs the bundle figures walk. */

export interface ManifestChunk {
  file: string;
  src?: string;
  isEntry?: boolean;
  isDynamicEntry?: boolean;
  imports?: string[];
  dynamicImports?: string[];
  css?: string[];
  assets?: string[];
}
export type Manifest = Record<string, ManifestChunk>;

/** Chunk keys reachable from `key` through static imports only. */
export function staticGraph(manifest: Manifest, key: string, seen = new Set<string>()): Set<string> {
  if (seen.has(key)) return seen;
  seen.add(key);
  for (const k of manifest[key]?.imports ?? []) staticGraph(manifest, k, seen);
  return seen;
}

/** Every chunk key `key` can load, through static and dynamic imports alike. */
export function reachable(manifest: Manifest, key: string, seen = new Set<string>()): Set<string> {
  if (seen.has(key)) return seen;
  seen.add(key);
  for (const k of [...(manifest[key]?.imports ?? []), ...(manifest[key]?.dynamicImports ?? [])]) reachable(manifest, k, seen);
  return seen;
}

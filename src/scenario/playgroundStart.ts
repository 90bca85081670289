/**
 * The playground's starting state, for `svcsim shell --playground`: the same cluster the browser builds on a
 * first visit — the seed topology applied document by document (as the worker's `init` does, without
 * kubectl's last-applied annotation), then the same 15 s of virtual time so the pods are Running and Ready.
 * A learner's terminal session in the browser can then be replayed headless, byte for byte.
 */
import { type Cluster, kindFromManifest } from '../engine';
import { parseManifests } from '../kubectl/manifests';
import { seedTopologyManifest } from './library/seedTopology';

/** The virtual time the playground lets pass after applying the seed topology (src/app's startSession). */
export const playgroundWarmUpMs = 15_000;

/** Brings a fresh cluster to the playground's starting state; returns the documents the cluster rejected. */
export function startLikePlayground(cluster: Cluster): string[] {
  const errors: string[] = [];
  for (const doc of parseManifests(seedTopologyManifest)) {
    const obj = doc.object;
    const kind = obj ? kindFromManifest(obj.apiVersion as string | undefined, obj.kind as string | undefined) : undefined;
    if (doc.error || !obj || !kind) {
      errors.push(`document ${doc.index}: ${doc.error?.message ?? 'unknown kind'}`);
      continue;
    }
    const r = cluster.apply(kind, obj as never);
    if (!r.ok) errors.push(`document ${doc.index}: ${r.status.message}`);
  }
  cluster.advance(playgroundWarmUpMs);
  return errors;
}

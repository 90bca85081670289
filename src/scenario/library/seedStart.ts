/**
 * The commands a fresh playground (and an embed without a scenario) starts with: the seed topology, then time
 * enough for its pods to be Running and its Service to have endpoints. One list for the page that sends them
 * and for the worker, which answers exactly these from a first graph computed at build time
 * (src/worker/firstGraph.ts) while the engine's code is still loading. (Protocol Commands, written as literals:
 * this layer does not import the protocol.)
 */
import { seedTopologyManifest } from './seedTopology';

export const seedStartCommands = [
  { type: 'init', manifests: seedTopologyManifest },
  { type: 'advance', ms: 15_000 },
] as const;

/** Turns the UI's cluster settings into an engine configuration. */
import { type ClusterConfig, kindNodes } from '../engine';
import type { ClusterSettings } from '../protocol/messages';

export function kindConfig(s: ClusterSettings): Partial<ClusterConfig> {
  const cfg: Partial<ClusterConfig> = {};
  if (s.seed !== undefined) cfg.seed = s.seed;
  if (s.proxyMode) cfg.proxyMode = s.proxyMode;
  if (s.nodePortRange) cfg.nodePortRange = s.nodePortRange;
  if (s.workers !== undefined) cfg.nodes = kindNodes('kind', s.workers);
  return cfg;
}

/**
 * Namespace defaults: the `kubernetes.io/metadata.name` label (`SetDefaults_Namespace`, re-applied by the
 * strategy's Canonicalize so it cannot be removed) and the Active phase (`SetDefaults_NamespaceStatus`).
 */
import type { Namespace } from '../types';

type Json = Record<string, unknown>;

/** Defaults a Namespace in place. */
export function defaultNamespace(ns: Namespace): void {
  ns.metadata ??= {};
  const meta = ns.metadata;
  if (meta.name) meta.labels = { ...(meta.labels ?? {}), 'kubernetes.io/metadata.name': meta.name };
  const status = ns.status as Json | undefined;
  if (status && !status.phase) status.phase = 'Active';
}

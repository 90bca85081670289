/**
 * kubectl's RESTMapper over the simulated server's discovery: resolves what a user types (`po`, `pods`, `Pod`,
 * `deploy`, `deployment.apps`, `deployments.v1.apps`) to a resource, case-insensitively, and expands the `all`
 * category (cli-runtime `Builder.ReplaceAliases` with the discovery category expander). Unknown names give
 * `the server doesn't have a resource type "<name>"` (cli-runtime `Builder.mappingFor`).
 */
import { type Kind, allResources } from '../../engine';
import { fail } from '../cli/errors';

export interface Mapping {
  kind: Kind;
  /** Plural resource (`pods`). */
  resource: string;
  group: string;
  version: string;
  namespaced: boolean;
  /** `pod`, `deployment.apps`: what `kind/name` output and the name printer show. */
  kindLabel: string;
  /** `pods`, `deployments.apps`: what API messages and the edit printer use. */
  qualifiedResource: string;
  /** `v1`, `apps/v1` */
  apiVersion: string;
}

type Info = (typeof allResources)[number];

function toMapping(r: Info): Mapping {
  const group = r.group;
  return {
    kind: r.kind,
    resource: r.resource,
    group,
    version: r.version,
    namespaced: r.namespaced,
    kindLabel: group ? `${r.kind.toLowerCase()}.${group}` : r.kind.toLowerCase(),
    qualifiedResource: group ? `${r.resource}.${group}` : r.resource,
    apiVersion: group ? `${group}/${r.version}` : r.version,
  };
}

/** The mapping of a kind. */
export function mappingForKind(kind: Kind): Mapping {
  const r = allResources.find((x) => x.kind === kind);
  if (!r) throw new Error(`unknown kind ${kind}`);
  return toMapping(r);
}

function matches(r: Info, name: string): boolean {
  return r.resource === name || r.singular === name || r.kind.toLowerCase() === name || r.shortNames.includes(name);
}

/** Resolves one resource argument (no commas); undefined when the server has no such type. */
export function lookupMapping(arg: string): Mapping | undefined {
  const lower = arg.toLowerCase();
  // schema.ParseResourceArg: "res.version.group" is tried first, then "res.group"
  const parts = lower.split('.');
  if (parts.length >= 3) {
    const [res, version, ...g] = parts;
    const group = g.join('.');
    const r = allResources.find((x) => x.group === group && x.version === version && matches(x, res));
    if (r) return toMapping(r);
  }
  const dot = lower.indexOf('.');
  const res = dot >= 0 ? lower.slice(0, dot) : lower;
  const group = dot >= 0 ? lower.slice(dot + 1) : undefined;
  const candidates = allResources.filter((x) => matches(x, res) && (group === undefined || x.group === group));
  return candidates.length > 0 ? toMapping(candidates[0]) : undefined;
}

/** Like lookupMapping but fails with kubectl's message. */
export function mappingFor(arg: string): Mapping {
  const m = lookupMapping(arg);
  if (m) return m;
  const dot = arg.indexOf('.');
  throw fail(`the server doesn't have a resource type "${dot >= 0 ? arg.slice(0, dot) : arg}"`);
}

// The `all` category as discovery lists it in 1.34 (core first, then apps, autoscaling, batch); only the
// resources this server serves are expanded.
const allCategory = [
  'pods',
  'replicationcontrollers',
  'services',
  'daemonsets.apps',
  'deployments.apps',
  'replicasets.apps',
  'statefulsets.apps',
  'horizontalpodautoscalers.autoscaling',
  'cronjobs.batch',
  'jobs.batch',
];

/** `ReplaceAliases`: expands `all` inside a comma list. */
export function replaceAliases(input: string): string {
  return input
    .split(',')
    .map((a) => (a === 'all' ? allCategory.filter((r) => lookupMapping(r)).join(',') : a))
    .join(',');
}

/** `SplitResourceArgument`: comma split with duplicates removed (empty entries kept). */
export function splitResourceArgument(arg: string): string[] {
  const out: string[] = [];
  for (const s of arg.split(',')) if (!out.includes(s)) out.push(s);
  return out;
}

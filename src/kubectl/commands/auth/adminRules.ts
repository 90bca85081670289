/**
 * What `kubectl auth can-i --list` prints for kind's admin (kubectl v0.34.0 `pkg/cmd/auth/cani.go` printStatus and
 * `pkg/util/rbac/rbac.go`): the rules the API server's SelfSubjectRulesReview returns, broken down to one verb,
 * resource and URL each (BreakdownRule), the simple resource rules merged by verb (CompactRules), sorted by the
 * rule's protobuf String() (SortableRuleSlice), in a table. The rules are those of the ClusterRoles the user's
 * groups are bound to, in any namespace (no RoleBinding of a kind cluster names them): `cluster-admin` through
 * kubeadm's `kubeadm:cluster-admins` binding, and `system:basic-user`, `system:discovery` and
 * `system:public-info-viewer` through `system:authenticated` (kubernetes v1.34 bootstrap policy,
 * plugin/pkg/auth/authorizer/rbac/bootstrappolicy/testdata/cluster-roles.yaml).
 */
import { TabWriter, tableWriterOptions } from '../../printers/tabWriter';

interface PolicyRule {
  verbs: string[];
  apiGroups: string[];
  resources: string[];
  resourceNames: string[];
  nonResourceURLs: string[];
}

const rule = (r: Partial<PolicyRule> & { verbs: string[] }): PolicyRule => ({ apiGroups: [], resources: [], resourceNames: [], nonResourceURLs: [], ...r });

/** The rules of the admin's ClusterRoles, in the roles' own order. */
const adminRules: readonly PolicyRule[] = [
  // cluster-admin
  rule({ verbs: ['*'], apiGroups: ['*'], resources: ['*'] }),
  rule({ verbs: ['*'], nonResourceURLs: ['*'] }),
  // system:basic-user
  rule({ verbs: ['create'], apiGroups: ['authorization.k8s.io'], resources: ['selfsubjectaccessreviews', 'selfsubjectrulesreviews'] }),
  rule({ verbs: ['create'], apiGroups: ['authentication.k8s.io'], resources: ['selfsubjectreviews'] }),
  // system:discovery
  rule({ verbs: ['get'], nonResourceURLs: ['/api', '/api/*', '/apis', '/apis/*', '/healthz', '/livez', '/openapi', '/openapi/*', '/readyz', '/version', '/version/'] }),
  // system:public-info-viewer
  rule({ verbs: ['get'], nonResourceURLs: ['/healthz', '/livez', '/readyz', '/version', '/version/'] }),
];

/** `BreakdownRule`: one rule per group × resource × verb (× name), then one per URL × verb. */
function breakdown(r: PolicyRule): PolicyRule[] {
  const out: PolicyRule[] = [];
  for (const group of r.apiGroups) {
    for (const resource of r.resources) {
      for (const verb of r.verbs) {
        if (r.resourceNames.length > 0) for (const name of r.resourceNames) out.push(rule({ verbs: [verb], apiGroups: [group], resources: [resource], resourceNames: [name] }));
        else out.push(rule({ verbs: [verb], apiGroups: [group], resources: [resource] }));
      }
    }
  }
  for (const url of r.nonResourceURLs) for (const verb of r.verbs) out.push(rule({ verbs: [verb], nonResourceURLs: [url] }));
  return out;
}

/** `CompactRules`: rules of one group, one resource and at most one name gather their verbs; others stay as they are. */
function compact(rules: readonly PolicyRule[]): PolicyRule[] {
  const out: PolicyRule[] = [];
  const simple = new Map<string, PolicyRule>();
  for (const r of rules) {
    const isSimple = r.resourceNames.length <= 1 && r.nonResourceURLs.length === 0 && r.apiGroups.length === 1 && r.resources.length === 1;
    if (!isSimple) {
      out.push(r);
      continue;
    }
    const key = JSON.stringify([r.apiGroups[0], r.resources[0], r.resourceNames.length > 0, r.resourceNames[0] ?? '']);
    const existing = simple.get(key);
    if (!existing) simple.set(key, { ...r, verbs: [...r.verbs] });
    else for (const v of r.verbs) if (!existing.verbs.includes(v)) existing.verbs.push(v);
  }
  return [...out, ...simple.values()];
}

const list = (v: readonly string[]) => `[${v.join(' ')}]`;

/** The generated `(*PolicyRule).String()` of k8s.io/api rbac/v1, the sort key. */
function ruleString(r: PolicyRule): string {
  return `&PolicyRule{Verbs:${list(r.verbs)},APIGroups:${list(r.apiGroups)},Resources:${list(r.resources)},ResourceNames:${list(r.resourceNames)},NonResourceURLs:${list(r.nonResourceURLs)},}`;
}

/** `describe.CombineResourceGroup`: `resource.group`, a subresource after a `/`. */
function combineResourceGroup(resources: readonly string[], groups: readonly string[]): string {
  if (resources.length === 0) return '';
  const [resource, sub] = resources[0].split(/\/(.*)/s);
  return `${resource}${groups.length > 0 && groups[0] !== '' ? `.${groups[0]}` : ''}${sub !== undefined ? `/${sub}` : ''}`;
}

/** The `--list` table (without its header under `--no-headers`). */
export function accessList(noHeaders: boolean): string {
  const rules = compact(adminRules.flatMap(breakdown));
  const keyed = rules.map((r) => ({ r, key: ruleString(r) }));
  keyed.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  let text = '';
  const w = new TabWriter((s) => {
    text += s;
  }, tableWriterOptions);
  if (!noHeaders) w.write('Resources\tNon-Resource URLs\tResource Names\tVerbs\n');
  for (const { r } of keyed) w.write(`${combineResourceGroup(r.resources, r.apiGroups)}\t${list(r.nonResourceURLs)}\t${list(r.resourceNames)}\t${list(r.verbs)}\n`);
  w.flush();
  return text;
}

/**
 * `kubectl auth can-i` and `auth whoami` for kind's admin user against kubernetes/kubectl v0.34.0
 * pkg/cmd/auth/cani.go (Complete/Validate's warnings and errors, printStatus with pkg/util/rbac/rbac.go's
 * BreakdownRule, CompactRules and SortableRuleSlice, describe.CombineResourceGroup) and whoami.go
 * (printTableSelfSubjectAccessReview); the user is kubeadm's admin.conf identity (CN kubernetes-admin, O
 * kubeadm:cluster-admins) with the x509 credential ID of k8s.io/apiserver v0.34.0 x509.go.
 */
import { describe, expect, it } from 'vitest';
import { createCluster } from '../../../engine';
import { splitCommandLine } from '../../commandLine';
import { KubeconfigFile } from '../../kubeconfig/kubeconfig';
import { runKubectl } from '../../kubectl';
import { renderResult } from '../../transcript';

function session() {
  const cluster = createCluster({ seed: 3 });
  const kubeconfig = new KubeconfigFile();
  return (line: string) => renderResult(line, runKubectl({ cluster, kubeconfig }, splitCommandLine(line))).split('\n').slice(1).join('\n');
}

describe('kubectl auth can-i', () => {
  it('says yes to cluster-admin for anything, in any namespace', () => {
    const k = session();
    expect(k('auth can-i list pods')).toBe('yes\n');
    expect(k('auth can-i create deployments.apps -n nope')).toBe('yes\n');
    expect(k("auth can-i '*' '*'")).toBe('yes\n');
    expect(k('auth can-i delete secrets/db-creds --all-namespaces')).toBe('yes\n');
    expect(k('auth can-i get pods --subresource=log')).toBe('yes\n');
    expect(k('auth can-i get /logs/')).toBe('yes\n');
    expect(k('auth can-i impersonate users')).toBe('yes\n');
    expect(k('auth can-i list pods -q')).toBe('');
  });

  it('warns about unknown types, cluster-scoped types and unknown verbs, each warning ending in a blank line', () => {
    const k = session();
    expect(k('auth can-i list nodes')).toBe("2> Warning: resource 'nodes' is not namespace scoped\n2> \nyes\n");
    expect(k('auth can-i list nodes -A')).toBe('yes\n');
    expect(k('auth can-i get foo')).toBe("2> Warning: the server doesn't have a resource type 'foo'\n2> \nyes\n");
    expect(k('auth can-i get foos.example.com')).toBe("2> Warning: the server doesn't have a resource type 'foos' in group 'example.com'\n2> \nyes\n");
    expect(k('auth can-i frob pods')).toBe("2> Warning: verb 'frob' is not a known verb\n2> \nyes\n");
    // the verb is only checked where the resource's scope is: not with --all-namespaces
    expect(k('auth can-i frob pods -A')).toBe('yes\n');
    expect(k('auth can-i frob /healthz')).toBe("2> Warning: verb 'frob' is not a known verb\n2> \nyes\n");
    expect(k('auth can-i list foo -q')).toBe("2> Warning: the server doesn't have a resource type 'foo'\n2> \n");
  });

  it('refuses what cani.go refuses', () => {
    const k = session();
    expect(k('auth can-i list')).toBe("2> error: you must specify two arguments: verb resource or verb resource/resourceName.\n2> See 'kubectl auth can-i -h' for help and examples.\n[exit 1]\n");
    expect(k('auth can-i --list pods')).toBe('2> error: list option must be specified with no arguments\n[exit 1]\n');
    expect(k('auth can-i --list -A')).toBe("2> error: list option can't be specified with neither quiet, all-namespaces nor subresource options\n[exit 1]\n");
    expect(k('auth can-i get /logs --subresource=x')).toBe('2> error: --subresource can not be used with NonResourceURL\n[exit 1]\n');
    expect(k('auth can-i get pods --no-headers')).toBe('2> error: --no-headers cannot be set without --list specified\n[exit 1]\n');
    expect(k('auth can-i list pods --as=jane')).toBe("2> error: kubectl auth can-i --as is not simulated yet: svcsim models no RBAC, only kind's cluster-admin user\n[exit 1]\n");
  });

  it('--list prints the rules of cluster-admin, system:basic-user, system:discovery and system:public-info-viewer', () => {
    const k = session();
    const table = `Resources                                       Non-Resource URLs   Resource Names   Verbs
*.*                                             []                  []               [*]
                                                [*]                 []               [*]
selfsubjectreviews.authentication.k8s.io        []                  []               [create]
selfsubjectaccessreviews.authorization.k8s.io   []                  []               [create]
selfsubjectrulesreviews.authorization.k8s.io    []                  []               [create]
                                                [/api/*]            []               [get]
                                                [/api]              []               [get]
                                                [/apis/*]           []               [get]
                                                [/apis]             []               [get]
                                                [/healthz]          []               [get]
                                                [/healthz]          []               [get]
                                                [/livez]            []               [get]
                                                [/livez]            []               [get]
                                                [/openapi/*]        []               [get]
                                                [/openapi]          []               [get]
                                                [/readyz]           []               [get]
                                                [/readyz]           []               [get]
                                                [/version/]         []               [get]
                                                [/version/]         []               [get]
                                                [/version]          []               [get]
                                                [/version]          []               [get]
`;
    expect(k('auth can-i --list')).toBe(table);
    expect(k('auth can-i --list -n kube-system')).toBe(table);
    // without the header the columns are as wide as their cells
    const bare = k('auth can-i --list --no-headers').split('\n');
    expect(bare.slice(0, 2)).toEqual(['*.*                                             []             []    [*]', '                                                [*]            []    [*]']);
    expect(bare).toHaveLength(22);
  });
});

describe('kubectl auth whoami', () => {
  it('prints the admin certificate identity as a table or as the SelfSubjectReview', () => {
    const k = session();
    expect(k('auth whoami')).toMatch(
      /^ATTRIBUTE {43}VALUE\nUsername {44}kubernetes-admin\nGroups {46}\[kubeadm:cluster-admins system:authenticated\]\nExtra: authentication\.kubernetes\.io\/credential-id {3}\[X509SHA256=[0-9a-f]{64}\]\n$/,
    );
    const json = JSON.parse(k('auth whoami -o json'));
    expect(Object.keys(json)).toEqual(['kind', 'apiVersion', 'metadata', 'status']);
    expect(json.status.userInfo.username).toBe('kubernetes-admin');
    expect(Object.keys(json.status.userInfo)).toEqual(['username', 'groups', 'extra']);
    expect(k("auth whoami -o jsonpath='{.status.userInfo.groups}'")).toBe('["kubeadm:cluster-admins","system:authenticated"]\n%\n');
    // the same certificate, the same credential ID
    expect(session()('auth whoami')).toBe(k('auth whoami'));
  });

  it('is a group: alone it prints its help, reconcile is not simulated', () => {
    const k = session();
    expect(k('auth')).toMatch(/^2> Inspect authorization\.\n[\s\S]*\[exit 1\]\n$/);
    expect(k('auth reconcile -f x.yaml')).toBe('2> error: "kubectl auth reconcile" is not simulated yet\n[exit 1]\n');
  });
});

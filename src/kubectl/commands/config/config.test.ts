/**
 * `kubectl config` against kubernetes/kubectl v0.34.0 pkg/cmd/config/ (current_context.go, get_contexts.go,
 * get_clusters.go, get_users.go, use_context.go, set_context.go, view.go and their _test.go expectations) over
 * the kubeconfig kind writes (sigs.k8s.io/kind v0.32.0 pkg/cluster/internal/kubeconfig: cluster, user and context
 * all `kind-NAME`), and the kubeconfig's namespace as the default of every later command.
 */
import { describe, expect, it } from 'vitest';
import { createCluster } from '../../../engine';
import { splitCommandLine } from '../../commandLine';
import { KubeconfigFile } from '../../kubeconfig/kubeconfig';
import { runKubectl } from '../../kubectl';
import { renderResult } from '../../transcript';

function session(name = 'kind') {
  const cluster = createCluster({ seed: 3, name });
  const kubeconfig = new KubeconfigFile();
  const k = (line: string) => renderResult(line, runKubectl({ cluster, kubeconfig }, splitCommandLine(line))).split('\n').slice(1).join('\n');
  return { cluster, k };
}

describe('kubectl config: reading the kubeconfig kind wrote', () => {
  it('names the current context, the contexts, the clusters and the users', () => {
    const { k } = session();
    expect(k('config current-context')).toBe('kind-kind\n');
    expect(k('config get-contexts')).toBe('CURRENT   NAME        CLUSTER     AUTHINFO    NAMESPACE\n*         kind-kind   kind-kind   kind-kind   \n');
    expect(k('config get-contexts -o name')).toBe('kind-kind\n');
    // tabwriter's minimum cell width (6) holds for the one-character column too
    expect(k('config get-contexts --no-headers')).toBe('*     kind-kind   kind-kind   kind-kind   \n');
    expect(k('config get-contexts kind-kind')).toBe('CURRENT   NAME        CLUSTER     AUTHINFO    NAMESPACE\n*         kind-kind   kind-kind   kind-kind   \n');
    expect(k('config get-clusters')).toBe('NAME\nkind-kind\n');
    expect(k('config get-users')).toBe('NAME\nkind-kind\n');
  });

  it('names everything after the cluster: kind-NAME', () => {
    const { k } = session('dev');
    expect(k('config current-context')).toBe('kind-dev\n');
    expect(k('config get-contexts -o name')).toBe('kind-dev\n');
  });

  it('reports contexts it cannot find after the table, and refuses other output formats', () => {
    const { k } = session();
    expect(k('config get-contexts nope')).toBe('CURRENT   NAME   CLUSTER   AUTHINFO   NAMESPACE\n2> error: context nope not found\n[exit 1]\n');
    expect(k('config get-contexts nope kind-kind other')).toBe(
      'CURRENT   NAME        CLUSTER     AUTHINFO    NAMESPACE\n*         kind-kind   kind-kind   kind-kind   \n2> context nope not found\n2> context other not found\n[exit 1]\n',
    );
    expect(k('config get-contexts -o yaml')).toBe('2> error: --output yaml is not available in kubectl config get-contexts; resetting to default output format\n[exit 1]\n');
  });

  it('views the kubeconfig with its certificate data omitted, as YAML, JSON (struct order) or a jsonpath', () => {
    const { k } = session();
    const yaml = `apiVersion: v1
clusters:
- cluster:
    certificate-authority-data: DATA+OMITTED
    server: https://127.0.0.1:6443
  name: kind-kind
contexts:
- context:
    cluster: kind-kind
    user: kind-kind
  name: kind-kind
current-context: kind-kind
kind: Config
users:
- name: kind-kind
  user:
    client-certificate-data: DATA+OMITTED
    client-key-data: DATA+OMITTED
`;
    expect(k('config view')).toBe(yaml);
    expect(k('config view --minify')).toBe(yaml);
    const json = JSON.parse(k('config view -o json'));
    expect(Object.keys(json)).toEqual(['kind', 'apiVersion', 'clusters', 'users', 'contexts', 'current-context']);
    expect(json.clusters[0]).toEqual({ name: 'kind-kind', cluster: { server: 'https://127.0.0.1:6443', 'certificate-authority-data': 'DATA+OMITTED' } });
    expect(k('config view -o jsonpath={.users[*].name}')).toBe('kind-kind\n%\n');
    expect(k('config view a')).toBe("2> error: unexpected arguments: [a]\n2> See 'kubectl config view -h' for help and examples\n[exit 1]\n");
    expect(k('config view --merge=false')).toBe('2> error: if merge==false a precise file must be specified\n[exit 1]\n');
  });

  it('shows the raw data with --raw or --flatten: the cluster CA is the one the cluster publishes', () => {
    const { k, cluster } = session();
    const ca = k("config view --raw -o jsonpath='{.clusters[0].cluster.certificate-authority-data}'").replace('\n%\n', '');
    const published = cluster.store.get('ConfigMap', 'kube-system/kube-root-ca.crt')?.data?.['ca.crt'];
    expect(published).toMatch(/^-----BEGIN CERTIFICATE-----\n/);
    expect(Buffer.from(ca, 'base64').toString()).toBe(published);
    const key = k("config view --flatten -o jsonpath='{.users[0].user.client-key-data}'").replace('\n%\n', '');
    expect(Buffer.from(key, 'base64').toString()).toMatch(/^-----BEGIN RSA PRIVATE KEY-----\n[\s\S]*\n-----END RSA PRIVATE KEY-----\n$/);
    // stable: another cluster of the same name gets the same kubeconfig
    expect(session().k('config view --raw')).toBe(k('config view --raw'));
  });
});

describe('kubectl config: changing the context', () => {
  it('sets the current context namespace, which every later command defaults to', () => {
    const { k } = session();
    expect(k('create namespace dev')).toBe('namespace/dev created\n');
    expect(k('config set-context --current --namespace=dev')).toBe('Context "kind-kind" modified.\n');
    expect(k('config get-contexts')).toBe('CURRENT   NAME        CLUSTER     AUTHINFO    NAMESPACE\n*         kind-kind   kind-kind   kind-kind   dev\n');
    expect(k("config view --minify -o jsonpath='{..namespace}'")).toBe('dev\n%\n');
    expect(k('run web --image=nginx:1.27')).toBe('pod/web created\n');
    expect(k('get pods -o name')).toBe('pod/web\n');
    expect(k('get pods -n default')).toBe('2> No resources found in default namespace.\n');
    expect(k('describe pod web')).toMatch(/^Name:\s+web\nNamespace:\s+dev\n/);
    expect(k('delete pod web --wait=false')).toBe('pod "web" deleted from dev namespace\n');
    // -n overrides it; --dry-run output names no namespace unless -n does (enforceNamespace is the flag alone)
    expect(k('create configmap c --dry-run=client -o yaml')).toBe('apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: c\n');
  });

  it('gives a namespace that does not exist the errors the API server gives', () => {
    const { k } = session();
    expect(k('config set-context kind-kind --namespace=nope')).toBe('Context "kind-kind" modified.\n');
    expect(k('get pods')).toBe('2> No resources found in nope namespace.\n');
    expect(k('run web --image=nginx:1.27')).toBe('2> Error from server (NotFound): namespaces "nope" not found\n[exit 1]\n');
    // an empty value clears the field: back to default
    expect(k('config set-context --current --namespace=')).toBe('Context "kind-kind" modified.\n');
    expect(k('get pods')).toBe('2> No resources found in default namespace.\n');
  });

  it('set-context validates its arguments as set_context.go does; its --namespace has no -n', () => {
    const { k } = session();
    expect(k('config set-context')).toBe('2> error: you must specify a non-empty context name or --current\n[exit 1]\n');
    expect(k('config set-context kind-kind --current')).toBe('2> error: you cannot specify both a context name and --current\n[exit 1]\n');
    expect(k('config set-context --current -n dev')).toBe("2> error: unknown shorthand flag: 'n' in -n\n2> See 'kubectl config set-context --help' for usage.\n[exit 1]\n");
    expect(k('config set-context a b')).toMatch(/^Set a context entry in kubeconfig\.\n[\s\S]*\n2> error: Unexpected args: \[a b\]\n\[exit 1\]\n$/);
  });

  it('use-context switches to a context by name, and says so for one it does not have', () => {
    const { k } = session();
    expect(k('config use-context nope')).toBe('2> error: no context exists with the name: "nope"\n[exit 1]\n');
    expect(k('config use-context')).toMatch(/\n2> error: Unexpected args: \[\]\n\[exit 1\]\n$/);
    expect(k('config set-context dev --cluster=kind-kind --user=kind-kind --namespace=kube-system')).toBe('Context "dev" created.\n');
    expect(k('config use dev')).toBe('Switched to context "dev".\n');
    expect(k('config current-context')).toBe('dev\n');
    expect(k('get svc -o name')).toBe('service/kube-dns\n');
    expect(k('config get-contexts -o name')).toBe('dev\nkind-kind\n');
    expect(k('config view --minify -o jsonpath={.current-context}/{..namespace}')).toBe('dev/kube-system\n%\n');
    expect(k('get pods --context=kind-kind -n kube-public')).toBe('2> No resources found in kube-public namespace.\n');
  });

  it('a context without kind cluster or user leads where kubectl would go, and --context must exist', () => {
    const { k } = session();
    expect(k('config set-context other --namespace=x')).toBe('Context "other" created.\n');
    expect(k('config view --minify --context=other')).toBe(
      'apiVersion: v1\nclusters: null\ncontexts:\n- context:\n    cluster: ""\n    namespace: x\n    user: ""\n  name: other\ncurrent-context: other\nkind: Config\nusers: null\n',
    );
    expect(k('get pods --context=other')).toBe('2> The connection to the server localhost:8080 was refused - did you specify the right host or port?\n[exit 1]\n');
    expect(k('version --context=other')).toBe(
      'Client Version: v1.34.0\nKustomize Version: v5.7.1\n2> The connection to the server localhost:8080 was refused - did you specify the right host or port?\n[exit 1]\n',
    );
    expect(k('get pods --context=nope')).toBe('2> Error in configuration: context was not found for specified context: nope\n[exit 1]\n');
    expect(k('get pods --context=nope -n default')).toBe('2> error: context "nope" does not exist\n[exit 1]\n');
    expect(k('version --context=nope')).toBe('2> error: context "nope" does not exist\n[exit 1]\n');
    expect(k('config view --minify --context=nope')).toBe('2> error: cannot locate context nope\n[exit 1]\n');
    expect(k('config set-context half --cluster=kind-kind')).toBe('Context "half" created.\n');
    expect(k('get pods --context=half')).toMatch(/^2> error: the context "half" names no user of the kubeconfig, .* kubectl config set-context half --user=kind-kind\n\[exit 1\]\n$/);
    // the config commands read the file alone; the current context is still kind's
    expect(k('config use-context other')).toBe('Switched to context "other".\n');
    expect(k('get pods')).toBe('2> The connection to the server localhost:8080 was refused - did you specify the right host or port?\n[exit 1]\n');
    expect(k('config use-context kind-kind')).toBe('Switched to context "kind-kind".\n');
    expect(k('get pods')).toBe('2> No resources found in default namespace.\n');
  });
});

describe('kubectl config: the group and what is not simulated', () => {
  it('prints its help to stderr alone, and refuses unknown and unsimulated subcommands', () => {
    const { k } = session();
    const help = k('config');
    expect(help).toMatch(/^2> Modify kubeconfig files\.\n2> \n2> Available Commands:\n2> {3}current-context {7}Display the current-context\n/);
    expect(help).toMatch(/\[exit 1\]\n$/);
    expect(k('config nope')).toBe('2> error: unknown command "nope"\n2> See \'kubectl config -h\' for help and examples\n[exit 1]\n');
    expect(k('config set-cluster x --server=https://1.2.3.4')).toBe('2> error: "kubectl config set-cluster" is not simulated yet\n[exit 1]\n');
    expect(k('config delete-context kind-kind')).toBe('2> error: "kubectl config delete-context" is not simulated yet\n[exit 1]\n');
  });

  it('a host without a kubeconfig file gives every run the one kind wrote', () => {
    const cluster = createCluster({ seed: 3 });
    const run = (line: string) => runKubectl({ cluster }, splitCommandLine(line));
    expect(run('config set-context --current --namespace=dev').stdout).toBe('Context "kind-kind" modified.\n');
    expect(run('config get-contexts -o name').stdout).toBe('kind-kind\n');
    expect(run("config view -o jsonpath='{..namespace}'").stdout).toBe('');
  });
});

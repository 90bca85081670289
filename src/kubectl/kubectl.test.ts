/**
 * End-to-end behaviour of the emulator against a simulated cluster. Sources checked: cobra command.go
 * (unknown command + SuggestionsFor), kubectl pkg/util/templates/templater.go (flag errors), pkg/cmd/get/get.go
 * (No resources found, kind/name, printGeneric List, watch), cli-runtime builder.go (argument errors),
 * pkg/cmd/label/label.go, pkg/cmd/delete/delete.go, pkg/cmd/exec/exec.go, pkg/cmd/version/version.go,
 * pkg/cmd/apiresources/apiresources.go, pkg/cmd/clusterinfo/clusterinfo.go, pkg/cmd/util/editor/editoptions.go.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { type Cluster, createCluster } from '../engine';
import { type KubectlContext, runKubectl } from './kubectl';
import { splitCommandLine } from './commandLine';
import { renderResult } from './transcript';

let cluster: Cluster;
let ctx: KubectlContext;

/** Runs a command line and returns its transcript rendering (stderr lines prefixed with `2> `). */
const k = (line: string) => renderResult(line, runKubectl(ctx, splitCommandLine(line))).split('\n').slice(1).join('\n');

beforeEach(() => {
  cluster = createCluster({ seed: 7 });
  ctx = { cluster };
});

describe('command line', () => {
  it('suggests commands like cobra', () => {
    expect(k('gt pods')).toBe('2> error: unknown command "gt" for "kubectl"\n2> \n2> Did you mean this?\n2> \tcp\n2> \tget\n2> \tset\n[exit 1]\n');
    expect(k('list')).toBe('2> error: unknown command "list" for "kubectl"\n2> \n2> Did you mean this?\n2> \tget\n[exit 1]\n');
  });

  it('reports unknown flags with the usage hint', () => {
    expect(k('get pods --foo')).toBe("2> error: unknown flag: --foo\n2> See 'kubectl get --help' for usage.\n[exit 1]\n");
  });

  it('accepts global flags before the verb', () => {
    expect(k('-n kube-system --context kind-kind get deploy')).toContain('coredns   2/2');
  });
});

describe('get', () => {
  it('says No resources found on stderr', () => {
    expect(k('get pods')).toBe('2> No resources found in default namespace.\n');
    expect(k('get pods -A -l app=nothing')).toBe('2> No resources found\n');
  });

  it('reports NotFound per name and prints the others', () => {
    cluster.create('Namespace', { metadata: { name: 'team' } });
    expect(k('get ns team nope1 nope2')).toMatch(
      /^NAME {3}STATUS {3}AGE\nteam {3}Active {3}0s\n2> Error from server \(NotFound\): namespaces "nope1" not found\n2> Error from server \(NotFound\): namespaces "nope2" not found\n\[exit 1\]\n$/,
    );
    expect(k('get pod nope')).toBe('2> Error from server (NotFound): pods "nope" not found\n[exit 1]\n');
  });

  it('reports builder errors', () => {
    expect(k('get foos')).toBe('2> error: the server doesn\'t have a resource type "foos"\n[exit 1]\n');
    expect(k('get pod a -l x=y')).toBe('2> error: name cannot be provided when a selector is specified\n[exit 1]\n');
    expect(k('get pods -A mypod')).toBe('2> error: a resource cannot be retrieved by name across all namespaces\n[exit 1]\n');
    expect(k('get pod/a svc')).toContain('there is no need to specify a resource type as a separate argument');
    expect(k('get')).toBe(
      '2> You must specify the type of resource to get. Use "kubectl api-resources" for a complete list of supported resources.\n2> \n2> error: Required resource not specified.\n2> Use "kubectl explain <resource>" for a detailed description of that resource (e.g. kubectl explain pods).\n2> See \'kubectl get -h\' for help and examples\n[exit 1]\n',
    );
  });

  it('prints several kinds with kind/name and a blank line between them', () => {
    const out = k('get deploy,rs -n kube-system');
    expect(out).toMatch(/^NAME {22}READY {3}UP-TO-DATE {3}AVAILABLE {3}AGE\ndeployment\.apps\/coredns {3}2\/2 {5}2 {12}2 {11}90s\n\nNAME {33}DESIRED {3}CURRENT {3}READY {3}AGE\nreplicaset\.apps\/coredns-[a-z0-9]+ {3}2 {9}2 {9}2 {7}90s\n$/);
  });

  it('adds NAMESPACE, LABELS and -L columns', () => {
    const out = k('get svc -A --show-labels -L component');
    expect(out.split('\n')[0]).toBe('NAMESPACE     NAME         TYPE        CLUSTER-IP   EXTERNAL-IP   PORT(S)                  AGE   COMPONENT   LABELS');
    expect(out).toContain('default       kubernetes   ClusterIP   10.96.0.1    <none>        443/TCP                  90s   apiserver   component=apiserver,provider=kubernetes\n');
  });

  it('prints a single object or a List in -o yaml / json / name', () => {
    expect(k('get ns default -o yaml')).toMatch(/^apiVersion: v1\nkind: Namespace\nmetadata:\n {2}creationTimestamp: "2026-01-05T09:00:00Z"\n/);
    const list = k('get ns default kube-public -o yaml');
    expect(list.startsWith('apiVersion: v1\nitems:\n- apiVersion: v1\n  kind: Namespace\n')).toBe(true);
    expect(list.endsWith('kind: List\nmetadata:\n  resourceVersion: ""\n')).toBe(true);
    expect(k('get ns -o name')).toBe('namespace/default\nnamespace/kube-node-lease\nnamespace/kube-public\nnamespace/kube-system\nnamespace/local-path-storage\n');
    expect(k('get deploy -n kube-system -o name')).toBe('deployment.apps/coredns\n');
    expect(k('get ns default -o json')).toMatch(/^\{\n {4}"apiVersion": "v1",\n {4}"kind": "Namespace",\n {4}"metadata": \{\n/);
  });

  it('prints jsonpath, custom columns and sorts', () => {
    expect(k("get ns -o jsonpath='{range .items[*]}{.metadata.name}{\"\\n\"}{end}'")).toBe('default\nkube-node-lease\nkube-public\nkube-system\nlocal-path-storage\n');
    expect(k('get svc -A -o custom-columns=NAME:.metadata.name,IP:spec.clusterIP --sort-by=.spec.clusterIP')).toBe(
      'NAME         IP\nkubernetes   10.96.0.1\nkube-dns     10.96.0.10\n',
    );
    expect(k("get pods -o jsonpath='{.items[0].metadata.name}'")).toContain(
      '2> error: error executing jsonpath "{.items[0].metadata.name}": Error executing template: array index out of bounds: index 0, length 0. Printing more information for debugging the template:\n2> \ttemplate was:\n2> \t\t{.items[0].metadata.name}\n2> \tobject given to jsonpath engine was:\n2> \t\tmap[string]interface {}{"apiVersion":"v1", "items":[]interface {}{}, "kind":"List", "metadata":map[string]interface {}{"resourceVersion":""}}\n',
    );
  });

  it('rejects bad output combinations', () => {
    expect(k('get pods -o foo')).toBe(
      '2> error: unable to match a printer suitable for the output format "foo", allowed formats are: custom-columns,custom-columns-file,go-template,go-template-file,json,jsonpath,jsonpath-as-json,jsonpath-file,name,template,templatefile,wide,yaml\n[exit 1]\n',
    );
    expect(k('get pods --show-labels -o yaml')).toBe('2> error: --show-labels option cannot be used with yaml printer\n[exit 1]\n');
    expect(k('get pods --output-watch-events')).toBe('2> error: --output-watch-events option can only be used with --watch or --watch-only\n[exit 1]\n');
  });

  it('lists pods, services, deployments and replicasets for all', () => {
    const out = k('get all -n kube-system');
    expect(out).toMatch(/^NAME {45}READY {3}STATUS {4}RESTARTS {3}AGE\npod\/coredns-/);
    expect(out).toContain('pod/kube-controller-manager-kind-control-plane   1/1     Running   0          90s\n');
    expect(out).toContain('\n\nNAME               TYPE        CLUSTER-IP   EXTERNAL-IP   PORT(S)                  AGE\nservice/kube-dns');
    // kubectl's `all` category lists daemonsets before deployments (apps group discovery order)
    expect(out).toContain(
      '\n\nNAME                        DESIRED   CURRENT   READY   UP-TO-DATE   AVAILABLE   NODE SELECTOR            AGE\ndaemonset.apps/kindnet      4         4         4       4            4           <none>                   90s\n',
    );
    expect(out).toContain('\n\nNAME                      READY   UP-TO-DATE   AVAILABLE   AGE\ndeployment.apps/coredns');
  });

  it('warns once per command about v1 Endpoints', () => {
    expect(k('get ep,svc')).toMatch(/^2> Warning: v1 Endpoints is deprecated in v1\.33\+; use discovery\.k8s\.io\/v1 EndpointSlice\nNAME {19}ENDPOINTS {9}AGE\nendpoints\/kubernetes {3}172\.18\.0\.2:6443 {3}90s\n\nNAME {17}TYPE/);
  });
});

describe('get --watch', () => {
  it('prints the table, then rows with remembered widths', () => {
    k('run a --image=nginx');
    const r = runKubectl(ctx, splitCommandLine('get pods -w'));
    expect(r.stdout).toBe('NAME   READY   STATUS              RESTARTS   AGE\na      0/1     ContainerCreating   0          0s\n');
    const chunks: string[] = [];
    r.watch?.subscribe((c) => chunks.push(c.stdout ?? ''));
    cluster.advance(10_000);
    // later rows keep the widths of the first table (STATUS stays 20 wide)
    expect(chunks.join('')).toMatch(/^(a {6}[01]\/1 {5}\w+ +0 {10}\ds\n)*a {6}1\/1 {5}Running {13}0 {10}\ds\n$/);
    r.watch?.stop();
    cluster.advance(10_000);
    expect(chunks.join('')).not.toContain('10s');
  });

  it('adds the EVENT column with --output-watch-events and skips the list with --watch-only', () => {
    k('run a --image=nginx');
    const r = runKubectl(ctx, splitCommandLine('get pods --watch-only --output-watch-events'));
    expect(r.stdout).toBe('');
    const chunks: string[] = [];
    r.watch?.subscribe((c) => chunks.push(c.stdout ?? ''));
    k('label pod a x=y');
    expect(chunks.join('')).toMatch(/^EVENT {6}NAME {3}READY {3}STATUS {14}RESTARTS {3}AGE\n(MODIFIED {3}a {6}0\/1 {5}ContainerCreating {3}0 {10}0s\n)+$/);
    r.watch?.stop();
  });
});

describe('write verbs', () => {
  it('runs, labels and deletes a pod', () => {
    expect(k('run web --image=nginx --port=80 --labels=app=web')).toBe('pod/web created\n');
    expect(k('run web --image=nginx')).toBe('2> Error from server (AlreadyExists): pods "web" already exists\n[exit 1]\n');
    expect(k('label pod web app=other')).toBe("2> error: 'app' already has a value (web), and --overwrite is false\n[exit 1]\n");
    expect(k('label pod web app=other --overwrite')).toBe('pod/web labeled\n');
    expect(k('label pod web tier=front')).toBe('pod/web labeled\n');
    expect(k('label pod web tier-')).toBe('pod/web unlabeled\n');
    expect(k('label pod web app=other')).toBe('pod/web not labeled\n');
    // nothing changed, so updateDataChangeMsg says "not labeled"
    expect(k('label pod web nope-')).toBe('label "nope" not found.\npod/web not labeled\n');
    expect(k('delete pod web')).toBe('pod "web" deleted from default namespace\n');
    expect(cluster.get('Pod', 'default', 'web').ok).toBe(false);
    expect(k('delete pod web')).toBe('2> Error from server (NotFound): pods "web" not found\n[exit 1]\n');
    expect(k('delete pods -l app=web')).toBe('No resources found\n');
    expect(k('delete pods')).toBe('2> error: resource(s) were provided, but no name was specified\n[exit 1]\n');
  });

  it('runs with --expose and --dry-run', () => {
    expect(k('run web --image=nginx --port=80 --expose')).toBe('service/web created\npod/web created\n');
    expect(k('run api --image=nginx --dry-run=client')).toBe('pod/api created (dry run)\n');
    expect(k('run api')).toBe('2> error: --image is required\n[exit 1]\n');
    expect(k('run --image=nginx')).toBe("2> error: NAME is required for run\n2> See 'kubectl run -h' for help and examples\n[exit 1]\n");
    expect(k('run x --image=nginx --restart=Sometimes')).toBe("2> error: invalid restart policy: Sometimes\n2> See 'kubectl run -h' for help and examples\n[exit 1]\n");
  });

  it('exposes deployments and rejects what cannot be exposed', () => {
    expect(k('expose deploy coredns -n kube-system --name=dns2 --port=53 --protocol=UDP')).toBe('service/dns2 exposed\n');
    expect(k('expose node kind-worker --port=80')).toBe('2> error: cannot expose a Node\n[exit 1]\n');
    k('run bare --image=nginx');
    expect(k('expose pod bare')).toBe("2> error: couldn't find port via --port flag or introspection\n[exit 1]\n");
  });

  it('force-deletes with the warning', () => {
    k('run web --image=nginx');
    cluster.advance(10_000);
    expect(k('delete pod web --grace-period=0 --force')).toBe(
      '2> Warning: Immediate deletion does not wait for confirmation that the running resource has been terminated. The resource may continue to run on the cluster indefinitely.\npod "web" force deleted from default namespace\n',
    );
  });

  it('applies and creates from stdin', () => {
    ctx.stdin = 'apiVersion: v1\nkind: Service\nmetadata:\n  name: s1\nspec:\n  selector:\n    app: x\n  ports:\n  - port: 80\n';
    expect(k('apply -f -')).toBe('service/s1 created\n');
    expect(k('apply -f -')).toBe('service/s1 unchanged\n');
    expect(k('create -f -')).toBe('2> Error from server (AlreadyExists): error when creating "STDIN": services "s1" already exists\n[exit 1]\n');
  });

  // kubectl apply's Run (kubernetes/kubectl pkg/cmd/apply/apply.go) applies the objects GetObjects could map and
  // returns the mapping error after them; the builder reads on with ContinueOnError (kubernetes/cli-runtime)
  it('applies and creates the objects of the kinds it serves when another kind is not served', () => {
    const unmapped = 'apiVersion: example.com/v1\nkind: Widget\nmetadata:\n  name: w\n';
    ctx.stdin = `${unmapped}---\napiVersion: v1\nkind: Service\nmetadata:\n  name: s2\nspec:\n  ports:\n  - port: 80\n`;
    const mapping = 'resource mapping not found for name: "w" namespace: "" from "STDIN": no matches for kind "Widget" in version "example.com/v1"\n2> ensure CRDs are installed first';
    expect(k('apply -f -')).toBe(`service/s2 created\n2> error: ${mapping}\n[exit 1]\n`);
    expect(cluster.get('Service', 'default', 's2').ok).toBe(true);
    ctx.stdin = unmapped;
    expect(k('apply -f -')).toBe(`2> error: ${mapping}\n[exit 1]\n`);
    ctx.stdin = `${unmapped}---\napiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: c\n`;
    expect(k('create -f -')).toBe(`configmap/c created\n2> error: ${mapping}\n[exit 1]\n`);
  });
});

describe('scale, cordon and create subcommands', () => {
  // scale.go (`scaled`, required --replicas), drain.go RunCordonOrUncordon, create_deployment.go, create_namespace.go
  it('creates, scales and cordons', () => {
    expect(k('create deployment web --image=nginx:1.27 --replicas=2 --port=80')).toBe('deployment.apps/web created\n');
    expect(k('scale deploy web --replicas=3')).toBe('deployment.apps/web scaled\n');
    expect(k('scale deploy web')).toBe('2> error: required flag(s) "replicas" not set\n[exit 1]\n');
    expect(k('create namespace team-a')).toBe('namespace/team-a created\n');
    expect(k('cordon kind-worker')).toBe('node/kind-worker cordoned\n');
    expect(k('cordon kind-worker')).toBe('node/kind-worker already cordoned\n');
    expect(k('get node kind-worker')).toContain('kind-worker   Ready,SchedulingDisabled   <none>');
    expect(k('uncordon kind-worker')).toBe('node/kind-worker uncordoned\n');
  });

  // kubernetes/kubernetes pkg/controller/nodelifecycle/node_lifecycle_controller.go doNoScheduleTaintingPass:
  // a cordoned node carries node.kubernetes.io/unschedulable:NoSchedule until it is uncordoned
  it('taints a cordoned node unschedulable and untaints it on uncordon', () => {
    const taints = () => k('describe node kind-worker').split('\n').find((l) => l.startsWith('Taints:'));
    expect(taints()).toBe('Taints:             <none>');
    k('cordon kind-worker');
    expect(taints()).toBe('Taints:             node.kubernetes.io/unschedulable:NoSchedule');
    expect(k('describe node kind-worker')).toContain('Unschedulable:      true');
    expect(k('get node kind-worker -o jsonpath={.spec.taints[0].timeAdded}')).toMatch(/^\d{4}-\d\d-\d\dT/);
    k('uncordon kind-worker');
    expect(taints()).toBe('Taints:             <none>');
  });
});

describe('exec', () => {
  it('needs -- and a running container', () => {
    k('run web --image=nginx');
    expect(k('exec web env')).toBe("2> error: exec [POD] [COMMAND] is not supported anymore. Use exec [POD] -- [COMMAND] instead\n2> See 'kubectl exec -h' for help and examples\n[exit 1]\n");
    expect(k('exec web')).toBe('2> error: you must specify at least one command for the container\n[exit 1]\n');
    expect(k('exec nope -- env')).toBe('2> Error from server (NotFound): pods "nope" not found\n[exit 1]\n');
    cluster.advance(10_000);
    expect(k('exec web -- hostname')).toBe('web\n');
    expect(k('exec web -- cat /etc/resolv.conf')).toBe('search default.svc.cluster.local svc.cluster.local cluster.local\nnameserver 10.96.0.10\noptions ndots:5\n');
    expect(k('exec web -- cat /nope')).toBe('2> cat: /nope: No such file or directory\n2> command terminated with exit code 1\n[exit 1]\n');
  });

  // exec.go resolves TYPE/NAME with the builder, then AttachablePodForObjectFn picks the pod
  // (kubectl pkg/polymorphichelpers/attachablepodforobject.go, helpers.go SelectorsForObject)
  it('runs in a pod of a deployment or a service, and says which kinds select no pods', () => {
    k('create deployment web --image=nginx --replicas=2');
    k('expose deployment web --port=80');
    cluster.advance(30_000);
    const pods = k('get pods -l app=web -o name').trim().split('\n').map((n) => n.replace('pod/', ''));
    expect(pods).toHaveLength(2);
    const viaDeployment = k('exec deploy/web -- hostname').trim();
    expect(pods).toContain(viaDeployment);
    expect(k('exec deployment.apps/web -- hostname').trim()).toBe(viaDeployment);
    expect(pods).toContain(k('exec svc/web -- hostname').trim());
    expect(k('exec deploy/nope -- hostname')).toBe('2> Error from server (NotFound): deployments.apps "nope" not found\n[exit 1]\n');
    expect(k('exec cm/kube-root-ca.crt -- hostname')).toBe('2> error: cannot attach to *v1.ConfigMap: selector for *v1.ConfigMap not implemented\n[exit 1]\n');
  });
});

describe('edit', () => {
  it('patches a service and reports a rejected pod edit like kubectl', () => {
    ctx.editor = (text) => text.replace('sessionAffinity: None', 'sessionAffinity: ClientIP');
    expect(k('edit svc kubernetes')).toBe('service/kubernetes edited\n');
    k('run web --image=nginx --port=80');
    const seen: string[] = [];
    ctx.editor = (text) => {
      seen.push(text);
      return text.replace('containerPort: 80', 'containerPort: 81');
    };
    const out = k('edit pod web');
    expect(out).toMatch(/^2> error: pods "web" is invalid\n2> A copy of your changes has been stored to "\/tmp\/kubectl-edit-\d+\.yaml"\n2> error: Edit cancelled, no valid changes were saved\.\n\[exit 1\]\n$/);
    expect(seen[1]).toContain('# pods "web" was not valid:\n# * spec: Forbidden: pod updates may not change fields other than');
    ctx.editor = (text) => text;
    expect(k('edit pod web')).toBe('2> Edit cancelled, no changes made.\n');
  });
});

describe('describe', () => {
  it('describes by name prefix when the exact name is missing', () => {
    const out = k('describe deploy core -n kube-system');
    expect(out).toMatch(/^Name: {19}coredns\nNamespace: {14}kube-system\nCreationTimestamp: {6}Mon, 05 Jan 2026 09:00:00 \+0000\n/);
    expect(k('describe pod nope')).toBe('2> Error from server (NotFound): pods "nope" not found\n[exit 1]\n');
  });
});

describe('cluster verbs', () => {
  it('prints versions, API resources and cluster info', () => {
    expect(k('version')).toBe('Client Version: v1.34.0\nKustomize Version: v5.7.1\nServer Version: v1.34.0\n');
    expect(k('api-resources').split('\n').slice(0, 3)).toEqual([
      'NAME                  SHORTNAMES   APIVERSION            NAMESPACED   KIND',
      'configmaps            cm           v1                    true         ConfigMap',
      'endpoints             ep           v1                    true         Endpoints',
    ]);
    expect(k('cluster-info')).toBe(
      "Kubernetes control plane is running at https://127.0.0.1:6443\nCoreDNS is running at https://127.0.0.1:6443/api/v1/namespaces/kube-system/services/kube-dns:dns/proxy\n\nTo further debug and diagnose cluster problems, use 'kubectl cluster-info dump'.\n",
    );
  });
});

/**
 * `-o go-template` end to end, as kubectl v0.34.0 prints it: cli-runtime pkg/printers/template.go
 * (GoTemplatePrinter: JSON round trip, the `Error executing template` block on stdout, `error executing template
 * %q: %v`), pkg/genericclioptions/template_flags.go and kube_template_flags.go (formats, `--template`, `-file`
 * formats, `error parsing template %s, %v`, `template format specified but no template given`), kubectl
 * pkg/cmd/get/get_flags.go (`--template` alone means go-template) and get.go (printGeneric's List, the watch's
 * `unable to output the provided object`). The Debug Services line is from the Kubernetes docs
 * (kubernetes/website content/en/docs/tasks/debug/debug-application/debug-service.md).
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { type Cluster, createCluster } from '../../../engine';
import { splitCommandLine } from '../../commandLine';
import { type KubectlContext, runKubectl } from '../../kubectl';
import { renderResult } from '../../transcript';

let cluster: Cluster;
let ctx: KubectlContext;
const files = new Map<string, string>();

/** The command's transcript: stdout, `2> ` stderr lines, `[exit N]`. */
const k = (line: string) => renderResult(line, runKubectl(ctx, splitCommandLine(line))).split('\n').slice(1).join('\n');
const stdout = (line: string) => runKubectl(ctx, splitCommandLine(line)).stdout;

beforeEach(() => {
  cluster = createCluster({ seed: 7 });
  files.clear();
  ctx = { cluster, readFile: (path) => files.get(path) };
});

describe('kubectl get -o go-template', () => {
  it('lists the pod IPs of a deployment, as the Debug Services page does', () => {
    k('create deployment hostnames --image=registry.k8s.io/serve_hostname --replicas=3');
    cluster.advance(30_000);
    const ips = stdout(`get pods -l app=hostnames -o go-template='{{range .items}}{{.status.podIP}}{{"\\n"}}{{end}}'`);
    expect(ips).toMatch(/^(10\.244\.\d+\.\d+\n){3}$/);
    expect(ips).toBe(stdout(`get pods -l app=hostnames -o jsonpath='{range .items[*]}{.status.podIP}{"\\n"}{end}'`));
  });

  it('prints maps with sorted keys and slices with spaces, numbers as the float64s JSON gives', () => {
    expect(k(`get ns default -o go-template='{{.metadata.labels}} {{.spec.finalizers}} {{.status}}{{"\\n"}}'`)).toBe(
      'map[kubernetes.io/metadata.name:default] [kubernetes] map[phase:Active]\n',
    );
    expect(k(`get svc kubernetes -o go-template='{{range .spec.ports}}{{printf "%s/%v %d %05.1f" .protocol .port .port .port}}{{end}}'`)).toBe(
      'TCP/443 %!d(float64=443) 443.0\n%\n',
    );
  });

  it('indexes annotations whose keys have dots and slashes', () => {
    k('create deployment web --image=nginx');
    k('annotate deployment web kubernetes.io/change-cause="image nginx"');
    expect(stdout(`get deploy web -o go-template='{{index .metadata.annotations "kubernetes.io/change-cause"}}|{{index .metadata.annotations "deployment.kubernetes.io/revision"}}'`)).toBe('image nginx|1');
    // an object without annotations has no map to index: index of untyped nil
    expect(k(`get ns default -o go-template='{{index .metadata.annotations "kubernetes.io/change-cause"}}'`)).toContain(
      '2> error: error executing template "{{index .metadata.annotations \\"kubernetes.io/change-cause\\"}}": template: output:1:2: executing "output" at <index .metadata.annotations "kubernetes.io/change-cause">: error calling index: index of untyped nil\n[exit 1]\n',
    );
  });

  it('prints <no value> for a missing key, and fails on it with --allow-missing-template-keys=false', () => {
    k('create configmap c --from-literal=a=b');
    expect(stdout(`get cm c -o go-template='{{.data.a}} {{.data.z}} {{.nope.deeper}}'`)).toBe('b <no value> <no value>');
    const uid = stdout('get cm c -o jsonpath={.metadata.uid}');
    const created = stdout('get cm c -o jsonpath={.metadata.creationTimestamp}');
    const rv = stdout('get cm c -o jsonpath={.metadata.resourceVersion}');
    expect(k(`get cm c -o go-template='{{.data.a}}{{.data.z}}' --allow-missing-template-keys=false`)).toBe(
      'bError executing template: template: output:1:18: executing "output" at <.data.z>: map has no entry for key "z". Printing more information for debugging the template:\n' +
        '\ttemplate was:\n\t\t{{.data.a}}{{.data.z}}\n' +
        `\traw data was:\n\t\t{"apiVersion":"v1","data":{"a":"b"},"kind":"ConfigMap","metadata":{"creationTimestamp":"${created}","name":"c","namespace":"default","resourceVersion":"${rv}","uid":"${uid}"}}\n` +
        `\tobject given to template engine was:\n\t\tmap[apiVersion:v1 data:map[a:b] kind:ConfigMap metadata:map[creationTimestamp:${created} name:c namespace:default resourceVersion:${rv} uid:${uid}]]\n\n` +
        '2> error: error executing template "{{.data.a}}{{.data.z}}": template: output:1:18: executing "output" at <.data.z>: map has no entry for key "z"\n[exit 1]\n',
    );
  });

  it('reports a parse error before printing anything', () => {
    expect(k(`get ns -o go-template='{{.metadata.name}'`)).toBe("2> error: error parsing template {{.metadata.name}, template: output:1: bad character U+007D '}'\n[exit 1]\n");
    expect(k(`get ns -o go-template='{{if .items}}x'`)).toBe('2> error: error parsing template {{if .items}}x, template: output:1: unexpected EOF\n[exit 1]\n');
    expect(k(`get ns -o go-template='{{.a }x}}'`)).toBe('2> error: error parsing template {{.a }x}}, template: output:1: unexpected "}" in operand\n[exit 1]\n');
  });

  it('takes the template from -o template=, --template, and -file formats', () => {
    expect(stdout(`get ns default -o template='{{.metadata.name}}'`)).toBe('default');
    expect(stdout(`get ns default --template='{{.kind}}'`)).toBe('Namespace');
    expect(stdout(`get ns default -o go-template --template='{{.kind}}'`)).toBe('Namespace');
    files.set('ns.tmpl', '{{range .items}}{{.metadata.name}} {{end}}\n');
    expect(stdout('get ns -o go-template-file=ns.tmpl')).toBe('default kube-node-lease kube-public kube-system local-path-storage \n');
    expect(stdout('get ns -o templatefile --template=ns.tmpl')).toBe('default kube-node-lease kube-public kube-system local-path-storage \n');
    expect(k('get ns -o go-template-file=nope.tmpl')).toBe('2> error: error reading --template nope.tmpl, open nope.tmpl: no such file or directory\n[exit 1]\n');
    expect(k('get ns -o go-template')).toBe('2> error: template format specified but no template given\n[exit 1]\n');
    expect(k('get ns -o go-template=')).toBe('2> error: template format specified but no template given\n[exit 1]\n');
  });

  it('matches no printer for FORMAT=TEMPLATE when --template is also given', () => {
    expect(k(`get ns --template=x -o go-template='{{.kind}}'`)).toBe(
      '2> error: unable to match a printer suitable for the output format "go-template={{.kind}}", allowed formats are: custom-columns,custom-columns-file,go-template,go-template-file,json,jsonpath,jsonpath-as-json,jsonpath-file,name,template,templatefile,wide,yaml\n[exit 1]\n',
    );
  });

  it('wraps an error while printing a watch list', () => {
    expect(k(`get ns -w -o go-template='{{.x}}' --allow-missing-template-keys=false`)).toMatch(
      /\n2> error: unable to output the provided object: error executing template "\{\{\.x\}\}": template: output:1:2: executing "output" at <\.x>: map has no entry for key "x"\n\[exit 1\]\n$/,
    );
  });
});

describe('-o go-template on the commands that print objects', () => {
  it('prints created, dry-run and labelled objects', () => {
    expect(stdout(`run web --image=nginx --dry-run=client -o go-template='{{.metadata.name}} {{(index .spec.containers 0).image}}'`)).toBe('web nginx');
    expect(stdout(`create deployment web --image=nginx --replicas=2 --dry-run=client --template='{{.spec.replicas}} {{.kind}}'`)).toBe('2 Deployment');
    expect(stdout(`create ns team -o go-template='{{.metadata.name}} {{.status.phase}}'`)).toBe('team Active');
    expect(stdout(`label ns team tier=x -o go-template='{{.metadata.labels}}'`)).toBe('map[kubernetes.io/metadata.name:team tier:x]');
  });

  it('fails a write command on a bad template before it changes anything', () => {
    expect(k(`create ns team -o go-template='{{'`)).toBe('2> error: error parsing template {{, template: output:1: unclosed action\n[exit 1]\n');
    expect(k('get ns team')).toBe('2> Error from server (NotFound): namespaces "team" not found\n[exit 1]\n');
  });
});

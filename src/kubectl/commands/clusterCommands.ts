/**
 * Cluster-wide informational verbs: `version` (kubectl `pkg/cmd/version`), `cluster-info`
 * (`pkg/cmd/clusterinfo`) and `api-resources` (`pkg/cmd/apiresources`).
 */
import { allResources } from '../../engine';
import type { KubectlCommand } from '../cli/command';
import { fail } from '../cli/errors';
import { clientConfig } from '../kubeconfig/clientConfig';
import { goJsonString } from '../../shared/goJson';
import { toGoYaml } from '../printers/goYaml';
import { TabWriter, tableWriterOptions } from '../printers/tabWriter';

/** kubectl 1.34.0 was built with kustomize v5.7.1 (kubectl go.mod). */
export const clientVersion = 'v1.34.0';
export const kustomizeVersion = 'v5.7.1';

/**
 * version.Info in Go struct order. The build fields of the real v1.34.0 binaries (commit, date, Go version)
 * are not simulated and print empty.
 */
function versionInfo(gitVersion: string): [string, string][] {
  const [major, minor] = gitVersion.replace(/^v/, '').split('.');
  return [
    ['major', major],
    ['minor', minor],
    ['gitVersion', gitVersion],
    ['gitCommit', ''],
    ['gitTreeState', 'clean'],
    ['buildDate', ''],
    ['goVersion', ''],
    ['compiler', 'gc'],
    ['platform', 'linux/amd64'],
  ];
}

/** json.MarshalIndent(v, "", "  ") of the version struct, keeping its field order. */
function versionJson(sections: [string, [string, string][] | string][]): string {
  const body = sections.map(([k, v]) => {
    if (typeof v === 'string') return `  ${goJsonString(k)}: ${goJsonString(v)}`;
    return `  ${goJsonString(k)}: {\n${v.map(([fk, fv]) => `    ${goJsonString(fk)}: ${goJsonString(fv)}`).join(',\n')}\n  }`;
  });
  return `{\n${body.join(',\n')}\n}`;
}

export const versionCommand: KubectlCommand = {
  name: 'version',
  short: 'Print the client and server version information',
  use: 'version',
  flags: [
    { name: 'client', type: 'bool' },
    { name: 'output', shorthand: 'o', type: 'string' },
  ],
  // the client version prints even when the kubeconfig leads to no server (version.go returns serverErr last)
  clientOnly: true,
  run(env) {
    const output = env.flags.string('output');
    if (output !== '' && output !== 'yaml' && output !== 'json') throw fail('--output must be \'yaml\' or \'json\'');
    const problem = env.flags.bool('client') ? undefined : clientConfig(env.kubeconfig, env.flags.string('context'), env.flags.string('namespace'), true).problem;
    // a missing context fails Complete's ToDiscoveryClient; /version is open to anonymous users (system:public-info-viewer)
    if (problem?.reason === 'context') throw problem.error;
    const serverError = problem?.reason === 'refused' ? problem.error : undefined;
    const server = env.flags.bool('client') || serverError ? undefined : env.cluster.config.kubernetesVersion;
    if (output === '') {
      env.out.out(`Client Version: ${clientVersion}\nKustomize Version: ${kustomizeVersion}\n`);
      if (server) env.out.out(`Server Version: ${server}\n`);
      if (serverError) throw serverError;
      return undefined;
    }
    const sections: [string, [string, string][] | string][] = [['clientVersion', versionInfo(clientVersion)], ['kustomizeVersion', kustomizeVersion]];
    if (server) sections.push(['serverVersion', versionInfo(server)]);
    if (output === 'json') env.out.out(`${versionJson(sections)}\n`);
    else {
      const asObject = Object.fromEntries(sections.map(([k, v]) => [k, typeof v === 'string' ? v : Object.fromEntries(v)]));
      env.out.out(`${toGoYaml(asObject)}\n`);
    }
    if (serverError) throw serverError;
    return undefined;
  },
};

export const clusterInfoCommand: KubectlCommand = {
  name: 'cluster-info',
  short: 'Display cluster information',
  use: 'cluster-info',
  flags: [],
  run(env) {
    const host = env.ctx.serverUrl ?? 'https://127.0.0.1:6443';
    const namespace = env.explicitNamespace ? env.namespace : 'kube-system';
    env.out.out(`Kubernetes control plane is running at ${host}\n`);
    const listed = env.cluster.list('Service', { namespace, labelSelector: 'kubernetes.io/cluster-service=true' });
    for (const svc of listed.ok ? listed.value.items : []) {
      const ingress = svc.status?.loadBalancer?.ingress?.[0];
      let link = '';
      if (ingress) {
        const ip = ingress.ip || ingress.hostname;
        for (const p of svc.spec?.ports ?? []) link += `http://${ip}:${p.port} `;
      } else {
        let name = svc.metadata?.name ?? '';
        const port = svc.spec?.ports?.[0];
        if (port) {
          const scheme = port.name === 'https' || port.port === 443 ? 'https' : '';
          // utilnet.JoinSchemeNamePort
          name = scheme ? `${scheme}:${name}:${port.name ?? ''}` : port.name ? `${name}:${port.name}` : name;
        }
        link = `${host}/api/v1/namespaces/${svc.metadata?.namespace}/services/${name}/proxy`;
      }
      env.out.out(`${svc.metadata?.labels?.['kubernetes.io/name'] || svc.metadata?.name} is running at ${link}\n`);
    }
    env.out.out("\nTo further debug and diagnose cluster problems, use 'kubectl cluster-info dump'.\n");
    return undefined;
  },
};

export const apiResourcesCommand: KubectlCommand = {
  name: 'api-resources',
  short: 'Print the supported API resources on the server',
  use: 'api-resources',
  flags: [
    { name: 'output', shorthand: 'o', type: 'string' },
    { name: 'no-headers', type: 'bool' },
    { name: 'namespaced', type: 'bool', default: true },
    { name: 'api-group', type: 'string' },
    { name: 'sort-by', type: 'string' },
    { name: 'verbs', type: 'stringSlice' },
    { name: 'categories', type: 'stringSlice' },
    { name: 'cached', type: 'bool' },
  ],
  run(env) {
    const f = env.flags;
    const output = f.string('output');
    let list = allResources.filter((r) => (!f.changed('namespaced') || r.namespaced === f.bool('namespaced')) && (!f.changed('api-group') || r.group === f.string('api-group')));
    const sortBy = f.string('sort-by');
    const key = (r: (typeof list)[number]) => (sortBy === 'name' ? r.resource : sortBy === 'kind' ? r.kind : r.group);
    list = [...list].sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : a.resource < b.resource ? -1 : a.resource > b.resource ? 1 : 0));
    if (output === 'name') {
      env.out.out(list.map((r) => `${r.group ? `${r.resource}.${r.group}` : r.resource}\n`).join(''));
      return undefined;
    }
    let text = '';
    const w = new TabWriter((s) => {
      text += s;
    }, tableWriterOptions);
    if (!f.bool('no-headers')) w.write('NAME\tSHORTNAMES\tAPIVERSION\tNAMESPACED\tKIND\n');
    for (const r of list) w.write(`${r.resource}\t${r.shortNames.join(',')}\t${r.group ? `${r.group}/${r.version}` : r.version}\t${r.namespaced}\t${r.kind}\n`);
    w.flush();
    env.out.out(text);
    return undefined;
  },
};

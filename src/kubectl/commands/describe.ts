/**
 * `kubectl describe` (kubectl `pkg/cmd/describe/describe.go`): one description per object, separated by a blank
 * line; when a single name is not found, every object whose name starts with it is described instead
 * (`DescribeMatchingResources`).
 */
import type { KubectlCommand } from '../cli/command';
import { CommandError, type KubeError, aggregate, fail, throwIfErrors } from '../cli/errors';
import { describerFor } from '../describe/describers';
import { fetchInfos, requestFor } from '../resources/resourceBuilder';
import { mappingFor, replaceAliases } from '../resources/resourceMapper';

export const describeCommand: KubectlCommand = {
  name: 'describe',
  short: 'Show details of a specific resource or group of resources',
  use: 'describe (-f FILENAME | TYPE [NAME_PREFIX | -l label] | TYPE/NAME)',
  flags: [
    { name: 'all-namespaces', shorthand: 'A', type: 'bool' },
    { name: 'selector', shorthand: 'l', type: 'string' },
    { name: 'filename', shorthand: 'f', type: 'stringSlice' },
    { name: 'recursive', shorthand: 'R', type: 'bool' },
    { name: 'kustomize', shorthand: 'k', type: 'string' },
    { name: 'show-events', type: 'bool', default: true },
    { name: 'chunk-size', type: 'int', default: 500 },
  ],
  run(env) {
    const allNamespaces = env.flags.bool('all-namespaces');
    const namespace = allNamespaces ? '' : env.namespace;
    if (env.args.length === 0 && env.flags.strings('filename').length === 0) {
      env.out.err('You must specify the type of resource to describe. Use "kubectl api-resources" for a complete list of supported resources.\n\n');
      throw fail(`Required resource not specified.\nSee '${env.path} -h' for help and examples`);
    }
    const request = requestFor(env, {
      args: env.args,
      namespace,
      allNamespaces,
      labelSelector: env.flags.string('selector'),
      allowEmptySelector: true,
    }, env.flags.strings('filename'));
    const { infos, errors } = fetchInfos(env, request, namespace);
    const notFound = errors.length > 0 && errors.every((e) => e.type === 'status' && e.status.reason === 'NotFound');
    if (notFound && env.args.length === 2) {
      describeMatching(env, namespace, errors);
      return undefined;
    }
    const all: KubeError[] = [...errors];
    const seen = new Set<string>();
    let first = true;
    let described = 0;
    for (const info of infos) {
      for (const obj of info.objects) {
        described++;
        const describer = describerFor(info.mapping.kind);
        if (!describer) {
          const message = `no description has been implemented for ${info.mapping.apiVersion.includes('/') ? info.mapping.apiVersion : `/${info.mapping.apiVersion}`}, Kind=${info.mapping.kind}`;
          if (!seen.has(message)) {
            seen.add(message);
            all.push({ type: 'message', message });
          }
          continue;
        }
        const s = describer(obj, env.cluster);
        env.out.out(first ? s : `\n\n${s}`);
        first = false;
      }
    }
    if (described === 0 && all.length === 0) {
      env.out.err(allNamespaces ? 'No resources found\n' : `No resources found in ${namespace} namespace.\n`);
    }
    throwIfErrors(all);
    return undefined;
  },
};

function describeMatching(env: Parameters<KubectlCommand['run']>[0], namespace: string, errors: KubeError[]): void {
  const [resource, prefix] = env.args;
  const mapping = mappingFor(replaceAliases(resource));
  const describer = describerFor(mapping.kind);
  const listed = env.cluster.list(mapping.kind, { namespace: mapping.namespaced ? namespace : undefined });
  const matches = listed.ok ? listed.value.items.filter((o) => (o.metadata?.name ?? '').startsWith(prefix)) : [];
  if (matches.length === 0 || !describer) throw new CommandError(aggregate(errors) ?? errors[0]);
  for (const obj of matches) env.out.out(`${describer(obj, env.cluster)}\n`);
}

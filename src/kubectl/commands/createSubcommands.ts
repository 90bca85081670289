/**
 * `kubectl create namespace NAME` and `kubectl create deployment NAME --image=IMAGE` (kubectl
 * `pkg/cmd/create/create_namespace.go`, `create_deployment.go`): objects built the way the generators build
 * them, printed as `namespace/x created` / `deployment.apps/x created`.
 */
import type { Deployment, Namespace } from '../../engine/api/types';
import type { CommandEnv, KubectlCommand } from '../cli/command';
import { CommandError, fail, usageError } from '../cli/errors';
import { dryRunFlag, dryRunStrategy, printFlags, printResult, writeOutputFormat } from './objectOutput';

/** `NameFromCommandArgs`: exactly one NAME before any `--`. */
export function nameFrom(env: CommandEnv): string {
  const argsLen = env.argsLenAtDash === -1 ? env.args.length : env.argsLenAtDash;
  if (argsLen !== 1) throw usageError(env.path, `exactly one NAME is required, got ${argsLen}`);
  return env.args[0];
}

/** The container name create deployment derives from an image: last path part, without tag or digest. */
function containerNameFor(image: string): string {
  let name = image.split('/').pop() ?? image;
  name = name.split(':')[0].split('@')[0];
  // sanitizeAndUniquify appends a random suffix after replacing '_' and '.'; the simulation uses a fixed one
  if (/[_.]/.test(name)) name = `${name.replace(/[_.]/g, '-')}-x7k2p`;
  return name;
}

export const createNamespaceCommand: KubectlCommand = {
  name: 'namespace',
  aliases: ['ns'],
  short: 'Create a namespace with the specified name',
  use: 'create namespace NAME [--dry-run=server|client|none]',
  flags: [dryRunFlag, ...printFlags],
  run(env) {
    const name = nameFrom(env);
    const dryRun = dryRunStrategy(env.flags);
    // PrintFlags.ToPrinter in Complete: a bad -o or template fails before anything is created
    const format = writeOutputFormat(env);
    const ns: Namespace = { apiVersion: 'v1', kind: 'Namespace', metadata: { name }, spec: {}, status: {} };
    if (dryRun === 'client') {
      printResult(env, ns, 'created', dryRun, format);
      return undefined;
    }
    const res = env.cluster.create('Namespace', ns, { dryRun: dryRun === 'server' });
    if (!res.ok) throw new CommandError({ type: 'status', status: res.status });
    printResult(env, res.value, 'created', dryRun, format);
    return undefined;
  },
};

export const createDeploymentCommand: KubectlCommand = {
  name: 'deployment',
  aliases: ['deploy'],
  short: 'Create a deployment with the specified name',
  use: 'create deployment NAME --image=image -- [COMMAND] [args...]',
  requiredFlags: ['image'],
  flags: [
    { name: 'image', type: 'stringSlice' },
    { name: 'replicas', shorthand: 'r', type: 'int', default: 1 },
    { name: 'port', type: 'int', default: -1 },
    dryRunFlag,
    ...printFlags,
  ],
  run(env) {
    const name = nameFrom(env);
    const images = env.flags.strings('image');
    const command = env.args.slice(1);
    if (images.length > 1 && command.length > 0) throw fail('cannot specify multiple --image options and command');
    const dryRun = dryRunStrategy(env.flags);
    // PrintFlags.ToPrinter in Complete: a bad -o or template fails before anything is created
    const format = writeOutputFormat(env);
    const labels = { app: name };
    const containers = images.map((image) => ({ name: containerNameFor(image), image, ...(command.length ? { command } : {}), resources: {} }));
    const port = env.flags.int('port');
    if (port >= 0 && containers.length > 0) Object.assign(containers[0], { ports: [{ containerPort: port }] });
    const deploy = {
      apiVersion: 'apps/v1',
      kind: 'Deployment',
      metadata: { name, labels, ...(env.explicitNamespace ? { namespace: env.namespace } : {}) },
      spec: { replicas: env.flags.int('replicas'), selector: { matchLabels: labels }, strategy: {}, template: { metadata: { labels }, spec: { containers } } },
      status: {},
    } as unknown as Deployment;
    if (dryRun === 'client') {
      printResult(env, deploy, 'created', dryRun, format);
      return undefined;
    }
    const res = env.cluster.create('Deployment', { ...deploy, metadata: { ...deploy.metadata, namespace: env.namespace } }, { dryRun: dryRun === 'server' });
    if (!res.ok) throw fail(`failed to create deployment: ${res.status.message}`);
    printResult(env, res.value, 'created', dryRun, format);
    return undefined;
  },
};

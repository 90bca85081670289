/**
 * `kubectl create service clusterip|nodeport|loadbalancer|externalname NAME [--tcp=PORT[:TARGET]]`
 * (kubectl `pkg/cmd/create/create_service.go`). The generated Service has label and selector `app=NAME`, one TCP
 * port per `--tcp` named after the spec with `:` turned into `-` (`5678:8080` → `5678-8080`), the `--node-port`
 * on every port, `--clusterip` (`None` for headless) and `--external-name`. Prints `service/NAME created`;
 * server errors come back as `failed to create <Type> service: <message>`.
 */
import type { Service, ServicePort } from '../../engine/api/types';
import type { CommandEnv, KubectlCommand } from '../cli/command';
import { fail } from '../cli/errors';
import { runCommandGroup } from '../cli/help';
import { nameFrom } from './createSubcommands';
import { dryRunFlag, dryRunStrategy, printFlags, printResult, writeOutputFormat } from './objectOutput';

type ServiceType = 'ClusterIP' | 'NodePort' | 'LoadBalancer' | 'ExternalName';

const dns1123Subdomain = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;

/** `validation.IsValidPortName`: the reasons a named target port is not valid, in Kubernetes' order. */
function portNameErrors(name: string): string[] {
  const errs: string[] = [];
  if (name.length > 15) errs.push('must be no more than 15 characters');
  if (!/^[-a-z0-9]+$/.test(name)) errs.push('must contain only alpha-numeric characters (a-z, 0-9), and hyphens (-)');
  if (!/[a-z]/.test(name)) errs.push('must contain at least one letter (a-z)');
  if (name.includes('--')) errs.push('must not contain consecutive hyphens');
  if (name.startsWith('-') || name.endsWith('-')) errs.push('must not begin or end with a hyphen');
  return errs;
}

/** `parsePorts`: `port[:targetPort]`, targetPort a number or a port name. */
function parsePort(spec: string): { port: number; targetPort: number | string } {
  const parts = spec.split(':');
  if (!/^\d+$/.test(parts[0])) throw fail(`strconv.ParseUint: parsing "${parts[0]}": invalid syntax`);
  const port = Number(parts[0]);
  if (port > 65535) throw fail(`strconv.ParseUint: parsing "${parts[0]}": value out of range`);
  if (parts.length === 1) return { port, targetPort: port };
  const t = parts[1];
  if (!/^[-+]?\d+$/.test(t)) {
    const errs = portNameErrors(t);
    if (errs.length > 0) throw fail(errs.join(','));
    return { port, targetPort: t };
  }
  const n = Number(t);
  if (n < 1 || n > 65535) throw fail('must be between 1 and 65535, inclusive');
  return { port, targetPort: n };
}

function runCreateService(env: CommandEnv, type: ServiceType): undefined {
  const f = env.flags;
  const name = nameFrom(env);
  const dryRun = dryRunStrategy(f);
  const format = writeOutputFormat(env);
  const tcp = f.strings('tcp');
  const clusterIP = type === 'ClusterIP' ? f.string('clusterip') : '';
  const externalName = type === 'ExternalName' ? f.string('external-name') : '';
  if (clusterIP === 'None' && type !== 'ClusterIP') throw fail('ClusterIP=None can only be used with ClusterIP service type');
  if (clusterIP !== 'None' && tcp.length === 0 && type !== 'ExternalName') throw fail('at least one tcp port specifier must be provided');
  if (type === 'ExternalName' && (externalName.length > 253 || !dns1123Subdomain.test(externalName))) throw fail(`invalid service external name ${externalName}`);
  const nodePort = type === 'NodePort' ? f.int('node-port') : 0;
  const ports: ServicePort[] = tcp.map((spec) => {
    const { port, targetPort } = parsePort(spec);
    return { name: spec.replaceAll(':', '-'), port, targetPort, protocol: 'TCP', ...(nodePort ? { nodePort } : {}) };
  });
  const svc: Service = {
    apiVersion: 'v1',
    kind: 'Service',
    metadata: { name, labels: { app: name }, ...(env.explicitNamespace ? { namespace: env.namespace } : {}) },
    spec: {
      type,
      selector: { app: name },
      ...(ports.length > 0 ? { ports } : {}),
      ...(externalName ? { externalName } : {}),
      ...(clusterIP ? { clusterIP } : {}),
    },
    status: { loadBalancer: {} },
  };
  if (dryRun === 'client') {
    printResult(env, svc, 'created', dryRun, format);
    return undefined;
  }
  const res = env.cluster.create('Service', { ...svc, metadata: { ...svc.metadata, namespace: env.namespace } }, { dryRun: dryRun === 'server' });
  if (!res.ok) throw fail(`failed to create ${type} service: ${res.status.message}`);
  printResult(env, res.value, 'created', dryRun, format);
  return undefined;
}

const commonFlags = [
  { name: 'tcp', type: 'stringSlice' as const },
  { name: 'field-manager', type: 'string' as const, default: 'kubectl-create' },
  { name: 'save-config', type: 'bool' as const },
  { name: 'validate', type: 'string' as const, default: 'strict', noOptDefVal: 'strict' },
  dryRunFlag,
  ...printFlags,
];

const subcommand = (name: ServiceType, use: string, short: string, extra: KubectlCommand['flags'], required?: string[]): KubectlCommand => ({
  name: name.toLowerCase(),
  short,
  use,
  flags: [...commonFlags, ...extra],
  ...(required ? { requiredFlags: required } : {}),
  run: (env) => runCreateService(env, name),
});

export const createServiceCommand: KubectlCommand = {
  name: 'service',
  aliases: ['svc'],
  short: 'Create a service using a specified subcommand',
  use: 'create service',
  subcommands: [
    subcommand('ClusterIP', 'create service clusterip NAME [--tcp=<port>:<targetPort>] [--dry-run=server|client|none]', 'Create a ClusterIP service', [
      { name: 'clusterip', type: 'string' },
    ]),
    subcommand('ExternalName', 'create service externalname NAME --external-name external.name [--dry-run=server|client|none]', 'Create an ExternalName service', [
      { name: 'external-name', type: 'string' },
    ], ['external-name']),
    subcommand('LoadBalancer', 'create service loadbalancer NAME [--tcp=port:targetPort] [--dry-run=server|client|none]', 'Create a LoadBalancer service', []),
    subcommand('NodePort', 'create service nodeport NAME [--tcp=port:targetPort] [--dry-run=server|client|none]', 'Create a NodePort service', [
      { name: 'node-port', type: 'int' },
    ]),
  ],
  flags: [],
  run: (env) => runCommandGroup(env, createServiceCommand),
};

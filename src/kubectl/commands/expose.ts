/**
 * `kubectl expose (-f FILE | TYPE NAME)` (kubectl `pkg/cmd/expose/expose.go` and `pkg/polymorphichelpers`):
 * creates a Service for a pod, service, deployment or replicaset, taking the selector, ports and protocols
 * from the exposed object unless given, and prints `service/<name> exposed`.
 */
import type { Deployment, Pod, ReplicaSet, Service } from '../../engine/api/types';
import type { KubeObject } from '../../engine';
import type { CommandEnv, KubectlCommand } from '../cli/command';
import { CommandError, fail, throwIfErrors } from '../cli/errors';
import { fetchInfos, requestFor } from '../resources/resourceBuilder';
import type { Mapping } from '../resources/resourceMapper';
import { atoi, dryRunFlag, dryRunStrategy, printFlags, parseLabelSpec, printResult, writeOutputFormat } from './objectOutput';

const exposable = new Set(['Pod', 'Service', 'Deployment', 'ReplicaSet']);
const dns1035LabelMaxLength = 63;

const makeLabels = (labels: Record<string, string>) =>
  Object.entries(labels)
    .map(([k, v]) => `${k}=${v}`)
    .join(',');

/** MapBasedSelectorForObject */
function selectorFor(obj: KubeObject, kind: string): string {
  if (kind === 'Pod') {
    const labels = obj.metadata?.labels ?? {};
    if (Object.keys(labels).length === 0) throw new Error('the pod has no labels and cannot be exposed');
    return makeLabels(labels);
  }
  if (kind === 'Service') {
    const sel = (obj as Service).spec?.selector;
    if (!sel) throw new Error('the service has no pod selector set');
    return makeLabels(sel);
  }
  const sel = (obj as Deployment | ReplicaSet).spec?.selector;
  const what = kind === 'Deployment' ? 'deployment' : 'replicaset';
  if (!sel || Object.keys(sel.matchLabels ?? {}).length === 0) throw new Error(`invalid ${what}: no selectors, therefore cannot be exposed`);
  if ((sel.matchExpressions ?? []).length > 0) throw new Error(`couldn't convert expressions - "${JSON.stringify(sel.matchExpressions)}" to map-based selector format`);
  return makeLabels(sel.matchLabels ?? {});
}

/** Container ports (deduplicated) and the protocols seen for each (PortsForObject, MultiProtocolsForObject). */
function portsFor(obj: KubeObject, kind: string): { ports: string[]; protocols: Map<string, string[]> } {
  const ports: string[] = [];
  const protocols = new Map<string, string[]>();
  const add = (port: number, protocol: string | undefined) => {
    const key = String(port);
    if (!ports.includes(key)) ports.push(key);
    const list = protocols.get(key) ?? [];
    const p = protocol || 'TCP';
    if (!list.includes(p)) list.push(p);
    protocols.set(key, list);
  };
  if (kind === 'Service') for (const p of (obj as Service).spec?.ports ?? []) add(p.port, p.protocol);
  else {
    const spec = kind === 'Pod' ? (obj as Pod).spec : (obj as Deployment).spec?.template?.spec;
    for (const c of spec?.containers ?? []) for (const p of c.ports ?? []) add(p.containerPort, p.protocol);
  }
  return { ports, protocols };
}

function intOrString(s: string): number | string {
  return /^-?[0-9]+$/.test(s) ? Number(s) : s;
}

function buildService(env: CommandEnv, obj: KubeObject, mapping: Mapping): Service {
  const f = env.flags;
  let selector = f.string('selector');
  if (!selector) {
    try {
      selector = selectorFor(obj, mapping.kind);
    } catch (e) {
      throw fail(`couldn't retrieve selectors via --selector flag or introspection: ${(e as Error).message}`);
    }
  }
  const headless = f.string('cluster-ip') === 'None';
  let portString = f.string('port');
  const introspected = portsFor(obj, mapping.kind);
  if (!portString) {
    if (introspected.ports.length === 0 && !headless) throw fail("couldn't find port via --port flag or introspection");
    portString = introspected.ports.join(',');
  }
  const labels = f.string('labels') ? parseLabelSpec(f.string('labels')) : Object.keys(obj.metadata?.labels ?? {}).length ? { ...obj.metadata?.labels } : undefined;
  let name = f.string('name');
  if (!name) name = (obj.metadata?.name ?? '').slice(0, dns1035LabelMaxLength);
  if (!name) throw fail('name must be specified');
  const protocolFlag = f.string('protocol');
  const portStrings = portString ? portString.split(',') : [];
  const ports: Record<string, unknown>[] = [];
  portStrings.forEach((ps, i) => {
    const port = atoi(ps);
    const portName = portStrings.length > 1 ? `port-${i + 1}` : undefined;
    const protos = introspected.protocols.get(ps);
    if (!protocolFlag && protos && protos.length > 1) {
      for (const p of protos) ports.push({ name: `port-${i + 1}-${p.toLowerCase()}`, port, protocol: p });
      return;
    }
    const protocol = protocolFlag || (protos?.length === 1 ? protos[0] : 'TCP');
    ports.push({ ...(portName ? { name: portName } : {}), port, protocol });
  });
  const targetPort = f.string('target-port');
  for (const p of ports) p.targetPort = targetPort ? intOrString(targetPort) : p.port;
  const spec: Record<string, unknown> = { ports, selector: parseLabelSpec(selector) };
  if (f.string('external-ip')) spec.externalIPs = [f.string('external-ip')];
  if (f.string('type')) spec.type = f.string('type');
  if (spec.type === 'LoadBalancer' && f.string('load-balancer-ip')) spec.loadBalancerIP = f.string('load-balancer-ip');
  const affinity = f.string('session-affinity');
  if (affinity) {
    if (affinity !== 'None' && affinity !== 'ClientIP') throw fail(`unknown session affinity: ${affinity}`);
    spec.sessionAffinity = affinity;
  }
  if (f.string('cluster-ip')) spec.clusterIP = f.string('cluster-ip');
  return { apiVersion: 'v1', kind: 'Service', metadata: { name, ...(labels ? { labels } : {}) }, spec, status: { loadBalancer: {} } } as Service;
}

export const exposeCommand: KubectlCommand = {
  name: 'expose',
  short: 'Take a replication controller, service, deployment or pod and expose it as a new Kubernetes service',
  use: 'expose (-f FILENAME | TYPE NAME) [--port=port] [--protocol=TCP|UDP|SCTP] [--target-port=number-or-name] [--name=name] [--external-ip=external-ip-of-service] [--type=type]',
  flags: [
    { name: 'protocol', type: 'string' },
    { name: 'port', type: 'string' },
    { name: 'type', type: 'string' },
    { name: 'load-balancer-ip', type: 'string' },
    { name: 'selector', type: 'string' },
    { name: 'labels', shorthand: 'l', type: 'string' },
    { name: 'target-port', type: 'string' },
    { name: 'external-ip', type: 'string' },
    { name: 'name', type: 'string' },
    { name: 'session-affinity', type: 'string' },
    { name: 'cluster-ip', type: 'string' },
    { name: 'override-type', type: 'string', default: 'merge' },
    { name: 'overrides', type: 'string' },
    { name: 'filename', shorthand: 'f', type: 'stringSlice' },
    { name: 'field-manager', type: 'string', default: 'kubectl-expose' },
    { name: 'save-config', type: 'bool' },
    dryRunFlag,
    ...printFlags,
  ],
  run(env) {
    const dryRun = dryRunStrategy(env.flags);
    const format = writeOutputFormat(env);
    const request = requestFor(env, { args: env.args, namespace: env.namespace, allNamespaces: false, allowEmptySelector: false }, env.flags.strings('filename'));
    const { infos, errors } = fetchInfos(env, request, env.namespace);
    for (const info of infos) {
      const mapping = info.mapping;
      if (!exposable.has(mapping.kind)) throw fail(`cannot expose a ${mapping.group ? `${mapping.kind}.${mapping.group}` : mapping.kind}`);
      const svc = buildService(env, info.objects[0], mapping);
      if (dryRun === 'client') {
        printResult(env, svc, 'exposed', dryRun, format);
        continue;
      }
      const res = env.cluster.create('Service', { ...svc, metadata: { ...svc.metadata, namespace: env.namespace } }, { dryRun: dryRun === 'server' });
      if (!res.ok) throw new CommandError({ type: 'status', status: res.status });
      printResult(env, res.value, 'exposed', dryRun, format);
    }
    throwIfErrors(errors);
    return undefined;
  },
};

/**
 * `kubectl run NAME --image=IMAGE` (kubectl `pkg/cmd/run/run.go` and the `run-pod/v1` generator in
 * `pkg/generate/versioned/run.go`): creates a single Pod (labels default to `run=NAME`, dnsPolicy ClusterFirst,
 * one container named like the pod), optionally a ClusterIP Service with `--expose`, and prints
 * `service/x created` then `pod/x created`. With `-i`, `-t` or `--attach` it attaches instead of printing the pod
 * (runAttach.ts), and `--rm` deletes what it created once the session ends.
 */
import type { Pod, Service } from '../../engine/api/types';
import { mergePatch, strategicMergePatch } from '../../engine/apiserver/patch';
import type { KubectlCommand } from '../cli/command';
import { CommandError, fail, usageError } from '../cli/errors';
import { attachToRun } from './runAttach';
import { referenceRegexp } from '../../shared/imageReference';
import { atoi, dryRunFlag, dryRunStrategy, printFlags, parseLabelSpec, printResult, writeOutputFormat } from './objectOutput';

const envNameRegexp = /^[-._a-zA-Z][-._a-zA-Z0-9]*$/;

/** parseEnvs: `NAME=value` pairs with valid names. */
function parseEnvs(list: string[]): { name: string; value: string }[] {
  return list.map((env) => {
    const pos = env.indexOf('=');
    if (pos < 1 || !envNameRegexp.test(env.slice(0, pos))) throw fail(`invalid env: ${env}`);
    return { name: env.slice(0, pos), value: env.slice(pos + 1) };
  });
}

export const runCommand: KubectlCommand = {
  name: 'run',
  short: 'Run a particular image on the cluster',
  use: 'run NAME --image=image [--env="key=value"] [--port=port] [--dry-run=server|client] [--overrides=inline-json] [--command] -- [COMMAND] [args...]',
  flags: [
    { name: 'image', type: 'string' },
    { name: 'port', type: 'string' },
    { name: 'labels', shorthand: 'l', type: 'string' },
    { name: 'env', type: 'stringArray' },
    { name: 'annotations', type: 'stringArray' },
    { name: 'restart', type: 'string', default: 'Always' },
    { name: 'command', type: 'bool' },
    { name: 'expose', type: 'bool' },
    { name: 'image-pull-policy', type: 'string' },
    { name: 'rm', type: 'bool' },
    { name: 'stdin', shorthand: 'i', type: 'bool' },
    { name: 'tty', shorthand: 't', type: 'bool' },
    { name: 'attach', type: 'bool' },
    { name: 'leave-stdin-open', type: 'bool' },
    { name: 'quiet', shorthand: 'q', type: 'bool' },
    { name: 'privileged', type: 'bool' },
    { name: 'overrides', type: 'string' },
    { name: 'override-type', type: 'string', default: 'merge' },
    { name: 'pod-running-timeout', type: 'duration', default: 60_000 },
    { name: 'field-manager', type: 'string', default: 'kubectl-run' },
    { name: 'save-config', type: 'bool' },
    dryRunFlag,
    ...printFlags,
  ],
  run(env) {
    const f = env.flags;
    if (env.args.length === 0 || env.argsLenAtDash === 0) throw usageError(env.path, 'NAME is required for run');
    const image = f.string('image');
    if (!image) throw fail('--image is required');
    if (!referenceRegexp.test(image)) throw fail(`Invalid image name "${image}": invalid reference format`);
    if (f.bool('tty') && !f.bool('stdin')) throw usageError(env.path, '-i/--stdin is required for containers with -t/--tty=true');
    if (f.bool('expose') && !f.string('port')) throw usageError(env.path, '--port must be set when exposing a service');
    const dryRun = dryRunStrategy(f);
    const restart = f.string('restart');
    // an empty --restart means Always, or OnFailure for interactive runs (getRestartPolicy)
    if (restart !== '' && !['Always', 'OnFailure', 'Never'].includes(restart)) throw usageError(env.path, `invalid restart policy: ${restart}`);
    const restartPolicy = restart || (f.bool('stdin') ? 'OnFailure' : 'Always');
    // --attach defaults to true with -i (attachFlag.Changed decides: an explicit --attach=false wins)
    const attach = f.changed('attach') ? f.bool('attach') : f.bool('attach') || f.bool('stdin');
    if (!attach && f.bool('rm')) throw usageError(env.path, '--rm should only be used for attached containers');
    if (attach && dryRun !== 'none') throw usageError(env.path, "--dry-run=[server|client] can't be used with attached containers options (--attach, --stdin, or --tty)");
    const pullPolicy = f.string('image-pull-policy');
    if (pullPolicy && !['Always', 'IfNotPresent', 'Never'].includes(pullPolicy)) throw usageError(env.path, `invalid image pull policy: ${pullPolicy}`);
    const format = writeOutputFormat(env);

    const name = env.args[0];
    const labelSpec = f.string('labels');
    const labels = labelSpec ? parseLabelSpec(labelSpec) : { run: name };
    const annotations: Record<string, string> = {};
    for (const a of f.strings('annotations')) {
      const i = a.indexOf('=');
      if (i < 0) throw fail(`invalid annotation spec: ${a}`);
      annotations[a.slice(0, i)] = a.slice(i + 1);
    }
    const envs = parseEnvs(f.strings('env'));
    const args = env.args.slice(1);
    const container: Record<string, unknown> = { name, image, resources: {} };
    if (args.length > 0) container[f.bool('command') ? 'command' : 'args'] = args;
    if (envs.length > 0) container.env = envs;
    if (pullPolicy) container.imagePullPolicy = pullPolicy;
    if (f.bool('stdin')) {
      container.stdin = true;
      container.stdinOnce = !f.bool('leave-stdin-open');
    }
    if (f.bool('tty')) container.tty = true;
    if (f.bool('privileged')) container.securityContext = { privileged: true };
    const port = f.string('port');
    if (port) container.ports = [{ containerPort: atoi(port) }];
    const generated = {
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: { name, labels, ...(Object.keys(annotations).length ? { annotations } : {}), ...(dryRun === 'client' && env.explicitNamespace ? { namespace: env.namespace } : {}) },
      spec: { containers: [container], dnsPolicy: 'ClusterFirst', restartPolicy },
      status: {},
    } as unknown as Pod;
    const pod = withOverrides(generated, f.string('overrides'), f.string('override-type'));

    const create = <T extends Pod | Service>(kind: 'Pod' | 'Service', obj: T): T => {
      if (dryRun === 'client') return obj;
      const res = env.cluster.create(kind, { ...obj, metadata: { ...obj.metadata, namespace: env.namespace } } as never, { dryRun: dryRun === 'server' });
      if (!res.ok) throw new CommandError({ type: 'status', status: res.status });
      return res.value as T;
    };
    const created = create('Pod', pod);
    const remove: { kind: 'Pod' | 'Service'; name: string }[] = f.bool('rm') ? [{ kind: 'Pod', name }] : [];
    if (f.bool('expose')) {
      const svcPort = atoi(port);
      const svc = {
        apiVersion: 'v1',
        kind: 'Service',
        metadata: { name, ...(labelSpec ? { labels: parseLabelSpec(labelSpec) } : {}) },
        spec: { ports: [{ port: svcPort, protocol: 'TCP', targetPort: svcPort }], selector: labelSpec ? parseLabelSpec(labelSpec) : { run: name } },
        status: { loadBalancer: {} },
      } as unknown as Service;
      printResult(env, create('Service', svc), 'created', dryRun, format);
      if (format?.type === 'yaml') env.out.out('---\n');
      if (f.bool('rm')) remove.push({ kind: 'Service', name });
    }
    if (attach) {
      return attachToRun(env, {
        namespace: created.metadata?.namespace ?? env.namespace,
        pod: created.metadata?.name ?? name,
        // the container attach picks: the first (run makes one, named like the pod, unless --overrides changed that)
        container: created.spec?.containers?.[0]?.name ?? name,
        restartPolicy,
        remove,
        quiet: f.bool('quiet'),
        stdin: f.bool('stdin'),
        tty: f.bool('tty'),
        leaveStdinOpen: f.bool('leave-stdin-open'),
        timeoutMs: f.duration('pod-running-timeout'),
      });
    }
    printResult(env, created, 'created', dryRun, format);
    return undefined;
  },
};

/**
 * `--overrides` applied to the generated Pod as `--override-type` says (kubectl `pkg/cmd/run/run.go`,
 * `pkg/cmd/util/override_options.go`): a JSON merge patch by default (a list such as `containers` is replaced
 * whole), or a strategic merge patch (containers merged by name).
 */
function withOverrides(pod: Pod, overrides: string, type: string): Pod {
  if (!overrides) return pod;
  if (type !== 'merge' && type !== 'strategic' && type !== 'json') throw fail(`--override-type must be one of (json, merge, strategic), not "${type}"`);
  if (type === 'json') throw fail('--override-type=json (a JSON patch) is not simulated; use merge or strategic');
  let patch: unknown;
  try {
    patch = JSON.parse(overrides);
  } catch {
    throw fail('Invalid JSON Patch');
  }
  if (patch === null || typeof patch !== 'object' || Array.isArray(patch)) throw fail('Invalid JSON Patch');
  return (type === 'merge' ? mergePatch(pod, patch) : strategicMergePatch('Pod', pod, patch as never)) as Pod;
}

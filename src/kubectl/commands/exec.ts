/**
 * `kubectl exec POD [-c CONTAINER] -- COMMAND [args...]` (kubectl `pkg/cmd/exec/exec.go`). The simulated
 * containers answer a few commands from what the kubelet set up for them: `env`/`printenv` (the environment
 * fixed at container start, service variables included), `hostname`, and `cat` of `/etc/resolv.conf`,
 * `/etc/hosts` and `/etc/hostname`, the DNS tools and curl/wget its image ships. A failing command ends like kubectl's: `command terminated with exit
 * code N`.
 */
import type { Pod } from '../../engine/api/types';
import type { CommandEnv, KubectlCommand } from '../cli/command';
import { CommandError, fail, usageError } from '../cli/errors';
import { attachablePodForObject } from '../resources/podSelection';
import { fetchInfos, requestFor } from '../resources/resourceBuilder';
import { runHttpToolInPod } from '../../engine/net/http/httpTools';

/** Files a simulated container can show with cat. */
function containerFile(env: CommandEnv, pod: Pod, path: string): string | undefined {
  const ns = pod.metadata?.namespace ?? 'default';
  const name = pod.metadata?.name ?? '';
  const sim = env.cluster.simulation;
  if (path === '/etc/resolv.conf') return sim.resolvConf?.(ns, name);
  if (path === '/etc/hosts') return sim.hostsFile?.(ns, name);
  if (path === '/etc/hostname') return `${pod.spec?.hostname || name}\n`;
  return undefined;
}

function exitWith(code: number): CommandError {
  return new CommandError({ type: 'exitStatus', message: `command terminated with exit code ${code}`, code });
}

/** Runs the command in the simulated container; returns stdout. */
function runInContainer(env: CommandEnv, pod: Pod, container: string, command: string[]): void {
  const ns = pod.metadata?.namespace ?? 'default';
  const name = pod.metadata?.name ?? '';
  const environ = env.cluster.simulation.containerEnv?.(ns, name, container);
  if (!environ) throw fail(`unable to upgrade connection: container not found ("${container}")`);
  const [bin, ...args] = command;
  const base = bin.split('/').pop() ?? bin;
  const dns = env.cluster.simulation.dnsTool?.(ns, name, container, command);
  if (dns) {
    env.out.out(dns.stdout);
    if (dns.stderr) env.out.err(dns.stderr);
    if (dns.exitCode !== 0) throw exitWith(dns.exitCode);
    return;
  }
  // curl / wget through the data plane (the image's own tools only)
  const http = runHttpToolInPod(env.cluster, ns, name, container, command);
  if (http) {
    for (const c of http.chunks) (c.stream === 'stdout' ? env.out.out : env.out.err).call(env.out, c.text);
    if (http.exitCode !== 0) throw exitWith(http.exitCode);
    return;
  }
  if (base === 'env' && args.length === 0) {
    env.out.out(environ.map((e) => `${e}\n`).join(''));
    return;
  }
  if (base === 'printenv') {
    if (args.length === 0) {
      env.out.out(environ.map((e) => `${e}\n`).join(''));
      return;
    }
    let missing = false;
    for (const a of args) {
      const hit = environ.find((e) => e.startsWith(`${a}=`));
      if (hit) env.out.out(`${hit.slice(a.length + 1)}\n`);
      else missing = true;
    }
    if (missing) throw exitWith(1);
    return;
  }
  if (base === 'hostname' && args.length === 0) {
    env.out.out(`${pod.spec?.hostname || name}\n`);
    return;
  }
  if (base === 'cat' && args.length > 0) {
    let failed = false;
    for (const path of args) {
      const text = containerFile(env, pod, path);
      if (text === undefined) {
        env.out.err(`cat: ${path}: No such file or directory\n`);
        failed = true;
      } else env.out.out(text);
    }
    if (failed) throw exitWith(1);
    return;
  }
  if (base === 'true') return;
  if (base === 'false') throw exitWith(1);
  if (base === 'echo') {
    env.out.out(`${args.join(' ')}\n`);
    return;
  }
  throw fail(
    `Internal error occurred: error executing command in container: failed to exec in container: failed to start exec: OCI runtime exec failed: exec failed: unable to start container process: exec: "${bin}": executable file not found in $PATH: unknown`,
  );
}

export const execCommand: KubectlCommand = {
  name: 'exec',
  short: 'Execute a command in a container',
  use: 'exec (POD | TYPE/NAME) [-c CONTAINER] [flags] -- COMMAND [args...]',
  flags: [
    { name: 'container', shorthand: 'c', type: 'string' },
    { name: 'filename', shorthand: 'f', type: 'stringSlice' },
    { name: 'pod-running-timeout', type: 'duration', default: 60_000 },
    { name: 'quiet', shorthand: 'q', type: 'bool' },
    { name: 'stdin', shorthand: 'i', type: 'bool' },
    { name: 'tty', shorthand: 't', type: 'bool' },
  ],
  run(env) {
    const args = env.args;
    const atDash = env.argsLenAtDash;
    const resourceName = args.length > 0 && atDash !== 0 ? args[0] : '';
    let command: string[] = [];
    if (atDash > -1) command = args.slice(atDash);
    else if (args.length > 1) throw usageError(env.path, 'exec [POD] [COMMAND] is not supported anymore. Use exec [POD] -- [COMMAND] instead');
    if (!resourceName) throw fail('pod, type/name or --filename must be specified');
    if (command.length === 0) throw fail('you must specify at least one command for the container');
    // exec.go: the builder's ResourceNames("pods", name), then AttachablePodForObjectFn picks the pod of a
    // deployment/NAME, service/NAME, …
    const request = requestFor(env, { args: [resourceName.includes('/') ? resourceName : `pods/${resourceName}`], namespace: env.namespace, allNamespaces: false, allowEmptySelector: false }, []);
    const { infos, errors } = fetchInfos(env, request, env.namespace);
    if (errors.length > 0) throw new CommandError(errors[0]);
    const chosen = attachablePodForObject(env, infos[0].objects[0], infos[0].mapping.kind, env.flags.duration('pod-running-timeout'));
    const podName = chosen.metadata?.name ?? '';
    const got = env.cluster.get('Pod', chosen.metadata?.namespace ?? env.namespace, podName);
    if (!got.ok) throw new CommandError({ type: 'status', status: got.status });
    const pod = got.value;
    const phase = pod.status?.phase;
    if (phase === 'Succeeded' || phase === 'Failed') throw fail(`cannot exec into a container in a completed pod; current phase is ${phase}`);
    const containers = pod.spec?.containers ?? [];
    let container = env.flags.string('container');
    if (container) {
      if (!containers.some((c) => c.name === container)) throw fail(`container ${container} not found in pod ${podName}`);
    } else {
      // podcmd.FindOrDefaultContainerByName: the annotated default container, else the first one
      if (containers.length === 0) throw fail(`pod ${pod.metadata?.namespace}/${podName} does not have any containers`);
      const annotated = containers.find((c) => c.name === pod.metadata?.annotations?.['kubectl.kubernetes.io/default-container']);
      container = (annotated ?? containers[0]).name;
      const others = (pod.spec?.initContainers?.length ?? 0) > 0 || (pod.spec?.ephemeralContainers?.length ?? 0) > 0;
      if (!annotated && !env.flags.bool('quiet') && (containers.length > 1 || others)) {
        const names = [
          ...containers.map((c) => c.name),
          ...(pod.spec?.ephemeralContainers ?? []).map((c) => `${c.name} (ephem)`),
          ...(pod.spec?.initContainers ?? []).map((c) => `${c.name} (init)`),
        ];
        env.out.err(`Defaulted container "${container}" out of: ${names.join(', ')}\n`);
      }
    }
    runInContainer(env, pod, container, command);
    return undefined;
  },
};

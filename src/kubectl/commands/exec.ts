/**
 * `kubectl exec POD [-c CONTAINER] -- COMMAND [args...]` (kubectl `pkg/cmd/exec/exec.go`). The simulated
 * containers answer a few commands from what the kubelet set up for them: `env`/`printenv` (the environment
 * fixed at container start, service variables included), `hostname`, `cat` of `/etc/resolv.conf`,
 * `/etc/hosts`, `/etc/hostname` and of files the process made, `test`, `echo`, the DNS tools and curl/wget its
 * image ships, and `sh -c SCRIPT` in the image's shell over those. A failing command ends like kubectl's:
 * `command terminated with exit code N`.
 */
import type { Pod } from '../../engine/api/types';
import type { CommandEnv, KubectlCommand } from '../cli/command';
import { CommandError, fail, usageError } from '../cli/errors';
import { attachablePodForObject } from '../resources/podSelection';
import { fetchInfos, requestFor } from '../resources/resourceBuilder';
import { runHttpToolInPod } from '../../engine/net/http/httpTools';
import { shellWords, splitStatements } from '../../engine/kubelet/apps/shellScript';

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

/** The shell a `sh -c` runs in: busybox's ash, or on GNU images dash as /bin/sh and bash. */
type Shell = 'busybox' | 'dash' | 'bash';

function shellFor(bin: string, coreutils: 'busybox' | 'gnu' | 'none' | undefined): Shell | undefined {
  const base = bin.split('/').pop() ?? bin;
  if (coreutils === 'busybox') return base === 'sh' || base === 'ash' ? 'busybox' : undefined;
  if (coreutils === 'gnu') return base === 'sh' || base === 'dash' ? 'dash' : base === 'bash' ? 'bash' : undefined;
  return undefined;
}

/** What the shell says of a command it cannot find (exit status 127): busybox ash, dash and bash word it differently. */
function notFound(shell: Shell, argv0: string, name: string): string {
  if (shell === 'busybox') return `${argv0.split('/').pop()}: ${name}: not found\n`;
  if (shell === 'dash') return `${argv0}: 1: ${name}: not found\n`;
  return `${argv0}: line 1: ${name}: command not found\n`;
}

/** `$NAME` and `${NAME}` from the process environment (`$1`…`$9` empty), as the shell expands them outside single quotes. */
export function expandShellVariables(text: string, environ: readonly string[]): string {
  const value = (name: string) => environ.find((e) => e.startsWith(`${name}=`))?.slice(name.length + 1) ?? '';
  let out = '';
  let quote: string | undefined;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quote === "'") {
      if (ch === "'") quote = undefined;
      out += ch;
      continue;
    }
    if (ch === "'" && !quote) quote = "'";
    else if (ch === '"') quote = quote === '"' ? undefined : '"';
    if (ch === '$') {
      const braced = /^\{([A-Za-z_][A-Za-z0-9_]*)\}/.exec(text.slice(i + 1));
      // positional parameters: `sh -c SCRIPT` is given none
      const bare = braced ? undefined : /^([A-Za-z_][A-Za-z0-9_]*|[1-9])/.exec(text.slice(i + 1));
      if (braced || bare) {
        const name = braced ? braced[1] : (bare?.[0] ?? '');
        out += value(name);
        i += braced ? braced[0].length : name.length;
        continue;
      }
    }
    out += ch;
  }
  return out;
}

/**
 * Runs the command in the simulated container. `sh -c SCRIPT` (and `bash -c` where the image has bash) runs
 * the script's commands one by one with `;`, `&&` and `||`, its variables expanded from the process
 * environment; a command the shell cannot find ends with its "not found" and status 127.
 */
function runInContainer(env: CommandEnv, pod: Pod, container: string, command: string[]): void {
  const ns = pod.metadata?.namespace ?? 'default';
  const name = pod.metadata?.name ?? '';
  const environ = env.cluster.simulation.containerEnv?.(ns, name, container);
  if (!environ) throw fail(`unable to upgrade connection: container not found ("${container}")`);
  const shell = shellFor(command[0], env.cluster.simulation.containerCoreutils?.(ns, name, container));
  if (!shell) {
    const code = runOne(env, pod, container, command, environ, undefined);
    if (code !== 0) throw exitWith(code);
    return;
  }
  const c = command.indexOf('-c');
  // no script and no stdin: the shell reads end of input and exits 0
  if (c < 0) return;
  let last = 0;
  for (const s of splitStatements(expandShellVariables(command[c + 1] ?? '', environ))) {
    if (s.after === '&&' && last !== 0) continue;
    if (s.after === '||' && last === 0) continue;
    const words = shellWords(s.text);
    if (words.length === 0) continue;
    // the `exit` builtin ends the script with its status (the last command's when none is given)
    if (words[0] === 'exit') {
      last = words[1] === undefined ? last : Number(words[1]) & 255;
      break;
    }
    last = runOne(env, pod, container, words, environ, { shell, argv0: command[0] });
  }
  if (last !== 0) throw exitWith(last);
}

/** One command: writes what it prints and returns its exit status; `inShell` is the shell running it, if any. */
function runOne(env: CommandEnv, pod: Pod, container: string, command: string[], environ: readonly string[], inShell: { shell: Shell; argv0: string } | undefined): number {
  const ns = pod.metadata?.namespace ?? 'default';
  const name = pod.metadata?.name ?? '';
  const sim = env.cluster.simulation;
  const [bin, ...args] = command;
  const base = bin.split('/').pop() ?? bin;
  const dns = sim.dnsTool?.(ns, name, container, command);
  if (dns) {
    env.out.out(dns.stdout);
    if (dns.stderr) env.out.err(dns.stderr);
    return dns.exitCode;
  }
  // curl / wget through the data plane (the image's own tools only)
  const http = runHttpToolInPod(env.cluster, ns, name, container, command);
  if (http) {
    for (const c of http.chunks) (c.stream === 'stdout' ? env.out.out : env.out.err).call(env.out, c.text);
    return http.exitCode;
  }
  if (base === 'env' && args.length === 0) {
    env.out.out(environ.map((e) => `${e}\n`).join(''));
    return 0;
  }
  if (base === 'printenv') {
    if (args.length === 0) {
      env.out.out(environ.map((e) => `${e}\n`).join(''));
      return 0;
    }
    let missing = false;
    for (const a of args) {
      const hit = environ.find((e) => e.startsWith(`${a}=`));
      if (hit) env.out.out(`${hit.slice(a.length + 1)}\n`);
      else missing = true;
    }
    return missing ? 1 : 0;
  }
  if (base === 'hostname' && args.length === 0) {
    env.out.out(`${pod.spec?.hostname || name}\n`);
    return 0;
  }
  if (base === 'cat' && args.length > 0) {
    let failed = false;
    for (const path of args) {
      const text = containerFile(env, pod, path);
      if (text !== undefined) {
        env.out.out(text);
        continue;
      }
      // a file the process made (`touch`), as an exec probe sees it; else the image's own "No such file"
      const r = sim.containerExec?.(ns, name, container, ['cat', path]);
      if (r?.exitCode === 0) env.out.out(r.stdout);
      else {
        env.out.err(r?.stderr || `cat: ${path}: No such file or directory\n`);
        failed = true;
      }
    }
    return failed ? 1 : 0;
  }
  if (base === 'test' || base === '[') {
    const r = sim.containerExec?.(ns, name, container, command);
    if (r) {
      if (r.stderr) env.out.err(r.stderr);
      return r.exitCode;
    }
  }
  // virtual time does not move during an exec: a sleep inside it returns at once
  if (base === 'true' || (base === 'sleep' && args.length > 0)) return 0;
  if (base === 'false') return 1;
  if (base === 'echo') {
    env.out.out(`${args.join(' ')}\n`);
    return 0;
  }
  if (inShell) {
    env.out.err(notFound(inShell.shell, inShell.argv0, bin));
    return 127;
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

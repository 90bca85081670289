/**
 * `kubectl exec POD [-c CONTAINER] -- COMMAND [args...]` (kubectl `pkg/cmd/exec/exec.go`). The simulated
 * containers answer a few commands from what the kubelet set up for them: `env`/`printenv` (the environment
 * fixed at container start, service variables included), `hostname`, `cat` of `/etc/resolv.conf`,
 * `/etc/hosts`, `/etc/hostname` and of files the process made, `test`, `echo`, the DNS tools and curl/wget its
 * image ships, and `sh -c SCRIPT` in the image's shell over those (containerShell.ts). With `-i` the image's
 * shell takes the terminal's next lines. A failing command ends like kubectl's: `command terminated with exit
 * code N`.
 */
import type { KubectlCommand } from '../cli/command';
import { fail, usageError } from '../cli/errors';
import { fetchAttachablePod } from './attachablePod';
import { attachShell, runInContainer } from './containerShell';

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
    const pod = fetchAttachablePod(env, resourceName, env.flags.duration('pod-running-timeout'));
    const podName = pod.metadata?.name ?? '';
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
    // `-i` gives the command the terminal's input: a shell started without a script then reads the lines typed
    // after it, until `exit` (exec.go StreamOptions; without -i, or for -t alone, it reads end of input at once)
    if (env.flags.bool('stdin')) {
      const shell = attachShell(env, pod, container, command, env.flags.bool('tty'));
      if (shell) return shell;
    }
    runInContainer(env, pod, container, command);
    return undefined;
  },
};

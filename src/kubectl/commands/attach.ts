/**
 * `kubectl attach (POD | TYPE/NAME) [-c CONTAINER] [-i] [-t]` (kubectl pkg/cmd/attach/attach.go): connects to a
 * running container's main process. In svcsim that works for the image's shell started with `stdin: true`
 * (`kubectl run -it`): with `-i` the terminal's lines are its input again (runAttach.ts).
 */
import type { KubectlCommand } from '../cli/command';
import { fail } from '../cli/errors';
import { fetchAttachablePod } from './attachablePod';
import { attachToMainProcess } from './runAttach';

export const attachCommand: KubectlCommand = {
  name: 'attach',
  short: 'Attach to a running container',
  use: 'attach (POD | TYPE/NAME) -c CONTAINER',
  flags: [
    { name: 'container', shorthand: 'c', type: 'string' },
    { name: 'pod-running-timeout', type: 'duration', default: 60_000 },
    { name: 'quiet', shorthand: 'q', type: 'bool' },
    { name: 'stdin', shorthand: 'i', type: 'bool' },
    { name: 'tty', shorthand: 't', type: 'bool' },
  ],
  run(env) {
    const args = env.args;
    if (args.length === 0) throw fail('at least 1 argument is required for attach');
    if (args.length > 2) throw fail(`expected POD, TYPE/NAME, or TYPE NAME, (at most 2 arguments) saw ${args.length}: [${args.join(' ')}]`);
    if (env.flags.duration('pod-running-timeout') <= 0) throw fail('--pod-running-timeout must be higher than zero');
    const pod = fetchAttachablePod(env, args.length === 2 ? `${args[0]}/${args[1]}` : args[0], env.flags.duration('pod-running-timeout'));
    const phase = pod.status?.phase;
    if (phase === 'Succeeded' || phase === 'Failed') throw fail(`cannot attach a container in a completed pod; current phase is ${phase}`);
    // podcmd.FindOrDefaultContainerByName: the named container, the annotated default, or the first
    const containers = pod.spec?.containers ?? [];
    const named = env.flags.string('container');
    const annotated = pod.metadata?.annotations?.['kubectl.kubernetes.io/default-container'];
    const container = named || annotated || containers[0]?.name || '';
    // FindOrDefaultContainerByName looks at init and ephemeral containers too (reattaching to a debug container)
    const all = [...(pod.spec?.initContainers ?? []), ...containers, ...(pod.spec?.ephemeralContainers ?? [])];
    if (!all.some((c) => c.name === container)) throw fail(`cannot attach to the container: container ${container} not found in pod ${pod.metadata?.name}`);
    return attachToMainProcess(
      env,
      pod,
      { container, quiet: env.flags.bool('quiet'), stdin: env.flags.bool('stdin'), tty: env.flags.bool('tty'), restartPolicy: pod.spec?.restartPolicy ?? 'Always' },
      () => 0,
    );
  },
};

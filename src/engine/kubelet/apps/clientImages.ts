/**
 * Client and toolbox images (busybox, alpine, nicolaka/netshoot, curlimages/curl, ubuntu, debian): nothing
 * listens; the main process is whatever the command says (`sleep 3600` keeps the pod running, the default
 * `sh` without stdin exits at once). A shell or `sleep` as PID 1 has no SIGTERM handler, and the kernel
 * does not apply the default action to PID 1, so deletion waits for the whole grace period.
 */
import type { Container } from '../../api/types';
import { dnsToolsOf } from '../../dns/tools/dnsTools';
import type { LinuxUser, SimulatedApp } from './app';
import { goNotFound, rootUser, standardPath } from './app';
import { runProcess } from './shellScript';

interface ClientImage {
  name: string;
  entrypoint: string[];
  cmd: string[];
  coreutils: 'busybox' | 'gnu';
  user: LinuxUser;
  home: string;
  env: string[];
}

const clientImages: Record<string, ClientImage> = {
  busybox: { name: 'busybox', entrypoint: [], cmd: ['sh'], coreutils: 'busybox', user: rootUser, home: '/root', env: [standardPath] },
  alpine: { name: 'alpine', entrypoint: [], cmd: ['/bin/sh'], coreutils: 'busybox', user: rootUser, home: '/root', env: [standardPath] },
  netshoot: { name: 'netshoot', entrypoint: [], cmd: ['zsh'], coreutils: 'busybox', user: rootUser, home: '/root', env: [standardPath] },
  curl: {
    name: 'curl',
    entrypoint: ['/entrypoint.sh'],
    cmd: ['curl'],
    coreutils: 'busybox',
    user: { uid: 100, gid: 101, supplementalGroups: [101] },
    home: '/home/curl_user',
    env: [standardPath, 'CURL_CA_BUNDLE=/cacert.pem'],
  },
  ubuntu: { name: 'ubuntu', entrypoint: [], cmd: ['/bin/bash'], coreutils: 'gnu', user: rootUser, home: '/root', env: [standardPath] },
  debian: { name: 'debian', entrypoint: [], cmd: ['bash'], coreutils: 'gnu', user: rootUser, home: '/root', env: [standardPath] },
  // Debian-based DNS debugging images (registry.k8s.io/e2e-test-images/jessie-dnsutils, tutum/dnsutils): no CMD of note
  dnsutils: { name: 'dnsutils', entrypoint: [], cmd: ['bash'], coreutils: 'gnu', user: rootUser, home: '/root', env: [standardPath] },
};

/** The argv the runtime starts: command replaces the entrypoint, args replace the image CMD. */
export function effectiveArgv(container: Container, entrypoint: readonly string[], cmd: readonly string[]): string[] {
  if (container.command?.length) return [...container.command, ...(container.args ?? [])];
  return [...entrypoint, ...(container.args ?? cmd)];
}

/** The commands `command -v` finds in curlimages/curl (Alpine's busybox and curl) that a container's args name. */
const curlImageCommands = new Set(['curl', 'sh', 'ash', 'sleep', 'echo', 'env', 'printenv', 'cat', 'true', 'false', 'nslookup', 'wget', 'ping', 'date', 'seq', 'hostname', 'test', '[', 'ls', 'tail', 'exec']);

function clientApp(img: ClientImage): SimulatedApp {
  return {
    name: img.name,
    imageEnv: () => [...img.env],
    home: img.home,
    user: img.user,
    coreutils: img.coreutils,
    dnsTools: dnsToolsOf[img.name],
    listeners: () => [],
    http: () => goNotFound(),
    plan(container: Container) {
      let argv = effectiveArgv(container, img.entrypoint, img.cmd);
      // curlimages/curl's entrypoint.sh puts `curl` in front of arguments that are not a command (`-s web`, `web`)
      if (argv[0] === '/entrypoint.sh') argv = argv.slice(1);
      if (img.name === 'curl' && argv.length > 0 && !argv[0].startsWith('/') && !curlImageCommands.has(argv[0])) argv = ['curl', ...argv];
      return { script: (io) => runProcess(argv, !!container.stdin, io) };
    },
    argv: (container) => effectiveArgv(container, img.entrypoint, img.cmd),
    sigterm: () => 'ignore',
  };
}

// busybox 1.28 and before: the same image and applets, but nslookup is the libc-based one (rewritten in 1.29)
const built = new Map<string, SimulatedApp>([
  ...Object.entries(clientImages).map(([k, v]): [string, SimulatedApp] => [k, clientApp(v)]),
  ['busybox-1.28', { ...clientApp(clientImages.busybox), dnsTools: { nslookup: 'busybox-1.28' } }],
]);

/** The client app for a known toolbox image key (`busybox`, `busybox-1.28`, `alpine`, `netshoot`, `curl`, `ubuntu`, `debian`, `dnsutils`). */
export function clientAppFor(key: string): SimulatedApp | undefined {
  return built.get(key);
}

/**
 * Chooses the simulated application for a container from its image, and lets a shell `command` replace an
 * image's server (`nginx` with `command: [sleep, "3600"]` runs sleep, not nginx).
 */
import type { Container } from '../../api/types';
import { parseImage, repositoryOf } from '../images';
import { agnhostApp } from './agnhost';
import type { SimulatedApp } from './app';
import { clientAppFor } from './clientImages';
import { corednsApp } from './coredns';
import { genericApp } from './genericApp';
import { httpEchoApp } from './httpEcho';
import { kuardApp } from './kuard';
import { nginxApp } from './nginx';
import { isShellLikeCommand, runProcess } from './shellScript';
import { whoamiApp } from './whoami';
import { serveHostnameApp } from './serveHostname';
import { type ContainerVars, staticVars } from '../containerEnv';

/** The standalone serve_hostname image, where the Kubernetes docs and old e2e tests pulled it from. */
const serveHostnameRepos = new Set(['registry.k8s.io/serve_hostname', 'k8s.gcr.io/serve_hostname', 'gcr.io/google_containers/serve_hostname']);

const clientRepos: Record<string, string> = {
  'docker.io/library/busybox': 'busybox',
  'docker.io/radial/busyboxplus': 'busybox',
  'registry.k8s.io/busybox': 'busybox',
  'registry.k8s.io/e2e-test-images/busybox': 'busybox',
  'k8s.gcr.io/busybox': 'busybox',
  'gcr.io/google-containers/busybox': 'busybox',
  'docker.io/library/alpine': 'alpine',
  'docker.io/nicolaka/netshoot': 'netshoot',
  'docker.io/curlimages/curl': 'curl',
  'docker.io/library/ubuntu': 'ubuntu',
  'docker.io/library/debian': 'debian',
  'registry.k8s.io/e2e-test-images/jessie-dnsutils': 'dnsutils',
  'gcr.io/kubernetes-e2e-test-images/dnsutils': 'dnsutils',
  'docker.io/tutum/dnsutils': 'dnsutils',
};

/**
 * The application an image runs when its entrypoint is left alone. The echo-style servers read their flags from
 * the container (agnhost's subcommand, whoami's `--port`, http-echo's `-text`) and the variables the kubelet set
 * (`vars`: whoami's WHOAMI_NAME, http-echo's ECHO_TEXT), so they are built per container.
 */
export function appForImage(image: string, container: Container = { name: '', image }, vars: ContainerVars = staticVars(container)): SimulatedApp {
  const repo = repositoryOf(image);
  if (/^gcr\.io\/kuar-demo\/kuard-/.test(repo)) return kuardApp;
  if (repo === 'registry.k8s.io/e2e-test-images/agnhost' || repo === 'k8s.gcr.io/e2e-test-images/agnhost') return agnhostApp(container);
  if (repo === 'docker.io/traefik/whoami' || repo === 'docker.io/containous/whoami') return whoamiApp(container, vars);
  if (repo === 'docker.io/hashicorp/http-echo') return httpEchoApp(container, vars);
  if (serveHostnameRepos.has(repo)) return serveHostnameApp(container);
  if (repo === 'docker.io/library/nginx' || repo === 'docker.io/bitnami/nginx') return nginxApp(image);
  if (repo === 'registry.k8s.io/coredns/coredns' || repo === 'docker.io/coredns/coredns') return corednsApp;
  const client = clientRepos[repo];
  return (client && clientAppFor(client === 'busybox' && legacyBusybox(repo, image) ? 'busybox-1.28' : client)) || genericApp;
}

/**
 * Whether a busybox image predates 1.29, whose nslookup is the libc-based one: docker.io/library/busybox tags
 * 1.28 and older (`1.28`, `1.28.4`, `1.28-uclibc`), and the old Google-hosted busybox images the Kubernetes docs
 * used (registry.k8s.io/busybox, k8s.gcr.io/busybox: busybox 1.24) and radial/busyboxplus (1.20).
 */
function legacyBusybox(repo: string, image: string): boolean {
  if (repo === 'registry.k8s.io/busybox' || repo === 'k8s.gcr.io/busybox' || repo === 'gcr.io/google-containers/busybox' || repo === 'docker.io/radial/busyboxplus') return true;
  if (repo !== 'docker.io/library/busybox') return false;
  const m = /^1\.(\d+)(?:[.-]|$)/.exec(parseImage(image).tag ?? '');
  return !!m && Number(m[1]) <= 28;
}

/** A server image whose entrypoint was replaced by a shell or utility: the image's files, not its server. */
function commandOverride(base: SimulatedApp): SimulatedApp {
  return {
    ...base,
    name: `${base.name}/command`,
    listeners: () => [],
    plan: (c: Container) => {
      const argv = c.command?.length ? [...c.command, ...(c.args ?? [])] : [...(c.args ?? [])];
      // the image's own commands are not modelled: only the script's timing, exit and files
      return { script: (io) => runProcess(argv, !!c.stdin, { ...io, run: undefined }) };
    },
    sigterm: () => 'ignore',
    // the server never starts, so neither do its startup lines (docker-entrypoint.sh configures only for `nginx`)
    startupLog: undefined,
  };
}

// images whose entrypoint execs its arguments (nginx's docker-entrypoint.sh, and unknown images by guess)
const passthroughEntrypoint = new Set(['nginx', 'generic']);

/** The application a container runs: `container` with its command and args expanded, and the kubelet's variables. */
export function appForContainer(container: Container, vars: ContainerVars = staticVars(container)): SimulatedApp {
  const base = appForImage(container.image ?? '', container, vars);
  if (clientRepos[repositoryOf(container.image ?? '')]) return base;
  if (isShellLikeCommand(container.command)) return commandOverride(base);
  if (!container.command?.length && passthroughEntrypoint.has(base.name) && isShellLikeCommand(container.args)) return commandOverride(base);
  return base;
}

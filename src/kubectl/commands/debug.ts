/**
 * `kubectl debug POD --image=IMAGE [-it] [--target=C] [-c NAME] [--profile=P] [-- COMMAND ARGS]` (kubectl v0.34.0
 * `pkg/cmd/debug/debug.go`): adds an ephemeral container to a running pod through the `ephemeralcontainers`
 * subresource, and with `-i`/`--attach` waits for it and attaches (debugAttach.ts). Copy mode (`--copy-to`) and
 * node debugging (`node/NAME`) are not simulated and say so.
 */
import type { Container, Pod } from '../../engine/api/types';
import { apiVersionFor } from '../../engine/api/resources';
import { nameSuffixAlphabet } from '../../engine/apiserver/names';
import { createPrng } from '../../shared/prng';
import { referenceRegexp } from '../../shared/imageReference';
import type { AttachedInput, CommandEnv, KubectlCommand, Waiting } from '../cli/command';
import { CommandError, fail } from '../cli/errors';
import { fetchInfos, requestFor } from '../resources/resourceBuilder';
import { attachToDebugContainer } from './debugAttach';
import { applyEphemeralProfile, type DebugProfile, parseDebugProfile } from './debugProfiles';

/** pflag StringToString: `K=V` pairs, comma-separated, in any number of flags. */
function parseEnv(raw: readonly string[]): { name: string; value: string }[] {
  const pairs = new Map<string, string>();
  for (const flag of raw) {
    for (const pair of flag.split(',')) {
      const at = pair.indexOf('=');
      if (at < 0) throw fail(`invalid argument "${flag}" for "--env" flag: ${pair} must be formatted as key=value`);
      pairs.set(pair.slice(0, at), pair.slice(at + 1));
    }
  }
  // kubectl ranges over a Go map (random order); svcsim sorts to stay deterministic
  return [...pairs.keys()].sort().map((name) => ({ name, value: pairs.get(name) ?? '' }));
}

/** Every container name of the pod (containerNameToRef). */
function containerNames(pod: Pod): Set<string> {
  const spec = pod.spec;
  return new Set([...(spec?.containers ?? []), ...(spec?.initContainers ?? []), ...(spec?.ephemeralContainers ?? [])].map((c) => c.name));
}

/**
 * computeDebugContainerName: `-c`, or `debugger-` and five characters of utilrand.String not taken in the pod.
 * kubectl draws from its own random source; svcsim seeds one from the pod's uid and resourceVersion, so a
 * replayed session names the container the same way.
 */
function debugContainerName(env: CommandEnv, pod: Pod, named: string, quiet: boolean): string {
  if (named) return named;
  const seed = `${pod.metadata?.uid ?? ''}/${pod.metadata?.resourceVersion ?? ''}`;
  let h = 2166136261;
  for (let i = 0; i < seed.length; i++) h = Math.imul(h ^ seed.charCodeAt(i), 16777619) >>> 0;
  const rand = createPrng(h);
  const taken = containerNames(pod);
  let name = '';
  while (!name || taken.has(name)) {
    let suffix = '';
    for (let i = 0; i < 5; i++) suffix += nameSuffixAlphabet[rand.int(nameSuffixAlphabet.length)];
    name = `debugger-${suffix}`;
  }
  if (!quiet) env.out.out(`Defaulting debug container name to ${name}.\n`);
  return name;
}

interface DebugOptions {
  args: string[];
  argsOnly: boolean;
  attach: boolean;
  container: string;
  env: { name: string; value: string }[];
  image: string;
  pullPolicy: string;
  stdin: boolean;
  tty: boolean;
  quiet: boolean;
  target: string;
  profile: DebugProfile;
}

/** displayWarning: a non-root pod may not get the capabilities the profile grants. */
function warnNonRoot(env: CommandEnv, c: Container, pod: Pod): void {
  const runAsUser = pod.spec?.securityContext?.runAsUser;
  const sc = c.securityContext;
  if (!runAsUser || !sc || sc.runAsUser === 0) return;
  if (!sc.privileged && !sc.capabilities?.add?.length) return;
  env.out.err(
    'Warning: Non-root user is configured for the entire target Pod, and some capabilities granted by debug profile may not work. Please consider using "--custom" with a custom profile that specifies "securityContext.runAsUser: 0".\n',
  );
}

/** debugByEphemeralContainer: the new container, sent as a strategic merge patch of the subresource. */
function addDebugContainer(env: CommandEnv, pod: Pod, o: DebugOptions): Pod & { debugContainer: string } {
  const name = debugContainerName(env, pod, o.container, o.quiet);
  // the EphemeralContainer as JSON marshals it: empty and false fields omitted
  let ec: Container & { targetContainerName?: string } = {
    name,
    image: o.image,
    ...(o.env.length ? { env: o.env } : {}),
    ...(o.pullPolicy ? { imagePullPolicy: o.pullPolicy } : {}),
    ...(o.stdin ? { stdin: true } : {}),
    terminationMessagePolicy: 'File',
    ...(o.tty ? { tty: true } : {}),
    ...(o.target ? { targetContainerName: o.target } : {}),
  };
  if (o.args.length) ec = o.argsOnly ? { ...ec, args: o.args } : { ...ec, command: o.args };
  ec = applyEphemeralProfile(o.profile, ec);
  warnNonRoot(env, ec, pod);
  // CreateTwoWayMergePatch of the pod and its copy: the new container, and the list's order when it had others
  const existing = pod.spec?.ephemeralContainers ?? [];
  const order = existing.length ? { '$setElementOrder/ephemeralContainers': [...existing, ec].map((c) => ({ name: c.name })) } : {};
  const patch = { spec: { ...order, ephemeralContainers: [ec] } };
  const res = env.cluster.patch('Pod', pod.metadata?.namespace, pod.metadata?.name ?? '', 'strategic', patch, { subresource: 'ephemeralcontainers' });
  if (!res.ok) throw new CommandError({ type: 'status', status: res.status });
  return { ...res.value, debugContainer: name };
}

/** Complete + Validate, in kubectl's order (its messages end in a period). */
function debugOptions(env: CommandEnv): { o: DebugOptions; names: string[] } {
  const f = env.flags;
  const dash = env.argsLenAtDash;
  const names = dash >= 0 ? env.args.slice(0, dash) : env.args;
  const args = dash >= 0 ? env.args.slice(dash) : [];
  const attachChanged = f.changed('attach');
  const attach = attachChanged ? f.bool('attach') : f.bool('stdin');
  const envVars = parseEnv(f.strings('env'));
  const profile = parseDebugProfile(f.string('profile'));
  if (f.string('custom')) throw fail('kubectl debug --custom is not simulated yet: svcsim reads no local files');
  if (f.strings('filename').length) throw fail('kubectl debug -f is not simulated yet; name the pod');
  const image = f.string('image');
  const container = f.string('container');
  const copyTo = f.string('copy-to');
  if (attach && attachChanged && !image && !container) throw fail('you must specify --container or create a new container using --image in order to attach.');
  if (copyTo) {
    if (!image && !f.strings('set-image').length && !args.length) throw fail('you must specify --image, --set-image or command arguments.');
    if (args.length && !container && !image) throw fail('you must specify an existing container or a new image when specifying args.');
  } else if (f.bool('replace')) throw fail('--replace may only be used with --copy-to.');
  else if (f.bool('same-node')) throw fail('--same-node may only be used with --copy-to.');
  else if (f.strings('set-image').length) throw fail('--set-image may only be used with --copy-to.');
  else if (!image) throw fail('you must specify --image when not using --copy-to.');
  if (image && !referenceRegexp.test(image)) throw fail(`invalid image name "${image}": invalid reference format`);
  if (!names.length) throw fail('NAME or filename is required for debug');
  const pullPolicy = f.string('image-pull-policy');
  if (pullPolicy && !['Always', 'IfNotPresent', 'Never'].includes(pullPolicy)) throw fail(`invalid image pull policy: ${pullPolicy}`);
  const target = f.string('target');
  const quiet = f.bool('quiet');
  if (target) {
    if (copyTo) throw fail('--target is incompatible with --copy-to. Use --share-processes instead.');
    if (!quiet) env.out.out(`Targeting container "${target}". If you don't see processes from this container it may be because the container runtime doesn't support this feature.\n`);
  }
  if (f.bool('tty') && !f.bool('stdin')) throw fail('-i/--stdin is required for containers with -t/--tty=true');
  if (profile === 'legacy') env.out.err('--profile=legacy is deprecated and will be removed in the future. It is recommended to explicitly specify a profile, for example "--profile=general".\n');
  if (copyTo) throw fail('kubectl debug --copy-to is not simulated yet; add an ephemeral container instead (drop --copy-to)');
  const o = { args, argsOnly: f.bool('arguments-only'), attach, container, env: envVars, image, pullPolicy, stdin: f.bool('stdin'), tty: f.bool('tty'), quiet, target, profile };
  return { o, names };
}

function* debugPods(env: CommandEnv, o: DebugOptions, names: string[]): Waiting<AttachedInput | undefined> {
  const request = requestFor(env, { args: names.length === 1 && !names[0].includes('/') ? [`pods/${names[0]}`] : names.map((n) => (n.includes('/') ? n : `pods/${n}`)), namespace: env.namespace, allNamespaces: false, allowEmptySelector: false }, []);
  const { infos, errors } = fetchInfos(env, request, env.namespace);
  let attached: AttachedInput | undefined;
  for (const info of infos) {
    for (const obj of info.objects) {
      const kind = info.mapping.kind;
      if (kind === 'Node') throw fail(`kubectl debug node/${obj.metadata?.name ?? ''} is not simulated yet; debug a pod on that node instead`);
      if (kind !== 'Pod') {
        const apiVersion = apiVersionFor(kind);
        throw fail(`"${apiVersion.includes('/') ? apiVersion : `/${apiVersion}`}, Kind=${kind}" not supported by debug`);
      }
      const pod = addDebugContainer(env, obj as Pod, o);
      if (o.attach) attached = yield* attachToDebugContainer(env, pod, pod.debugContainer, o);
    }
  }
  if (errors.length) throw new CommandError(errors[0]);
  return attached;
}

export const debugCommand: KubectlCommand = {
  name: 'debug',
  short: 'Create debugging sessions for troubleshooting workloads and nodes',
  use: 'debug (POD | TYPE[[.VERSION].GROUP]/NAME) [ -- COMMAND [args...] ]',
  flags: [
    { name: 'filename', shorthand: 'f', type: 'stringSlice' },
    { name: 'arguments-only', type: 'bool' },
    { name: 'attach', type: 'bool' },
    { name: 'container', shorthand: 'c', type: 'string' },
    { name: 'copy-to', type: 'string' },
    { name: 'replace', type: 'bool' },
    { name: 'env', type: 'stringArray' },
    { name: 'image', type: 'string' },
    { name: 'keep-labels', type: 'bool' },
    { name: 'keep-annotations', type: 'bool' },
    { name: 'keep-liveness', type: 'bool' },
    { name: 'keep-readiness', type: 'bool' },
    { name: 'keep-startup', type: 'bool' },
    { name: 'keep-init-containers', type: 'bool', default: true },
    { name: 'set-image', type: 'stringArray' },
    { name: 'image-pull-policy', type: 'string' },
    { name: 'stdin', shorthand: 'i', type: 'bool' },
    { name: 'quiet', shorthand: 'q', type: 'bool' },
    { name: 'same-node', type: 'bool' },
    { name: 'share-processes', type: 'bool', default: true },
    { name: 'target', type: 'string' },
    { name: 'tty', shorthand: 't', type: 'bool' },
    { name: 'profile', type: 'string', default: 'legacy' },
    { name: 'custom', type: 'string' },
  ],
  run(env) {
    const { o, names } = debugOptions(env);
    return debugPods(env, o, names);
  },
};

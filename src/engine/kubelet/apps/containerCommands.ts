/**
 * The commands a simulated container can run, answered from what the kubelet set up for it: `env`/`printenv`
 * (the environment fixed at container start, service variables included), `hostname`, `pwd`, `whoami` (root,
 * nobody), `cat` of `/etc/resolv.conf`, `/etc/hosts`, `/etc/hostname` and of files the process made, `test`,
 * `echo`, `seq`, `date`, `true`/`false`, `touch` and `rm` of the files exec probes look at, and the DNS tools and curl/wget its
 * image ships. `kubectl exec` runs them, and so does a client image's main process (`kubectl run t
 * --image=busybox -- nslookup nginx`), whose output is its log.
 */
import type { Cluster } from '../../cluster';
import type { Pod } from '../../api/types';
import { runHttpToolInPod } from '../../net/http/httpTools';
import { serviceAccountMountPath } from '../../api/defaults/podAdmission';
import { rootCaConfigMapName } from '../../controllers/rootcacertpublisher/rootCaCertPublisher';

export interface CommandOutput {
  /** stdout and stderr in the order they were written. */
  chunks: { stream: 'stdout' | 'stderr'; text: string }[];
  exitCode: number;
}

const weekdays = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const months = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/**
 * `date`, `date -u` and `date +FORMAT` at virtual time `ms`, in UTC (the images set no TZ). The default format is
 * `%a %b %e %H:%M:%S %Z %Y` in busybox (coreutils/date.c) and GNU date alike in the C locale. Undefined for
 * options or conversions not modelled (`-d`, `%x` …).
 */
function dateCommand(ms: number, args: readonly string[]): string | undefined {
  const rest = args.filter((a) => a !== '-u' && a !== '--utc');
  if (rest.length > 1 || (rest[0] !== undefined && !rest[0].startsWith('+'))) return undefined;
  const d = new Date(ms);
  const two = (n: number) => String(n).padStart(2, '0');
  const conversions: Record<string, string> = {
    Y: String(d.getUTCFullYear()),
    m: two(d.getUTCMonth() + 1),
    d: two(d.getUTCDate()),
    e: String(d.getUTCDate()).padStart(2, ' '),
    H: two(d.getUTCHours()),
    M: two(d.getUTCMinutes()),
    S: two(d.getUTCSeconds()),
    s: String(Math.floor(ms / 1000)),
    a: weekdays[d.getUTCDay()],
    b: months[d.getUTCMonth()],
    Z: 'UTC',
    '%': '%',
  };
  conversions.T = `${conversions.H}:${conversions.M}:${conversions.S}`;
  conversions.F = `${conversions.Y}-${conversions.m}-${conversions.d}`;
  let unknown = false;
  const shown = (rest[0]?.slice(1) ?? '%a %b %e %H:%M:%S %Z %Y').replace(/%(.?)/g, (whole, c: string) => {
    const v = conversions[c];
    if (v === undefined) unknown = true;
    return v ?? whole;
  });
  return unknown ? undefined : `${shown}\n`;
}

/** The longest `seq` modelled. */
const maxSeqNumbers = 10_000;

/**
 * The files of the service account token volume a container mounts at
 * /var/run/secrets/kubernetes.io/serviceaccount (the projected `kube-api-access-*` volume of ServiceAccount
 * admission): `namespace` from the downward API (the bare value, no newline), `ca.crt` from the namespace's
 * `kube-root-ca.crt` ConfigMap. The bound token itself is not simulated.
 */
function serviceAccountFile(cluster: Cluster, pod: Pod, container: string, path: string): string | undefined {
  if (!path.startsWith(`${serviceAccountMountPath}/`)) return undefined;
  const spec = [...(pod.spec?.initContainers ?? []), ...(pod.spec?.containers ?? [])].find((c) => c.name === container);
  if (!spec?.volumeMounts?.some((m) => m.mountPath === serviceAccountMountPath)) return undefined;
  const ns = pod.metadata?.namespace ?? 'default';
  const file = path.slice(serviceAccountMountPath.length + 1);
  if (file === 'namespace') return ns;
  if (file === 'ca.crt') return cluster.store.get('ConfigMap', `${ns}/${rootCaConfigMapName}`)?.data?.['ca.crt'];
  return undefined;
}

/** Files a simulated container can show with cat. */
function containerFile(cluster: Cluster, pod: Pod, container: string, path: string): string | undefined {
  const ns = pod.metadata?.namespace ?? 'default';
  const name = pod.metadata?.name ?? '';
  const sim = cluster.simulation;
  if (path === '/etc/resolv.conf') return sim.resolvConf?.(ns, name);
  if (path === '/etc/hosts') return sim.hostsFile?.(ns, name);
  if (path === '/etc/hostname') return `${pod.spec?.hostname || name}\n`;
  return serviceAccountFile(cluster, pod, container, path) ?? sim.volumeFile?.(ns, name, container, path);
}

/**
 * Runs `argv` in the running `container` of `pod` with the process environment `environ`, at this instant
 * (virtual time does not move: a `sleep` returns at once). Undefined when svcsim does not model the command.
 */
export function runContainerCommand(cluster: Cluster, pod: Pod, container: string, argv: readonly string[], environ: readonly string[]): CommandOutput | undefined {
  const ns = pod.metadata?.namespace ?? 'default';
  const name = pod.metadata?.name ?? '';
  const sim = cluster.simulation;
  const chunks: CommandOutput['chunks'] = [];
  const out = (text: string) => {
    if (text) chunks.push({ stream: 'stdout', text });
  };
  const err = (text: string) => {
    if (text) chunks.push({ stream: 'stderr', text });
  };
  const done = (exitCode: number): CommandOutput => ({ chunks, exitCode });
  const [bin, ...args] = argv;
  const base = bin.split('/').pop() ?? bin;
  const dns = sim.dnsTool?.(ns, name, container, argv);
  if (dns) {
    out(dns.stdout);
    err(dns.stderr);
    return done(dns.exitCode);
  }
  // curl / wget through the data plane (the image's own tools only)
  const http = runHttpToolInPod(cluster, ns, name, container, argv);
  if (http) return { chunks: http.chunks.filter((c) => c.text), exitCode: http.exitCode };
  if ((base === 'env' && args.length === 0) || (base === 'printenv' && args.length === 0)) {
    out(environ.map((e) => `${e}\n`).join(''));
    return done(0);
  }
  if (base === 'printenv') {
    let missing = false;
    for (const a of args) {
      const hit = environ.find((e) => e.startsWith(`${a}=`));
      if (hit) out(`${hit.slice(a.length + 1)}\n`);
      else missing = true;
    }
    return done(missing ? 1 : 0);
  }
  if (base === 'hostname' && args.length === 0) {
    out(`${pod.spec?.hostname || name}\n`);
    return done(0);
  }
  if (base === 'cat' && args.length > 0) {
    let failed = false;
    for (const path of args) {
      const text = containerFile(cluster, pod, container, path);
      if (text !== undefined) {
        out(text);
        continue;
      }
      // a file the process made (`touch`), as an exec probe sees it; else the image's own "No such file"
      const r = sim.containerExec?.(ns, name, container, ['cat', path]);
      if (r?.exitCode === 0) out(r.stdout);
      else {
        err(r?.stderr || `cat: ${path}: No such file or directory\n`);
        failed = true;
      }
    }
    return done(failed ? 1 : 0);
  }
  // ls of a ConfigMap or Secret volume, one name per line as ls prints when its output is not a terminal
  if (base === 'ls') {
    const paths = args.filter((a) => a !== '-1');
    const listing = paths.length === 1 && paths.length + 1 >= args.length ? sim.volumeListing?.(ns, name, container, paths[0]) : undefined;
    if (listing) {
      out('file' in listing ? `${listing.file}\n` : listing.entries.map((e) => `${e}\n`).join(''));
      return done(0);
    }
  }
  if (base === 'test' || base === '[') {
    const r = sim.containerExec?.(ns, name, container, argv);
    if (r) {
      err(r.stderr);
      return done(r.exitCode);
    }
  }
  // touch and rm change what exec probes see (`kubectl exec web -- rm /tmp/healthy` fails a liveness probe)
  if ((base === 'touch' || base === 'rm') && args.some((a) => !a.startsWith('-'))) {
    for (const path of args.filter((a) => !a.startsWith('-'))) {
      if (base === 'rm' && !args.includes('-f') && !args.includes('-rf') && sim.containerExec?.(ns, name, container, ['test', '-e', path])?.exitCode !== 0) {
        err(sim.containerCoreutils?.(ns, name, container) === 'gnu' ? `rm: cannot remove '${path}': No such file or directory\n` : `rm: can't remove '${path}': No such file or directory\n`);
        return done(1);
      }
      sim.setContainerFile?.(ns, name, container, path, base === 'touch');
    }
    return done(0);
  }
  if (base === 'true' || (base === 'sleep' && args.length > 0)) return done(0);
  if (base === 'false') return done(1);
  if (base === 'echo') {
    // -n: no newline (busybox and GNU echo alike)
    const noNewline = args[0] === '-n';
    const words = noNewline ? args.slice(1) : args;
    out(noNewline ? words.join(' ') : `${words.join(' ')}\n`);
    return done(0);
  }
  if (base === 'date') {
    const shown = dateCommand(cluster.now(), args);
    if (shown === undefined) return undefined;
    out(shown);
    return done(0);
  }
  const numbers = args.map(Number);
  // seq LAST, seq FIRST LAST, seq FIRST INCREMENT LAST: whole numbers, one a line (other forms are not modelled)
  if (base === 'seq' && args.length >= 1 && args.length <= 3 && args.every((a) => /^-?\d+$/.test(a))) {
    const [first, step, lastNumber] = args.length === 1 ? [1, 1, numbers[0]] : args.length === 2 ? [numbers[0], 1, numbers[1]] : numbers;
    // a sequence too long to print in a browser's terminal is left unmodelled rather than run
    if (step === 0 || Math.floor((lastNumber - first) / step) + 1 > maxSeqNumbers) return undefined;
    const lines: string[] = [];
    for (let n = first; step > 0 ? n <= lastNumber : n >= lastNumber; n += step) lines.push(`${n}\n`);
    out(lines.join(''));
    return done(0);
  }
  const coreutils = sim.containerCoreutils?.(ns, name, container);
  // the working directory: `workingDir`, else the image's (svcsim's images all work in /)
  if (base === 'pwd' && args.length === 0 && coreutils !== 'none') {
    out(`${pod.spec?.containers?.find((c) => c.name === container)?.workingDir || '/'}\n`);
    return done(0);
  }
  // the users every image's /etc/passwd has: root, and nobody (65534: kuard runs as nobody)
  const user = { 0: 'root', 65534: 'nobody' }[sim.containerUid?.(ns, name, container) ?? -1];
  if (base === 'whoami' && args.length === 0 && user && coreutils !== 'none') {
    out(`${user}\n`);
    return done(0);
  }
  return undefined;
}

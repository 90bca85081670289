/**
 * Simulated applications: what the process inside a container does. The kubelet asks an app which sockets
 * it listens on, how it answers HTTP (probes now; curl and port-forward later), what `exec` prints, how its
 * main process behaves over time and how fast it exits on SIGTERM. One module per application, chosen by
 * image in `registry.ts`.
 */
import type { Container } from '../../api/types';
import type { CorednsState } from '../../dns/coredns/corednsProcess';
import type { ImageDnsTools } from '../../dns/tools/dnsTools';

export interface Listener {
  port: number;
  protocol: 'TCP' | 'UDP';
}

export interface HttpRequest {
  method: string;
  path: string;
  port: number;
  headers?: Record<string, string>;
  /** `ip:port` of the client, for access logs. */
  remoteAddr?: string;
  /** The request body (kuard's `PUT /ready/api`, `POST /dns/api`). */
  body?: string;
  /** What the serving process can see of its container (kuard's pages show it). */
  process?: ProcessContext;
}

/** The container as the process inside sees it: hostname, interface addresses, environment, argv, DNS. */
export interface ProcessContext {
  /** The container's image reference (kuard reports its version from the tag). */
  image: string;
  hostname: string;
  /** Non-loopback IPv4 addresses (the pod IP). */
  addrs: string[];
  /** `KEY=value` lines, as `os.Environ()` returns them. */
  env: readonly string[];
  commandLine: string[];
  /** A DNS query through the container's /etc/resolv.conf, as kuard's DNS page makes it. */
  dnsQuery(type: string, name: string): { ok: true; result: string } | { ok: false; error: string };
}

/** kuard's debug probe settings (kuard `pkg/debugprobe`): fail the next N calls, and the last calls answered. */
export interface DebugProbeState {
  failNext: number;
  lastId: number;
  history: Array<{ id: number; when: number; code: number }>;
}

export interface HttpResponse {
  status: number;
  body: string;
  headers?: Record<string, string>;
}

/** An answer, or no answer at all until the client gives up (a hung handler). */
export type HttpOutcome = { kind: 'response'; response: HttpResponse } | { kind: 'hang' };

export interface ExecResult {
  exitCode: number;
  stdout: string;
  stderr: string;
}

/** One line an app logged about a request it served (seam for `kubectl logs` and traffic views). */
export interface AccessLogEntry {
  /** Virtual time, ms since the epoch. */
  time: number;
  line: string;
}

/** What the main process does: what it prints as it starts, whether and when it exits, or a shell's script. */
export interface ProcessPlan {
  /** Exit after `atMs` with `code`; undefined: runs until stopped. */
  exit?: { atMs: number; code: number };
  /** A shell's script (shellScript.ts), which the kubelet runs in virtual time (processScript.ts). */
  script?: (io: ProcessIo) => ProcessScript;
}

/** What a command wrote, in order: a piece of its stdout or stderr. */
export interface StreamChunk {
  stream: 'stdout' | 'stderr';
  text: string;
}

/** A command run in the container at this instant: what it wrote, in order, and its status; undefined when svcsim does not model the command. */
export type RunCommand = (argv: readonly string[]) => { chunks: StreamChunk[]; exitCode: number } | undefined;

/** What a container's main process can do as it runs. */
export interface ProcessIo {
  /** Runs a command in the container now; absent when svcsim does not model the image's commands (they do nothing, status 0). */
  run?: RunCommand;
  /** The process's environment. */
  environ: () => readonly string[];
  /** The image's coreutils, whose shell words a command it cannot find. */
  coreutils?: 'busybox' | 'gnu' | 'none';
  /** What the process prints: its log. */
  write(text: string): void;
  /** Makes or removes a file (what exec probes look at). */
  touch(path: string): void;
  remove(path: string): void;
}

/**
 * A main process run as a script in virtual time: it yields each wait (ms, finite and above 0) and returns its
 * exit status, or undefined when it runs until it is stopped.
 */
export type ProcessScript = Generator<number, number | undefined, void>;

/** How the process reacts to SIGTERM: exits after a delay with a code, or ignores it (PID 1 with no handler). */
export type SigtermBehaviour = { exitAfterMs: number; exitCode: number } | 'ignore';

/** The running state of one container attempt of an app; it lives as long as the container runs. */
export interface AppInstance {
  readonly app: SimulatedApp;
  /** `GET /ready` succeeds (kuard: the readiness debug probe; flipped with setAppHealth). */
  ready: boolean;
  /** `GET /healthy` succeeds (kuard: the liveness debug probe). */
  healthy: boolean;
  /** Paths that exist in the container file system beyond the image (exec probes: `cat /tmp/healthy`). */
  files: Set<string>;
  /** Requests served, most recent last (bounded). */
  accessLog: AccessLogEntry[];
  /**
   * What the process printed after its last newline (`wget -qO- URL` prints a body with none): a log line once
   * the newline comes, or when the process exits; a reader of the log sees it as the last line meanwhile.
   */
  logTail?: AccessLogEntry;
  /** Who follows the log (`kubectl logs -f`); told of each line as it is written. */
  logListeners?: Set<(entry: AccessLogEntry) => void>;
  /** The virtual clock, for log timestamps. */
  now(): number;
  /** When the process started (Go's monotonic `m=+` reading counts from here). */
  readonly startedAt?: number;
  /** kuard: its template group has parsed index.html (htmlutils.TemplateGroup loads it on first render). */
  templatesLoaded?: boolean;
  /** kuard: its /healthy and /ready probes' counters and history (`ready`/`healthy` false = failing for good). */
  debugProbes?: { ready: DebugProbeState; healthy: DebugProbeState };
  /** CoreDNS: the Corefile it runs and the one in its volume (dns/coredns/corednsReloader.ts). */
  coredns?: CorednsState;
  /** Tells the kubelet the app's answers changed (a probe set to fail), so quiet probe workers run again. */
  changed?: () => void;
}

/** Linux identity the runtime reports in `containerStatuses[].user` (SupplementalGroupsPolicy, 1.33+). */
export interface LinuxUser {
  uid: number;
  gid: number;
  supplementalGroups: number[];
}

export interface SimulatedApp {
  /** Short name (`kuard`, `nginx`, `coredns`, `shell`, `generic`). */
  readonly name: string;
  /** Env from the image config, PATH first, as the runtime starts the process with it. */
  imageEnv(image: string): string[];
  /** HOME a process gets when the image env sets none (runc adds it); undefined: not set. */
  readonly home?: string;
  readonly user: LinuxUser;
  /** Which `cat`/`ls` error text the image prints: busybox, GNU coreutils, or no shell at all. */
  readonly coreutils: 'busybox' | 'gnu' | 'none';
  /** The DNS tools (nslookup, dig, host, getent) the image ships; undefined: none. */
  readonly dnsTools?: ImageDnsTools;
  /** Sockets the process listens on. */
  listeners(container: Container): Listener[];
  /** Answers one HTTP request on one of the ports it listens on. */
  http(instance: AppInstance, req: HttpRequest): HttpOutcome;
  /** gRPC health answer on a port (grpc probes); undefined: the port does not speak gRPC. */
  grpcHealth?(instance: AppInstance, port: number, service: string): 'SERVING' | 'NOT_SERVING' | undefined;
  /** What the main process does, from the container's command and args: a server runs until stopped; a shell runs its script. */
  plan(container: Container): ProcessPlan;
  /** The main process's argv (the image's entrypoint and command as the container's replace them), where it is known. */
  argv?(container: Container): string[];
  /** What happens on SIGTERM (pod deletion, liveness kill). */
  sigterm(container: Container): SigtermBehaviour;
  /** What the process prints as it starts (the head of `kubectl logs`), all stamped with its start time. */
  startupLog?(container: Container, startedAt: number): string[];
}

const maxAccessLog = 200;

/** A fresh instance: healthy and ready, no extra files. */
export function newAppInstance(app: SimulatedApp, now: () => number): AppInstance {
  return { app, ready: true, healthy: true, files: new Set(), accessLog: [], now, startedAt: now() };
}

/** Records one access-log line, keeping the log bounded. */
export function logAccess(instance: AppInstance, line: string): void {
  const entry = { time: instance.now(), line };
  instance.accessLog.push(entry);
  if (instance.logListeners) for (const l of instance.logListeners) l(entry);
  if (instance.accessLog.length > maxAccessLog) instance.accessLog.splice(0, instance.accessLog.length - maxAccessLog);
}

/**
 * Writes what the process printed to its log: a byte stream, so a line is logged once its newline comes (text
 * after the last newline waits in `logTail`, stamped when it started).
 */
export function writeProcessOutput(instance: AppInstance, text: string): void {
  if (!text) return;
  const pending = instance.logTail;
  // no newline yet (`wget -qO-` in a loop without `echo`): the line grows, and is not split again each time
  if (!text.includes('\n')) {
    instance.logTail = { time: pending?.time ?? instance.now(), line: pending ? pending.line + text : text };
    return;
  }
  const lines = ((pending?.line ?? '') + text).split('\n');
  const tail = lines.pop() ?? '';
  instance.logTail = tail ? { time: pending?.time ?? instance.now(), line: tail } : undefined;
  for (const line of lines) logAccess(instance, line);
}

/** The process exited: what it printed after its last newline becomes the log's last line. */
export function flushProcessOutput(instance: AppInstance): void {
  const tail = instance.logTail;
  if (!tail) return;
  instance.logTail = undefined;
  logAccess(instance, tail.line);
}

/** The PATH every Debian/Alpine based image sets. */
export const standardPath = 'PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin';

/** uid/gid 0 with supplementary group 0, as images without USER report. */
export const rootUser: LinuxUser = { uid: 0, gid: 0, supplementalGroups: [0] };

/** `text/plain` 404 as Go's net/http and httprouter write it. */
export function goNotFound(): HttpOutcome {
  return { kind: 'response', response: { status: 404, body: '404 page not found\n', headers: { 'Content-Type': 'text/plain; charset=utf-8' } } };
}

/** Shorthand for a response outcome. */
export function respond(status: number, body: string, headers?: Record<string, string>): HttpOutcome {
  return { kind: 'response', response: { status, body, ...(headers ? { headers } : {}) } };
}

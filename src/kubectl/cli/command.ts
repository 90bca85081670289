/**
 * The shape of a kubectl verb: its cobra metadata (name, aliases, short help, SuggestFor), its local flags, and
 * a `run` that reads the parsed command line and writes to the ordered output. Verbs are registered objects,
 * one module each under `commands/`.
 */
import type { Cluster } from '../../engine';
import type { Kubeconfig, KubeconfigFile } from '../kubeconfig/kubeconfig';
import type { FlagSpec, FlagValues } from './flags';
import type { Output, OutputChunk } from './output';

/** A chunk of streamed output from a long-running command (`get -w`). */
export interface WatchChunk {
  stdout?: string;
  stderr?: string;
}

/**
 * Keeps printing as the cluster changes until stopped, or until it ends by itself (`logs -f` of a container that
 * exited): then `onEnd` is told, as the host's prompt comes back when kubectl returns.
 */
export interface WatchStream {
  subscribe(onChunk: (chunk: WatchChunk) => void, onEnd?: () => void): void;
  stop(): void;
}

/**
 * A command pausing while virtual time moves: until `until()` holds at a quiet instant or `maxMs` have passed
 * (the semantics of `Cluster.runUntil`). The command resumes with whether `until` held.
 */
export interface TimeWait {
  until(): boolean;
  maxMs: number;
}

/**
 * A verb that waits on virtual time (`wait`, `rollout status`, `delete`) runs as a generator of the waits it
 * blocks in, so its host decides how time moves: in one go (the CLI, tests) or in slices that Ctrl+C can end
 * (the browser's worker). Both give the same cluster and the same output.
 */
export type Waiting<T> = Generator<TimeWait, T, boolean>;

/** What one line of an attached process did: its output, and whether it ended the process or waits (`sleepMs`). */
export interface AttachedLineResult {
  output: OutputChunk[];
  exitCode: number;
  ended: boolean;
  sleepMs?: number;
  resume?: (cluster: Cluster) => AttachedLineResult;
}

/**
 * A process that reads the terminal's next lines as its input (the shell of `kubectl exec -it POD -- sh`): the
 * host sends it every line until it says it `ended`, and shows its `prompt` before each.
 */
export interface AttachedInput {
  readonly attached: true;
  readonly prompt: string;
  /**
   * One line of input, up to its end or its first `sleep`: then `sleepMs` says how much virtual time the host lets
   * pass before it calls `resume` for the rest (which may sleep again).
   */
  run(cluster: Cluster, line: string): AttachedLineResult;
  /** Ctrl+C while a line sleeps (or a sleep refused): the line stops there, with `status` (130, 128 + SIGINT). */
  interrupt(status?: number): void;
  /** The terminal went away (its tab was closed): the process's input ends, and kubectl with it. */
  hangup(cluster: Cluster): void;
}

/**
 * What a verb's `run` returns: nothing, a watch that keeps printing, a process that takes the terminal's input,
 * or a run that waits on virtual time first.
 */
export type CommandRun = WatchStream | AttachedInput | undefined | Waiting<WatchStream | AttachedInput | undefined>;

/** True for a run that waits (a generator) rather than one that has finished. */
export function isWaiting(r: CommandRun): r is Waiting<WatchStream | AttachedInput | undefined> {
  return r !== undefined && typeof (r as Partial<Waiting<unknown>>).next === 'function' && typeof (r as Partial<Waiting<unknown>>).throw === 'function';
}

/** True for a process that takes the terminal's input. */
export function isAttached(r: CommandRun): r is AttachedInput {
  return (r as Partial<AttachedInput> | undefined)?.attached === true;
}

/** One running `kubectl port-forward`: localhost:localPort forwards to remotePort of a pod. */
export interface PortForward {
  localPort: number;
  remotePort: number;
  namespace: string;
  pod: string;
  /** A client (curl, a browser) connected to localhost:localPort; the forward prints `Handling connection for N`. */
  connect(): void;
}

/** The localhost ports held by running port-forwards, shared by every kubectl run of one host. */
export interface PortForwardRegistry {
  /** The forward listening on a local port. */
  get(localPort: number): PortForward | undefined;
  /** Claims the forward's local port; false when something already listens there. */
  add(forward: PortForward): boolean;
  /** Frees the forward's port (the forward stopped). */
  remove(forward: PortForward): void;
  /** Every port in use, for picking a free one for `:REMOTE`. */
  ports(): number[];
}

/** What the host (terminal, CLI, tests) supplies to a kubectl invocation. */
export interface KubectlContext {
  cluster: Cluster;
  /** Text available on stdin (`-f -`). */
  stdin?: string;
  /** Reads a file named by `-f` (the CLI reads the disk; the playground reads its editor buffers). */
  readFile?: (path: string) => string | undefined;
  /**
   * `kubectl edit`: receives the text kubectl would open in $EDITOR and returns the saved text, or undefined
   * when the editor was closed without saving.
   */
  editor?: (currentYaml: string) => string | undefined;
  /** The API server URL printed by `cluster-info` (kind publishes it on a random localhost port). */
  serverUrl?: string;
  /** Where `kubectl port-forward` registers localhost ports: the host keeps one per cluster (without it, one per run). */
  portForwards?: PortForwardRegistry;
  /**
   * The kubeconfig (`~/.kube/config`): the host keeps one per cluster, shared by all its terminals, so a
   * `kubectl config set-context` holds for every later command; without it each run reads what kind wrote.
   */
  kubeconfig?: KubeconfigFile;
}

/** Everything a verb sees while running. */
export interface CommandEnv {
  ctx: KubectlContext;
  cluster: Cluster;
  out: Output;
  /** `kubectl get`: used in usage errors. */
  path: string;
  flags: FlagValues;
  args: string[];
  /** Position of `--` in args, or -1. */
  argsLenAtDash: number;
  /** The namespace from -n, else the kubeconfig context's, else `default`. */
  namespace: string;
  /** Whether -n was given (kubectl's enforceNamespace: a context's namespace is a default, not a requirement). */
  explicitNamespace: boolean;
  /** The kubeconfig this run reads (and `kubectl config` changes). */
  kubeconfig: Kubeconfig;
  /** Prints an API server warning once per invocation (client-go's deduplicating warning writer). */
  warn(message: string): void;
}

export interface KubectlCommand {
  name: string;
  aliases?: readonly string[];
  /** One-line description, as in `kubectl --help`. */
  short: string;
  /** The usage line (cobra `Use`). */
  use: string;
  /** Extra words that suggest this command (`kubectl list` → get). */
  suggestFor?: readonly string[];
  flags: readonly FlagSpec[];
  /** cobra subcommands (`create deployment`), chosen by the first argument. */
  subcommands?: readonly KubectlCommand[];
  /** Flags that must be given (cobra MarkFlagRequired). */
  requiredFlags?: readonly string[];
  /**
   * Runs even when the kubeconfig leads to no server (a missing context, no cluster): `kubectl config`, which
   * works on the file alone, command groups that only print help, and `version`, which checks for itself.
   */
  clientOnly?: boolean;
  /** A real kubectl subcommand svcsim does not simulate: refused by name before its flags are read. */
  notSimulated?: boolean;
  /** Runs the verb; throws CommandError on failure; may return a stream for `--watch`. */
  run(env: CommandEnv): CommandRun;
}

/**
 * The contract between the main thread and the simulation worker, in one place. Commands go in with an id;
 * replies come back with the same id; cluster changes stream out as diffs, never as whole snapshots.
 */
import type { WireObject, WireKind } from './objects';
import type { Phrase } from '../shared/phrase';

/** Cluster settings the UI may choose when (re)building the cluster. */
export interface ClusterSettings {
  seed?: number;
  proxyMode?: 'iptables' | 'ipvs' | 'nftables' | 'userspace';
  nodePortRange?: string;
  workers?: number;
}

export type Command =
  | { type: 'init'; settings?: ClusterSettings; manifests?: string }
  | { type: 'apply'; yaml: string }
  | { type: 'delete'; kind: WireKind; namespace?: string; name: string; gracePeriodSeconds?: number }
  | { type: 'patch'; kind: WireKind; namespace?: string; name: string; patchType: 'merge' | 'strategic' | 'json'; patch: unknown }
  | { type: 'nodePower'; node: string; on: boolean }
  | { type: 'appHealth'; namespace: string; pod: string; check: 'ready' | 'healthy'; ok: boolean; container?: string }
  | { type: 'objectYaml'; kind: WireKind; namespace?: string; name: string }
  /** Which pods of a namespace a label selector (a Service's `spec.selector`) matches, by name. */
  | { type: 'selectorMatches'; namespace: string; selector: Record<string, string> }
  | { type: 'advance'; ms: number }
  /**
   * Advance to the next change the UI shows (an object of a mirrored kind is written), at most `maxMs` ahead;
   * the reply says how far time moved and whether anything changed.
   */
  | { type: 'step'; maxMs: number }
  /**
   * A command line typed into terminal `session` (kubectl, k, sleep). `stopAfterMs` replays a command that was
   * interrupted: it stops, as Ctrl+C stopped it, once that much virtual time has passed.
   */
  | { type: 'terminal'; session: string; line: string; stopAfterMs?: number }
  /** The prompt of the shell a terminal session's input goes to (a new or reloaded terminal asks before its first prompt). */
  | { type: 'terminalPrompt'; session: string }
  /** Ctrl+C: stop what runs in the foreground of a terminal session (a `sleep`, a wait, a watch). */
  | { type: 'interrupt'; session: string }
  /** The terminal tab was closed: what runs in its session stops, and a shell attached to it loses its input. */
  | { type: 'hangup'; session: string }
  /** The progress bar's Stop: interrupt the long-running command sent with envelope id `id`. */
  | { type: 'stop'; id: number }
  /** Test hook: the worker stops answering (an endless loop), as a runaway command would. */
  | { type: 'hang' }
  /** Tab completion candidates for a partial command line. */
  | { type: 'complete'; line: string }
  | { type: 'ping' }
  /**
   * The page has drawn the first `diffs` diff messages this worker sent (posted once the frame that applied them
   * is painted and the page is idle). Never answered: a long command's next slice waits while the page is
   * behind, so the page's rendering does not compete with the simulation for a core.
   */
  | { type: 'drawn'; diffs: number }
  /** The built-in scenarios, for the gallery. */
  | { type: 'scenarioCatalog' }
  /** Builds the scenario's cluster afresh and replays its actions up to step `step` (a built-in by name, or scenario text). */
  | { type: 'scenarioOpen'; source: { name: string } | { text: string }; step: number }
  /** Moves the open scenario to step `step`: forward runs the actions passed over, backward rebuilds and replays. */
  | { type: 'scenarioGoto'; step: number }
  /** "Run this step": the current step's action, once, then its checks. */
  | { type: 'scenarioRunStep' }
  /** The current step's checks, evaluated now (after the learner typed something). */
  | { type: 'scenarioCheck' }
  /** Each node's kube-proxy: the mode it runs, its last sync, and what 1.34 would say of its config. */
  | { type: 'proxyStatus' }
  /** One node's kube-proxy rules for a Service (all Services when none is named), in the node's mode. */
  | {
      type: 'nodeRules';
      node: string;
      namespace?: string;
      service?: string;
      /** Render the node's rules as kube-proxy would write them in this mode (the node itself is not changed). */
      mode?: 'iptables' | 'ipvs' | 'nftables' | 'userspace';
    }
  /**
   * Switches kube-proxy's mode as a kind user does: `mode:` in the kube-proxy ConfigMap, then a rollout restart
   * of the DaemonSet; each node changes as its new pod starts.
   */
  | { type: 'proxyMode'; mode: 'iptables' | 'ipvs' | 'nftables' | 'userspace' }
  /** `count` connections from a pod to `to` (a Service name or IP) through the data plane, counted per endpoint. */
  | { type: 'traffic'; namespace: string; pod: string; to: string; port: number; count: number; /** From your machine (the kind host) instead of the pod. */ host?: boolean }
  /** The localhost ports running `kubectl port-forward` commands hold, across every terminal. */
  | { type: 'localForwards' }
  /** An HTTP request from your machine to localhost:port (through its port-forward, if one holds it). */
  | { type: 'localHttp'; port: number; method: 'GET' | 'PUT' | 'POST'; path: string; body?: string; userAgent?: string }
  /** A DNS query from a pod through its resolv.conf, with every name the search list tried. */
  | { type: 'dnsQuery'; namespace: string; pod: string; name: string; qtype: string }
  /** "Export for a real cluster": the user's objects cleaned of server-set fields, and a matching kind config. */
  | { type: 'realCluster' }
  /** Each container's environment as its process got it (what `kubectl exec POD -- env` prints). */
  | { type: 'podEnv'; namespace: string; pod: string };

/** Commands that change the cluster: the bridge keeps a log of them to rebuild a restarted worker. */
export function isMutating(c: Command): boolean {
  return !['objectYaml', 'selectorMatches', 'ping', 'drawn', 'complete', 'stop', 'scenarioCatalog', 'scenarioCheck', 'proxyStatus', 'nodeRules', 'realCluster', 'localForwards', 'dnsQuery', 'podEnv', 'terminalPrompt'].includes(c.type);
}

/** How a logged command reads in a notice: the terminal line as typed, else the command's type. */
export function describeCommand(c: Command): string {
  switch (c.type) {
    case 'terminal':
      return c.line.trim();
    case 'advance':
      return `advance ${c.ms} ms`;
    case 'delete':
      return `delete ${c.kind.toLowerCase()} ${c.name}`;
    default:
      return c.type;
  }
}

/** A Command with its correlation id. */
export interface CommandEnvelope {
  id: number;
  command: Command;
}

/** One applied document: what kubectl would print for it, or the error. */
export interface ApplyItemResult {
  /** 0-based index of the YAML document. */
  document: number;
  /** `pod/alpaca-prod`, when the document named an object. */
  object?: string;
  result?: 'created' | 'configured' | 'unchanged';
  /** The apiserver's (or the parser's) message when the document failed. */
  error?: string;
  /** Who rejected the document: the YAML parser or the apiserver. */
  errorSource?: 'yaml' | 'apiserver';
  /** 1-based line of the problem in the editor text, when known. */
  line?: number;
  column?: number;
}

export type ReplyValue =
  | { kind: 'none' }
  | { kind: 'apply'; items: ApplyItemResult[] }
  | { kind: 'pong'; time: number }
  | { kind: 'text'; text: string }
  | { kind: 'names'; names: string[] }
  /** `prompt`: the prompt of the shell the terminal's next lines go to (`kubectl exec -it POD -- sh`); absent, the terminal's own. */
  | { kind: 'terminal'; output: TerminalChunk[]; exitCode: number; watching: boolean; editorText?: string; prompt?: string; continuation?: boolean }
  | { kind: 'prompt'; prompt?: string }
  | { kind: 'completions'; replaceFrom: number; items: string[] }
  /** A `step`: whether a shown object changed before `maxMs`, and how far virtual time moved. */
  | { kind: 'step'; changed: boolean; movedMs: number }
  | { kind: 'scenarioCatalog'; items: ScenarioCard[] }
  | { kind: 'scenario'; scenario: WireScenario; progress: ScenarioProgress }
  | { kind: 'scenarioProgress'; progress: ScenarioProgress }
  | { kind: 'proxyStatus'; nodes: WireProxyStatus[] }
  | { kind: 'rules'; node: string; mode: string; tool: string; lines: string[] }
  | { kind: 'traffic'; traffic: WireTraffic }
  | { kind: 'localForwards'; forwards: WireLocalForward[] }
  | { kind: 'http'; response: WireHttpResponse }
  | { kind: 'dns'; dns: WireDnsLookup }
  /** `kind.yaml` and `manifests.yaml` (with how many objects it holds). */
  | { kind: 'realCluster'; kindConfig: string; manifests: string; objects: number }
  | { kind: 'podEnv'; env: WirePodEnv };

/** One `kubectl port-forward` port on your machine. */
export interface WireLocalForward {
  localPort: number;
  namespace: string;
  pod: string;
  remotePort: number;
}

/** What an HTTP client on your machine got: a response, or curl's kind of failure. */
export type WireHttpResponse =
  | { ok: true; status: number; headers: Record<string, string>; body: string }
  | { ok: false; error: 'refused' | 'empty' | 'hang'; message: string };

/** A pod's DNS lookup as the engine ran it: the resolver settings, each name tried, the reply used. */
export interface WireDnsLookup {
  server: string;
  search: string[];
  ndots: number;
  tried: Array<{ name: string; rcode?: string; flags?: string; answer: string[]; authority: string[] }>;
  /** Index in `tried` of the reply the client uses; undefined when the server never answered. */
  used?: number;
}

/** Text per language (`en` always). */
export type WireLocalized = { en: string } & Record<string, string | undefined>;

/** A gallery card. */
export interface ScenarioCard {
  name: string;
  level: string;
  title: WireLocalized;
  description: WireLocalized;
  steps: number;
}

/** What the step bar shows of a scenario; actions are summarised as the lines a learner could type. */
export interface WireScenario extends ScenarioCard {
  /** The scenario's text (a share link or an export carries it when it is not a built-in). */
  text: string;
  builtin: boolean;
  stepList: Array<{ title: WireLocalized; narration: WireLocalized; focus: string[]; action?: { typed: string[]; summary: string }; checks: number }>;
}

/** Where the open scenario is: its step, which actions ran, the last action's transcript, the checks. */
export interface ScenarioProgress {
  step: number;
  ran: boolean[];
  transcript: string;
  /** Each check in English (as `svcsim run` prints it) and as phrases the UI words in the reader's language. */
  checks: Array<{ ok: boolean; expected: string; actual: string; phrases: { expected: Phrase; actual: Phrase } }>;
}

export interface WireProxyStatus {
  node: string;
  mode: string;
  /** Virtual ms of the last sync. */
  lastSyncAt?: number;
  syncs: number;
  /** Kubernetes 1.34's refusal of the node's config (the userspace mode). */
  configError?: string;
}

/** One step of a connection's trace, as the engine wrote it. */
export interface WireTraceStep {
  kind: string;
  text: string;
  /** The rule's chain (iptables/nftables), the resolver's question and answer: when the step has them. */
  chain?: string;
  mode?: string;
  name?: string;
  server?: string;
  answer?: string;
  /** The node the step happened on (the entry node's rules, the hop's far end, the answering pod's node). */
  node?: string;
  /** A hop's near end. */
  from?: string;
  /** `namespace/name` of the pod that answered (deliver). */
  pod?: string;
}

/** A pod's containers' environments, and the Services whose variables a container lacks (created after it started). */
export interface WirePodEnv {
  containers: { name: string; env?: string[] }[];
  /** Services of the pod's namespace with a ClusterIP whose `<NAME>_SERVICE_HOST` a running container does not have. */
  missingServices: string[];
}

export interface WireTraffic {
  sent: number;
  endpoints: { pod: string; endpoint: string; node: string; count: number }[];
  failed: Record<string, number>;
  node?: string;
  mode?: string;
  /** The first connection: its outcome, the pod that answered, and every step. */
  first?: { outcome: string; pod?: string; endpoint?: string; steps: WireTraceStep[]; client?: string; service?: string; destination?: string; port?: number };
}

/** Terminal output, stdout and stderr in the order they were written. */
export interface TerminalChunk {
  stream: 'stdout' | 'stderr';
  text: string;
}

/** Output of a terminal's foreground watch, pushed as the cluster changes. */
export interface TerminalStream {
  type: 'terminalStream';
  session: string;
  chunks: TerminalChunk[];
  /** The watch ended by itself (`logs -f` of a container that exited): the terminal's prompt comes back. */
  ended?: boolean;
}

export interface Reply {
  type: 'reply';
  id: number;
  ok: boolean;
  value?: ReplyValue;
  error?: string;
  /**
   * The command was interrupted (Ctrl+C, Stop) after moving virtual time this far: a replay stops it at the
   * same point (`terminal.stopAfterMs`, or an `advance` of this many ms), so it rebuilds what the user saw.
   */
  interruptedAfterMs?: number;
}

/** A long-running command's progress, sent between the slices it runs in. */
export interface WorkProgress {
  type: 'progress';
  /** Envelope id of the command. */
  id: number;
  /** What runs, as the user would name it (`sleep 1000000h`). */
  label: string;
  /** Share of the virtual time to cover that is done, 0..1. */
  fraction: number;
  /** Virtual time covered so far, ms. */
  doneMs: number;
}

/**
 * What changed in one kind since the previous diff, as record diffs: an update carries the value the main
 * thread held (`from`) beside the new one (`to`), so a consumer can tell exactly what moved without keeping
 * its own copy; a removal carries the last value sent.
 */
export interface KindChanges {
  added: WireObject[];
  updated: [from: WireObject, to: WireObject][];
  removed: WireObject[];
}

/** Changes per kind; a kind that did not change is absent. */
export type ClusterChanges = Partial<Record<WireKind, KindChanges>>;

/** What changed since the previous diff; objects are keyed as `Kind/namespace/name` (or `Kind/name`). */
export interface ClusterDiff {
  type: 'diff';
  /** Newest resourceVersion included. */
  resourceVersion: number;
  /** Virtual time, ms since the epoch. */
  time: number;
  /** True when this diff replaces everything (first diff after (re)initialisation): all objects are `added`. */
  reset: boolean;
  changes: ClusterChanges;
  log: WireLogEntry[];
}

export interface WireLogEntry {
  seq: number;
  time: number;
  component: string;
  object?: string;
  message: string;
}

export type WorkerMessage = Reply | ClusterDiff | TerminalStream | WorkProgress | { type: 'fatal'; error: string };

/** The commands a session log keeps (one list with share links: src/shared/loggedCommandTypes.ts). */
export { loggedCommandTypes } from '../shared/loggedCommandTypes';

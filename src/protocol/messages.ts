/**
 * The contract between the main thread and the simulation worker, in one place. Commands go in with an id;
 * replies come back with the same id; cluster changes stream out as diffs, never as whole snapshots.
 */
import type { WireObject, WireKind } from './objects';

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
  /** Advance to the next moment something is scheduled to happen (at most `maxMs`). */
  | { type: 'step'; maxMs: number }
  | { type: 'clock'; playing: boolean; speed: number }
  /** A command line typed into terminal `session` (kubectl, k, sleep). */
  | { type: 'terminal'; session: string; line: string }
  /** Ctrl+C: stop the foreground watch of a terminal session. */
  | { type: 'interrupt'; session: string }
  /** Tab completion candidates for a partial command line. */
  | { type: 'complete'; line: string }
  | { type: 'ping' };

/** Commands that change the cluster: the bridge keeps a log of them to rebuild a restarted worker. */
export function isMutating(c: Command): boolean {
  return !['objectYaml', 'selectorMatches', 'ping', 'clock', 'complete'].includes(c.type);
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
  | { kind: 'terminal'; output: TerminalChunk[]; exitCode: number; watching: boolean; editorText?: string }
  | { kind: 'completions'; replaceFrom: number; items: string[] };

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
}

export interface Reply {
  type: 'reply';
  id: number;
  ok: boolean;
  value?: ReplyValue;
  error?: string;
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

/**
 * Sent while one long command (a 10,000-document apply) is still running, so the heartbeat knows the worker
 * is working, not stuck. Carries nothing; the command's one reply follows.
 */
export interface WorkerBusy {
  type: 'busy';
}

export type WorkerMessage = Reply | ClusterDiff | TerminalStream | WorkerBusy | { type: 'fatal'; error: string };

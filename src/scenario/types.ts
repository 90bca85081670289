/**
 * The scenario format, `apiVersion: svcsim.dev/v1alpha1`, `kind: Scenario` (documented in docs/scenario-format.md).
 * A scenario is data: a cluster, the manifests it starts with, and ordered steps (narration, an optional action,
 * optional focus, optional checks). These are the types after validation; `parseScenario` builds them from YAML.
 */
import type { ClusterConfig } from '../engine';

export const scenarioApiVersion = 'svcsim.dev/v1alpha1';
export const scenarioKind = 'Scenario';

/** The languages every built-in scenario is written in; `en` is required, the others fall back to it. */
export const scenarioLanguages = ['en', 'zh-TW'] as const;
export type ScenarioLanguage = (typeof scenarioLanguages)[number];

/** Text per language: `en` always, `zh-TW` when translated. */
export type Localized = { en: string } & Partial<Record<ScenarioLanguage, string>>;

export type ScenarioLevel = 'beginner' | 'intermediate' | 'advanced';

/** What a step does, exactly one of these. */
export type ScenarioAction =
  /** Shell lines as typed in a terminal: `kubectl …`, `sleep 5s`, a watch in the background (`… -w &`), `kill %1`. */
  | { type: 'run'; lines: string[] }
  /** `kubectl apply` of these manifests. */
  | { type: 'apply'; manifests: string }
  /** Let virtual time pass. */
  | { type: 'advance'; ms: number }
  /** The Inspector's readiness switch: kuard's `/ready` answers 200 (ready) or 500. */
  | { type: 'setReady'; pod: string; namespace: string; ready: boolean }
  /** The Inspector's label chips: set (a string) or remove (null) labels on a pod. */
  | { type: 'relabel'; pod: string; namespace: string; labels: Record<string, string | null> }
  /** `kubectl edit` with the text change a learner would make in the editor. */
  | { type: 'edit'; command: string; from: string; to: string };

/** An assertion on the cluster's state, evaluated after the step's action. */
export type ScenarioCheck =
  /** The Endpoints of a Service: how many addresses are ready (and not ready). */
  | { type: 'endpoints'; service: string; namespace: string; ready?: number; notReady?: number }
  /** A pod by name: its phase and/or Ready condition; `exists: false` asserts it is gone. */
  | { type: 'pod'; name: string; namespace: string; phase?: string; ready?: boolean; exists?: boolean }
  /** Pods matching a label selector: how many, and how many Ready. */
  | { type: 'pods'; selector: string; namespace: string; count?: number; ready?: number }
  /** A Service: its type, whether it has a cluster IP, a node port, an external IP. */
  | { type: 'service'; name: string; namespace: string; serviceType?: string; clusterIP?: 'None' | 'set'; nodePort?: boolean; exists?: boolean }
  /**
   * What a command (kubectl, or `docker exec` on a node) prints, stdout and stderr, contains or does not contain,
   * and how many times a text occurs in it (`count: {"has address": 3}`: three A records).
   */
  | { type: 'output'; command: string; contains: string[]; notContains: string[]; count?: Record<string, number> }
  /**
   * The connections the last `svcsim load` / `svcsim trace` of the scenario sent: how every one ended, how many
   * different pods answered, whether the answering pod saw the client's own address (`kept`) or a node's (SNAT).
   */
  | { type: 'traffic'; outcome?: TrafficOutcome; pods?: number; clientIP?: 'kept' | 'replaced' }
  /** The mode kube-proxy runs in on every node, or on one node. */
  | { type: 'proxyMode'; mode: string; node?: string };

/** How a connection ended (`connected`: an app answered; `timeout`: dropped, as curl sees a drop). */
export const trafficOutcomes = ['connected', 'refused', 'timeout', 'no-route'] as const;
export type TrafficOutcome = (typeof trafficOutcomes)[number];

export interface ScenarioStep {
  title: Localized;
  /** Markdown; rendered as text, never as HTML. */
  narration: Localized;
  action?: ScenarioAction;
  /** Objects (`pod/alpaca-prod`, `service/alpaca-prod`) or panels (`panel:endpoints`) to highlight. */
  focus: string[];
  checks: ScenarioCheck[];
}

export interface Scenario {
  name: string;
  level: ScenarioLevel;
  title: Localized;
  description: Localized;
  cluster: Partial<ClusterConfig>;
  /** Multi-document YAML applied (as the playground's init does) before the first step. */
  manifests: string;
  /** Virtual time that passes after the manifests, so the scenario starts from a settled cluster. */
  warmUpMs: number;
  steps: ScenarioStep[];
}

/** A validation problem at a 1-based line and column of the scenario text. */
export interface ScenarioError {
  line: number;
  column: number;
  /** Where in the document, as a dotted path (`steps[2].checks[0].endpoints.ready`). */
  path: string;
  message: string;
}

/** Picks the text for a language, falling back to English. */
export function localize(text: Localized, lang: ScenarioLanguage | string): string {
  return (text as Record<string, string | undefined>)[lang] ?? text.en;
}

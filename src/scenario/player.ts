/**
 * Playing a scenario. The player's state is small data — which step is current and which steps' actions have run
 * — and moving between steps is planned by pure functions: forward runs the actions passed over; backward rebuilds
 * a fresh cluster and replays the actions before the target step. Determinism (same seed + same actions → same
 * cluster, names and IPs) makes the replayed state exactly the earlier one. Commands a learner typed themselves
 * are not part of a scenario's state: going back gives the state the scenario defines for that step.
 */
import { Cluster, kindFromManifest } from '../engine';
import { parseManifests } from '../kubectl/manifests';
import { ScenarioShell, type ShellOutcome } from './scenarioShell';
import { type CheckResult, evaluateCheck } from './stepChecks';
import type { Scenario, ScenarioAction } from './types';

export interface PlayerState {
  /** Index of the current step. */
  step: number;
  /** Whether the action of step i has run (in this cluster). */
  ran: boolean[];
}

export function initialPlayerState(scenario: Scenario): PlayerState {
  return { step: 0, ran: scenario.steps.map(() => false) };
}

/** How to get from one state to another: rebuild or not, then the actions to run, in order. */
export interface PlayerPlan {
  rebuild: boolean;
  run: number[];
  next: PlayerState;
}

/**
 * Going to step `target`: forward, the actions of the steps passed over (the current one included) that have
 * not run; backward (or to the same step after its action ran), a fresh cluster with the actions of the steps
 * before `target` replayed.
 */
export function planGoto(scenario: Scenario, state: PlayerState, target: number): PlayerPlan {
  const to = Math.max(0, Math.min(scenario.steps.length - 1, target));
  const withAction = (i: number) => scenario.steps[i].action !== undefined;
  if (to > state.step) {
    const run: number[] = [];
    for (let i = state.step; i < to; i++) if (!state.ran[i] && withAction(i)) run.push(i);
    const ran = state.ran.map((r, i) => r || (i >= state.step && i < to));
    return { rebuild: false, run, next: { step: to, ran } };
  }
  if (to === state.step && !state.ran[to]) return { rebuild: false, run: [], next: state };
  const run: number[] = [];
  for (let i = 0; i < to; i++) if (withAction(i)) run.push(i);
  return { rebuild: true, run, next: { step: to, ran: scenario.steps.map((_, i) => i < to) } };
}

/** "Run this step": its action, once. */
export function planRunStep(scenario: Scenario, state: PlayerState): PlayerPlan {
  if (state.ran[state.step] || !scenario.steps[state.step]?.action) return { rebuild: false, run: [], next: { ...state, ran: state.ran.map((r, i) => r || i === state.step) } };
  return { rebuild: false, run: [state.step], next: { ...state, ran: state.ran.map((r, i) => r || i === state.step) } };
}

/** One scenario's cluster and shell: built from the scenario, driven by actions, asked by checks. */
export class ScenarioRun {
  readonly shell: ScenarioShell;
  /** Documents of the scenario's manifests that the cluster refused, as `document N: message`. */
  readonly setupErrors: string[] = [];

  constructor(
    readonly scenario: Scenario,
    readonly cluster: Cluster = new Cluster(scenario.cluster),
  ) {
    this.shell = new ScenarioShell(this.cluster);
    this.setUp();
  }

  /** The scenario's starting state: its manifests applied as the playground's init applies them, then its warm-up. */
  private setUp(): void {
    if (this.scenario.manifests.trim()) {
      for (const doc of parseManifests(this.scenario.manifests)) {
        const obj = doc.object;
        const kind = obj ? kindFromManifest(obj.apiVersion as string | undefined, obj.kind as string | undefined) : undefined;
        if (doc.error || !obj || !kind) {
          this.setupErrors.push(`document ${doc.index}: ${doc.error?.message ?? 'unknown kind'}`);
          continue;
        }
        const r = this.cluster.apply(kind, obj as never);
        if (!r.ok) this.setupErrors.push(`document ${doc.index}: ${r.status.message}`);
      }
    }
    if (this.scenario.warmUpMs > 0) this.cluster.advance(this.scenario.warmUpMs);
  }

  /** Runs the action of step `index`; the transcript reads like a terminal's. */
  runAction(index: number): ShellOutcome {
    const action = this.scenario.steps[index]?.action;
    if (!action) return { transcript: '', exitCode: 0 };
    return runAction(this, action);
  }

  /** The checks of step `index`, evaluated now. */
  check(index: number): CheckResult[] {
    return (this.scenario.steps[index]?.checks ?? []).map((c) => evaluateCheck(this.cluster, c, this.shell.lastTraffic));
  }

  close(): void {
    this.shell.close();
  }
}

function runAction(run: ScenarioRun, action: ScenarioAction): ShellOutcome {
  const { cluster, shell } = run;
  switch (action.type) {
    case 'run': {
      let transcript = '';
      let exitCode = 0;
      for (const line of action.lines) {
        const r = shell.run(line);
        transcript += r.transcript;
        exitCode = r.exitCode;
      }
      return { transcript, exitCode };
    }
    case 'apply':
      return shell.run('kubectl apply -f step.yaml', { readFile: (p) => (p === 'step.yaml' ? action.manifests : undefined) });
    case 'edit':
      return shell.run(action.command, { editor: (text) => text.split(action.from).join(action.to) });
    case 'advance':
      cluster.advance(action.ms);
      return { transcript: `# ${action.ms / 1000}s of virtual time pass\n${shell.take()}`, exitCode: 0 };
    case 'setReady': {
      const done = cluster.simulation.setAppHealth(action.namespace, action.pod, 'ready', action.ready);
      cluster.drain();
      const head = `# pod ${action.pod}: /ready answers ${action.ready ? '200 (ready)' : '500 (not ready)'}\n`;
      return done ? { transcript: head + shell.take(), exitCode: 0 } : { transcript: `${head}# pod "${action.pod}" has no application that serves /ready\n`, exitCode: 1 };
    }
    case 'relabel': {
      const r = cluster.patch('Pod', action.namespace, action.pod, 'merge', { metadata: { labels: action.labels } });
      const change = Object.entries(action.labels)
        .map(([k, v]) => (v === null ? `${k}-` : `${k}=${v}`))
        .join(' ');
      const head = `# pod ${action.pod}: labels ${change}\n`;
      return r.ok ? { transcript: head + shell.take(), exitCode: 0 } : { transcript: `${head}# ${r.status.message}\n`, exitCode: 1 };
    }
  }
}

/** A fresh cluster in the state of the start of step `index` (the actions of the steps before it replayed). */
export function replayTo(scenario: Scenario, index: number, cluster?: Cluster): ScenarioRun {
  const run = new ScenarioRun(scenario, cluster);
  for (const i of planGoto(scenario, initialPlayerState(scenario), index).run) run.runAction(i);
  return run;
}

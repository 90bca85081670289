/**
 * The worker's side of scenarios: opening one (a fresh cluster built from the scenario), moving between steps
 * with the player's plans, running a step's action and evaluating its checks. The same ScenarioRun as
 * `svcsim run`, so the browser's ✓/✗ are the headless runner's.
 */
import type { Cluster } from '../engine';
import { builtinScenarios, builtinScenarioText } from '../scenario/library';
import { parseScenario } from '../scenario/parseScenario';
import { initialPlayerState, type PlayerPlan, type PlayerState, planGoto, planRunStep, ScenarioRun } from '../scenario/player';
import type { Scenario, ScenarioAction } from '../scenario/types';
import type { ScenarioCard, ScenarioProgress, WireScenario } from '../protocol/messages';

import { ScenarioCommandError } from './scenarioCommandError';

export { ScenarioCommandError };

/** The gallery's cards, in library order. */
export function scenarioCatalog(): ScenarioCard[] {
  return builtinScenarios.flatMap(({ text }) => {
    const r = parseScenario(text);
    return r.ok ? [card(r.scenario)] : [];
  });
}

function card(s: Scenario): ScenarioCard {
  return { name: s.name, level: s.level, title: s.title, description: s.description, steps: s.steps.length };
}

/** The lines a learner can type for an action, and a one-line summary of it. */
function actionView(a: ScenarioAction): { typed: string[]; summary: string } {
  switch (a.type) {
    case 'run':
      return { typed: a.lines, summary: a.lines.join('\n') };
    case 'apply':
      return { typed: [], summary: `kubectl apply -f - <<EOF\n${a.manifests}EOF` };
    case 'edit':
      return { typed: [], summary: `${a.command}   # ${a.from} → ${a.to}` };
    case 'advance':
      return { typed: [], summary: `+${a.ms / 1000}s (clock)` };
    case 'setReady':
      return { typed: [], summary: `pod ${a.pod}: /ready ${a.ready ? 'on' : 'off'} (Inspector)` };
    case 'relabel':
      return { typed: [], summary: `kubectl label pod ${a.pod} ${Object.entries(a.labels).map(([k, v]) => (v === null ? `${k}-` : `${k}=${v}`)).join(' ')} --overwrite` };
  }
}

function wire(s: Scenario, text: string, builtin: boolean): WireScenario {
  return {
    ...card(s),
    text,
    builtin,
    stepList: s.steps.map((st) => ({ title: st.title, narration: st.narration, focus: st.focus, checks: st.checks.length, ...(st.action ? { action: actionView(st.action) } : {}) })),
  };
}

export class ScenarioCommands {
  private run: ScenarioRun | undefined;
  private state: PlayerState | undefined;
  private wired: WireScenario | undefined;
  /** Whether the current step's checks already held when the step was reached (then passing proves nothing). */
  private heldOnArrival = false;

  /** `adopt` makes a new cluster the host's (diffs reset, terminals stopped) before the scenario sets it up. */
  constructor(
    private readonly adopt: (cluster: Cluster) => void,
    private readonly makeCluster: (scenario: Scenario) => Cluster,
  ) {}

  /** The cluster was replaced by something else (init): the scenario is closed. */
  forget(): void {
    this.run?.close();
    this.run = undefined;
    this.wired = undefined;
    this.state = undefined;
  }

  open(source: { name: string } | { text: string }, step: number): { scenario: WireScenario; progress: ScenarioProgress } {
    const text = 'name' in source ? builtinScenarioText(source.name) : source.text;
    if (text === undefined) throw new ScenarioCommandError(`there is no built-in scenario "${(source as { name: string }).name}"`);
    const parsed = parseScenario(text);
    if (!parsed.ok) {
      const e = parsed.errors[0];
      throw new ScenarioCommandError(`the scenario is not valid: line ${e.line}, column ${e.column}: ${e.path ? `${e.path}: ` : ''}${e.message}`);
    }
    const scenario = parsed.scenario;
    const plan = planGoto(scenario, initialPlayerState(scenario), step);
    const transcript = this.rebuild(scenario, plan);
    this.wired = wire(scenario, text, 'name' in source);
    this.arrived();
    return { scenario: this.wired, progress: this.progress(transcript) };
  }

  goto(step: number): ScenarioProgress {
    const { run, state } = this.current();
    const plan = planGoto(run.scenario, state, step);
    const transcript = plan.rebuild ? this.rebuild(run.scenario, plan) : this.execute(plan);
    this.arrived();
    return this.progress(transcript);
  }

  runStep(): ScenarioProgress {
    const { run, state } = this.current();
    return this.progress(this.execute(planRunStep(run.scenario, state)));
  }

  /** The open scenario and its checks now; undefined when none is open (not an error: the UI asks after a reload). */
  check(): { scenario: WireScenario; progress: ScenarioProgress } | undefined {
    if (!this.run || !this.wired || !this.state) return undefined;
    const { step, ran } = this.state;
    const checks = this.run.check(step);
    // the learner typed the step themselves: once its checks hold (and did not on arrival), the step is done,
    // so "Next" does not run its action a second time
    if (!ran[step] && checks.length > 0 && !this.heldOnArrival && checks.every((c) => c.ok)) {
      this.state = { step, ran: ran.map((r, i) => r || i === step) };
    }
    return { scenario: this.wired, progress: this.progress('') };
  }

  private current(): { run: ScenarioRun; state: PlayerState } {
    if (!this.run || !this.state) throw new ScenarioCommandError('no scenario is open');
    return { run: this.run, state: this.state };
  }

  private rebuild(scenario: Scenario, plan: PlayerPlan): string {
    this.run?.close();
    const cluster = this.makeCluster(scenario);
    this.adopt(cluster);
    this.run = new ScenarioRun(scenario, cluster);
    this.state = initialPlayerState(scenario);
    const errors = this.run.setupErrors.map((e) => `# the scenario's manifests: ${e}\n`).join('');
    return errors + this.execute(plan);
  }

  private execute(plan: PlayerPlan): string {
    const run = this.run as ScenarioRun;
    let transcript = '';
    for (const i of plan.run) transcript += run.runAction(i).transcript;
    this.state = plan.next;
    return transcript;
  }

  private progress(transcript: string): ScenarioProgress {
    const { run, state } = this.current();
    return { step: state.step, ran: state.ran, transcript, checks: run.check(state.step) };
  }

  /** After moving to a step: note whether its checks hold before anything is done. */
  private arrived(): void {
    const { run, state } = this.current();
    const checks = run.check(state.step);
    this.heldOnArrival = checks.length > 0 && checks.every((c) => c.ok);
  }
}

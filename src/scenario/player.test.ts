import { describe, expect, it } from 'vitest';
import { runKubectl } from '../kubectl/kubectl';
import { builtinScenarioText } from './library';
import { parseScenario } from './parseScenario';
import { initialPlayerState, planGoto, planRunStep, replayTo, ScenarioRun } from './player';
import type { Scenario } from './types';

function load(name: string): Scenario {
  const r = parseScenario(builtinScenarioText(name) ?? '');
  if (!r.ok) throw new Error(JSON.stringify(r.errors));
  return r.scenario;
}

const snapshot = (run: ScenarioRun) =>
  runKubectl({ cluster: run.cluster }, ['get', 'pods,services,endpoints', '-o', 'wide']).output.map((c) => c.text).join('');

describe('planGoto', () => {
  const scenario = load('alpaca-prod');

  it('runs the actions passed over when going forward, without rebuilding', () => {
    const plan = planGoto(scenario, initialPlayerState(scenario), 3);
    expect(plan.rebuild).toBe(false);
    expect(plan.run).toEqual([0, 1, 2]);
    expect(plan.next.step).toBe(3);
    expect(plan.next.ran.slice(0, 4)).toEqual([true, true, true, false]);
  });

  it('skips actions that already ran, and steps without an action', () => {
    const ran = planRunStep(scenario, initialPlayerState(scenario)).next;
    expect(planGoto(scenario, ran, 6).run).toEqual([1, 2, 3, 5]);
  });

  it('rebuilds and replays the actions before the target when going back', () => {
    const at6 = planGoto(scenario, initialPlayerState(scenario), 6).next;
    const back = planGoto(scenario, at6, 2);
    expect(back.rebuild).toBe(true);
    expect(back.run).toEqual([0, 1]);
    expect(back.next).toEqual({ step: 2, ran: scenario.steps.map((_, i) => i < 2) });
  });

  it('clamps the target to the scenario', () => {
    expect(planGoto(scenario, initialPlayerState(scenario), 99).next.step).toBe(scenario.steps.length - 1);
  });
});

describe('replay', () => {
  it('going back rebuilds exactly the state the cluster had at that step (names, IPs, ages)', () => {
    const scenario = load('alpaca-prod');
    const forward = new ScenarioRun(scenario);
    for (let i = 0; i < 6; i++) forward.runAction(i);
    const before = snapshot(forward);
    const timeBefore = forward.cluster.now();
    forward.runAction(6);
    forward.runAction(7);
    expect(snapshot(forward)).not.toBe(before);
    const replayed = replayTo(scenario, 6);
    expect(snapshot(replayed)).toBe(before);
    expect(replayed.cluster.now()).toBe(timeBefore);
    expect(before).toMatch(/alpaca-prod\s+1\/1\s+Running/);
  });

  it('runs a step action once: a second "run this step" plans nothing', () => {
    const scenario = load('alpaca-prod');
    const once = planRunStep(scenario, initialPlayerState(scenario));
    expect(once.run).toEqual([0]);
    expect(planRunStep(scenario, once.next).run).toEqual([]);
  });
});

describe('actions', () => {
  it('relabels a pod out of its Service and back, as the Inspector chips do', () => {
    const r = parseScenario(`apiVersion: svcsim.dev/v1alpha1
kind: Scenario
metadata: {name: relabel}
title: Relabel
manifests: |
  apiVersion: v1
  kind: Pod
  metadata: {name: web, labels: {app: web}}
  spec:
    containers: [{name: nginx, image: "nginx:1.27"}]
  ---
  apiVersion: v1
  kind: Service
  metadata: {name: web}
  spec:
    selector: {app: web}
    ports: [{port: 80}]
warmUp: 15s
steps:
  - title: Take it out
    action:
      relabel: {pod: web, labels: {app: null, debug: "true"}}
    checks:
      - endpoints: {service: web, ready: 0}
  - title: Put it back
    action:
      relabel: {pod: web, labels: {app: web}}
    checks:
      - endpoints: {service: web, ready: 1}
      - output: {command: kubectl get pod web --show-labels, contains: "app=web,debug=true"}
`);
    if (!r.ok) throw new Error(JSON.stringify(r.errors));
    const run = new ScenarioRun(r.scenario);
    expect(run.setupErrors).toEqual([]);
    expect(run.runAction(0)).toEqual({ transcript: '# pod web: labels app- debug=true\n', exitCode: 0 });
    expect(run.check(0).map((c) => c.ok)).toEqual([true]);
    run.runAction(1);
    expect(run.check(1).map(({ ok, expected, actual }) => ({ ok, expected, actual }))).toEqual([
      { ok: true, expected: 'endpoints web: 1 ready', actual: '1 ready, 0 not ready' },
      { ok: true, expected: '`kubectl get pod web --show-labels` prints "app=web,debug=true"', actual: 'as expected' },
    ]);
  });

  it('reports a failing action and a manifest the cluster refused', () => {
    const r = parseScenario(`apiVersion: svcsim.dev/v1alpha1
kind: Scenario
metadata: {name: broken}
title: Broken
manifests: |
  apiVersion: v1
  kind: Service
  metadata: {name: Bad_Name}
  spec: {ports: [{port: 80}]}
steps:
  - title: Ready a pod that is not there
    action:
      setReady: {pod: ghost, ready: false}
`);
    if (!r.ok) throw new Error(JSON.stringify(r.errors));
    const run = new ScenarioRun(r.scenario);
    expect(run.setupErrors).toHaveLength(1);
    expect(run.setupErrors[0]).toMatch(/^document 0: Service "Bad_Name" is invalid/);
    expect(run.runAction(0)).toEqual({ transcript: '# pod ghost: /ready answers 500 (not ready)\n# pod "ghost" has no application that serves /ready\n', exitCode: 1 });
  });
});

/**
 * The worker's logic without the worker: one cluster, the commands it answers, and the diffs it emits.
 * Kept free of `self`/`postMessage` so it runs (and is tested) in Node exactly as in the browser.
 */
import { advanceRefusal, Cluster, type Kind } from '../engine';
import { selectorFromSet } from '../engine/store/labelSelector';
import type { ClusterDiff, ClusterSettings, Command, Reply, ReplyValue } from '../protocol/messages';
import { DiffBuffer } from './diffBuffer';
import { kindConfig } from './settings';
import { objectYaml } from './objectYaml';
import { applyManifests } from './manifestApply';
import { statusText } from './statusText';
import type { StreamSink, TerminalSessions } from './terminalSessions';
import type { TerminalParts } from './terminalParts';
import { type RunningCommand, advanceCommand, stepCommand } from './runningCommand';
import type { WireObject } from '../protocol/objects';
import { serviceNameLabel } from './wireView';
import { ScenarioCommandError } from './scenarioCommandError';
import type { ScenarioCommands } from './scenarioCommands';
import { serviceRules } from '../engine/net/serviceRules';
import { serviceRulesInMode } from '../engine/net/serviceRulesInMode';
import { proxyStatus, trafficReply } from './dataPlaneReplies';
import { podEnvReply } from './podEnvReply';
import { setKubeProxyMode } from '../engine/kubeSystem/kubeProxyMode';
import { dnsQuery, localForwards, localHttp } from './localhostReplies';

/** Kinds the UI mirrors (Events stay in the worker; the log carries what the UI shows of them). */
const mirroredKinds = new Set<Kind>(['Namespace', 'Node', 'Pod', 'Deployment', 'ReplicaSet', 'StatefulSet', 'Service', 'Endpoints', 'EndpointSlice']);

export class ClusterHost {
  private cluster!: Cluster;
  private buffer = new DiffBuffer({
    slicesOfService: (namespace, service) =>
      this.cluster.store.list('EndpointSlice', namespace).filter((s) => s.metadata?.labels?.[serviceNameLabel] === service) as unknown as WireObject[],
  });
  private unsubscribe: Array<() => void> = [];
  private lastTime = 0;

  /** kubectl's side (src/worker/terminalParts.ts): given at construction, or installed once loaded. */
  private terminals?: TerminalSessions;
  private completeLine?: TerminalParts['complete'];
  /** Scenarios play through the shell, so they come with kubectl's side. */
  private scenarios?: ScenarioCommands;
  private catalog?: TerminalParts['scenarioCatalog'];
  private realCluster?: TerminalParts['realCluster'];

  constructor(
    settings: ClusterSettings = {},
    private readonly onStream: StreamSink = () => {},
    parts?: TerminalParts,
  ) {
    if (parts) this.installTerminalParts(parts);
    this.build(settings);
  }

  /** Installs kubectl's side; the worker entry loads it after the first graph (it is a third of the worker's code). */
  installTerminalParts(parts: TerminalParts): void {
    if (this.terminals) return;
    this.terminals = new parts.sessions(() => this.cluster, this.onStream);
    this.completeLine = parts.complete;
    this.scenarios = new parts.scenarios(
      (cluster) => this.adopt(cluster),
      (scenario) => new Cluster(scenario.cluster),
    );
    this.catalog = parts.scenarioCatalog;
    this.realCluster = parts.realCluster;
  }

  /** True when `command` needs kubectl's side and it is not installed yet. */
  needsTerminalParts(command: Command): boolean {
    return !this.terminals && (command.type === 'terminal' || command.type === 'interrupt' || command.type === 'hangup' || command.type === 'complete' || command.type.startsWith('scenario') || command.type === 'realCluster');
  }

  private kubectlSide(): { terminals: TerminalSessions; complete: TerminalParts['complete'] } {
    if (!this.terminals || !this.completeLine) throw new UserError('kubectl is not loaded in this worker yet');
    return { terminals: this.terminals, complete: this.completeLine };
  }

  private scenarioSide(): { scenarios: ScenarioCommands; catalog: TerminalParts['scenarioCatalog'] } {
    if (!this.scenarios || !this.catalog) throw new UserError('scenarios are not loaded in this worker yet');
    return { scenarios: this.scenarios, catalog: this.catalog };
  }

  get current(): Cluster {
    return this.cluster;
  }

  /** Answers one command, long work included, in one go. Never throws for bad input: errors come back in the reply. */
  handle(id: number, command: Command): Reply {
    const r = this.begin(id, command);
    if (r.type === 'reply') return r;
    return this.finish(id, r.running, Number.POSITIVE_INFINITY);
  }

  /**
   * Starts one command: short ones are answered at once; long ones (time moving far) come back as a running
   * command for the caller to work on in slices and then {@link finish}.
   */
  begin(id: number, command: Command): Reply | { type: 'running'; running: RunningCommand } {
    try {
      const value = this.run(command);
      if ('slice' in value) return { type: 'running', running: value };
      return { type: 'reply', id, ok: true, value };
    } catch (err) {
      return errorReply(id, err);
    }
  }

  /** Works on a running command for at most `maxSteps` steps; the reply once it has finished, else undefined. */
  step(id: number, running: RunningCommand, maxSteps: number): Reply | undefined {
    try {
      if (!running.slice(maxSteps)) return undefined;
      const { value, interruptedAfterMs } = running.outcome();
      return { type: 'reply', id, ok: true, value, ...(interruptedAfterMs !== undefined ? { interruptedAfterMs } : {}) };
    } catch (err) {
      return errorReply(id, err);
    }
  }

  /** Works on a running command until it finishes. */
  finish(id: number, running: RunningCommand, maxSteps: number): Reply {
    for (;;) {
      const r = this.step(id, running, maxSteps);
      if (r) return r;
    }
  }

  /** Everything that changed since the last call, or undefined when nothing did. */
  takeDiff(): ClusterDiff | undefined {
    const now = this.cluster.now();
    // Time moving is news even when no object changed: the UI's clock and AGE columns follow it.
    if (this.buffer.isEmpty() && now === this.lastTime) return undefined;
    this.lastTime = now;
    return this.buffer.flush(now);
  }

  private run(command: Command): ReplyValue | RunningCommand {
    switch (command.type) {
      case 'init':
        this.scenarios?.forget();
        this.build(command.settings ?? {});
        if (command.manifests) return applyManifests(this.cluster, command.manifests);
        return { kind: 'none' };
      case 'apply':
        return applyManifests(this.cluster, command.yaml);
      case 'delete': {
        const r = this.cluster.delete(command.kind, command.namespace, command.name, {
          gracePeriodSeconds: command.gracePeriodSeconds,
        });
        if (!r.ok) throw new UserError(r.status.message);
        return { kind: 'none' };
      }
      case 'patch': {
        const r = this.cluster.patch(command.kind, command.namespace, command.name, command.patchType, command.patch);
        if (!r.ok) throw new UserError(statusText(r.status));
        return { kind: 'none' };
      }
      case 'nodePower': {
        const done = command.on ? this.cluster.simulation.startNode(command.node) : this.cluster.simulation.stopNode(command.node);
        this.cluster.drain();
        if (!done) throw new UserError(`node "${command.node}" cannot be powered ${command.on ? 'on' : 'off'}`);
        return { kind: 'none' };
      }
      case 'appHealth': {
        const done = this.cluster.simulation.setAppHealth(command.namespace, command.pod, command.check, command.ok, command.container);
        this.cluster.drain();
        if (!done) throw new UserError(`pod "${command.pod}" has no application that serves /${command.check}`);
        return { kind: 'none' };
      }
      case 'objectYaml': {
        const r = this.cluster.get(command.kind, command.namespace, command.name);
        if (!r.ok) throw new UserError(statusText(r.status));
        return { kind: 'text', text: objectYaml(r.value) };
      }
      case 'advance': {
        const refused = advanceRefusal(this.cluster.now(), command.ms, `advancing ${command.ms} ms`);
        if (refused) throw new UserError(refused);
        return advanceCommand(this.cluster, `advance ${command.ms} ms`, Math.max(0, command.ms));
      }
      case 'selectorMatches': {
        const sel = selectorFromSet(command.selector);
        const names = this.cluster.store
          .list('Pod', command.namespace)
          .filter((p) => !sel.empty && sel.matches(p.metadata?.labels))
          .map((p) => p.metadata?.name ?? '');
        return { kind: 'names', names };
      }
      case 'step': {
        const refused = advanceRefusal(this.cluster.now(), command.maxMs, `stepping up to ${command.maxMs} ms`);
        if (refused) throw new UserError(refused);
        // "visible" means what the UI is sent: a write to an object of a mirrored kind
        return stepCommand(this.cluster, mirroredKinds, Math.max(0, command.maxMs));
      }
      case 'drawn':
        // the command loop takes the page's acknowledgements; one that reaches here changes nothing
        return { kind: 'none' };
      case 'stop':
        // the command loop stops the running command; nothing else is running when one reaches here
        return { kind: 'none' };
      case 'hang':
        throw new UserError('hang: only the worker entry runs this test hook');
      case 'terminal': {
        const r = this.kubectlSide().terminals.run(command.session, command.line, command.stopAfterMs);
        if ('slice' in r) return r;
        return {
          kind: 'terminal',
          output: r.output,
          exitCode: r.exitCode,
          watching: r.watching,
          ...(r.editorText !== undefined ? { editorText: r.editorText } : {}),
          ...(r.prompt !== undefined ? { prompt: r.prompt } : {}),
          ...(r.continuation ? { continuation: true } : {}),
        };
      }
      case 'terminalPrompt': {
        const prompt = this.kubectlSide().terminals.prompt(command.session);
        return prompt === undefined ? { kind: 'prompt' } : { kind: 'prompt', prompt };
      }
      case 'interrupt':
        this.kubectlSide().terminals.interrupt(command.session);
        return { kind: 'none' };
      case 'hangup':
        this.kubectlSide().terminals.hangup(command.session);
        return { kind: 'none' };
      case 'complete': {
        const side = this.kubectlSide();
        // names in the namespace of the terminals' kubeconfig, as kubectl's own completion reads it
        const c = side.complete(this.cluster, command.line, side.terminals.kubeconfig());
        return { kind: 'completions', replaceFrom: c.replaceFrom, items: c.items };
      }
      case 'ping':
        return { kind: 'pong', time: this.cluster.now() };
      case 'scenarioCatalog':
        return { kind: 'scenarioCatalog', items: this.scenarioSide().catalog() };
      case 'scenarioOpen':
        return { kind: 'scenario', ...this.scenarioSide().scenarios.open(command.source, command.step) };
      case 'scenarioGoto':
        return { kind: 'scenarioProgress', progress: this.scenarioSide().scenarios.goto(command.step) };
      case 'scenarioRunStep':
        return { kind: 'scenarioProgress', progress: this.scenarioSide().scenarios.runStep() };
      case 'scenarioCheck': {
        const open = this.scenarioSide().scenarios.check();
        return open ? { kind: 'scenario', ...open } : { kind: 'none' };
      }
      case 'proxyStatus':
        return proxyStatus(this.cluster);
      case 'realCluster': {
        if (!this.realCluster) throw new UserError('kubectl is not loaded in this worker yet');
        return { kind: 'realCluster', ...this.realCluster(this.cluster) };
      }
      case 'nodeRules': {
        const r = command.mode
          ? serviceRulesInMode(this.cluster, command.node, command.mode, command.namespace, command.service)
          : serviceRules(this.cluster, command.node, command.namespace, command.service);
        if (!r) throw new UserError(`no kube-proxy runs on node "${command.node}"`);
        return { kind: 'rules', ...r };
      }
      case 'traffic':
        return trafficReply(this.cluster, command);
      case 'podEnv': {
        const r = podEnvReply(this.cluster, command.namespace, command.pod);
        if (!r) throw new UserError(`pods "${command.pod}" not found`);
        return r;
      }
      case 'proxyMode': {
        const r = setKubeProxyMode(this.cluster, command.mode);
        if (!r.ok) throw new UserError(statusText(r.status));
        return { kind: 'none' };
      }
      case 'localForwards':
        return localForwards(this.terminals?.portForwards());
      case 'localHttp': {
        const v = localHttp(this.cluster, this.terminals?.portForwards(), command);
        this.cluster.drain();
        return v;
      }
      case 'dnsQuery': {
        const v = dnsQuery(this.cluster, command);
        if (typeof v === 'string') throw new UserError(v);
        return v;
      }
    }
  }

  private build(settings: ClusterSettings): void {
    this.adopt(new Cluster(kindConfig(settings)));
  }

  /** Makes `cluster` the one this host answers for: terminals stop, the next diff replaces everything. */
  private adopt(cluster: Cluster): void {
    for (const u of this.unsubscribe) u();
    this.terminals?.reset();
    this.cluster = cluster;
    this.buffer.markReset();
    for (const kind of mirroredKinds) {
      for (const o of this.cluster.store.list(kind)) {
        this.buffer.add({ type: 'ADDED', kind, object: o, resourceVersion: Number(o.metadata?.resourceVersion) });
      }
    }
    this.unsubscribe = [
      this.cluster.subscribe((e) => {
        if (mirroredKinds.has(e.kind)) this.buffer.add(e);
      }),
      this.cluster.log.subscribe((entry) => this.buffer.addLog(entry)),
    ];
  }
}

class UserError extends Error {}

function errorReply(id: number, err: unknown): Reply {
  if (err instanceof UserError || err instanceof ScenarioCommandError) return { type: 'reply', id, ok: false, error: err.message };
  // A bug, not bad input: report it instead of crashing the worker.
  return { type: 'reply', id, ok: false, error: `internal error: ${(err as Error).message}` };
}

/**
 * A step's checks: read from YAML (`readCheck`) and evaluated against a cluster (`evaluateCheck`). Evaluation is
 * pure engine-side work (reads through the apiserver, `kubectl` for `output`), so the headless runner and the
 * browser's worker say ✓ or ✗ for exactly the same reasons.
 */
import type { Node } from 'yaml';
import type { Cluster } from '../engine';
import { runKubectl, splitCommandLine } from '../kubectl/kubectl';
import { runDocker } from '../kubectl/docker/docker';
import type { TrafficObservation } from '../kubectl/svcsim/svcsimCommand';
import { evaluateProxyMode, evaluateTraffic, readProxyModeCheck, readTrafficCheck } from './trafficChecks';
import type { ScenarioCheck } from './types';
import { type CheckCode, type CheckResult, checkPhrase, checkResult } from './checkWords';
import { type Phrase, type PhraseList, phraseList } from '../shared/phrase';
import type { YamlReader } from './yamlReader';

export const checkKeys = ['endpoints', 'pod', 'pods', 'service', 'output', 'traffic', 'proxyMode'];

export type { CheckResult };

export function readCheck(r: YamlReader, kind: string, node: Node, path: string): ScenarioCheck | undefined {
  if (kind === 'traffic') return readTrafficCheck(r, node, path);
  if (kind === 'proxyMode') return readProxyModeCheck(r, node, path);
  const fields: Record<string, string[]> = {
    endpoints: ['service', 'namespace', 'ready', 'notReady'],
    pod: ['name', 'namespace', 'phase', 'ready', 'exists'],
    pods: ['selector', 'namespace', 'count', 'ready'],
    service: ['name', 'namespace', 'type', 'clusterIP', 'nodePort', 'exists'],
    output: ['command', 'contains', 'notContains', 'count'],
  };
  const m = r.map(node, path, fields[kind] ?? []);
  if (!m) return undefined;
  const s = (k: string, required = false) => {
    const v = required ? r.required(m, k, path, node) : m.get(k);
    return v === undefined ? undefined : r.str(v, `${path}.${k}`);
  };
  const n = (k: string) => (m.get(k) === undefined ? undefined : r.int(m.get(k), `${path}.${k}`));
  const b = (k: string) => (m.get(k) === undefined ? undefined : r.bool(m.get(k), `${path}.${k}`));
  const namespace = s('namespace') ?? 'default';
  const defined = <T extends object>(o: T): T => Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as T;
  switch (kind) {
    case 'endpoints': {
      const service = s('service', true);
      return service === undefined ? undefined : defined({ type: 'endpoints' as const, service, namespace, ready: n('ready'), notReady: n('notReady') });
    }
    case 'pod': {
      const name = s('name', true);
      return name === undefined ? undefined : defined({ type: 'pod' as const, name, namespace, phase: s('phase'), ready: b('ready'), exists: b('exists') });
    }
    case 'pods': {
      const selector = s('selector', true);
      return selector === undefined ? undefined : defined({ type: 'pods' as const, selector, namespace, count: n('count'), ready: n('ready') });
    }
    case 'service': {
      const name = s('name', true);
      const ip = m.get('clusterIP') === undefined ? undefined : r.oneOf(m.get('clusterIP'), `${path}.clusterIP`, ['None', 'set'] as const);
      return name === undefined
        ? undefined
        : defined({ type: 'service' as const, name, namespace, serviceType: s('type'), clusterIP: ip, nodePort: b('nodePort'), exists: b('exists') });
    }
    case 'output': {
      const command = s('command', true);
      if (command !== undefined && !/^(kubectl|k|docker) /.test(command)) r.error(m.get('command'), `${path}.command`, 'must be a kubectl or docker command');
      const contains = m.get('contains') === undefined ? [] : (r.strings(m.get('contains'), `${path}.contains`) ?? []);
      const notContains = m.get('notContains') === undefined ? [] : (r.strings(m.get('notContains'), `${path}.notContains`) ?? []);
      const countNode = m.get('count');
      const count: Record<string, number> = {};
      const cm = countNode === undefined ? undefined : r.map(countNode, `${path}.count`, ((countNode as { items?: Array<{ key: { value?: unknown } }> }).items ?? []).map((i) => String(i.key?.value)));
      for (const [k, v] of cm ?? []) {
        const c = r.int(v, `${path}.count.${k}`);
        if (c !== undefined) count[k] = c;
      }
      if (countNode !== undefined && !cm?.size) r.error(countNode, `${path}.count`, 'must map a text to how many times it is printed');
      if (!contains.length && !notContains.length && !Object.keys(count).length) r.error(node, path, 'needs contains, notContains or count');
      return command === undefined ? undefined : { type: 'output', command, contains, notContains, ...(Object.keys(count).length ? { count } : {}) };
    }
  }
  return undefined;
}

type Obj = { metadata?: { name?: string }; status?: Record<string, unknown>; spec?: Record<string, unknown>; subsets?: Array<Record<string, unknown[] | undefined>> };

const isReady = (pod: Obj) => ((pod.status?.conditions as Array<{ type: string; status: string }> | undefined) ?? []).some((c) => c.type === 'Ready' && c.status === 'True');

/** What is wanted: the listed items, or the one word for "no detail asked" (`exists`). */
const wanted = (items: Array<Phrase | false>, none: CheckCode): Phrase | PhraseList => {
  const present = items.filter((i): i is Phrase => i !== false);
  return present.length ? phraseList(present) : checkPhrase(none);
};

const value = (v: string) => checkPhrase('value', { value: v });

/** Evaluates one check against the cluster as it is now (and the last traffic sent). Never changes the cluster. */
export function evaluateCheck(cluster: Cluster, check: ScenarioCheck, traffic?: TrafficObservation): CheckResult {
  switch (check.type) {
    case 'traffic':
      return evaluateTraffic(check, traffic);
    case 'proxyMode':
      return evaluateProxyMode(cluster, check);
    case 'endpoints': {
      const want = wanted(
        [check.ready !== undefined && checkPhrase('endpoints.ready', { n: check.ready }), check.notReady !== undefined && checkPhrase('endpoints.notReady', { n: check.notReady })],
        'endpoints.exist',
      );
      const expected = checkPhrase('endpoints', { service: check.service, want });
      const r = cluster.get('Endpoints', check.namespace, check.service);
      if (!r.ok) return checkResult(false, expected, checkPhrase('endpoints.none'));
      const subsets = (r.value as Obj).subsets ?? [];
      const ready = subsets.reduce((a, s) => a + (s.addresses?.length ?? 0), 0);
      const notReady = subsets.reduce((a, s) => a + (s.notReadyAddresses?.length ?? 0), 0);
      const ok = (check.ready === undefined || check.ready === ready) && (check.notReady === undefined || check.notReady === notReady);
      return checkResult(ok, expected, checkPhrase('endpoints.found', { ready, notReady }));
    }
    case 'pod': {
      const want = wanted(
        [check.exists === false && checkPhrase('gone'), !!check.phase && value(check.phase), check.ready !== undefined && checkPhrase(check.ready ? 'ready' : 'notReady')],
        'exists',
      );
      const expected = checkPhrase('pod', { name: check.name, want });
      const r = cluster.get('Pod', check.namespace, check.name);
      if (!r.ok) return checkResult(check.exists === false, expected, checkPhrase('notFound'));
      const pod = r.value as Obj;
      const phase = String(pod.status?.phase ?? '');
      const ready = isReady(pod);
      const ok = check.exists !== false && (check.phase === undefined || check.phase === phase) && (check.ready === undefined || check.ready === ready);
      return checkResult(ok, expected, checkPhrase('pod.found', { phase, ready: checkPhrase(ready ? 'ready' : 'notReady') }));
    }
    case 'pods': {
      const want = wanted([check.count !== undefined && checkPhrase('pods.count', { n: check.count }), check.ready !== undefined && checkPhrase('pods.ready', { n: check.ready })], 'pods.some');
      const expected = checkPhrase('pods', { selector: check.selector, want });
      const r = cluster.list('Pod', { namespace: check.namespace, labelSelector: check.selector });
      if (!r.ok) return checkResult(false, expected, value(r.status.message));
      // a pod being deleted still lists until its grace period ends; kubectl shows it Terminating, not as one of the set
      const pods = (r.value.items as Obj[]).filter((p) => !(p.metadata as { deletionTimestamp?: string }).deletionTimestamp);
      const ready = pods.filter(isReady).length;
      const ok = (check.count === undefined ? pods.length > 0 : pods.length === check.count) && (check.ready === undefined || check.ready === ready);
      return checkResult(ok, expected, checkPhrase('pods.found', { count: pods.length, ready }));
    }
    case 'service': {
      const want = wanted(
        [
          check.exists === false && checkPhrase('gone'),
          !!check.serviceType && value(check.serviceType),
          check.clusterIP !== undefined && checkPhrase(check.clusterIP === 'None' ? 'service.headless' : 'service.clusterIP'),
          check.nodePort !== undefined && checkPhrase(check.nodePort ? 'service.nodePort' : 'service.noNodePort'),
        ],
        'exists',
      );
      const expected = checkPhrase('service', { name: check.name, want });
      const r = cluster.get('Service', check.namespace, check.name);
      if (!r.ok) return checkResult(check.exists === false, expected, checkPhrase('notFound'));
      const spec = (r.value as Obj).spec ?? {};
      const type = String(spec.type ?? 'ClusterIP');
      const ip = spec.clusterIP as string | undefined;
      const nodePort = ((spec.ports as Array<{ nodePort?: number }> | undefined) ?? []).some((p) => p.nodePort !== undefined);
      const ok =
        check.exists !== false &&
        (check.serviceType === undefined || check.serviceType === type) &&
        (check.clusterIP === undefined || (check.clusterIP === 'None' ? ip === 'None' : !!ip && ip !== 'None')) &&
        (check.nodePort === undefined || check.nodePort === nodePort);
      return checkResult(ok, expected, checkPhrase('service.found', { type, ip: ip ?? '<none>', nodePort: checkPhrase(nodePort ? 'service.nodePort' : 'service.noNodePort') }));
    }
    case 'output': {
      const words = splitCommandLine(check.command);
      let text: string;
      if (words[0] === 'docker') {
        const d = runDocker(cluster, words.slice(1));
        text = d.stdout + d.stderr;
      } else {
        const k = runKubectl({ cluster }, words.slice(1));
        k.watch?.stop();
        text = k.output.map((c) => c.text).join('');
      }
      const { command } = check;
      const missing = check.contains.filter((s) => !text.includes(s));
      const unwanted = check.notContains.filter((s) => text.includes(s));
      const counted = Object.entries(check.count ?? {}).map(([s, n]) => ({ s, n, seen: text.split(s).length - 1 }));
      const miscounted = counted.filter((c) => c.seen !== c.n);
      const expected = [
        ...check.contains.map((s) => checkPhrase('output.prints', { command, text: s })),
        ...check.notContains.map((s) => checkPhrase('output.doesNotPrint', { command, text: s })),
        ...counted.map((c) => checkPhrase(c.n === 1 ? 'output.printsOnce' : 'output.printsTimes', { command, text: c.s, n: c.n })),
      ];
      const problems = [
        ...missing.map((s) => checkPhrase('output.missing', { text: s })),
        ...unwanted.map((s) => checkPhrase('output.printed', { text: s })),
        ...miscounted.map((c) => checkPhrase(c.seen === 1 ? 'output.seenOnce' : 'output.seenTimes', { text: c.s, n: c.seen })),
      ];
      const all = (items: Phrase[]) => checkPhrase('all', { items: phraseList(items, 'semicolon') });
      return checkResult(!problems.length, all(expected), problems.length ? all(problems) : checkPhrase('output.asExpected'));
    }
  }
}

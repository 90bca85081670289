/**
 * Scenario YAML → a validated {@link Scenario}, or every problem found with its line and column. Nothing in the
 * text is executed here: actions and checks are data the player interprets.
 */
import { isMap, isScalar, LineCounter, type Node, parseDocument } from 'yaml';
import { readClusterSection } from './clusterSection';
import { checkKeys, readCheck } from './stepChecks';
import { type Scenario, type ScenarioAction, type ScenarioError, type ScenarioStep, scenarioApiVersion, scenarioKind } from './types';
import { parseDurationMs, YamlReader, type YamlNode } from './yamlReader';

/** Scenario files bigger than this are refused before parsing (a link or an import is untrusted input). */
export const maxScenarioBytes = 256 * 1024;

export type ParseResult = { ok: true; scenario: Scenario } | { ok: false; errors: ScenarioError[] };

const topKeys = ['apiVersion', 'kind', 'metadata', 'title', 'description', 'cluster', 'manifests', 'warmUp', 'steps'];
const stepKeys = ['title', 'narration', 'action', 'focus', 'checks'];
const actionKeys = ['run', 'apply', 'advance', 'setReady', 'relabel', 'edit'];

export function parseScenario(text: string): ParseResult {
  if (text.length > maxScenarioBytes) return { ok: false, errors: [{ line: 1, column: 1, path: '', message: `the scenario is larger than ${maxScenarioBytes / 1024} KiB` }] };
  const lines = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lines, prettyErrors: false, uniqueKeys: true });
  if (doc.errors.length) {
    return {
      ok: false,
      errors: doc.errors.map((e) => {
        const pos = lines.linePos(e.pos[0]);
        return { line: pos.line, column: pos.col, path: '', message: e.message.split('\n')[0] };
      }),
    };
  }
  const r = new YamlReader(lines);
  const root = doc.contents as YamlNode;
  const m = r.map(root, '', topKeys);
  if (!m) return { ok: false, errors: r.errors };
  const apiVersion = r.required(m, 'apiVersion', '', root);
  if (apiVersion !== undefined && r.str(apiVersion, 'apiVersion') !== scenarioApiVersion) {
    r.error(apiVersion, 'apiVersion', `must be ${scenarioApiVersion} (this svcsim reads that version of the scenario format)`);
  }
  const kind = r.required(m, 'kind', '', root);
  if (kind !== undefined && r.str(kind, 'kind') !== scenarioKind) r.error(kind, 'kind', `must be ${scenarioKind}`);
  const meta = r.required(m, 'metadata', '', root);
  const mm = meta === undefined ? undefined : r.map(meta, 'metadata', ['name', 'level']);
  const nameNode = mm ? r.required(mm, 'name', 'metadata', meta) : undefined;
  const name = nameNode === undefined ? undefined : r.str(nameNode, 'metadata.name');
  if (name !== undefined && !/^[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?$/.test(name)) r.error(nameNode, 'metadata.name', 'must be lower-case letters, digits and "-" (a DNS label)');
  const levelNode = mm?.get('level');
  const level = levelNode === undefined ? 'beginner' : r.oneOf(levelNode, 'metadata.level', ['beginner', 'intermediate', 'advanced'] as const);
  const titleNode = r.required(m, 'title', '', root);
  const title = titleNode === undefined ? undefined : r.localized(titleNode, 'title');
  const descNode = m.get('description');
  const description = descNode === undefined ? { en: '' } : r.localized(descNode, 'description');
  const clusterNode = m.get('cluster');
  const cluster = clusterNode === undefined ? {} : readClusterSection(r, clusterNode, 'cluster');
  const manifestsNode = m.get('manifests');
  const manifests = manifestsNode === undefined ? '' : (r.str(manifestsNode, 'manifests') ?? '');
  const warmNode = m.get('warmUp');
  let warmUpMs = 0;
  if (warmNode !== undefined) {
    const w = r.str(warmNode, 'warmUp');
    const ms = w === undefined ? undefined : parseDurationMs(w);
    if (w !== undefined && (ms === undefined || ms > 3_600_000)) r.error(warmNode, 'warmUp', `must be a duration up to 1h such as 15s, not "${w}"`);
    warmUpMs = ms ?? 0;
  }
  const stepsNode = r.required(m, 'steps', '', root);
  const steps: ScenarioStep[] = [];
  const stepNodes = stepsNode === undefined ? undefined : r.seq(stepsNode, 'steps');
  stepNodes?.forEach((s, i) => {
    const step = readStep(r, s, `steps[${i}]`);
    if (step) steps.push(step);
  });
  if (stepNodes?.length === 0) r.error(stepsNode, 'steps', 'needs at least one step');
  if (r.errors.length || !name || !level || !title || !description) return { ok: false, errors: [...r.errors].sort((a, b) => a.line - b.line || a.column - b.column) };
  return { ok: true, scenario: { name, level, title, description, cluster, manifests, warmUpMs, steps } };
}

function readStep(r: YamlReader, node: Node, path: string): ScenarioStep | undefined {
  const m = r.map(node, path, stepKeys);
  if (!m) return undefined;
  const titleNode = r.required(m, 'title', path, node);
  const title = titleNode === undefined ? undefined : r.localized(titleNode, `${path}.title`);
  const narrNode = m.get('narration');
  const narration = narrNode === undefined ? { en: '' } : r.localized(narrNode, `${path}.narration`);
  const actionNode = m.get('action');
  const action = actionNode === undefined ? undefined : readAction(r, actionNode, `${path}.action`);
  const focusNode = m.get('focus');
  const focus = focusNode === undefined ? [] : (r.strings(focusNode, `${path}.focus`) ?? []);
  const checksNode = m.get('checks');
  const checks = (checksNode === undefined ? [] : (r.seq(checksNode, `${path}.checks`) ?? [])).flatMap((c, i) => {
    const p = `${path}.checks[${i}]`;
    const cm = r.map(c, p, checkKeys);
    if (!cm) return [];
    if (cm.size !== 1) {
      r.error(c, p, `a check has exactly one of ${checkKeys.join(', ')}`);
      return [];
    }
    const [[kind, value]] = [...cm];
    const check = readCheck(r, kind, value, `${p}.${kind}`);
    return check ? [check] : [];
  });
  if (!title || !narration) return undefined;
  return { title, narration, ...(action ? { action } : {}), focus, checks };
}

function readAction(r: YamlReader, node: Node, path: string): ScenarioAction | undefined {
  const m = r.map(node, path, actionKeys);
  if (!m) return undefined;
  if (m.size !== 1) {
    r.error(node, path, `an action has exactly one of ${actionKeys.join(', ')}`);
    return undefined;
  }
  const [[kind, v]] = [...m];
  const p = `${path}.${kind}`;
  switch (kind) {
    case 'run': {
      const lines = r.strings(v, p);
      return lines?.length ? { type: 'run', lines } : undefined;
    }
    case 'apply': {
      const manifests = r.str(v, p);
      return manifests === undefined ? undefined : { type: 'apply', manifests };
    }
    case 'advance': {
      const s = r.str(v, p);
      const ms = s === undefined ? undefined : parseDurationMs(s);
      if (s !== undefined && (ms === undefined || ms > 24 * 3_600_000)) r.error(v, p, `must be a duration up to 24h such as 30s, not "${s}"`);
      return ms === undefined ? undefined : { type: 'advance', ms };
    }
    case 'setReady': {
      const sm = r.map(v, p, ['pod', 'namespace', 'ready']);
      if (!sm) return undefined;
      const pod = str(r, sm, 'pod', p, v);
      const ready = sm.get('ready') === undefined ? undefined : r.bool(sm.get('ready'), `${p}.ready`);
      if (ready === undefined && sm.get('ready') === undefined) r.error(v, `${p}.ready`, 'is required');
      return pod === undefined || ready === undefined ? undefined : { type: 'setReady', pod, namespace: ns(r, sm, p), ready };
    }
    case 'relabel': {
      const sm = r.map(v, p, ['pod', 'namespace', 'labels']);
      if (!sm) return undefined;
      const pod = str(r, sm, 'pod', p, v);
      const labelsNode = r.required(sm, 'labels', p, v);
      if (pod === undefined || labelsNode === undefined || !isMap(labelsNode)) {
        if (labelsNode !== undefined && !isMap(labelsNode)) r.error(labelsNode, `${p}.labels`, 'must be a mapping of label to value (null removes it)');
        return undefined;
      }
      const labels: Record<string, string | null> = {};
      for (const item of labelsNode.items) {
        const key = String((item.key as { value?: unknown })?.value);
        const val = item.value as YamlNode;
        labels[key] = isScalar(val) && val.value === null ? null : (r.text(val, `${p}.labels.${key}`) ?? '');
      }
      return { type: 'relabel', pod, namespace: ns(r, sm, p), labels };
    }
    case 'edit': {
      const sm = r.map(v, p, ['command', 'from', 'to']);
      if (!sm) return undefined;
      const command = str(r, sm, 'command', p, v);
      const from = str(r, sm, 'from', p, v);
      const to = str(r, sm, 'to', p, v);
      if (command !== undefined && !/^(kubectl|k) edit /.test(command)) r.error(sm.get('command'), `${p}.command`, 'must be a kubectl edit command');
      return command === undefined || from === undefined || to === undefined ? undefined : { type: 'edit', command, from, to };
    }
  }
  return undefined;
}

function str(r: YamlReader, m: Map<string, Node>, key: string, path: string, parent: YamlNode): string | undefined {
  const v = r.required(m, key, path, parent);
  return v === undefined ? undefined : r.str(v, `${path}.${key}`);
}

function ns(r: YamlReader, m: Map<string, Node>, path: string): string {
  const v = m.get('namespace');
  return (v === undefined ? undefined : r.str(v, `${path}.namespace`)) ?? 'default';
}

/** One line per error, as compilers print them: `FILE:LINE:COL: path: message`. */
export function formatScenarioErrors(file: string, errors: readonly ScenarioError[]): string {
  return errors.map((e) => `${file}:${e.line}:${e.column}: ${e.path ? `${e.path}: ` : ''}${e.message}\n`).join('');
}

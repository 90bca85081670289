/**
 * What a share link carries: a scenario (a built-in's name, or a whole scenario inline) and its step, or a
 * free-form session (the command log with the virtual instant of each command), plus the view. Read from an
 * untrusted link, so every field is checked here and anything unexpected makes the whole link invalid.
 */

import { loggedCommandTypes } from '../shared/loggedCommandTypes';
import { checkGraphSnapshot, type GraphSnapshot } from './graphSnapshot';

/** Commands a shared session may contain: the ones a session log keeps. */
export const shareableCommandTypes = loggedCommandTypes;

export interface SharedCommand {
  /** Virtual time of the cluster when the command was sent, ms since the epoch. */
  at?: number;
  command: { type: (typeof shareableCommandTypes)[number] } & Record<string, unknown>;
}

export interface ShareView {
  /** The selected object (`pod/default/alpaca-prod`). */
  selection?: string;
  /** The open dock tabs, as `side:inspector`, `bottom:rules`. */
  panels?: string[];
  /** The canvas viewport: zoom, and where the origin is on screen (x, y). Links before x/y carry zoom alone. */
  zoom?: number;
  x?: number;
  y?: number;
  lang?: string;
  /** kube-proxy's mode on every node when the link was made (a scenario link carries no learner commands). */
  proxyMode?: 'iptables' | 'ipvs' | 'nftables' | 'userspace';
}

const proxyModes = ['iptables', 'ipvs', 'nftables', 'userspace'] as const;

export interface ShareState {
  scenario?: { name: string } | { text: string };
  step?: number;
  session?: { commands: SharedCommand[]; editorText?: string };
  /** A session's cluster as the sender's page drew it: what an embed draws while the engine loads (graphSnapshot.ts). */
  graph?: GraphSnapshot;
  view?: ShareView;
}

type Check = { ok: true; state: ShareState } | { ok: false; error: string };

const isObj = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const onlyKeys = (o: Record<string, unknown>, keys: string[]) => Object.keys(o).every((k) => keys.includes(k));

/** Checks a decoded JSON value field by field; returns a fresh object holding only the known fields. */
export function checkShareState(v: unknown): Check {
  const bad = (what: string): Check => ({ ok: false, error: `the link's ${what} is not valid` });
  if (!isObj(v) || !onlyKeys(v, ['scenario', 'step', 'session', 'graph', 'view'])) return bad('content');
  const state: ShareState = {};
  if (v.scenario !== undefined) {
    const s = v.scenario;
    if (isObj(s) && onlyKeys(s, ['name']) && typeof s.name === 'string' && /^[a-z0-9-]{1,63}$/.test(s.name)) state.scenario = { name: s.name };
    else if (isObj(s) && onlyKeys(s, ['text']) && typeof s.text === 'string') state.scenario = { text: s.text };
    else return bad('scenario');
  }
  if (v.step !== undefined) {
    if (typeof v.step !== 'number' || !Number.isInteger(v.step) || v.step < 0 || v.step > 1000) return bad('step');
    state.step = v.step;
  }
  if (v.session !== undefined) {
    const s = v.session;
    if (!isObj(s) || !onlyKeys(s, ['commands', 'editorText']) || !Array.isArray(s.commands)) return bad('session');
    if (s.editorText !== undefined && typeof s.editorText !== 'string') return bad('session');
    const commands: SharedCommand[] = [];
    for (const c of s.commands) {
      if (!isObj(c) || !onlyKeys(c, ['at', 'command']) || !isObj(c.command)) return bad('session');
      if (c.at !== undefined && (typeof c.at !== 'number' || !Number.isFinite(c.at))) return bad('session');
      const type = c.command.type;
      if (typeof type !== 'string' || !(shareableCommandTypes as readonly string[]).includes(type)) return bad(`command "${String(type)}"`);
      commands.push({ ...(c.at !== undefined ? { at: c.at } : {}), command: c.command as SharedCommand['command'] });
    }
    state.session = { commands, ...(s.editorText !== undefined ? { editorText: s.editorText } : {}) };
  }
  if (v.graph !== undefined) {
    const graph = checkGraphSnapshot(v.graph);
    if (!graph) return bad('first graph');
    state.graph = graph;
  }
  if (v.view !== undefined) {
    const w = v.view;
    if (!isObj(w) || !onlyKeys(w, ['selection', 'panels', 'zoom', 'x', 'y', 'lang', 'proxyMode'])) return bad('view');
    const view: ShareView = {};
    if (w.selection !== undefined) {
      if (typeof w.selection !== 'string' || w.selection.length > 300) return bad('view');
      view.selection = w.selection;
    }
    if (w.panels !== undefined) {
      if (!Array.isArray(w.panels) || !w.panels.every((p) => typeof p === 'string' && p.length < 40)) return bad('view');
      view.panels = w.panels as string[];
    }
    if (w.zoom !== undefined) {
      if (typeof w.zoom !== 'number' || !(w.zoom > 0 && w.zoom <= 10)) return bad('view');
      view.zoom = w.zoom;
    }
    for (const k of ['x', 'y'] as const) {
      if (w[k] === undefined) continue;
      const n = w[k];
      if (typeof n !== 'number' || !Number.isFinite(n) || Math.abs(n) > 1e7) return bad('view');
      view[k] = n;
    }
    if (w.proxyMode !== undefined) {
      if (!(proxyModes as readonly unknown[]).includes(w.proxyMode)) return bad('view');
      view.proxyMode = w.proxyMode as ShareView['proxyMode'];
    }
    if (w.lang !== undefined) {
      if (w.lang !== 'en' && w.lang !== 'zh-TW') return bad('view');
      view.lang = w.lang;
    }
    state.view = view;
  }
  if (state.scenario === undefined && state.session === undefined) return bad('content (neither a scenario nor a session)');
  return { ok: true, state };
}

/**
 * What the page opens on. A share link (`#s=1.…`) opens what it carries — a scenario at its step, or a shared
 * session replayed — and a link that cannot be read opens the gallery with a sentence saying why (never a blank
 * page). Without a link, a first visit (nothing in this browser's storage says otherwise) opens the gallery; a
 * returning visitor goes straight to the playground and its saved session. `?start=empty` always means the
 * playground. The fragment is taken out of the address once read, so a reload keeps the learner's session.
 */
import { hasVisited } from '../features/scenarios/scenarioProgressStorage';
import { openPlayground, openScenario, recheck, showGallery } from '../features/scenarios/scenarioActions';
import { useScenarioStore } from '../features/scenarios/scenarioStore';
import { initLang, languageReady, setLang, t, useLanguageStore } from '../i18n/languageStore';
import { isLang } from '../i18n/language';
import type { Command } from '../protocol/messages';
import type { WireObject } from '../protocol/objects';
import type { ShareState, ShareView } from '../share/shareState';
import type { DockTab } from '../state/uiSlice';
import { pinViewport, useViewportStore } from '../features/topology/viewportStore';
import { send } from '../state/simulation';
import { useAppStore } from '../state/store';
import type { SessionEntry } from '../bridge/sessionStore';

let pendingLink: string | undefined;

/** Synchronous, before the first render: which screen shows first. */
export function chooseFirstScreen(): void {
  const url = new URL(window.location.href);
  // `?lang=` (an embed, a link to a talk's slides) wins over the remembered choice and the browser's languages.
  // First thing: its catalog's import starts now, and main.tsx renders once it is there
  void initLang(url.searchParams.get('lang'), navigator.languages ?? [navigator.language]);
  // the codec (and fflate) load only when a link is opened or made: not on the first graph's critical path
  if (/^#s=/.test(url.hash)) {
    pendingLink = url.hash;
    url.hash = '';
    window.history.replaceState(window.history.state, '', url.pathname + url.search);
    // the gallery shows while the link's cluster is built; a broken link leaves it there with its message
    useScenarioStore.setState({ screen: 'gallery' });
    return;
  }
  if (!url.searchParams.has('start') && !hasVisited()) useScenarioStore.setState({ screen: 'gallery' });
}

/** After the session has started: opens a pending share link, or brings back the step bar of an open scenario. */
export async function routeAfterStart(): Promise<void> {
  // the notices below are worded in the page's language
  await languageReady();
  const link = pendingLink;
  pendingLink = undefined;
  if (!link) {
    await recheck();
    return;
  }
  const { decodeShareFragment } = await import('../share/shareLinkDecode');
  const decoded = await decodeShareFragment(link);
  if (!decoded.ok) {
    // the English sentence is `decoded.error`; the catalogs word the same problem in the UI's language
    showGallery(t(`share.error.${decoded.problem.code}`, decoded.problem.values));
    return;
  }
  await openShareState(decoded.state);
}

export async function openShareState(state: ShareState): Promise<void> {
  // the sender's language for this visit, without replacing the visitor's remembered choice
  // (its catalog loads first: what follows may word a notice in it)
  if (isLang(state.view?.lang)) await setLang(state.view.lang, false).catch(() => undefined);
  if (state.scenario) {
    if (!(await openScenario(state.scenario, state.step ?? 0))) return;
  } else if (state.session) {
    const commands = state.session.commands.map((c) => c.command as unknown as Command);
    if (commands[0]?.type !== 'init') {
      showGallery(t('notice.linkNoInit'));
      return;
    }
    // the sender's first graph, drawn until the engine has replayed the commands into the same cluster
    const release = state.graph ? useAppStore.getState().standIn(state.graph.objects as unknown as WireObject[], state.graph.time) : undefined;
    try {
      for (const command of commands) await send(command);
    } finally {
      release?.();
    }
    if (state.session.editorText !== undefined) useAppStore.getState().setEditorText(state.session.editorText);
    openPlayground();
  }
  if (state.view) await restoreView(state.view, state.scenario !== undefined);
}

const dockTabIds: readonly string[] = ['inspector', 'events', 'terminal', 'rules', 'traffic', 'dns'];

/** The view a link carries: selection, dock tabs, the canvas viewport, and (for a scenario) kube-proxy's mode. */
async function restoreView(view: ShareView, scenario: boolean): Promise<void> {
  const app = useAppStore.getState();
  if (view.selection) app.select(view.selection);
  for (const panel of view.panels ?? []) {
    const [dock, tab] = panel.split(':');
    // an unknown tab (a newer svcsim's) is skipped: the rest of the view still opens
    if (!dockTabIds.includes(tab)) continue;
    if (dock === 'side') app.setDockTab(tab as DockTab);
    else if (dock === 'bottom') app.setBottomTab(tab as DockTab);
  }
  if (view.zoom !== undefined) pinViewport({ x: view.x ?? 0, y: view.y ?? 0, zoom: view.zoom });
  // a session link replays the mode switch itself (it is in the command log); a scenario link rebuilds the
  // scenario's cluster, so a mode the learner switched to is switched again, through the ConfigMap
  if (scenario && view.proxyMode) {
    const r = await send({ type: 'proxyStatus' });
    const nodes = r.ok && r.value?.kind === 'proxyStatus' ? r.value.nodes : [];
    if (nodes.some((n) => n.mode !== view.proxyMode)) await send({ type: 'proxyMode', mode: view.proxyMode });
  }
}

/** What is on screen besides the cluster: selection, dock tabs, the canvas viewport, the language, kube-proxy's mode. */
async function currentView(lang: string): Promise<ShareView> {
  const { selected, dockTab, bottomTab } = useAppStore.getState();
  const viewport = useViewportStore.getState().current;
  const r = await send({ type: 'proxyStatus' });
  const modes = new Set(r.ok && r.value?.kind === 'proxyStatus' ? r.value.nodes.map((n) => n.mode) : []);
  const [mode] = modes;
  const round = (n: number, digits: number) => Math.round(n * 10 ** digits) / 10 ** digits;
  return {
    lang,
    ...(selected ? { selection: selected } : {}),
    panels: [`side:${dockTab}`, `bottom:${bottomTab}`],
    ...(viewport ? { zoom: round(viewport.zoom, 4), x: round(viewport.x, 1), y: round(viewport.y, 1) } : {}),
    ...(modes.size === 1 && (mode === 'iptables' || mode === 'ipvs' || mode === 'nftables' || mode === 'userspace') ? { proxyMode: mode } : {}),
  };
}

/**
 * The links for what is on screen now: the open scenario at its step, or else the session's command log. A
 * session's cluster is known only by replaying it, so the embed code's link also carries the graph drawn now, for
 * an embed on a slide to draw before the engine has loaded (unless that makes it too long); the link to share
 * stays short (its QR code must stay scannable), and the playground it opens shows the gallery while it builds.
 */
export async function currentShareLinks(entries: readonly SessionEntry[]): Promise<{ link: string; embedLink: string }> {
  const { encodeShareFragment, graphSnapshot, maxLinkCharsWithGraph } = await import('../share/shareLink');
  const { open, progress } = useScenarioStore.getState();
  const { lang } = useLanguageStore.getState();
  const view = await currentView(lang);
  const { origin, pathname, search } = window.location;
  const url = (state: ShareState) => `${origin}${pathname}${search}#${encodeShareFragment(state)}`;
  if (open && progress) {
    const link = url({ scenario: open.builtin ? { name: open.name } : { text: open.text }, step: progress.step, view });
    return { link, embedLink: link };
  }
  const session = { commands: entries.filter((e) => e.status !== 'started').map((e) => ({ command: e.command as unknown as ShareCommand })) };
  const link = url({ session, view });
  const { objects, time } = useAppStore.getState().drawnObjects();
  const graph = graphSnapshot(objects, time);
  const withGraph = graph && url({ session, graph, view });
  return { link, embedLink: withGraph && withGraph.length - withGraph.indexOf('#') <= maxLinkCharsWithGraph ? withGraph : link };
}

type ShareCommand = NonNullable<ShareState['session']>['commands'][number]['command'];

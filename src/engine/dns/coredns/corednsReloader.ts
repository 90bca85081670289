/**
 * CoreDNS reading its Corefile, over time: what each CoreDNS process logs as it starts, the kubelet projecting a
 * changed ConfigMap into the pod's volume, and the reload plugin noticing it and restarting with the new
 * configuration (or logging why it could not). Nothing ticks while nothing changes: a resync and a reload tick
 * are scheduled only once the ConfigMap differs from what a process has mounted.
 *
 * Timing, made deterministic:
 * - The kubelet writes a changed ConfigMap into the volume at the pod's next periodic sync (the Watch change
 *   detection keeps its cache fresh, so the sync period is the whole delay: kubernetes/kubernetes
 *   `pkg/kubelet/kubelet.go` syncFrequency 1m; `pkg/kubelet/pod_workers.go` adds up to 50% jitter, left out
 *   here): every 60 s from the container's start.
 * - The reload plugin checks every 30 s ± 7.5 s from its start (see {@link reloadIntervalMs}); a changed SHA512
 *   restarts the server (coredns/coredns `plugin/reload/reload.go` `hook`, coredns/caddy `caddy.go` `Restart`).
 */
import type { AppInstance } from '../../kubelet/apps/app';
import { logAccess } from '../../kubelet/apps/app';
import type { KubeletRuntimeView } from '../../kubelet/runtimeView';
import type { Controller, ControllerContext } from '../../controllers/controller';
import type { Pod } from '../../api/types';
import { corefileSha512, parseCorefile } from './corefile';
import { type CorednsState, loadConfig, reloadIntervalMs, startupLines } from './corednsProcess';

const component = 'coredns';
/** The kubelet's pod resync period (`syncFrequency`, 1m by default and in kind). */
export const kubeletResyncMs = 60_000;

function isCorednsPod(p: Pod): boolean {
  return p.metadata?.labels?.['k8s-app'] === 'kube-dns';
}

/**
 * The ConfigMap and key mounted at /etc/coredns in the pod's CoreDNS container: kubeadm's `config-volume`
 * (ConfigMap `coredns`, key `Corefile`), also when the pod declares no such mount (svcsim's bootstrap
 * Deployment leaves the volume out of its spec).
 */
function corefileSource(pod: Pod | undefined, container: string): { configMap: string; key: string } {
  const c = pod?.spec?.containers?.find((x) => x.name === container);
  const mount = c?.volumeMounts?.find((m) => m.mountPath === '/etc/coredns' || m.mountPath === '/etc/coredns/');
  const vol = pod?.spec?.volumes?.find((v) => v.name === mount?.name)?.configMap;
  if (!vol?.name) return { configMap: 'coredns', key: 'Corefile' };
  const item = vol.items?.find((i) => i.path === 'Corefile');
  return { configMap: vol.name, key: item?.key ?? 'Corefile' };
}

/** The first instant strictly after `now` on the grid `origin + k·period`. */
function nextOnGrid(origin: number, period: number, now: number): number {
  return origin + (Math.floor((now - origin) / period) + 1) * period;
}

/** Creates the controller that drives CoreDNS processes' configuration and their logs. */
export function createCorednsReloader(ctx: ControllerContext, runtime: KubeletRuntimeView): Controller {
  const { store, clock } = ctx;
  const queue = ctx.newQueue(component);
  const podKey = (p: Pod) => `${p.metadata?.namespace}/${p.metadata?.name}`;

  ctx.informer('Pod', {
    onAdd: (p) => isCorednsPod(p) && queue.add(podKey(p)),
    onUpdate: (_o, p) => isCorednsPod(p) && queue.add(podKey(p)),
  });
  const onConfigMap = (namespace: string | undefined) => {
    for (const p of store.list('Pod', namespace ?? '')) if (isCorednsPod(p)) queue.add(podKey(p));
  };
  ctx.informer('ConfigMap', { onAdd: (cm) => onConfigMap(cm.metadata?.namespace), onUpdate: (_o, cm) => onConfigMap(cm.metadata?.namespace) });

  function sync(key: string): string | undefined {
    const [namespace, name] = key.split('/');
    const view = runtime.pod(namespace, name);
    const c = view?.containers.find((x) => x.running && x.instance?.app.name === 'coredns');
    const inst = c?.instance;
    if (!view || !c || !inst) return undefined;
    const pod = store.get('Pod', key);
    const src = corefileSource(pod, c.name);
    const now = clock.now();
    const inVolume = store.get('ConfigMap', `${namespace}/${src.configMap}`)?.data?.[src.key];
    const startedAt = c.startedAt ?? now;
    if (!inst.coredns) {
      start(inst, name, inVolume ?? '', startedAt, imageVersion(pod, c.name));
      return undefined;
    }
    const st = inst.coredns;
    if (st.volumeSyncAt !== undefined && now >= st.volumeSyncAt) {
      st.volumeSyncAt = undefined;
      if (inVolume !== undefined) st.mounted = inVolume;
    }
    if (inVolume !== undefined && inVolume !== st.mounted && st.volumeSyncAt === undefined) {
      st.volumeSyncAt = nextOnGrid(startedAt, kubeletResyncMs, now);
      queue.addAfter(key, st.volumeSyncAt - now);
    }
    if (st.reloadAt !== undefined && now >= st.reloadAt) {
      st.reloadAt = undefined;
      reloadTick(inst, st, name, now);
    }
    if (st.running.reload && st.reloadAt === undefined && wantsCheck(st)) {
      st.reloadAt = nextOnGrid(st.configStartedAt, st.intervalMs, now);
      queue.addAfter(key, st.reloadAt - now);
    }
    return undefined;
  }

  return { name: component, queue, sync };
}

/** `v1.12.1` → `1.12.1`: CoreDNS's version is its image tag. */
function imageVersion(pod: Pod | undefined, container: string): string {
  const image = pod?.spec?.containers?.find((x) => x.name === container)?.image ?? '';
  return (/:v?([^:@/]+)(?:@.*)?$/.exec(image)?.[1] ?? '1.12.1').replace(/^v/, '');
}

/** Writes `line` to the process's log stamped `time` (its start, for the banner). */
function logAt(inst: AppInstance, time: number, line: string): void {
  const entry = { time, line };
  inst.accessLog.push(entry);
  if (inst.logListeners) for (const l of inst.logListeners) l(entry);
}

/** The process starts with the Corefile in its volume and prints its banner. */
function start(inst: AppInstance, pod: string, corefile: string, startedAt: number, version: string): void {
  const loaded = loadConfig(corefile);
  if (!loaded.ok) {
    // coremain/run.go mustLogFatal; the process would exit and restart (not modelled: it keeps running mute)
    logAt(inst, startedAt, loaded.error);
    const empty = { blocks: [], sha512: '', log: false, reload: false };
    inst.coredns = { mounted: corefile, running: empty, checkedSha: '', configStartedAt: startedAt, intervalMs: reloadIntervalMs(pod, 0), setups: 0 };
    return;
  }
  for (const line of startupLines(loaded.config, version)) logAt(inst, startedAt, line);
  inst.coredns = {
    mounted: corefile,
    running: loaded.config,
    checkedSha: loaded.config.sha512,
    configStartedAt: startedAt,
    intervalMs: reloadIntervalMs(pod, 0),
    setups: 0,
  };
}

/** Whether the reload plugin's next tick has something to do: a Corefile it has not checked yet. */
function wantsCheck(st: CorednsState): boolean {
  const p = parseCorefile(st.mounted);
  if (!p.ok) return st.warnedFor !== st.mounted;
  return corefileSha512(p.blocks) !== st.checkedSha;
}

/** One tick of the reload plugin (coredns/coredns `plugin/reload/reload.go` `hook`). */
function reloadTick(inst: AppInstance, st: CorednsState, pod: string, now: number): void {
  const parsed = parseCorefile(st.mounted);
  if (!parsed.ok) {
    // logged on every tick upstream while the file stays broken; once here, so a broken file does not tick forever
    if (st.warnedFor !== st.mounted) logAccess(inst, `[WARNING] plugin/reload: Corefile parse failed: ${parsed.error}`);
    st.warnedFor = st.mounted;
    return;
  }
  const sha = corefileSha512(parsed.blocks);
  if (sha === st.checkedSha) return;
  st.checkedSha = sha;
  logAccess(inst, '[INFO] Reloading');
  const loaded = loadConfig(st.mounted);
  if (!loaded.ok) {
    // coredns/caddy caddy.go Restart: its deferred log, then the reload plugin's own with the wrapped error
    logAccess(inst, `[ERROR] Restart failed: ${loaded.error}`);
    logAccess(inst, `[ERROR] plugin/reload: Corefile changed but reload failed: starting with listener file descriptors: ${loaded.error}`);
    return;
  }
  st.running = loaded.config;
  st.configStartedAt = now;
  st.setups++;
  st.intervalMs = reloadIntervalMs(pod, st.setups);
  if (loaded.config.reload) logAccess(inst, `[INFO] plugin/reload: Running configuration SHA512 = ${sha}`);
  logAccess(inst, '[INFO] Reloading complete');
}

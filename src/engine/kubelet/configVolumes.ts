/**
 * ConfigMap and Secret volumes (kubernetes/kubernetes `pkg/volume/configmap/configmap.go`,
 * `pkg/volume/secret/secret.go`, `pkg/volume/projected/projected.go`): which files each holds, and why one
 * cannot be set up. A volume whose ConfigMap or Secret is missing (unless optional), or that names a key its
 * source lacks, fails `MountVolume.SetUp` and the pod waits in ContainerCreating until it can be mounted.
 *
 * What a container reads follows the kubelet's refresh: the files are written at mount and again at each
 * periodic pod sync (every minute, `syncFrequency`), so an edited ConfigMap shows up within a minute; a `subPath`
 * mount is a bind mount of one file and keeps what the container started with. `ConfigSourceHistory` keeps the
 * versions that make this exact without a timer.
 */
import type { ConfigMap, Container, KeyToPath, Pod, Secret, Volume } from 'kubernetes-types/core/v1';
import { decodeBase64Text } from '../../shared/goBase64';
import { sourceNotFound } from './configSources';

type SourceKind = 'ConfigMap' | 'Secret';
type SourceObject = ConfigMap | Secret;

/** The kubelet's pod resync period (`syncFrequency`, 1m by default and in kind): when volumes are rewritten. */
export const volumeResyncMs = 60_000;

/** How many versions of one ConfigMap or Secret are kept for volumes that have not caught up yet. */
const keptVersions = 16;

/**
 * The ConfigMaps and Secrets as they were over time, as the kubelet's watch saw them: a version per change, so a
 * volume can show the one current at its last refresh.
 */
export class ConfigSourceHistory {
  private readonly versions = new Map<string, { list: { at: number; object: SourceObject | undefined }[]; dropped: boolean }>();

  /** A change the watch delivered at `at` (`undefined`: deleted). */
  record(kind: SourceKind, key: string, object: SourceObject | undefined, at: number): void {
    const k = `${kind}/${key}`;
    const h = this.versions.get(k) ?? { list: [], dropped: false };
    h.list.push({ at, object });
    if (h.list.length > keptVersions) {
      h.list.shift();
      h.dropped = true;
    }
    this.versions.set(k, h);
  }

  /** The object at instant `at`: absent before its first recorded version, the oldest kept one if older ones were dropped. */
  asOf(kind: SourceKind, key: string, at: number): SourceObject | undefined {
    const h = this.versions.get(`${kind}/${key}`);
    if (!h) return undefined;
    let found = h.dropped ? h.list[0].object : undefined;
    for (const v of h.list) {
      if (v.at > at) break;
      found = v.object;
    }
    return found;
  }
}

/** One ConfigMap or Secret projected into a volume. */
interface ConfigSource {
  kind: SourceKind;
  name: string;
  optional: boolean;
  items?: readonly KeyToPath[];
}

/** The ConfigMaps and Secrets a volume projects (none for other volume types). */
export function configSourcesOf(volume: Volume): ConfigSource[] {
  if (volume.configMap) return [{ kind: 'ConfigMap', name: volume.configMap.name ?? '', optional: volume.configMap.optional === true, items: volume.configMap.items }];
  if (volume.secret) return [{ kind: 'Secret', name: volume.secret.secretName ?? '', optional: volume.secret.optional === true, items: volume.secret.items }];
  const out: ConfigSource[] = [];
  for (const s of volume.projected?.sources ?? []) {
    if (s.configMap) out.push({ kind: 'ConfigMap', name: s.configMap.name ?? '', optional: s.configMap.optional === true, items: s.configMap.items });
    if (s.secret) out.push({ kind: 'Secret', name: s.secret.name ?? '', optional: s.secret.optional === true, items: s.secret.items });
  }
  return out;
}

/** Each key of a ConfigMap (data and binaryData) or a Secret, with the text a file of it holds. */
function keysOf(obj: SourceObject, kind: SourceKind): Map<string, string> {
  if (kind === 'ConfigMap') {
    const cm = obj as ConfigMap;
    const out = new Map(Object.entries(cm.data ?? {}));
    for (const [k, v] of Object.entries(cm.binaryData ?? {})) out.set(k, decodeBase64Text(v) ?? '');
    return out;
  }
  return new Map(Object.entries((obj as Secret).data ?? {}).map(([k, v]) => [k, decodeBase64Text(v) ?? '']));
}

export type Payload = { ok: true; files: Map<string, string> } | { ok: false; message: string };

/** `MakePayload`: every key as a file of its name, or only the listed items at their paths. */
function payloadOf(source: ConfigSource, obj: SourceObject | undefined): Payload {
  if (!obj) return source.optional ? { ok: true, files: new Map() } : { ok: false, message: sourceNotFound(source.kind, source.name) };
  const keys = keysOf(obj, source.kind);
  if (!source.items?.length) return { ok: true, files: keys };
  const files = new Map<string, string>();
  for (const item of source.items) {
    const v = keys.get(item.key);
    if (v === undefined) {
      if (source.optional) continue;
      return { ok: false, message: source.kind === 'ConfigMap' ? `configmap references non-existent config key: ${item.key}` : `secret references non-existent secret key: ${item.key}` };
    }
    files.set(item.path, v);
  }
  return { ok: true, files };
}

/** Reads a ConfigMap or Secret of the pod's namespace (as it is, or as it was). */
export type SourceReader = (kind: SourceKind, name: string) => SourceObject | undefined;

/** The files of a volume, or why it cannot be set up (projected errors aggregated as `utilerrors.NewAggregate` prints them). */
export function volumePayload(volume: Volume, read: SourceReader): Payload {
  const files = new Map<string, string>();
  const errors: string[] = [];
  for (const source of configSourcesOf(volume)) {
    const p = payloadOf(source, read(source.kind, source.name));
    if (!p.ok) errors.push(p.message);
    else for (const [k, v] of p.files) files.set(k, v);
  }
  if (errors.length === 1) return { ok: false, message: errors[0] };
  if (errors.length > 1) return { ok: false, message: `[${errors.join(', ')}]` };
  return { ok: true, files };
}

/** The pod's volumes that cannot be set up now, each with the reason (`MountVolume.SetUp failed`). */
export function unmountableVolumes(pod: Pod, read: SourceReader): { volume: string; message: string }[] {
  const out: { volume: string; message: string }[] = [];
  for (const v of pod.spec?.volumes ?? []) {
    if (!configSourcesOf(v).length) continue;
    const p = volumePayload(v, read);
    if (!p.ok) out.push({ volume: v.name, message: p.message });
  }
  return out;
}

/** The last periodic refresh at or before `now` of volumes mounted at `mountedAt`. */
export function lastRefresh(mountedAt: number, now: number): number {
  return mountedAt + Math.floor((now - mountedAt) / volumeResyncMs) * volumeResyncMs;
}

/**
 * The text of `path` in `container` when it lies in one of its ConfigMap or Secret mounts; undefined otherwise.
 * `readAt(t)` reads the sources as they were at instant t: the last refresh for a directory mount, the
 * container's start for a subPath mount.
 */
export function volumeFileText(
  pod: Pod,
  container: Container,
  path: string,
  readAt: (at: 'refresh' | 'containerStart') => SourceReader,
): string | undefined {
  for (const m of container.volumeMounts ?? []) {
    const volume = pod.spec?.volumes?.find((v) => v.name === m.name);
    if (!volume || !configSourcesOf(volume).length) continue;
    const dir = m.mountPath.replace(/\/+$/, '');
    if (m.subPath) {
      if (path !== dir) continue;
      const p = volumePayload(volume, readAt('containerStart'));
      return p.ok ? p.files.get(m.subPath) : undefined;
    }
    if (!path.startsWith(`${dir}/`)) continue;
    const p = volumePayload(volume, readAt('refresh'));
    return p.ok ? p.files.get(path.slice(dir.length + 1)) : undefined;
  }
  return undefined;
}

/**
 * What `ls PATH` lists in one of `container`'s ConfigMap or Secret mounts: the entries of a directory (each key,
 * or the first segment of an item's path), sorted by byte as `ls` sorts in the C locale, or the path itself for a
 * file. Undefined when the path is in no such mount or does not exist there. The kubelet's atomic writer also
 * leaves `..data` and a timestamped directory, which only `ls -a` shows.
 */
export function volumeListing(pod: Pod, container: Container, path: string, read: SourceReader): { entries: string[] } | { file: string } | undefined {
  const clean = path.replace(/\/+$/, '') || '/';
  for (const m of container.volumeMounts ?? []) {
    const volume = pod.spec?.volumes?.find((v) => v.name === m.name);
    if (!volume || !configSourcesOf(volume).length) continue;
    const dir = m.mountPath.replace(/\/+$/, '');
    if (m.subPath) {
      if (clean === dir) return { file: path };
      continue;
    }
    if (clean !== dir && !clean.startsWith(`${dir}/`)) continue;
    const p = volumePayload(volume, read);
    if (!p.ok) return undefined;
    const rel = clean === dir ? '' : clean.slice(dir.length + 1);
    if (p.files.has(rel)) return { file: path };
    const prefix = rel ? `${rel}/` : '';
    const entries = new Set<string>();
    for (const f of p.files.keys()) if (f.startsWith(prefix)) entries.add(f.slice(prefix.length).split('/')[0]);
    if (!entries.size && rel) return undefined;
    return { entries: [...entries].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)) };
  }
  return undefined;
}

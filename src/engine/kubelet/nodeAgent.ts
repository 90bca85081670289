/**
 * One node's kubelet and container runtime state: whether it runs, its pod IPAM, the images containerd
 * holds, the serialized image-pull queue, and the pods it runs.
 */
import { isPreloadedOnKindNode } from './images';
import { heartbeatIntervalMs } from './lifecycleStages';
import { HostLocalIpam } from './podIpam';
import type { PodRuntime } from './podRuntime';

/** A node's kubelet and container runtime state. */
export class NodeAgent {
  running = true;
  /** When the kubelet last started (heartbeats are renewed every 10 s from here). */
  startedAt: number;
  stoppedAt: number | undefined;
  readonly ipam: HostLocalIpam;
  /** image key -> virtual time from which containerd has it */
  private readonly imageReadyAt = new Map<string, number>();
  /** The serialized puller is busy until this time. */
  pullFreeAt = 0;
  readonly pods = new Map<string, PodRuntime>();
  private nextSourcePort = 32768;

  constructor(
    readonly name: string,
    readonly ip: string,
    readonly podCIDR: string,
    now: number,
  ) {
    this.startedAt = now;
    this.ipam = new HostLocalIpam(podCIDR);
  }

  /** Whether the image (a fully qualified reference) is in the node's store at `at`. */
  hasImage(key: string, at: number): boolean {
    const t = this.imageAvailableAt(key);
    return t !== undefined && t <= at;
  }

  /** When a pending or finished pull makes the image available (undefined: never pulled). */
  imageAvailableAt(key: string): number | undefined {
    // kind node images ship the control-plane images (CoreDNS among them) in containerd's store
    if (isPreloadedOnKindNode(key)) return 0;
    return this.imageReadyAt.get(key);
  }

  markImage(key: string, at: number): void {
    const t = this.imageReadyAt.get(key);
    if (t === undefined || at < t) this.imageReadyAt.set(key, at);
  }

  /** The last lease renewal: every 10 s while the kubelet runs, frozen when it stops. */
  lastHeartbeat(now: number): number {
    const end = this.running ? now : (this.stoppedAt ?? now);
    return this.startedAt + Math.floor((end - this.startedAt) / heartbeatIntervalMs) * heartbeatIntervalMs;
  }

  /** An ephemeral source port for connections the kubelet opens (probes), for access logs. */
  sourcePort(): number {
    const p = this.nextSourcePort;
    this.nextSourcePort = p >= 60999 ? 32768 : p + 1;
    return p;
  }
}

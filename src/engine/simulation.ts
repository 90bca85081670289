/**
 * Simulation controls: the things a user of the playground can do that have no Kubernetes API, because in a
 * real cluster they happen outside it (a machine loses power, an application starts failing its readiness
 * endpoint). Each goes to the component that owns the behaviour.
 */
import type { ExecResult } from './kubelet/apps/app';

export interface SimulationControls {
  /** Powers a node off: its kubelet stops heartbeating and running pods; the node lifecycle controller notices. */
  stopNode(name: string): boolean;
  /** Powers a node back on. */
  startNode(name: string): boolean;
  /** Whether a node's kubelet is running. */
  isNodeRunning(name: string): boolean;
  /**
   * Makes an application's readiness (or liveness) endpoint answer success or failure, like kuard's
   * `/ready` and `/healthy` pages. Returns false when the pod or container does not exist.
   */
  setAppHealth(namespace: string, pod: string, check: 'ready' | 'healthy', ok: boolean, container?: string): boolean;
  /**
   * The environment of a running (or last run) container as `kubectl exec -- env` prints it: fixed when the
   * container started. Undefined when the pod or container has not started. Defaults to the first container.
   */
  containerEnv(namespace: string, pod: string, container?: string): string[] | undefined;
  /** The pod's /etc/resolv.conf, from its dnsPolicy and dnsConfig; undefined when the pod is not on a node. */
  resolvConf(namespace: string, pod: string): string | undefined;
  /** The kubelet-managed /etc/hosts of a pod with a sandbox; undefined otherwise. */
  hostsFile(namespace: string, pod: string): string | undefined;
  /**
   * Runs a DNS tool (nslookup, dig, host, getent) in a running container, answered by the cluster's DNS;
   * undefined when the container is not running or its image has no such tool.
   */
  dnsTool?(namespace: string, pod: string, container: string | undefined, argv: readonly string[]): ExecResult | undefined;
  /**
   * The text of a file in one of a running container's ConfigMap or Secret volumes, as its last refresh wrote
   * it; undefined when the path is in no such volume, or the file is not there.
   */
  volumeFile?(namespace: string, pod: string, container: string | undefined, path: string): string | undefined;
  /** What `ls PATH` shows of a running container's ConfigMap or Secret volume; undefined when the path is in none. */
  volumeListing?(namespace: string, pod: string, container: string | undefined, path: string): { entries: string[] } | { file: string } | undefined;
  /**
   * Runs a file test or `cat` in a running container against the files its process made, as an exec probe
   * sees them; undefined when the container is not running.
   */
  containerExec?(namespace: string, pod: string, container: string | undefined, argv: readonly string[]): ExecResult | undefined;
  /** Which userland a running container's image ships (busybox, GNU with dash and bash, or none); undefined when not running. */
  containerCoreutils?(namespace: string, pod: string, container: string | undefined): 'busybox' | 'gnu' | 'none' | undefined;
  /** The user ID a running container's process runs as (its image's user); undefined when not running. */
  containerUid?(namespace: string, pod: string, container: string | undefined): number | undefined;
  /** The argv of a running container's main process, where its image says; undefined when not running or not known. */
  mainProcessArgv?(namespace: string, pod: string, container: string | undefined): string[] | undefined;
  /**
   * Ends a running container's main process with `exitCode`, as a shell attached to it does on `exit` (`kubectl run
   * -it`); false when the container is not running.
   */
  endMainProcess?(namespace: string, pod: string, container: string | undefined, exitCode: number): boolean;
  /**
   * Creates (`touch`) or removes (`rm`) a file in a running container, as exec probes then see it (the liveness
   * and readiness demos' `/tmp/healthy`); false when the container is not running.
   */
  setContainerFile?(namespace: string, pod: string, container: string | undefined, path: string, present: boolean): boolean;
}

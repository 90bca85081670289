/**
 * Simulation controls: the things a user of the playground can do that have no Kubernetes API, because in a
 * real cluster they happen outside it (a machine loses power, an application starts failing its readiness
 * endpoint). Each goes to the component that owns the behaviour.
 */
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
}

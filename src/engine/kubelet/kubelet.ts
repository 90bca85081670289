/** PLACEHOLDER: the kubelets, to be implemented. */
import type { Controller, ControllerContext } from '../controllers/controller';
import type { SimulationControls } from '../simulation';

/** When each node's kubelet last reported in (virtual ms); the node lifecycle controller reads it like a Lease. */
export interface KubeletHeartbeats {
  lastHeartbeat(node: string): number | undefined;
}

export interface Kubelets {
  controller: Controller;
  heartbeats: KubeletHeartbeats;
  simulation: SimulationControls;
}

export function createKubelet(ctx: ControllerContext): Kubelets {
  const queue = ctx.newQueue('kubelet');
  return {
    controller: { name: 'kubelet', queue, sync: () => undefined },
    heartbeats: { lastHeartbeat: () => ctx.clock.now() },
    simulation: {
      stopNode: () => false,
      startNode: () => false,
      isNodeRunning: () => true,
      setAppHealth: () => false,
    },
  };
}

/** PLACEHOLDER: node-lifecycle-controller, to be implemented. */
import type { KubeletHeartbeats } from '../../kubelet/kubelet';
import type { Controller, ControllerContext } from '../controller';

export function createNodeLifecycleController(ctx: ControllerContext, _heartbeats: KubeletHeartbeats): Controller {
  const queue = ctx.newQueue('node-lifecycle-controller');
  return { name: 'node-lifecycle-controller', queue, sync: () => undefined };
}

/** PLACEHOLDER: replicaset-controller, to be implemented. */
import type { Controller, ControllerContext } from '../controller';

export function createReplicaSetController(ctx: ControllerContext): Controller {
  const queue = ctx.newQueue('replicaset-controller');
  return { name: 'replicaset-controller', queue, sync: () => undefined };
}

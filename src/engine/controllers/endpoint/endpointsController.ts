/** PLACEHOLDER: endpoint-controller, to be implemented. */
import type { Controller, ControllerContext } from '../controller';

export function createEndpointsController(ctx: ControllerContext): Controller {
  const queue = ctx.newQueue('endpoint-controller');
  return { name: 'endpoint-controller', queue, sync: () => undefined };
}

/** PLACEHOLDER: service-lb-controller, to be implemented. */
import type { Controller, ControllerContext } from '../controller';

export function createLoadBalancerController(ctx: ControllerContext): Controller {
  const queue = ctx.newQueue('service-lb-controller');
  return { name: 'service-lb-controller', queue, sync: () => undefined };
}

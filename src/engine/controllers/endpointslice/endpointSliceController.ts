/** PLACEHOLDER: endpointslice-controller, to be implemented. */
import type { Controller, ControllerContext } from '../controller';

export function createEndpointSliceController(ctx: ControllerContext): Controller {
  const queue = ctx.newQueue('endpointslice-controller');
  return { name: 'endpointslice-controller', queue, sync: () => undefined };
}

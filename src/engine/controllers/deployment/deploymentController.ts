/** PLACEHOLDER: deployment-controller, to be implemented. */
import type { Controller, ControllerContext } from '../controller';

export function createDeploymentController(ctx: ControllerContext): Controller {
  const queue = ctx.newQueue('deployment-controller');
  return { name: 'deployment-controller', queue, sync: () => undefined };
}

/** PLACEHOLDER: namespace-controller, to be implemented. */
import type { Controller, ControllerContext } from '../controller';

export function createNamespaceController(ctx: ControllerContext): Controller {
  const queue = ctx.newQueue('namespace-controller');
  return { name: 'namespace-controller', queue, sync: () => undefined };
}

/** PLACEHOLDER: garbage-collector-controller, to be implemented. */
import type { Controller, ControllerContext } from '../controller';

export function createGarbageCollector(ctx: ControllerContext): Controller {
  const queue = ctx.newQueue('garbage-collector-controller');
  return { name: 'garbage-collector-controller', queue, sync: () => undefined };
}

/** PLACEHOLDER: default-scheduler, to be implemented. */
import type { Controller, ControllerContext } from '../controllers/controller';

export function createScheduler(ctx: ControllerContext): Controller {
  const queue = ctx.newQueue('default-scheduler');
  return { name: 'default-scheduler', queue, sync: () => undefined };
}

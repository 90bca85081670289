/** Page object for the playground: the canvas, the inspector and the time controls. */
import { type Locator, type Page, expect } from '@playwright/test';
import { testIds } from '../../src/testids';

export class Playground {
  constructor(readonly page: Page) {}

  async open(): Promise<void> {
    await this.page.goto('/');
    await expect(this.page.getByTestId(testIds.topology)).toBeVisible();
  }

  /** A graph node by its React Flow id (`pod:default/app`, `svc:default/nginx`, `node:kind-worker`). */
  graphNode(id: string): Locator {
    return this.page.getByTestId(`rf__node-${id}`);
  }

  /** Pods on the canvas whose name starts with `prefix`. */
  pods(prefix: string): Locator {
    return this.page.locator(`[data-testid^="rf__node-pod:${prefix}"]`);
  }

  /** Endpoint edges of a Service. */
  endpointEdges(namespace: string, service: string): Locator {
    return this.page.locator(`[data-testid^="rf__edge-ep:${namespace}/${service}/"]`);
  }

  async advance(times = 1): Promise<void> {
    for (let i = 0; i < times; i++) await this.page.getByTestId(testIds.advance).click();
  }
}

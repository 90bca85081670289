/** Page object: the React Flow canvas, addressed by the stable graph ids. */
import type { Locator, Page } from '@playwright/test';
import { testIds } from '../../src/testids';

export class TopologyCanvas {
  constructor(readonly page: Page) {}

  get root(): Locator {
    return this.page.getByTestId(testIds.topology);
  }

  /** `pod:default/app`, `svc:default/nginx`, `node:kind-worker` */
  node(id: string): Locator {
    return this.page.getByTestId(`rf__node-${id}`);
  }

  /** Pods whose `namespace/name` starts with `prefix`. */
  pods(prefix: string): Locator {
    return this.page.locator(`[data-testid^="rf__node-pod:${prefix}"]`);
  }

  /** Endpoint edges of a Service; `ready` filters on the edge's data-ready attribute. */
  endpointEdges(namespace: string, service: string, ready?: boolean): Locator {
    const readyAttr = ready === undefined ? '' : `[data-ready="${ready}"]`;
    return this.page.locator(`[data-testid^="rf__edge-ep:${namespace}/${service}/"]${readyAttr}`);
  }

  edge(namespace: string, service: string, pod: string): Locator {
    return this.page.getByTestId(`rf__edge-ep:${namespace}/${service}/${pod}`);
  }

  /** The pod name behind a pod node locator. */
  async podName(pod: Locator): Promise<string> {
    const id = (await pod.getAttribute('data-testid')) ?? '';
    return id.slice(id.indexOf('/') + 1);
  }

  async select(id: string): Promise<void> {
    await this.node(id).click();
  }
}

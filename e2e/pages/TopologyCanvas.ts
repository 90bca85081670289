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

  /** Cards standing for the pods of one owner on one node (drawn when zoomed out). */
  get podGroups(): Locator {
    return this.page.locator('.react-flow__node-podGroup');
  }

  /** Every node element React Flow put in the DOM (boxes, Services, pods, group cards). */
  get renderedNodes(): Locator {
    return this.page.locator('.react-flow__node');
  }

  /** `pods` (every pod drawn) or `owners` (grouped), as the canvas says. */
  async detail(): Promise<string | null> {
    return this.root.getAttribute('data-detail');
  }

  /** Pods in the graph, drawn or grouped. */
  async podCount(): Promise<number> {
    return Number(await this.root.getAttribute('data-pods'));
  }

  /** Clicks the part of `element` that is in view (a tall card may reach past the canvas's edges). */
  async clickVisiblePart(element: Locator): Promise<void> {
    const [a, b] = await Promise.all([element.boundingBox(), this.page.locator('.react-flow__pane').boundingBox()]);
    if (!a || !b) throw new Error('element or canvas not laid out');
    const top = Math.max(a.y, b.y);
    const bottom = Math.min(a.y + a.height, b.y + b.height);
    const left = Math.max(a.x, b.x);
    const right = Math.min(a.x + a.width, b.x + b.width);
    if (top >= bottom || left >= right) throw new Error('element is out of view');
    await this.page.mouse.click((left + right) / 2, (top + bottom) / 2);
  }

  async select(id: string): Promise<void> {
    await this.node(id).click();
  }
}

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

  /**
   * Every endpoint edge that passes through a pod it does not end at, as `ns/svc/pod crosses pod:ns/name`:
   * walks each drawn edge path every 3 px, in screen coordinates, against the pods' on-screen boxes.
   */
  async edgesCrossingPods(): Promise<string[]> {
    return this.page.evaluate(() => {
      const pods = [...document.querySelectorAll<HTMLElement>('[data-testid^="rf__node-pod:"]')].map((el) => ({
        id: (el.dataset.testid ?? '').slice('rf__node-'.length),
        r: el.getBoundingClientRect(),
      }));
      const out = new Set<string>();
      for (const g of document.querySelectorAll<SVGGElement>('[data-testid^="rf__edge-ep:"]')) {
        const edge = (g.dataset.testid ?? '').slice('rf__edge-ep:'.length);
        const [ns, , pod] = edge.split('/');
        const path = g.querySelector<SVGPathElement>('path.react-flow__edge-path');
        const m = path?.getScreenCTM();
        if (!path || !m) continue;
        for (let l = 0; l <= path.getTotalLength(); l += 3) {
          const p = path.getPointAtLength(l);
          const x = m.a * p.x + m.c * p.y + m.e;
          const y = m.b * p.x + m.d * p.y + m.f;
          for (const q of pods) {
            if (q.id !== `pod:${ns}/${pod}` && x > q.r.left + 1 && x < q.r.right - 1 && y > q.r.top + 1 && y < q.r.bottom - 1) out.add(`${edge} crosses ${q.id}`);
          }
        }
      }
      return [...out];
    });
  }

  /** The on-screen size of pod names: their CSS font size times the canvas zoom. */
  async podNamePixels(): Promise<number> {
    return this.page.evaluate(() => {
      const name = document.querySelector('.pod-name');
      const viewport = document.querySelector('.react-flow__viewport');
      if (!name || !viewport) return 0;
      const zoom = new DOMMatrix(getComputedStyle(viewport).transform).a;
      return Number.parseFloat(getComputedStyle(name).fontSize) * zoom;
    });
  }

  /** The canvas viewport as React Flow draws it: the transform of its viewport layer. */
  async viewport(): Promise<{ x: number; y: number; zoom: number }> {
    const t = (await this.root.locator('.react-flow__viewport').getAttribute('style')) ?? '';
    const m = /translate\(([-\d.e]+)px, ([-\d.e]+)px\) scale\(([-\d.e]+)\)/.exec(t);
    if (!m) throw new Error(`no viewport transform in "${t}"`);
    return { x: Number(m[1]), y: Number(m[2]), zoom: Number(m[3]) };
  }

  /** The Controls' zoom-in button, as a learner clicks it. */
  async zoomIn(): Promise<void> {
    await this.root.getByRole('button', { name: 'Zoom In' }).click();
  }

  async select(id: string): Promise<void> {
    await this.node(id).click();
  }

  /**
   * Points along every drawn edge (at a quarter, half and three quarters of its length), in CSS pixels from the
   * canvas's top left corner, with the colour the edge is stroked in on screen.
   */
  async edgePoints(): Promise<{ x: number; y: number; stroke: string }[]> {
    return this.root.evaluate((root) => {
      const flow = root.querySelector('.react-flow') ?? root;
      const origin = flow.getBoundingClientRect();
      return [...flow.querySelectorAll<SVGPathElement>('.react-flow__edge-path')].flatMap((path) => {
        const ctm = path.getScreenCTM();
        if (!ctm) return [];
        const length = path.getTotalLength();
        const stroke = getComputedStyle(path).stroke;
        return [0.25, 0.5, 0.75].map((f) => {
          const p = path.getPointAtLength(length * f).matrixTransform(ctm);
          return { x: p.x - origin.left, y: p.y - origin.top, stroke };
        });
      });
    });
  }
}
